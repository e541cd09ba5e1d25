import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { ColumnType } from "../../src/data/table.js";
import { ModelguardError } from "../../src/errors.js";
import { checkLeakage, spearman } from "../../src/schema/checkLeakage.js";
import { leakageViolations } from "../../src/schema/leakageViolations.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { validateTable } from "../../src/schema/validateTable.js";
import { mergeViolations } from "../../src/schema/validationResult.js";
import { rng, tableFromRecords, type Cell } from "./helpers.js";

type Row = Record<string, Cell>;

const CLASSIFICATION_TYPES: Record<string, ColumnType> = {
  id: "integer",
  customer_key: "string",
  good: "number",
  leak: "category",
  leak_score: "number",
  noise: "category",
  target: "category",
};

/** Rows of a churn-like dataset: `leak` copies the target with 0.5% of rows flipped, `good` predicts it ~85%. */
function classificationRows(n: number, firstId: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const y = r() < 0.45;
    const flip = r() < 0.005;
    const leaked = flip ? !y : y;
    return {
      id: firstId + i,
      customer_key: `K${String(firstId + i).padStart(6, "0")}`,
      good: (y ? 1 : 0) + r() * 1.6,
      leak: leaked ? "churned" : "stayed",
      leak_score: (leaked ? 10 : 0) + r(),
      noise: ["a", "b", "c", "d"][Math.floor(r() * 4)]!,
      target: y ? "yes" : "no",
    };
  });
}

function classificationTables() {
  const trainRows = classificationRows(4000, 0, 1);
  const holdoutRows = classificationRows(2000, 100_000, 2);
  // Plant exact copies of train rows in the holdout.
  const planted = [
    [17, 3],
    [2500, 40],
    [999, 41],
    [5, 900],
    [3999, 1500],
    [1234, 1999],
  ] as const;
  for (const [t, h] of planted) holdoutRows[h] = { ...trainRows[t]! };
  return {
    train: tableFromRecords(trainRows, CLASSIFICATION_TYPES, "train.csv"),
    holdout: tableFromRecords(holdoutRows, CLASSIFICATION_TYPES, "holdout.csv"),
    planted,
  };
}

test("duplicate rows: planted copies are found with count, fraction and the first five pairs", () => {
  const { train, holdout, planted } = classificationTables();
  const result = checkLeakage(train, holdout);
  assert.deepEqual(result.duplicateRows.columns, ["good", "leak", "leak_score", "noise", "target"]);
  assert.deepEqual(result.duplicateRows.idColumns, ["id", "customer_key"], "compared on content, not ids");
  assert.equal(result.duplicateRows.count, planted.length);
  assert.equal(result.duplicateRows.fraction, planted.length / 2000);
  assert.deepEqual(
    result.duplicateRows.examples,
    planted.slice(0, 5).map(([trainRow, holdoutRow]) => ({ trainRow, holdoutRow })),
  );
  assert.equal(result.ok, false);
  assert.deepEqual(result.targetLeakage, [], "no target given, no target check");
});

test("duplicate rows by content: copies with new ids are found, and repeats inside the training data reported", () => {
  const trainRows = classificationRows(3000, 0, 11);
  const holdoutRows = classificationRows(1000, 50_000, 12);
  // The same examples under fresh ids (a re-export, a second ingestion): equal in every column but the ids.
  for (const [t, h] of [
    [10, 7],
    [2000, 500],
  ] as const) {
    holdoutRows[h] = { ...trainRows[t]!, id: 90_000 + h, customer_key: `K${String(90_000 + h).padStart(6, "0")}` };
  }
  trainRows[2999] = { ...trainRows[40]!, id: 2999, customer_key: "K002999" };
  trainRows[2998] = { ...trainRows[41]!, id: 2998, customer_key: "K002998" };
  const result = checkLeakage(
    tableFromRecords(trainRows, CLASSIFICATION_TYPES, "train.csv"),
    tableFromRecords(holdoutRows, CLASSIFICATION_TYPES, "holdout.csv"),
  );
  assert.deepEqual(result.duplicateRows.examples, [
    { trainRow: 10, holdoutRow: 7 },
    { trainRow: 2000, holdoutRow: 500 },
  ]);
  assert.deepEqual(result.trainDuplicates, {
    columns: ["good", "leak", "leak_score", "noise", "target"],
    count: 2,
    fraction: 2 / 3000,
    examples: [
      { row: 2998, firstRow: 41 },
      { row: 2999, firstRow: 40 },
    ],
  });
  const within = leakageViolations(result).find((v) => v.kind === "duplicate_train_rows")!;
  assert.equal(within.severity, "warning");
  assert.equal(
    within.message,
    "train.csv: 2 rows (0.067%) repeat an earlier row (equal in all 5 columns; id-like id, customer_key left out), e.g. row 2998 = row 41",
  );
});

test("target leakage: the near-copy of the target is flagged; id, key and a good-but-imperfect feature are not", () => {
  const { train, holdout } = classificationTables();
  const result = checkLeakage(train, holdout, { target: "target" });
  assert.equal(result.task, "classification");
  const flagged = Object.fromEntries(result.targetLeakage.map((f) => [f.column, f]));
  assert.deepEqual(Object.keys(flagged).sort(), ["leak", "leak_score"]);
  assert.equal(flagged.leak!.method, "majority_per_category");
  assert.equal(flagged.leak_score!.method, "majority_per_quantile_bin");
  for (const f of result.targetLeakage) {
    assert.ok(f.score >= 0.99 && f.score < 1, `${f.column} score ${f.score}`);
    assert.ok(f.baseline > 0.5 && f.baseline < 0.6, `baseline ${f.baseline}`);
    assert.equal(f.rows, 2000);
  }
  // The honest feature really is predictive, so not flagging it means something.
  const honest = checkLeakage(train, holdout, { target: "target", threshold: 0.8 });
  assert.ok(honest.targetLeakage.some((f) => f.column === "good"));
  assert.ok(!honest.targetLeakage.some((f) => ["id", "customer_key", "noise"].includes(f.column)));
});

test("target leakage is not flagged against an overwhelming majority class", () => {
  // baseline 99.5%; a feature right 99.6% of the time removes only a fifth of the errors.
  const r = rng(5);
  const rows = (n: number): Row[] =>
    Array.from({ length: n }, (_, i) => {
      const y = i % 200 === 0 ? "rare" : "common";
      const f = r() < 0.001 ? (y === "rare" ? "common" : "rare") : i % 400 === 0 ? y : "common";
      return { f, y };
    });
  const types: Record<string, ColumnType> = { f: "category", y: "category" };
  const result = checkLeakage(tableFromRecords(rows(8000), types), tableFromRecords(rows(8000), types), {
    target: "y",
  });
  assert.deepEqual(result.targetLeakage, []);
});

const REGRESSION_TYPES: Record<string, ColumnType> = {
  row_id: "integer",
  order_key: "string",
  y_plus_noise: "number",
  y_bucket: "category",
  correlated: "number",
  price: "number",
};

function regressionRows(n: number, firstId: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const y = r() * 1000;
    return {
      row_id: firstId + i,
      order_key: `O${firstId + i}`,
      y_plus_noise: y + (r() - 0.5) * 2,
      y_bucket: `b${Math.floor(y / 10)}`,
      correlated: y + (r() - 0.5) * 600,
      price: y,
    };
  });
}

test("regression target: |Spearman| flags near-copies, numeric and categorical; not ids or merely correlated features", () => {
  const train = tableFromRecords(regressionRows(3000, 0, 11), REGRESSION_TYPES, "train.csv");
  const holdout = tableFromRecords(regressionRows(1500, 50_000, 12), REGRESSION_TYPES, "holdout.csv");
  const result = checkLeakage(train, holdout, { target: "price" });
  assert.equal(result.task, "regression");
  assert.deepEqual(
    result.targetLeakage.map((f) => [f.column, f.method]),
    [
      ["y_plus_noise", "spearman"],
      ["y_bucket", "mean_per_category_spearman"],
    ],
  );
  for (const f of result.targetLeakage) assert.ok(f.score >= 0.99 && f.baseline === 0);
  const lax = checkLeakage(train, holdout, { target: "price", threshold: 0.7 });
  assert.ok(
    lax.targetLeakage.some((f) => f.column === "correlated"),
    "correlated is predictive, just not perfectly",
  );
  assert.ok(!lax.targetLeakage.some((f) => f.column === "row_id" || f.column === "order_key"));
  assert.equal(result.duplicateRows.count, 0);
  assert.equal(result.ok, false);
});

test("spearman: ties get average ranks; constant input gives 0", () => {
  const { rho, n } = spearman(Float64Array.from([1, 2, 3, 4, NaN]), Float64Array.from([10, 20, 30, 40, 50]));
  assert.equal(n, 4);
  assert.ok(Math.abs(rho - 1) < 1e-12);
  assert.ok(Math.abs(spearman(Float64Array.from([1, 2, 3]), Float64Array.from([3, 2, 1])).rho + 1) < 1e-12);
  // x = [1, 2, 2, 3] ranks [1, 2.5, 2.5, 4]; y ranks [1, 2, 3, 4]: rho = 4.5 / sqrt(4.5 * 5)
  const tied = spearman(Float64Array.from([1, 2, 2, 3]), Float64Array.from([1, 2, 3, 4])).rho;
  assert.ok(Math.abs(tied - 4.5 / Math.sqrt(4.5 * 5)) < 1e-12, String(tied));
  assert.equal(spearman(Float64Array.from([1, 1, 1]), Float64Array.from([1, 2, 3])).rho, 0);
});

test("spearman equals scipy.stats.spearmanr to 1e-12 (fixtures/stats/spearman.json)", () => {
  const decode = (v: number | string) => (typeof v === "number" ? v : Number(v));
  const text = readFileSync(new URL("../../fixtures/stats/spearman.json", import.meta.url), "utf8");
  const cases = (JSON.parse(text) as { cases: { label: string; x: (number | string)[]; y: number[]; rho: number }[] })
    .cases;
  assert.ok(cases.length >= 8);
  for (const c of cases) {
    const { rho, n } = spearman(Float64Array.from(c.x, decode), Float64Array.from(c.y));
    assert.equal(n, c.x.length);
    assert.ok(Math.abs(rho - c.rho) <= 1e-12, `${c.label}: ${rho} vs scipy ${c.rho}`);
  }
});

test("duplicate rows compare values, not storage: 1 equals 1.0, numeric 1 equals text '1', missing equals missing", () => {
  const train = tableFromRecords(
    [
      { a: 1, b: "x", c: 5 },
      { a: 2, b: null, c: 6 },
      { a: 2, b: null, c: 6 },
    ],
    { a: "integer", b: "string", c: "integer" },
  );
  const holdout = tableFromRecords(
    [
      { a: 1.0, b: "x", c: "5", d: "only here" },
      { a: 2, b: null, c: "6" },
      { a: 2, b: "", c: "6" },
      { a: 3, b: "x", c: "5" },
    ],
    { a: "number", b: "string", c: "string", d: "string" },
  );
  const dup = checkLeakage(train, holdout).duplicateRows;
  assert.deepEqual(dup.columns, ["a", "b", "c"]);
  assert.equal(dup.count, 2);
  assert.deepEqual(dup.examples, [
    { trainRow: 0, holdoutRow: 0 },
    { trainRow: 1, holdoutRow: 1 },
  ]);
});

test("duplicate rows are counted right when train repeats the same few rows many times", () => {
  const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ a: i % 2, b: i % 3 === 0 }));
  const types: Record<string, ColumnType> = { a: "integer", b: "boolean" };
  const dup = checkLeakage(tableFromRecords(rows(60_000), types), tableFromRecords(rows(60_000), types)).duplicateRows;
  assert.equal(dup.count, 60_000);
  assert.deepEqual(dup.examples[0], { trainRow: 0, holdoutRow: 0 });
});

test("no shared columns, a missing target, too few rows", () => {
  const a = tableFromRecords([{ x: 1 }], { x: "integer" }, "a.csv");
  const b = tableFromRecords([{ y: 1 }], { y: "integer" }, "b.csv");
  const r = checkLeakage(a, b);
  assert.equal(r.duplicateRows.count, 0);
  assert.deepEqual(r.notes, ["the tables share no column, so no row can be compared"]);
  assert.throws(
    () => checkLeakage(a, a, { target: "label" }),
    (e: unknown) =>
      e instanceof ModelguardError && e.code === "usage" && /target column 'label' is not in a\.csv/.test(e.message),
  );
  const small = tableFromRecords(
    Array.from({ length: 10 }, (_, i) => ({ f: i % 2, y: i % 2 === 0 ? "a" : "b" })),
    { f: "integer", y: "category" },
  );
  const few = checkLeakage(small, small, { target: "y" });
  assert.deepEqual(few.targetLeakage, []);
  assert.match(few.notes[0]!, /target leakage not judged: 10 holdout rows with a target \(at least 20 needed\)/);
  assert.equal(checkLeakage(small, small, { target: "y", minRows: 10 }).targetLeakage[0]?.column, "f");
});

test("leakage as violations, merged into a validation result", () => {
  const { train, holdout } = classificationTables();
  const leakage = checkLeakage(train, holdout, { target: "target" });
  const violations = leakageViolations(leakage);
  assert.deepEqual(
    violations.map((v) => [v.kind, v.column, v.severity]),
    [
      ["duplicate_rows", null, "error"],
      ["target_leakage", "leak", "error"],
      ["target_leakage", "leak_score", "error"],
    ],
  );
  const dup = violations[0]!;
  assert.equal(dup.count, 6);
  assert.equal(dup.fraction, 6 / 2000);
  assert.deepEqual(dup.examples[0], { row: 3, value: "train row 17", trainRow: 17 });
  assert.equal(
    dup.message,
    "holdout.csv: 6 holdout rows (0.3%) also in train.csv (equal in all 5 shared columns; id-like id, customer_key left out), e.g. holdout row 3 = train row 17",
  );
  assert.match(
    violations[1]!.message,
    /^leak: predicts target 'target' almost perfectly on its own \(accuracy 99\.\d% vs 5\d\.\d% for the majority class on the holdout; majority target per category, fit on train\): likely target leakage$/,
  );
  assert.equal(violations[1]!.details!.method, "majority_per_category");

  const schema = parseSchema(
    "version: 1\ncolumns:\n" +
      Object.entries(CLASSIFICATION_TYPES)
        .map(([name, type]) => `  ${name}: { type: ${type} }\n`)
        .join(""),
    "schema.yaml",
  );
  const validated = validateTable(holdout, schema);
  assert.equal(validated.ok, true);
  const merged = mergeViolations(validated, violations);
  assert.equal(merged.ok, false);
  assert.equal(merged.rows, 2000);
  assert.equal(merged.violations.length, 3);
  assert.equal(mergeViolations(validated, []).ok, true);
});
