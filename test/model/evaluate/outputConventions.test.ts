import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import onnxProto from "onnx-proto";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import { loadOnnxModel } from "../../../src/model/evaluate/loadOnnxModel.js";
import type { ClassificationPredictions } from "../../../src/model/evaluate/predictions.js";
import { selectOutputs } from "../../../src/model/evaluate/selectOutputs.js";
import { rejectsWith, tempFile } from "../../data/tempFiles.js";

const M = "fixtures/models";
const BC = { data: "fixtures/datasets/breast_cancer/test.csv", target: "malignant" };
const WINE = { data: "fixtures/datasets/wine/test.csv", target: "cultivar" };
const REF = JSON.parse(readFileSync(`${M}/evaluate_reference.json`, "utf8")) as Record<
  string,
  { y_pred: number[]; proba: number[]; per_class: { precision: number; recall: number; f1: number }[] }
>;

async function classify(model: string, data: { data: string; target: string }, extra = {}) {
  const r = await evaluateModel({ model: `${M}/${model}`, ...data, ...extra });
  return { document: r.document, p: r.predictions as ClassificationPredictions };
}

test("single probability [N, 1] (float) and [N] (double) are the probability of classes[1]", async () => {
  for (const model of ["breast_cancer_logreg.onnx", "breast_cancer_double.onnx"]) {
    const { document, p } = await classify(model, BC);
    assert.equal(document.task, "binary");
    assert.deepEqual(p.classes, ["0", "1"]);
    assert.equal(p.positiveIndex, 1);
    for (let i = 0; i < p.rowCount; i++) assert.equal(p.proba![2 * i], 1 - p.proba![2 * i + 1]!);
    assert.deepEqual(Array.from(p.yPred), REF[model]!.y_pred);
  }
});

test("skl2onnx's label + probabilities pair: labels give the predictions, probabilities the metrics", async () => {
  const model = await loadOnnxModel(`${M}/breast_cancer_label_proba.onnx`);
  assert.deepEqual(selectOutputs(model), { kind: "pair", label: "label", probabilities: "probabilities" });
  await model.session.release();
  const { document, p } = await classify("breast_cancer_label_proba.onnx", BC);
  assert.ok(p.proba && p.proba.length === 2 * p.rowCount);
  assert.ok(document.metrics.roc_auc! > 0.99);
  const wine = await classify("wine_label_proba.onnx", WINE);
  assert.equal(wine.document.task, "multiclass");
  assert.deepEqual(Array.from(wine.p.yPred), REF["wine_label_proba.onnx"]!.y_pred);
});

test("labels only: int64 labels, or a string label output picked with --output-name; probability metrics noted", async () => {
  const { document, p } = await classify("breast_cancer_labels.onnx", BC);
  assert.equal(p.proba, undefined);
  for (const m of ["roc_auc", "pr_auc", "log_loss", "brier", "ece"]) {
    assert.equal(document.metrics[m], undefined);
    assert.ok(
      document.notes.some((n) => n.metric === m && /labels only/.test(n.reason)),
      m,
    );
  }
  const wine = await classify("wine_label_proba.onnx", WINE, { outputName: "label" });
  assert.equal(wine.p.proba, undefined);
  assert.deepEqual(Array.from(wine.p.yPred), REF["wine_label_proba.onnx"]!.y_pred);
  assert.deepEqual(wine.document.classes, ["cultivar_a", "cultivar_b", "cultivar_c"]);
});

test("a ZipMap output is an error with skl2onnx's zipmap option; --output-name can pick the labels instead", async () => {
  const err = await rejectsWith(
    evaluateModel({ model: `${M}/wine_zipmap.onnx`, ...WINE }),
    "model",
    /output 'output_probability' is a sequence of maps \(a ZipMap\)/,
  );
  assert.match(err.hint!, /options=\{id\(model\): \{'zipmap': False\}\}/);
  assert.match(err.hint!, /--output-name output_label/);
  const labels = await classify("wine_zipmap.onnx", WINE, { outputName: "output_label" });
  assert.deepEqual(Array.from(labels.p.yPred), REF["wine_zipmap.onnx"]!.y_pred);
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_zipmap.onnx`, ...WINE, outputName: "output_probability" }),
    "model",
    /ZipMap/,
  );
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_zipmap.onnx`, ...WINE, outputName: "nope" }),
    "usage",
    /--output-name 'nope' is not an output.*output_label \(string \[\?\]\), output_probability \(a sequence or map/,
  );
});

test("regression [N, 1]", async () => {
  const { document } = await evaluateModel({
    model: `${M}/diabetes_linear.onnx`,
    data: "fixtures/datasets/diabetes/test.csv",
    target: "progression",
  });
  assert.equal(document.task, "regression");
  assert.deepEqual(Object.keys(document.metrics), ["mse", "rmse", "mae", "r2", "mape", "median_ae"]);
  assert.equal(document.classes, undefined);
  assert.equal(document.confusion_matrix, undefined);
});

test("classes: metadata, else the classifier node's labels, else the data; a class absent from the data", async () => {
  // Wine test rows without cultivar_c.
  const lines = readFileSync(WINE.data, "utf8").trimEnd().split("\n");
  const noC = tempFile(
    "wine_ab.csv",
    [lines[0]!, ...lines.slice(1).filter((l) => !l.endsWith("cultivar_c"))].join("\n") + "\n",
  );
  const withMeta = await classify("wine_softmax.onnx", { data: noC, target: "cultivar" });
  assert.deepEqual(withMeta.document.classes, ["cultivar_a", "cultivar_b", "cultivar_c"]);
  assert.equal(withMeta.document.per_class![2]!.support, 0);
  assert.ok(
    withMeta.document.notes.some((n) => n.metric === "roc_auc"),
    "roc_auc undefined for the absent class",
  );
  const fromNode = await classify("wine_label_proba.onnx", { data: noC, target: "cultivar" });
  assert.deepEqual(fromNode.document.classes, ["cultivar_a", "cultivar_b", "cultivar_c"]);
  // The softmax model without metadata cannot know the third class: a clear error.
  const bytes = readFileSync(`${M}/wine_softmax.onnx`);
  const stripped = tempFile("wine_nometa.onnx", stripMetadata(bytes));
  await rejectsWith(
    evaluateModel({ model: stripped, data: noC, target: "cultivar" }),
    "model",
    /output 'probabilities' has 3 probability columns but there are 2 classes \(the distinct target values: cultivar_a, cultivar_b\)/,
  );
  // With every class in the data, sorted target values give the same order as the metadata.
  const full = await evaluateModel({ model: stripped, ...WINE });
  assert.deepEqual(full.document.metrics, (await classify("wine_softmax.onnx", WINE)).document.metrics);
});

test("--positive-label picks the class precision/recall/f1 are of; --task must fit the classes", async () => {
  const { document } = await classify("breast_cancer_logreg.onnx", BC, { positiveLabel: "0" });
  assert.equal(document.positive_label, "0");
  const ref = REF["breast_cancer_logreg.onnx"]!.per_class[0]!;
  assert.equal(document.metrics.precision, ref.precision);
  assert.equal(document.metrics.recall, ref.recall);
  assert.equal(document.metrics.f1, ref.f1);
  await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, ...BC, positiveLabel: "2" }),
    "usage",
    /--positive-label '2' is not one of the classes \(0, 1\)/,
  );
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_softmax.onnx`, ...WINE, positiveLabel: "cultivar_a" }),
    "usage",
    /applies to binary classification, but there are 3 classes/,
  );
  await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, ...BC, task: "multiclass" }),
    "usage",
    /--task multiclass does not fit 2 classes/,
  );
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_softmax.onnx`, ...WINE, task: "regression" }),
    "usage",
    /--task regression needs one continuous output, but .*'probabilities' has 3 columns per row/,
  );
});

/** The model bytes without metadata_props (an onnx-proto round trip). */
function stripMetadata(bytes: Uint8Array): Uint8Array {
  const m = onnxProto.onnx.ModelProto.decode(bytes);
  m.metadataProps = [];
  return onnxProto.onnx.ModelProto.encode(m).finish();
}
