import { test } from "node:test";
import assert from "node:assert/strict";
import { ByteInterner } from "../../src/data/byteInterner.js";
import { DEFAULT_NA_VALUES, NaMatcher } from "../../src/data/naMatcher.js";

const bytes = Buffer.from("x,,abc,,");

test("20,000 empty cells are one entry, whether the empty string is NA or a value", () => {
  for (const na of [new NaMatcher(DEFAULT_NA_VALUES), new NaMatcher([])]) {
    const interner = new ByteInterner(na);
    const codes = new Set<number>();
    for (let i = 0; i < 20_000; i++) codes.add(interner.intern(bytes, 2, 2));
    assert.equal(interner.size, 1, "distinct entries");
    assert.deepEqual([...codes], [na.emptyIsNa ? -1 : 0]);
    assert.deepEqual(interner.dictionary, na.emptyIsNa ? [] : [""]);
  }
});

test("every value gets one entry and one code, however the table grows", () => {
  const interner = new ByteInterner(new NaMatcher(["NA"]));
  const values = Array.from({ length: 5000 }, (_, i) => Buffer.from(i % 7 === 0 ? "NA" : `v${i % 1000}`));
  const first = values.map((v) => interner.intern(v, 0, v.length));
  const again = values.map((v) => interner.intern(v, 0, v.length));
  assert.deepEqual(again, first);
  assert.equal(interner.size, new Set(values.map(String)).size);
  assert.equal(interner.dictionary.length, interner.size - 1, "NA has an entry but no dictionary slot");
  assert.equal(interner.intern(bytes, -1, -1), -1, "an absent cell");
});

test("find gives the code of a value interned already and undefined otherwise, adding nothing", () => {
  const interner = new ByteInterner(new NaMatcher(["NA"]));
  const v = (s: string) => Buffer.from(s);
  for (const s of ["a", "bb", "NA", ""]) interner.intern(v(s), 0, s.length);
  const size = interner.size;
  assert.equal(interner.find(v("bb"), 0, 2), 1);
  assert.equal(interner.find(v("xbbx"), 1, 3), 1, "bytes inside a larger buffer");
  assert.equal(interner.find(v("NA"), 0, 2), -1, "an NA string");
  assert.equal(interner.find(v(""), 0, 0), 2);
  assert.equal(interner.find(v("zzz"), 0, 3), undefined);
  assert.equal(interner.size, size, "find adds no entry");
  assert.equal(interner.intern(v("zzz"), 0, 3), 3, "the value is still new to intern");
});

test("a new value's text comes from `spelling` when it has one (another interner's string), else from its bytes", () => {
  const asked: string[] = [];
  const interner = new ByteInterner(new NaMatcher(["NA"]), (bytes, start, end) => {
    const text = new TextDecoder().decode(bytes.subarray(start, end));
    asked.push(text);
    return text === "known" ? "KNOWN" : undefined;
  });
  const v = (s: string) => Buffer.from(s);
  assert.equal(interner.intern(v("known"), 0, 5), 0);
  assert.equal(interner.intern(v("other"), 0, 5), 1);
  assert.equal(interner.intern(v("known"), 0, 5), 0);
  assert.equal(interner.intern(v("NA"), 0, 2), -1);
  assert.deepEqual(interner.dictionary, ["KNOWN", "other"]);
  assert.deepEqual(asked, ["known", "other"], "asked once per new value, never for an NA string");
});
