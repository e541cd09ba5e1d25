import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ClassLabels, compareCodePoints, sortLabels } from "../../../src/model/evaluate/classLabels.js";

test("sortLabels sorts like scikit-learn's classes_: numbers numerically, text by code point", () => {
  assert.deepEqual(sortLabels(["10", "9", "2", "9"]), ["2", "9", "10"]);
  assert.deepEqual(sortLabels(["-1", "0.5", "1e3"]), ["-1", "0.5", "1e3"]);
  assert.deepEqual(sortLabels(["b", "B", "a", "10", "9"]), ["10", "9", "B", "a", "b"]);
  // Python: sorted(["\uff01", "\U0001f600", "a"]) == ["a", "\uff01", "\U0001f600"]
  assert.deepEqual(sortLabels(["\u{1F600}", "\uFF01", "a"]), ["a", "\uFF01", "\u{1F600}"]);
});

test("compareCodePoints orders like comparing the arrays of code points", () => {
  const byCodePoints = (a: string, b: string) => {
    const x = Array.from(a, (ch) => ch.codePointAt(0)!);
    const y = Array.from(b, (ch) => ch.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  const text = fc.string({
    unit: fc.constantFrom("a", "z", "\uE000", "\uFFFF", "\u{10000}", "\u{1F600}", "é"),
    maxLength: 4,
  });
  fc.assert(fc.property(text, text, (a, b) => Math.sign(compareCodePoints(a, b)) === Math.sign(byCodePoints(a, b))));
});

test("ClassLabels matches by text, or by equal numeric value", () => {
  const c = new ClassLabels(["0", "1", "yes"]);
  assert.equal(c.indexOf("1"), 1);
  assert.equal(c.indexOf("1.0"), 1);
  assert.equal(c.indexOf("yes"), 2);
  assert.equal(c.indexOf("2"), -1);
  assert.equal(c.indexOf(""), -1);
  assert.equal(new ClassLabels(["1.5", "2"]).indexOf("1.50"), 0);
});
