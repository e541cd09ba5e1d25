import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleColumn } from "../../src/drift/columnSample.js";
import { FeatureQualityColumns } from "../../src/quality/featureQualityColumns.js";
import { measureQuality, type FeatureQuality } from "../../src/quality/measureQuality.js";
import { resolveQualityThresholds } from "../../src/quality/qualityThresholds.js";
import { dictionaryColumn, numericColumn } from "../helpers/tables.js";
import { rng } from "../helpers/random.js";

const T = resolveQualityThresholds();

/** Random cells: numbers with missing, infinite and far values, or categories with missing and new ones. */
function randomQuality(random: () => number, i: number): FeatureQuality {
  const n = 1 + Math.floor(random() * 40);
  if (random() < 0.5) {
    const cells = (shift: number) =>
      Array.from({ length: n }, () => {
        const u = random();
        return u < 0.15 ? null : u < 0.2 ? (u < 0.175 ? Infinity : -Infinity) : u < 0.3 ? 1e6 * shift : random() * 10;
      });
    const ref = sampleColumn(numericColumn(`n${i}`, cells(0), "number"));
    return measureQuality(`n${i}`, ref, sampleColumn(numericColumn(`n${i}`, cells(1), "number")), T)!;
  }
  const cells = (levels: string) =>
    Array.from({ length: n }, () => (random() < 0.2 ? null : levels[Math.floor(random() * levels.length)]!));
  const ref = sampleColumn(dictionaryColumn(`c${i}`, cells("abc")));
  return measureQuality(`c${i}`, ref, sampleColumn(dictionaryColumn(`c${i}`, cells("abcdxyz"))), T)!;
}

test("FeatureQualityColumns gives back each column's FeatureQuality, the same object and key order, numeric and categorical", () => {
  const random = rng(21);
  const qualities = Array.from({ length: 400 }, (_, i) => randomQuality(random, i));
  // Every signal is present somewhere and fires somewhere: each slot is exercised.
  for (const signal of ["missing_share", "out_of_range_share", "new_category_share", "non_finite_share"] as const) {
    assert.ok(
      qualities.some((q) => q[signal] !== undefined),
      `${signal} present`,
    );
    assert.ok(
      qualities.some((q) => q.fired.includes(signal)),
      `${signal} fires`,
    );
  }
  const columns = new FeatureQualityColumns(qualities.length, T);
  for (const q of qualities) columns.push(q);
  assert.equal(columns.length, qualities.length);
  qualities.forEach((q, i) => assert.equal(JSON.stringify(columns.feature(i)), JSON.stringify(q), q.name));
});

test("FeatureQualityColumns refuses a column with both signals of one slot, and more columns than its capacity", () => {
  const columns = new FeatureQualityColumns(1, T);
  const measure = { share: 0, count: 0, total: 1, expected: 0, threshold: 0.1, fired: false };
  const both: FeatureQuality = {
    name: "x",
    missing_share: measure,
    non_finite_share: measure,
    new_category_share: measure,
    fired: [],
  };
  assert.throws(() => columns.push(both), /share a slot/);
  assert.equal(columns.length, 0);
  columns.push({ name: "x", missing_share: measure, fired: [] });
  assert.throws(() => columns.push({ name: "y", missing_share: measure, fired: [] }), /capacity/);
});
