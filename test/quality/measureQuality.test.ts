import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleColumn, sampleProfile } from "../../src/drift/columnSample.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { measureQuality } from "../../src/quality/measureQuality.js";
import { DEFAULT_QUALITY_THRESHOLDS, resolveQualityThresholds } from "../../src/quality/qualityThresholds.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { normals } from "../helpers/random.js";

const num = (xs: (number | null)[]) => sampleColumn(numericColumn("x", xs, "number"));
const cat = (xs: (string | null)[]) => sampleColumn(dictionaryColumn("c", xs));
const T = resolveQualityThresholds();

test("40% missing fires missing_share; the reference's own missing share is expected", () => {
  const ref = normals(1000, 1);
  const cur = normals(1000, 2).map((x, i) => (i % 5 < 2 ? null : x));
  const q = measureQuality("x", num(ref), num(cur), T)!;
  assert.equal(q.missing_share.count, 400);
  assert.equal(q.missing_share.total, 1000);
  assert.equal(q.missing_share.share, 0.4);
  assert.equal(q.missing_share.expected, 0);
  assert.deepEqual(q.fired, ["missing_share"]);
  // The same 40% against a reference that had 35% missing is within the 0.1 allowance.
  const refMissing = ref.map((x, i) => (i % 20 < 7 ? null : x));
  const again = measureQuality("x", num(refMissing), num(cur), T)!;
  assert.equal(again.missing_share.expected, 0.35);
  assert.deepEqual(again.fired, []);
});

test("a small window needs a large excess: 1 of 5 missing does not fire, 4 of 5 does", () => {
  const ref = num(normals(500, 3));
  assert.deepEqual(measureQuality("x", ref, num([1, 2, null, 0, 1]), T)!.fired, []);
  assert.deepEqual(measureQuality("x", ref, num([null, null, null, 0, null]), T)!.fired, ["missing_share"]);
});

test("out_of_range_share counts finite values outside the reference's [min, max]; expected is 2/(n+1)", () => {
  const ref = Array.from({ length: 999 }, (_, i) => i / 998); // [0, 1]
  const cur = Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1000 + i : i < 110 ? -5 : (i % 500) / 500));
  const q = measureQuality("x", num(ref), num(cur), T)!;
  assert.equal(q.out_of_range_share!.count, 110);
  assert.equal(q.out_of_range_share!.total, 1000);
  assert.equal(q.out_of_range_share!.expected, 2 / 1000);
  assert.deepEqual(q.fired, ["out_of_range_share"]);
  // 1% outside: reported, below the 5% default; a team that sets 0.005 gets it.
  const onePct = Array.from({ length: 10000 }, (_, i) => (i < 100 ? 2 : (i % 999) / 998));
  const low = measureQuality("x", num(ref), num(onePct), T)!;
  assert.equal(low.out_of_range_share!.share, 0.01);
  assert.deepEqual(low.fired, []);
  const strict = measureQuality("x", num(ref), num(onePct), resolveQualityThresholds({ out_of_range_share: 0.005 }))!;
  assert.deepEqual(strict.fired, ["out_of_range_share"]);
});

test("one infinite value fires non_finite_share when the reference had none; not where it had as many", () => {
  const ref = normals(1000, 4);
  const cur = [...normals(999, 5), Infinity];
  const q = measureQuality("x", num(ref), num(cur), T)!;
  assert.equal(q.non_finite_share!.count, 1);
  assert.deepEqual(q.fired, ["non_finite_share"]);
  // Infinite values are not out of range (they have their own signal): only a few normal tails are.
  assert.ok(q.out_of_range_share!.count < 10);
  assert.equal(q.out_of_range_share!.total, 999);
  const refInf = [...normals(990, 4), ...Array<number>(10).fill(-Infinity)];
  assert.deepEqual(measureQuality("x", num(refInf), num(cur), T)!.fired, []);
});

test("new_category_share: values the reference never had; the reference's singletons are expected (Good-Turing)", () => {
  const ref = Array.from({ length: 1000 }, (_, i) => ["a", "b", "c"][i % 3]!);
  const cur = Array.from({ length: 1000 }, (_, i) => (i < 80 ? "NEW" : ["a", "b", "c"][i % 3]!));
  const q = measureQuality("c", cat(ref), cat(cur), T)!;
  assert.equal(q.new_category_share!.count, 80);
  assert.equal(q.new_category_share!.expected, 0);
  assert.deepEqual(q.fired, ["new_category_share"]);
  assert.equal(q.out_of_range_share, undefined);
  // A reference with many one-off values expects new ones: 100 singletons in 1000 values -> 10% expected.
  const rare = [...ref.slice(0, 900), ...Array.from({ length: 100 }, (_, i) => `r${i}`)];
  assert.deepEqual(measureQuality("c", cat(rare), cat(cur), T)!.fired, []);
});

test("a profile reference gives the same shares as its data (min/max and infinities from the profile)", () => {
  const values = [...normals(2000, 6), Infinity];
  const profile = buildProfile(table([numericColumn("x", values, "number")]));
  const fromProfile = sampleProfile(profile).get("x")!;
  const cur = num([...normals(900, 7), ...Array<number>(100).fill(50), null, null]);
  const a = measureQuality("x", num(values), cur, T)!;
  const b = measureQuality("x", fromProfile, cur, T)!;
  assert.deepEqual(b, a);
  assert.ok(a.out_of_range_share!.count >= 100 && a.out_of_range_share!.count < 110);
  assert.equal(a.non_finite_share!.expected, 1 / 2001);
});

test("thresholds: false turns a signal off; unset keys take the defaults", () => {
  const t = resolveQualityThresholds({ missing_share: false });
  assert.equal(t.missing_share, false);
  assert.equal(t.out_of_range_share, DEFAULT_QUALITY_THRESHOLDS.out_of_range_share);
  const q = measureQuality("x", num([1, 2, 3]), num([null, null, null, null, null, null, null, null, null, 1]), t)!;
  assert.equal(q.missing_share.share, 0.9);
  assert.deepEqual(q.fired, []);
  assert.equal(measureQuality("x", num([1]), cat(["a"]), T), null);
});
