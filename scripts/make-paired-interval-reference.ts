// Reference intervals for test/compare/pairedIntervals.test.ts: the plain paired percentile bootstrap
// (src/compare/pairedBootstrap.ts: 2,000 resamples, each metric computed on the resample on its own, the slow
// textbook loop) on the fixed cases of test/compare/pairedIntervalData.ts, with a fingerprint of each case's data.
// The test compares the fast intervals (weighted passes, analytic formulas) with these instead of recomputing the
// slow loop on every run (about 2.5 minutes of CPU).
//   node --import tsx scripts/make-paired-interval-reference.ts   -> fixtures/compare/paired_interval_reference.json
import { writeFileSync } from "node:fs";
import { pairedBootstrap } from "../src/compare/pairedBootstrap.js";
import { prepareResampledMetric } from "../src/compare/resampledMetric.js";
import { CASES, fingerprint, REFERENCE_OPTIONS } from "../test/compare/pairedIntervalData.js";

const out: Record<string, unknown> = {
  generator: "scripts/make-paired-interval-reference.ts (pairedBootstrap, the plain loop)",
  options: REFERENCE_OPTIONS,
  cases: {},
};
for (const c of CASES) {
  const [candidate, baseline] = c.make();
  const intervals = pairedBootstrap(
    candidate.rowCount,
    c.metrics.map((name) => ({
      name,
      candidate: prepareResampledMetric(name, candidate)!,
      baseline: prepareResampledMetric(name, baseline)!,
    })),
    REFERENCE_OPTIONS,
  );
  (out.cases as Record<string, unknown>)[c.id] = {
    fingerprint: fingerprint([candidate, baseline]),
    intervals: Object.fromEntries(
      c.metrics.map((name) => {
        const iv = intervals.get(name)!;
        return [name, { delta: iv.delta, relative: iv.relative }];
      }),
    ),
  };
  console.error(`${c.id}: ${c.metrics.length} metrics`);
}
writeFileSync("fixtures/compare/paired_interval_reference.json", JSON.stringify(out, null, 2) + "\n");
