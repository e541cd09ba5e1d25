import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseNumber, parseNumberBytes, isNanLiteralBytes } from "../../src/data/parseNumber.js";

function parseText(text: string): number {
  const b = Buffer.from(text, "latin1");
  return parseNumberBytes(b, 0, b.length);
}

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** Decimal strings of the grammar: sign, integer digits, optional fraction, optional exponent. */
const decimalText = fc
  .tuple(
    fc.constantFrom("", "+", "-"),
    digits(0, 22),
    fc.option(digits(0, 22), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1, 3)), { nil: undefined }),
  )
  .filter(([, int, frac]) => int.length + (frac?.length ?? 0) > 0)
  .map(([sign, int, frac, exp]) => sign + int + (frac === undefined ? "" : "." + frac) + (exp ? exp.join("") : ""));

test("parseNumberBytes equals Number() bit for bit on random decimal strings", () => {
  fc.assert(
    fc.property(decimalText, (text) => {
      assert.ok(Object.is(parseText(text), Number(text)), `${text}: ${parseText(text)} vs ${Number(text)}`);
    }),
    { numRuns: 30_000 },
  );
});

test("parseNumberBytes equals Number() on short decimals (the fast path)", () => {
  const short = fc
    .tuple(fc.constantFrom("", "-"), digits(1, 8), digits(0, 8), fc.integer({ min: -40, max: 40 }))
    .map(([s, i, f, e]) => `${s}${i}${f ? "." + f : ""}${e === 0 ? "" : "e" + e}`);
  fc.assert(
    fc.property(short, (text) => {
      assert.ok(Object.is(parseText(text), Number(text)), text);
    }),
    { numRuns: 30_000 },
  );
});

test("every double survives String() and back", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true }), (d) => {
      assert.ok(Object.is(parseText(String(d)), Object.is(d, -0) ? 0 : d), String(d));
    }),
    { numRuns: 20_000 },
  );
});

test("hard cases match Number()", () => {
  for (const text of [
    "0",
    "-0",
    "+0.0",
    "0.1",
    "0.3",
    ".5",
    "5.",
    "-.5e-3",
    "1e22",
    "1e23",
    "123456789012345e-22",
    "123456789012345e22",
    "1234567890123456",
    "9007199254740993",
    "9007199254740992.5",
    "5e-324",
    "2e-324",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "2.2250738585072011e-308",
    "2.2250738585072012e-308",
    "0.000000000000000000000000000001",
    "1e400",
    "-1e400",
    "0e99999999999",
    "1e-99999999999",
    "00000000000000000000012.5",
    "3.14159265358979323846264338327950288",
    "12e+2",
  ])
    assert.ok(Object.is(parseText(text), Number(text)), text);
});

test("inf, infinity and nan in any case", () => {
  assert.equal(parseText("inf"), Infinity);
  assert.equal(parseText("-Inf"), -Infinity);
  assert.equal(parseText("+INFINITY"), Infinity);
  assert.equal(parseText("Infinity"), Infinity);
  assert.ok(Number.isNaN(parseText("nan")));
  const nan = Buffer.from("-NaN");
  assert.equal(isNanLiteralBytes(nan, 0, nan.length), true);
  const notNan = Buffer.from("nano");
  assert.equal(isNanLiteralBytes(notNan, 0, notNan.length), false);
});

test("text outside the grammar is NaN (parseNumber: null)", () => {
  for (const text of [
    "",
    "-",
    "+",
    ".",
    "e5",
    "1e",
    "1e+",
    "1.2.3",
    "1,5",
    " 1",
    "1 ",
    "0x1F",
    "1_000",
    "--1",
    "abc",
    "infinit",
    "infinityy",
    "1d",
    "١",
  ])
    assert.equal(parseNumber(text), null, text);
  assert.ok(Number.isNaN(parseNumber("NaN")!));
  assert.equal(parseNumber("-2.5e3"), -2500);
});

test("parseNumberBytes reads only its byte range", () => {
  const b = Buffer.from("xx12.5,99");
  assert.equal(parseNumberBytes(b, 2, 6), 12.5);
  assert.equal(parseNumberBytes(b, 7, 9), 99);
});

test("parseNumber equals Number() on long mantissas and long exponents", () => {
  const longDigits = fc.oneof(
    digits(0, 40),
    fc.tuple(fc.integer({ min: 0, max: 400 }), digits(0, 40)).map(([zeros, d]) => "0".repeat(zeros) + d),
    fc.tuple(digits(1, 20), fc.integer({ min: 0, max: 400 })).map(([d, zeros]) => d + "0".repeat(zeros)),
  );
  const exponentDigits = fc.oneof(
    digits(1, 4),
    fc.tuple(fc.integer({ min: 0, max: 50 }), digits(1, 12)).map(([zeros, d]) => "0".repeat(zeros) + d),
  );
  const longText = fc
    .tuple(
      fc.constantFrom("", "+", "-"),
      longDigits,
      fc.option(longDigits, { nil: undefined }),
      fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), exponentDigits), {
        nil: undefined,
      }),
    )
    .filter(([, int, frac]) => int.length + (frac?.length ?? 0) > 0)
    .map(([sign, int, frac, exp]) => sign + int + (frac === undefined ? "" : "." + frac) + (exp ? exp.join("") : ""));
  fc.assert(
    fc.property(longText, (text) => {
      const parsed = parseNumber(text);
      assert.ok(parsed !== null, `${text} is a number`);
      assert.ok(Object.is(parsed, Number(text)), `${text}: ${parsed} vs ${Number(text)}`);
    }),
    { numRuns: 20_000 },
  );
  const zeros = "0".repeat(150_000);
  for (const text of [
    "1e" + "0".repeat(100_000) + "1",
    `0.${zeros}1e1500010`, // the exponent beyond 100,000 must not be cut short: Infinity, not 1
    `0.${zeros}1e-1500010`,
    `0.${zeros}1e150001`,
    `1${zeros}e-150000`,
    `1${zeros}.5e-150001`,
    "7".repeat(100_000),
    `1.${"7".repeat(100_000)}`,
    "1e" + "9".repeat(30),
    "1e-" + "9".repeat(30),
  ])
    assert.ok(Object.is(parseNumber(text), Number(text)), `${text.slice(0, 20)}...: ${parseNumber(text)}`);
});
