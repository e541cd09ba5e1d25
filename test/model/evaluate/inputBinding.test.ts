import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readColumnNames } from "../../../src/data/loadTable.js";
import { bindInputs } from "../../../src/model/evaluate/bindInputs.js";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import { loadOnnxModel } from "../../../src/model/evaluate/loadOnnxModel.js";
import { rejectsWith } from "../../data/tempFiles.js";

const M = "fixtures/models";
const BC = "fixtures/datasets/breast_cancer/test.csv";
const WINE = "fixtures/datasets/wine/test.csv";
const REF = JSON.parse(readFileSync(`${M}/evaluate_reference.json`, "utf8")) as Record<string, { features: string[] }>;

async function plan(
  model: string,
  data: string,
  target: string,
  extra: { features?: string[]; inputName?: string } = {},
) {
  const m = await loadOnnxModel(`${M}/${model}`);
  try {
    return bindInputs(m, await readColumnNames(data), { dataPath: data, target, ...extra });
  } finally {
    await m.session.release();
  }
}

test("one float input: features from the model's metadata feature_names", async () => {
  const p = await plan("breast_cancer_logreg.onnx", BC, "malignant");
  assert.deepEqual(p.bindings, [
    {
      kind: "matrix",
      input: "input",
      type: "float32",
      features: REF["breast_cancer_logreg.onnx"]!.features,
      source: "metadata feature_names",
    },
  ]);
  const double = await plan("breast_cancer_double.onnx", BC, "malignant");
  assert.equal(double.bindings[0]!.kind === "matrix" && double.bindings[0]!.type, "float64");
});

test("one float input without metadata: every non-target column in file order", async () => {
  const p = await plan("wine_softmax.onnx", WINE, "cultivar");
  const header = readFileSync(WINE, "utf8").split("\n")[0]!.split(",");
  assert.deepEqual(p.bindings, [
    {
      kind: "matrix",
      input: "features",
      type: "float32",
      features: header.filter((h) => h !== "cultivar"),
      source: "file order",
    },
  ]);
});

test("--features wins over metadata, and its order is the order fed to the model", async () => {
  const features = REF["breast_cancer_logreg.onnx"]!.features;
  const p = await plan("breast_cancer_logreg.onnx", BC, "malignant", { features });
  assert.equal(p.bindings[0]!.kind === "matrix" && p.bindings[0]!.source, "--features");
  const model = `${M}/breast_cancer_logreg.onnx`;
  const base = await evaluateModel({ model, data: BC, target: "malignant" });
  const same = await evaluateModel({ model, data: BC, target: "malignant", features });
  assert.deepEqual(same.predictions, base.predictions);
  const swapped = [features[1]!, features[0]!, ...features.slice(2)];
  const other = await evaluateModel({ model, data: BC, target: "malignant", features: swapped });
  assert.notDeepEqual(other.predictions, base.predictions, "swapping two features changes the model's outputs");
});

test("one input per column: float, string and int64 inputs fed by name, whatever their order in the model", async () => {
  const bc = await plan("breast_cancer_columns.onnx", BC, "malignant");
  assert.equal(bc.bindings.length, 31);
  assert.ok(bc.bindings.every((b) => b.kind === "column" && b.column === b.input && !b.flat));
  assert.deepEqual(
    bc.bindings.filter((b) => b.type !== "float32").map((b) => [b.input, b.type]),
    [["size_band", "string"]],
  );
  const wine = await plan("wine_columns.onnx", WINE, "cultivar");
  assert.deepEqual(
    wine.bindings.filter((b) => b.type === "int64").map((b) => b.input),
    ["proline", "magnesium"],
  );
  // Reversed input order in the model, same predictions as the matrix model.
  const a = await evaluateModel({ model: `${M}/wine_columns.onnx`, data: WINE, target: "cultivar" });
  const b = await evaluateModel({ model: `${M}/wine_softmax.onnx`, data: WINE, target: "cultivar" });
  assert.deepEqual(a.document.metrics, b.document.metrics);
  assert.deepEqual(a.predictions.yTrue, b.predictions.yTrue);
  assert.deepEqual(a.predictions.yPred, b.predictions.yPred);
});

test("--features on a per-column model, the target among the features, duplicates: usage errors", async () => {
  await rejectsWith(
    evaluateModel({
      model: `${M}/breast_cancer_columns.onnx`,
      data: BC,
      target: "malignant",
      features: ["mean_radius"],
    }),
    "usage",
    /--features applies to a model with one feature-matrix input, but .* takes one input per column: mean_radius, mean_texture/,
  );
  const features = REF["breast_cancer_logreg.onnx"]!.features;
  await rejectsWith(
    evaluateModel({
      model: `${M}/breast_cancer_logreg.onnx`,
      data: BC,
      target: "malignant",
      features: [...features.slice(0, 29), "malignant"],
    }),
    "usage",
    /the target column 'malignant' is also a feature \(--features\)/,
  );
  await rejectsWith(
    evaluateModel({
      model: `${M}/breast_cancer_logreg.onnx`,
      data: BC,
      target: "malignant",
      features: [...features.slice(0, 29), features[0]!],
    }),
    "usage",
    /feature 'mean_radius' is listed twice/,
  );
});

test("--input-name names the feature-matrix input", async () => {
  const p = await plan("breast_cancer_logreg.onnx", BC, "malignant", { inputName: "input" });
  assert.equal(p.bindings[0]!.input, "input");
  await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, data: BC, target: "malignant", inputName: "x" }),
    "usage",
    /--input-name 'x' is not an input of fixtures\/models\/breast_cancer_logreg.onnx; its inputs: input \(float32 \[\?, 30\]\)/,
  );
});
