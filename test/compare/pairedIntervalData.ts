import type { ClassificationPredictions, RegressionPredictions } from "../../src/model/evaluate/predictions.js";
import { createHash } from "node:crypto";
import type { Predictions } from "../../src/model/evaluate/predictions.js";
import { seededRandom } from "../../src/stats/seededRandom.js";

// The fixed data of test/compare/pairedIntervals.test.ts and of the script that makes its reference intervals
// (scripts/make-paired-interval-reference.ts): both must draw the same rows.

/** Two correlated models scoring the same rows: a logistic truth, each model a noisy view of it (ties from rounding). */
export function twoModels(
  rows: number,
  classes: number,
  seed: number,
): [ClassificationPredictions, ClassificationPredictions] {
  const r = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const yTrue = new Int32Array(rows);
  const sides = [0.6, 1.1].map(() => ({ proba: new Float64Array(rows * classes), yPred: new Int32Array(rows) }));
  for (let i = 0; i < rows; i++) {
    const z = Array.from({ length: classes }, () => normal());
    const pTrue = softmax(z.map((v) => 1.2 * v));
    let u = r();
    let y = 0;
    while (y < classes - 1 && u >= pTrue[y]!) u -= pTrue[y++]!;
    yTrue[i] = y;
    [0.6, 1.1].forEach((noise, s) => {
      const p = softmax(z.map((v) => v + noise * normal())).map((x) => Math.round(x * 1000) / 1000);
      const total = p.reduce((a, b) => a + b, 0);
      let top = 0;
      p.forEach((x, k) => {
        sides[s]!.proba[i * classes + k] = x / total;
        if (x > p[top]!) top = k;
      });
      sides[s]!.yPred[i] = top;
    });
  }
  const classNames = Array.from({ length: classes }, (_, k) => String(k));
  const make = (s: number): ClassificationPredictions => ({
    task: classes === 2 ? "binary" : "multiclass",
    rowCount: rows,
    classes: classNames,
    ...(classes === 2 ? { positiveIndex: 1 } : {}),
    yTrue,
    yPred: sides[s]!.yPred,
    proba: sides[s]!.proba,
  });
  return [make(0), make(1)];
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function twoRegressions(rows: number, seed: number): [RegressionPredictions, RegressionPredictions] {
  const r = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const yTrue = new Float64Array(rows);
  const a = new Float64Array(rows);
  const b = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = normal();
    yTrue[i] = 10 + 3 * x + normal();
    a[i] = 10 + 2.8 * x + 0.5 * normal();
    b[i] = 10 + 2.5 * x + 0.8 * normal();
  }
  return [
    { task: "regression", rowCount: rows, yTrue, yPred: a },
    { task: "regression", rowCount: rows, yTrue, yPred: b },
  ];
}

export const BINARY = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "roc_auc",
  "pr_auc",
  "log_loss",
  "brier",
  "ece",
];
export const MULTICLASS = [
  "accuracy",
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "f1_weighted",
  "roc_auc",
  "pr_auc",
  "log_loss",
];
export const REGRESSION = ["mse", "rmse", "mae", "r2", "mape"];

/** The bootstrap settings of the reference intervals and of the fast intervals compared with them. */
export const REFERENCE_OPTIONS = { resamples: 2000, seed: 7, confidence: 0.95 };

/** The fixed cases: the reference file holds the plain bootstrap's intervals of each. */
export const CASES: readonly { id: string; make: () => [Predictions, Predictions]; metrics: readonly string[] }[] = [
  { id: "binary 5k", make: () => twoModels(5_000, 2, 1), metrics: BINARY },
  // Four metrics at 20k: the weighted bootstrap there runs on worker threads.
  { id: "binary 20k", make: () => twoModels(20_000, 2, 2), metrics: ["accuracy", "f1", "roc_auc", "log_loss"] },
  { id: "multiclass 6k", make: () => twoModels(6_000, 3, 3), metrics: MULTICLASS },
  { id: "regression 8k", make: () => twoRegressions(8_000, 4), metrics: REGRESSION },
];

/** sha256 of both models' predictions, so a reference interval is used only on the data it was computed on. */
export function fingerprint(pair: readonly Predictions[]): string {
  const h = createHash("sha256");
  for (const p of pair) {
    h.update(`${p.task}:${p.rowCount};`);
    for (const a of [p.yTrue, p.yPred, "proba" in p ? p.proba : undefined])
      if (a) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return h.digest("hex");
}
