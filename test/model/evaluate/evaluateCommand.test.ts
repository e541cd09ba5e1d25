import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { describeEvaluation, evaluateCommand, registerEvaluate } from "../../../src/cli/commands/evaluate.js";
import { validateContract } from "../../../src/contracts/validateContract.js";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import type { MetricsDocument } from "../../../src/model/evaluate/metricsDocument.js";
import { rejectsWith, tempFile } from "../../data/tempFiles.js";

const M = "fixtures/models";
const BC = ["--data", "fixtures/datasets/breast_cancer/test.csv", "--target", "malignant"];

async function cli(...argv: string[]): Promise<string> {
  let out = "";
  const program = new Command("modelguard").exitOverride();
  registerEvaluate(program, { out: (t) => (out += t + "\n"), err: () => {} });
  await program.parseAsync(argv, { from: "user" });
  return out;
}

test("evaluate --json prints metrics.json, -o writes the same document, and it satisfies the schema", async () => {
  const file = tempFile("metrics.json", "");
  const stdout = await cli("evaluate", "--model", `${M}/breast_cancer_logreg.onnx`, ...BC, "--json", "-o", file);
  const doc = JSON.parse(stdout) as MetricsDocument;
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), doc);
  assert.equal(doc.kind, "modelguard.metrics");
  assert.equal(doc.version, 1);
  assert.equal(doc.model.sha256.length, 64);
  assert.equal(doc.model.bytes, readFileSync(`${M}/breast_cancer_logreg.onnx`).length);
  assert.equal(doc.data.rows, 171);
  assert.deepEqual(validateContract("metrics.schema.json", doc), []);
});

test("every kind of document satisfies the schema; broken ones do not", async () => {
  const cases: [string, string, string, Record<string, unknown>][] = [
    ["wine_softmax.onnx", "fixtures/datasets/wine/test.csv", "cultivar", {}],
    ["breast_cancer_labels.onnx", "fixtures/datasets/breast_cancer/test.csv", "malignant", { sliceBy: "size_band" }],
    [
      "diabetes_linear.onnx",
      "fixtures/datasets/diabetes/test.csv",
      "progression",
      { sliceBy: "sex", minSliceSize: 70 },
    ],
  ];
  const docs: MetricsDocument[] = [];
  for (const [model, data, target, extra] of cases) {
    const { document } = await evaluateModel({ model: `${M}/${model}`, data, target, ...extra });
    assert.deepEqual(validateContract("metrics.schema.json", document), [], model);
    docs.push(document);
  }
  const [multi, , reg] = docs;
  assert.ok(reg!.slices!.length === 2);
  assert.notDeepEqual(validateContract("metrics.schema.json", { ...reg!, classes: ["a", "b"] }), []);
  assert.notDeepEqual(validateContract("metrics.schema.json", { ...multi!, positive_label: "cultivar_a" }), []);
  assert.notDeepEqual(validateContract("metrics.schema.json", { ...multi!, metrics: { accuracy: null } }), []);
  assert.notDeepEqual(
    validateContract("metrics.schema.json", { ...multi!, model: { path: "m", sha256: "x", bytes: 1 } }),
    [],
  );
  const { positive_label: _, ...binaryWithout } = (
    await evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, data: BC[1]!, target: "malignant" })
  ).document;
  assert.notDeepEqual(validateContract("metrics.schema.json", binaryWithout), []);
});

test("the human summary shows the metrics, per-class scores, confusion matrix, slices and notes", async () => {
  const text = await cli(
    "evaluate",
    "--model",
    `${M}/breast_cancer_labels.onnx`,
    ...BC,
    "--slice-by",
    "size_band",
    "--min-slice-size",
    "50",
  );
  assert.match(
    text,
    /^binary classification of 'malignant' on fixtures\/datasets\/breast_cancer\/test.csv \(171 rows\) by fixtures\/models\/breast_cancer_labels.onnx/,
  );
  assert.match(text, /classes: 0, 1; positive: 1/);
  assert.match(text, /accuracy\s+0\.9708/);
  assert.match(text, /class\s+precision\s+recall\s+f1\s+support/);
  assert.match(text, /confusion matrix \(rows: true class, columns: predicted\)/);
  assert.match(text, /slice\s+size\s+judged\s+accuracy/);
  assert.match(text, /size_band=small\s+\d+\s+(yes|no \(small\))/);
  assert.match(text, /roc_auc: no probabilities: the model outputs labels only/);
  const reg = describeEvaluation(
    (
      await evaluateModel({
        model: `${M}/diabetes_linear.onnx`,
        data: "fixtures/datasets/diabetes/test.csv",
        target: "progression",
      })
    ).document,
  );
  assert.match(reg, /^regression of 'progression'/);
  assert.match(reg, /rmse\s+56\.0159/);
  assert.doesNotMatch(reg, /confusion/);
});

test("evaluateCommand: required flags, comma-separated --features, option parsing", async () => {
  await rejectsWith(evaluateCommand({ data: "x.csv" }), "usage", /evaluate needs --model, --target/);
  const features = (
    JSON.parse(readFileSync(`${M}/evaluate_reference.json`, "utf8")) as Record<string, { features: string[] }>
  )["breast_cancer_logreg.onnx"]!.features;
  const doc = await evaluateCommand({
    model: `${M}/breast_cancer_logreg.onnx`,
    data: BC[1]!,
    target: "malignant",
    features: features.join(","),
  });
  assert.equal(doc.metrics.accuracy, 0.9707602339181286);
  await assert.rejects(
    cli("evaluate", "--model", "m.onnx", ...BC, "--batch-size", "0"),
    /--batch-size must be an integer >= 1/,
  );
  await assert.rejects(
    cli("evaluate", "--model", "m.onnx", ...BC, "--task", "ranking"),
    /--task must be one of auto, binary, multiclass, regression/,
  );
});
