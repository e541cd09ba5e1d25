import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { classificationMetrics } from "../../../src/model/metrics/classificationMetrics.js";
import { regressionMetrics } from "../../../src/model/metrics/regressionMetrics.js";
import { slicedMetrics, type SlicedMetricsTarget } from "../../../src/model/metrics/slicedMetrics.js";

interface SliceCase {
  name: string;
  task: "classification" | "regression";
  classes?: string[];
  positive_index?: number;
  y_true: number[];
  y_pred?: number[];
  proba?: number[];
  codes: number[];
  labels: string[];
  expected: { slice: string; size: number; metrics: Record<string, number>; omitted: string[] }[];
}

const fixture = JSON.parse(readFileSync("fixtures/metrics/slices.json", "utf8")) as { cases: SliceCase[] };

function target(c: SliceCase): SlicedMetricsTarget {
  return c.task === "classification"
    ? {
        task: "classification",
        yTrue: Int32Array.from(c.y_true),
        proba: Float64Array.from(c.proba!),
        classes: c.classes!,
        positiveIndex: c.positive_index,
      }
    : { task: "regression", yTrue: Float64Array.from(c.y_true), yPred: Float64Array.from(c.y_pred!) };
}

test("per-slice metrics equal scikit-learn's on each slice, sorted by label, judged by size", () => {
  for (const c of fixture.cases) {
    const got = slicedMetrics(target(c), { codes: Int32Array.from(c.codes), labels: c.labels });
    const expected = [...c.expected].sort((a, b) => (a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0));
    assert.deepEqual(
      got.map((s) => s.slice),
      expected.map((s) => s.slice),
      c.name,
    );
    got.forEach((s, i) => {
      const e = expected[i]!;
      assert.equal(s.size, e.size);
      assert.equal(s.judged, e.size >= 30);
      assert.deepEqual(Object.keys(s.metrics).sort(), Object.keys(e.metrics).sort(), `${c.name}/${s.slice}`);
      for (const [name, v] of Object.entries(e.metrics))
        assert.ok(
          Math.abs(s.metrics[name]! - v) <= 1e-9 * Math.max(1, Math.abs(v)),
          `${c.name}/${s.slice} ${name}: ${s.metrics[name]} vs ${v}`,
        );
      for (const m of e.omitted) assert.ok(s.notes.some((n) => n.metric === m));
    });
  }
  const bc = fixture.cases[0]!;
  assert.ok(bc.expected.some((s) => s.size < 30) && bc.expected.some((s) => s.size >= 30));
});

test("minSize, empty slices, ties between labels and bad codes", () => {
  const t: SlicedMetricsTarget = {
    task: "regression",
    yTrue: Float64Array.of(1, 2, 3, 4, 5),
    yPred: Float64Array.of(1, 2, 3, 4, 6),
  };
  const got = slicedMetrics(t, { codes: Int32Array.of(2, 0, 2, 0, 2), labels: ["b", "z", "a"] }, 3);
  assert.deepEqual(
    got.map((s) => [s.slice, s.size, s.judged]),
    [
      ["a", 3, true],
      ["b", 2, false],
      ["z", 0, false],
    ],
  );
  assert.deepEqual(got[2]!.metrics, {});
  assert.match(got[2]!.notes[0]!.reason, /no rows/);
  assert.deepEqual(got[0]!.metrics, regressionMetrics(Float64Array.of(1, 3, 5), Float64Array.of(1, 3, 6)).metrics);
  assert.throws(
    () => slicedMetrics(t, { codes: Int32Array.of(0, 0, 0, 0, 3), labels: ["a", "b", "c"] }),
    /out of range/,
  );
  assert.throws(() => slicedMetrics(t, { codes: Int32Array.of(0, 0), labels: ["a"] }), /slice codes/);
});

test("property: slicing by one label gives the unsliced metrics; slice sizes add up to N", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ y: fc.integer({ min: 0, max: 2 }), yp: fc.integer({ min: 0, max: 2 }), s: fc.nat(3) }), {
        minLength: 1,
        maxLength: 80,
      }),
      (rows) => {
        const input = {
          yTrue: Int32Array.from(rows, (r) => r.y),
          yPred: Int32Array.from(rows, (r) => r.yp),
          classes: ["a", "b", "c"],
        };
        const whole = slicedMetrics(
          { task: "classification", ...input },
          {
            codes: new Int32Array(rows.length),
            labels: ["all"],
          },
        );
        assert.deepEqual(whole[0]!.metrics, classificationMetrics(input).metrics);
        const parts = slicedMetrics(
          { task: "classification", ...input },
          {
            codes: Int32Array.from(rows, (r) => r.s),
            labels: ["s0", "s1", "s2", "s3"],
          },
        );
        assert.equal(
          parts.reduce((a, p) => a + p.size, 0),
          rows.length,
        );
        for (const p of parts) {
          const idx = rows.flatMap((r, i) => (`s${r.s}` === p.slice ? [i] : []));
          if (idx.length === 0) continue;
          const sub = classificationMetrics({
            yTrue: Int32Array.from(idx, (i) => input.yTrue[i]!),
            yPred: Int32Array.from(idx, (i) => input.yPred[i]!),
            classes: input.classes,
          });
          assert.deepEqual(p.metrics, sub.metrics);
        }
      },
    ),
    { numRuns: 200 },
  );
});
