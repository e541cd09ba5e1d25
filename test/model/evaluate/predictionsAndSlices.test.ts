import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import onnxProto from "onnx-proto";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import type { ClassificationPredictions, RegressionPredictions } from "../../../src/model/evaluate/predictions.js";
import { csvField, writePredictionsCsv } from "../../../src/model/evaluate/writePredictionsCsv.js";
import { classificationMetrics } from "../../../src/model/metrics/classificationMetrics.js";
import { tempFile } from "../../data/tempFiles.js";

const { onnx } = onnxProto;

const M = "fixtures/models";
const BC = { data: "fixtures/datasets/breast_cancer/test.csv", target: "malignant" };

function readCsv(path: string): { header: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  return { header: head!.split(","), rows: lines.map((l) => l.split(",")) };
}

test("binary predictions file: row, label, p_<class>, target; numbers read back bit for bit", async () => {
  const out = tempFile("preds.csv", "");
  const { predictions } = await evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, ...BC, predictions: out });
  const p = predictions as ClassificationPredictions;
  const { header, rows } = readCsv(out);
  assert.deepEqual(header, ["row", "label", "p_0", "p_1", "target"]);
  assert.equal(rows.length, p.rowCount);
  const truth = readCsv(BC.data);
  const t = truth.header.indexOf("malignant");
  rows.forEach((r, i) => {
    assert.equal(r[0], String(i));
    assert.equal(r[1], p.classes[p.yPred[i]!]);
    assert.equal(Number(r[2]), p.proba![2 * i]);
    assert.equal(Number(r[3]), p.proba![2 * i + 1]);
    assert.equal(r[4], truth.rows[i]![t]);
  });
});

test("multiclass, labels-only and regression predictions files", async () => {
  const wine = tempFile("wine.csv", "");
  await evaluateModel({
    model: `${M}/wine_softmax.onnx`,
    data: "fixtures/datasets/wine/test.csv",
    target: "cultivar",
    predictions: wine,
  });
  assert.deepEqual(readCsv(wine).header, ["row", "label", "p_cultivar_a", "p_cultivar_b", "p_cultivar_c", "target"]);
  const labels = tempFile("labels.csv", "");
  await evaluateModel({ model: `${M}/breast_cancer_labels.onnx`, ...BC, predictions: labels });
  assert.deepEqual(readCsv(labels).header, ["row", "label", "target"]);
  const reg = tempFile("reg.csv", "");
  const { predictions } = await evaluateModel({
    model: `${M}/diabetes_linear.onnx`,
    data: "fixtures/datasets/diabetes/test.csv",
    target: "progression",
    predictions: reg,
  });
  const r = predictions as RegressionPredictions;
  const { header, rows } = readCsv(reg);
  assert.deepEqual(header, ["row", "prediction", "target"]);
  rows.forEach((row, i) => {
    assert.equal(Number(row[1]), r.yPred[i]);
    assert.equal(Number(row[2]), r.yTrue[i]);
  });
});

test("labels with commas or quotes are quoted in the predictions file", () => {
  assert.equal(csvField('a,"b"'), '"a,""b"""');
  assert.equal(csvField("plain"), "plain");
  const out = tempFile("quoted.csv", "");
  writePredictionsCsv(out, {
    task: "binary",
    rowCount: 2,
    classes: ["no", "yes, sure"],
    positiveIndex: 1,
    yTrue: Int32Array.of(1, 0),
    yPred: Int32Array.of(1, 1),
    proba: Float64Array.of(0.25, 0.75, 0.5, 0.5),
  });
  assert.equal(
    readFileSync(out, "utf8"),
    'row,label,p_no,"p_yes, sure",target\n0,"yes, sure",0.25,0.75,"yes, sure"\n1,"yes, sure",0.5,0.5,no\n',
  );
  // A path below a regular file cannot be created, even by root (missing directories are created).
  const blocker = tempFile("not-a-dir", "");
  assert.throws(
    () =>
      writePredictionsCsv(`${blocker}/p.csv`, {
        task: "regression",
        rowCount: 0,
        yTrue: new Float64Array(),
        yPred: new Float64Array(),
      }),
    /cannot write predictions to .*not-a-dir\/p.csv/,
  );
  const nested = `${tempFile("nested-marker", "")}-dir/a/b/p.csv`;
  writePredictionsCsv(nested, {
    task: "regression",
    rowCount: 0,
    yTrue: new Float64Array(),
    yPred: new Float64Array(),
  });
  assert.match(readFileSync(nested, "utf8"), /^row,/);
});

test("slices by a column: one entry per value, judged by --min-slice-size, metrics of the slice's rows", async () => {
  const { document, predictions } = await evaluateModel({
    model: `${M}/breast_cancer_logreg.onnx`,
    ...BC,
    sliceBy: "size_band",
    minSliceSize: 50,
  });
  const p = predictions as ClassificationPredictions;
  const bands = readCsv(BC.data);
  const j = bands.header.indexOf("size_band");
  const slices = document.slices!;
  assert.deepEqual(
    slices.map((s) => s.value),
    ["large", "medium", "small"],
  );
  for (const s of slices) {
    const rows = bands.rows.flatMap((r, i) => (r[j] === s.value ? [i] : []));
    assert.equal(s.column, "size_band");
    assert.equal(s.size, rows.length);
    assert.equal(s.judged, rows.length >= 50);
    const expected = classificationMetrics({
      yTrue: Int32Array.from(rows, (i) => p.yTrue[i]!),
      proba: Float64Array.from(rows.flatMap((i) => [p.proba![2 * i]!, p.proba![2 * i + 1]!])),
      classes: p.classes,
      positiveIndex: 1,
    });
    assert.deepEqual(s.metrics, expected.metrics, s.value!);
  }
  assert.ok(slices.some((s) => s.judged) && slices.some((s) => !s.judged), "sizes straddle 50");
  assert.equal(
    slices.reduce((a, s) => a + s.size, 0),
    p.rowCount,
  );
});

test("numeric slice values sort numerically; missing values form a null slice listed last", async () => {
  const data = tempFile(
    "sliced.csv",
    "p_no,p_yes,y,group\n" +
      ["0.9,0.1,no,10", "0.2,0.8,yes,2", "0.3,0.7,yes,", "0.6,0.4,no,10", "0.4,0.6,no,2"].join("\n") +
      "\n",
  );
  const { document } = await evaluateModel({
    model: identityModel(),
    data,
    target: "y",
    sliceBy: "group",
    minSliceSize: 2,
  });
  assert.deepEqual(
    document.slices!.map((s) => [s.value, s.size, s.judged]),
    [
      ["2", 2, true],
      ["10", 2, true],
      [null, 1, false],
    ],
  );
});

/** probabilities = the columns p_no, p_yes (Identity), built with onnx-proto. */
function identityModel(): string {
  const dims = { dim: [{ dimParam: "N" }, { dimValue: 2 }] };
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 13 }],
    metadataProps: [{ key: "feature_names", value: '["p_no","p_yes"]' }],
    graph: {
      name: "g",
      input: [{ name: "x", type: { tensorType: { elemType: 1, shape: dims } } }],
      output: [{ name: "probabilities", type: { tensorType: { elemType: 1, shape: dims } } }],
      node: [{ opType: "Identity", input: ["x"], output: ["probabilities"] }],
    },
  });
  return tempFile("identity.onnx", onnx.ModelProto.encode(proto).finish());
}
