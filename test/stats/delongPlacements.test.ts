import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { delongCovariance, delongPlacements } from "../../src/stats/delongPlacements.js";

interface DelongCase {
  name: string;
  positive: number[];
  scores: number[][];
  auc: number[];
  covariance: number[][];
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

// scripts/make_interval_fixtures.py computes DeLong from the pairwise kernel (O(m n)); ours places rows by binary
// search in sorted scores, so the sums run in another order: agreement to 1e-12 relative (1e-17 absolute for a
// covariance that is exactly 0) is the rounding of a few thousand terms, far below any effect on an interval.
test("delongCovariance equals DeLong's S10/m + S01/n computed from the definition by numpy", () => {
  for (const c of loadCases<DelongCase>("delong.json")) {
    const positive = Uint8Array.from(c.positive);
    const got = delongCovariance(
      c.scores.map((s) => Float64Array.from(s)),
      positive,
    );
    c.auc.forEach((a, k) => assert.ok(Math.abs(got.auc[k]! - a) <= 1e-14, `${c.name}: auc ${k}`));
    c.covariance.forEach((row, a) =>
      row.forEach((want, b) => {
        const have = got.covariance[a]![b]!;
        assert.ok(
          Math.abs(have - want) <= 1e-12 * Math.abs(want) + 1e-17,
          `${c.name}: covariance[${a}][${b}] ${have} vs ${want}`,
        );
      }),
    );
  }
});

test("placements average to the AUC on both sides (DeLong's identity), ties counted one half", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 2, maxLength: 60 }),
      (rows) => {
        const score = Float64Array.from(rows.map(([s]) => s / 6));
        const positive = Uint8Array.from(rows.map(([, p]) => (p ? 1 : 0)));
        const d = delongPlacements(score, positive);
        if (d.positives === 0 || d.negatives === 0) return Number.isNaN(d.auc);
        let pairs = 0;
        let sumNeg = 0;
        for (let i = 0; i < rows.length; i++) {
          if (!positive[i]) {
            sumNeg += d.placement[i]!;
            continue;
          }
          for (let j = 0; j < rows.length; j++)
            if (!positive[j]) pairs += score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0;
        }
        const auc = pairs / (d.positives * d.negatives);
        return Math.abs(d.auc - auc) < 1e-12 && Math.abs(sumNeg / d.negatives - auc) < 1e-12;
      },
    ),
  );
});
