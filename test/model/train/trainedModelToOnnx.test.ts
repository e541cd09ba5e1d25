// The exported ONNX graph: its declared interface and metadata, onnx's own checker, and the preprocessing inside it
// (unknown categories, missing numbers) run by onnxruntime-node against hand-built expectations.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { loadTable } from "../../../src/data/loadTable.js";
import type { Table } from "../../../src/data/table.js";
import { attr } from "../../../src/model/onnx/onnxAttribute.js";
import { OnnxGraphBuilder } from "../../../src/model/onnx/onnxGraphBuilder.js";
import { readOnnxModelInfo } from "../../../src/model/onnx/readOnnxModelInfo.js";
import { designMatrix } from "../../../src/model/train/designMatrix.js";
import { decisionFunction } from "../../../src/model/train/linearModel.js";
import { predictTrainedModel } from "../../../src/model/train/predictTrainedModel.js";
import { trainBuiltin, type TrainedModel } from "../../../src/model/train/trainBuiltin.js";
import { trainedModelFeeds } from "../../../src/model/train/trainedModelFeeds.js";
import { trainedModelToOnnx } from "../../../src/model/train/trainedModelToOnnx.js";
import { rng } from "../../helpers/random.js";
import { tempFile } from "../../data/tempFiles.js";

const BC = "fixtures/datasets/breast_cancer";
const tmp = mkdtempSync(join(tmpdir(), "mg-train-onnx-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const bcTrain = await loadTable(`${BC}/train.csv`);
const bcTest = await loadTable(`${BC}/test.csv`);
const bcFeatures = bcTrain.columns.map((c) => c.name).filter((n) => n !== "id" && n !== "malignant");
const breastCancer = trainBuiltin(bcTrain, { trainer: "logistic", target: "malignant", features: bcFeatures });
const wine = trainBuiltin(await loadTable("fixtures/datasets/wine/train.csv"), {
  trainer: "logistic",
  target: "cultivar",
});
const diabetes = trainBuiltin(await loadTable("fixtures/datasets/diabetes/train.csv"), {
  trainer: "linear",
  target: "progression",
  l2: 0.1,
});

async function run(m: TrainedModel, feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType> {
  const session = await ort.InferenceSession.create(trainedModelToOnnx(m));
  return session.run(feeds);
}

function floats(t: ort.Tensor | undefined): number[] {
  assert.ok(t);
  return Array.from(t.data as Float32Array);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Binary probabilities [1 - p, p] from log-odds z. */
function binaryProba(z: Float64Array): number[] {
  return Array.from(z).flatMap((v) => [1 / (1 + Math.exp(v)), 1 / (1 + Math.exp(-v))]);
}

/** `table` with one column's cells replaced (a copy; the original stays). */
function withColumn(table: Table, name: string, cells: (i: number) => string | number): Record<string, ort.Tensor> {
  const feeds = trainedModelFeeds(table, breastCancer);
  const n = table.rowCount;
  const first = cells(0);
  feeds[name] =
    typeof first === "string"
      ? new ort.Tensor(
          "string",
          Array.from({ length: n }, (_, i) => String(cells(i))),
          [n, 1],
        )
      : new ort.Tensor(
          "float32",
          Float32Array.from({ length: n }, (_, i) => Number(cells(i))),
          [n, 1],
        );
  return feeds;
}

const syntheticCache = new Map<SyntheticKind, { model: TrainedModel; table: Table }>();
for (const kind of ["numeric_classes", "all_categorical", "one_numeric_with_boolean", "forced_categorical"] as const) {
  const table = await loadTable(tempFile(`${kind}.csv`, syntheticCsv(kind)));
  const model = trainBuiltin(table, {
    trainer: kind === "forced_categorical" ? "linear" : "logistic",
    target: "y",
    ...(kind === "forced_categorical" ? { categorical: ["region"] } : {}),
  });
  syntheticCache.set(kind, { model, table });
}

test("with a categorical feature: one input per feature, in feature order, float or string [N, 1]", () => {
  const info = readOnnxModelInfo(trainedModelToOnnx(breastCancer));
  assert.equal(info.irVersion, 8);
  assert.deepEqual(info.opsets, { "": 17, "ai.onnx.ml": 3 });
  assert.equal(info.producerName, "modelguard");
  assert.deepEqual(
    info.inputs.map((i) => [i.name, i.elementType, i.shape]),
    bcFeatures.map((f) => [f, f === "size_band" ? "string" : "float", ["N", 1]]),
  );
  assert.deepEqual(info.outputs, [
    { name: "label", elementType: "int64", shape: ["N"] },
    { name: "probabilities", elementType: "float", shape: ["N", 2] },
  ]);
  assert.deepEqual(info.metadata, {
    feature_names: JSON.stringify(bcFeatures),
    categorical_features: '["size_band"]',
    classes: '["0","1"]',
    task: "binary",
    target: "malignant",
    modelguard_trainer: "logistic",
  });
});

test("numeric features only: a single float input [N, F]; no ai.onnx.ml import", () => {
  const info = readOnnxModelInfo(trainedModelToOnnx(wine));
  assert.deepEqual(info.opsets, { "": 17 });
  assert.deepEqual(info.inputs, [{ name: "input", elementType: "float", shape: ["N", 13] }]);
  assert.deepEqual(info.outputs[1], { name: "probabilities", elementType: "float", shape: ["N", 3] });
  assert.equal(info.metadata.classes, '["cultivar_a","cultivar_b","cultivar_c"]');
  assert.equal(info.metadata.task, "multiclass");
  assert.equal(info.metadata.categorical_features, "[]");
  assert.deepEqual(JSON.parse(info.metadata.feature_names!), wine.features);
});

test("regression: output `variable` float [N, 1], no classes", () => {
  const info = readOnnxModelInfo(trainedModelToOnnx(diabetes));
  assert.deepEqual(info.outputs, [{ name: "variable", elementType: "float", shape: ["N", 1] }]);
  assert.equal(info.metadata.classes, undefined);
  assert.equal(info.metadata.task, "regression");
  assert.equal(info.metadata.modelguard_trainer, "linear");
  assert.equal(info.metadata.target, "progression");
});

const python = "/usr/bin/python3";
const hasOnnx = spawnSync(python, ["-c", "import onnx"], { encoding: "utf8" }).status === 0;

test(
  "onnx.checker.check_model(full_check=True) accepts every kind of model",
  { skip: !hasOnnx && `${python} with the onnx module is not installed (Debian: apt-get install python3-onnx)` },
  () => {
    const synthetic = syntheticModels();
    const models: [string, TrainedModel][] = [
      ["breast_cancer", breastCancer],
      ["wine", wine],
      ["diabetes", diabetes],
      ...synthetic,
    ];
    const paths = models.map(([name, m]) => {
      const path = join(tmp, `${name}.onnx`);
      writeFileSync(path, trainedModelToOnnx(m));
      return path;
    });
    const script = [
      "import sys, onnx",
      "for p in sys.argv[1:]:",
      "    onnx.checker.check_model(onnx.load(p), full_check=True)",
      "    print('ok', p)",
    ].join("\n");
    const r = spawnSync(python, ["-c", script, ...paths], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim().split("\n").length, paths.length);
    // The harness can fail: a graph whose OneHotEncoder output is left undeclared stops onnx 1.12's strict shape
    // inference, which is why trainedModelToOnnx declares it.
    const broken = new OnnxGraphBuilder("broken");
    broken.addInput("c", "string", ["N", 1]);
    const [oneHot] = broken.addNode("OneHotEncoder", ["c"], ["oh"], {
      domain: "ai.onnx.ml",
      attributes: { cats_strings: attr.strings(["a"]), zeros: attr.int(1) },
    });
    const axes = broken.addInitializer("axes", { type: "int64", dims: [1], values: [1] });
    broken.addNode("Squeeze", [oneHot!, axes], ["out"]);
    broken.addOutput("out", "float", ["N", 1]);
    const brokenPath = join(tmp, "broken.onnx");
    writeFileSync(brokenPath, broken.toBytes({ opsets: { "": 17, "ai.onnx.ml": 3 }, producerName: "test" }));
    const rejected = spawnSync(python, ["-c", script, brokenPath], { encoding: "utf8" });
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.stderr, /InferenceError/);
  },
);

test("an unknown category encodes as zeros: probabilities equal the model with that one-hot block zeroed", async () => {
  const rows = bcTest.rowCount;
  const X = designMatrix(breastCancer.preprocessor, bcTest);
  const p = breastCancer.preprocessor.width;
  const block = breastCancer.preprocessor.columnNames
    .map((name, j) => (name.startsWith("size_band=") ? j : -1))
    .filter((j) => j >= 0);
  assert.equal(block.length, 3);
  const zeroed = Float64Array.from(X);
  for (let i = 0; i < rows; i++) for (const j of block) zeroed[i * p + j] = 0;
  const expected = binaryProba(decisionFunction(breastCancer.model, zeroed, rows));
  const known = floats((await run(breastCancer, trainedModelFeeds(bcTest, breastCancer))).probabilities);
  for (const unknown of ["enormous", "", "LARGE"]) {
    const out = await run(
      breastCancer,
      withColumn(bcTest, "size_band", () => unknown),
    );
    assert.ok(maxAbsDiff(floats(out.probabilities), expected) <= 1e-5, `category '${unknown}'`);
  }
  // ... and the category does matter when it is known, so the check above can tell.
  assert.ok(maxAbsDiff(known, expected) > 1e-3);
});

test("a missing number (NaN) is imputed with the training mean inside the graph", async () => {
  const mean = breastCancer.preprocessor.numeric.find((t) => t.name === "mean_radius")!.mean;
  const withNaN = await run(
    breastCancer,
    withColumn(bcTest, "mean_radius", () => NaN),
  );
  const withMean = await run(
    breastCancer,
    withColumn(bcTest, "mean_radius", () => mean),
  );
  assert.ok(maxAbsDiff(floats(withNaN.probabilities), floats(withMean.probabilities)) <= 1e-6);
  // The JavaScript side: a missing cell standardises to 0.
  const csv = readFileSync(`${BC}/test.csv`, "utf8").trimEnd().split("\n");
  const at = csv[0]!.split(",").indexOf("mean_radius");
  const blanked = csv.map((line, i) =>
    i === 0
      ? line
      : line
          .split(",")
          .map((c, j) => (j === at ? "" : c))
          .join(","),
  );
  const table = await loadTable(tempFile("blank.csv", blanked.join("\n") + "\n"));
  const js = predictTrainedModel(breastCancer, table);
  assert.ok(maxAbsDiff(floats(withNaN.probabilities), js.probabilities!) <= 1e-5);
  const normal = predictTrainedModel(breastCancer, bcTest);
  assert.ok(maxAbsDiff(normal.probabilities!, js.probabilities!) > 1e-3, "mean_radius matters to the model");
});

test("a numeric-only model imputes NaN too", async () => {
  const wineTest = await loadTable("fixtures/datasets/wine/test.csv");
  const feeds = trainedModelFeeds(wineTest, wine);
  const input = feeds.input!;
  const data = Float32Array.from(input.data as Float32Array);
  const F = wine.features.length;
  const j = wine.features.indexOf("proline");
  const mean = wine.preprocessor.numeric[j]!.mean;
  const dataNaN = Float32Array.from(data);
  const dataMean = Float32Array.from(data);
  for (let i = 0; i < wineTest.rowCount; i++) {
    dataNaN[i * F + j] = NaN;
    dataMean[i * F + j] = mean;
  }
  const a = await run(wine, { input: new ort.Tensor("float32", dataNaN, input.dims) });
  const b = await run(wine, { input: new ort.Tensor("float32", dataMean, input.dims) });
  assert.ok(maxAbsDiff(floats(a.probabilities), floats(b.probabilities)) <= 1e-6);
  assert.ok(floats(a.probabilities).every(Number.isFinite));
});

/** Small synthetic models covering the graph's other shapes (class labels that are numbers, booleans, ...). */
function syntheticModels(): [string, TrainedModel][] {
  return [
    ["numeric_classes", syntheticTrain("numeric_classes").model],
    ["all_categorical", syntheticTrain("all_categorical").model],
    ["one_numeric_with_boolean", syntheticTrain("one_numeric_with_boolean").model],
    ["forced_categorical", syntheticTrain("forced_categorical").model],
  ];
}

type SyntheticKind = "numeric_classes" | "all_categorical" | "one_numeric_with_boolean" | "forced_categorical";

/** Deterministic CSVs: x numeric, colour text, flag boolean, region small integers; y depends on them. */
function syntheticCsv(kind: SyntheticKind): string {
  const r = rng(7);
  const colours = ["red", "green", "blue"];
  const lines: string[] = [];
  for (let i = 0; i < 240; i++) {
    const x = r() * 4 - 2;
    const colour = colours[Math.floor(r() * 3)]!;
    const flag = r() < 0.5;
    const region = 1 + Math.floor(r() * 12);
    const score = x + (colour === "red" ? 1 : colour === "blue" ? -1 : 0) + (flag ? 0.7 : -0.7) + (region % 3) - 1;
    const noisy = score + (r() - 0.5);
    switch (kind) {
      case "numeric_classes":
        lines.push(`${x.toFixed(4)},${region},${noisy < -0.7 ? 9 : noisy < 0.7 ? 10 : 100}`);
        break;
      case "all_categorical":
        lines.push(`${colour},${flag},${noisy > 0 ? "yes" : "no"}`);
        break;
      case "one_numeric_with_boolean":
        lines.push(`${flag},${x.toFixed(4)},${noisy > 0}`);
        break;
      case "forced_categorical":
        lines.push(`${x.toFixed(4)},${region},${noisy.toFixed(4)}`);
        break;
    }
  }
  const header = {
    numeric_classes: "x,region,y",
    all_categorical: "colour,flag,y",
    one_numeric_with_boolean: "flag,x,y",
    forced_categorical: "x,region,y",
  }[kind];
  return [header, ...lines].join("\n") + "\n";
}

function syntheticTrain(kind: SyntheticKind): { model: TrainedModel; table: Table } {
  const cached = syntheticCache.get(kind);
  if (cached) return cached;
  throw new Error(`synthetic model ${kind} was not loaded`);
}

test("class labels that are numbers sort numerically (9, 10, 100), as scikit-learn's classes_", async () => {
  const { model, table } = syntheticTrain("numeric_classes");
  assert.deepEqual(model.classes, ["9", "10", "100"]);
  assert.equal(model.task, "multiclass");
  const out = await run(model, trainedModelFeeds(table, model));
  const js = predictTrainedModel(model, table);
  assert.deepEqual(Array.from(out.label!.data as BigInt64Array, Number), Array.from(js.label!));
  assert.ok(maxAbsDiff(floats(out.probabilities), js.probabilities!) <= 1e-5);
});

test("boolean columns are categorical by default: string input 'false'/'true'; a boolean target has classes false, true", async () => {
  const { model, table } = syntheticTrain("one_numeric_with_boolean");
  assert.deepEqual(model.categorical, ["flag"]);
  assert.deepEqual(model.classes, ["false", "true"]);
  assert.deepEqual(model.preprocessor.categorical, [{ name: "flag", categories: ["false", "true"] }]);
  const info = readOnnxModelInfo(trainedModelToOnnx(model));
  assert.deepEqual(
    info.inputs.map((i) => [i.name, i.elementType]),
    [
      ["flag", "string"],
      ["x", "float"],
    ],
  );
  const out = await run(model, trainedModelFeeds(table, model));
  const js = predictTrainedModel(model, table);
  assert.ok(maxAbsDiff(floats(out.probabilities), js.probabilities!) <= 1e-5);
  assert.deepEqual(Array.from(out.label!.data as BigInt64Array, Number), Array.from(js.label!));
});

test("all features categorical: no numeric block", async () => {
  const { model, table } = syntheticTrain("all_categorical");
  assert.equal(model.preprocessor.numeric.length, 0);
  assert.deepEqual(model.preprocessor.columnNames, [
    "colour=blue",
    "colour=green",
    "colour=red",
    "flag=false",
    "flag=true",
  ]);
  const out = await run(model, trainedModelFeeds(table, model));
  assert.ok(maxAbsDiff(floats(out.probabilities), predictTrainedModel(model, table).probabilities!) <= 1e-5);
});

test("--categorical one-hot encodes a numeric column over its values, sorted numerically", async () => {
  const { model, table } = syntheticTrain("forced_categorical");
  assert.deepEqual(model.categorical, ["region"]);
  assert.deepEqual(model.preprocessor.categorical[0]!.categories, [
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "11",
    "12",
  ]);
  const out = await run(model, trainedModelFeeds(table, model));
  const js = predictTrainedModel(model, table).value!;
  assert.ok(maxAbsDiff(floats(out.variable), js) <= 1e-5 * Math.max(...js.map(Math.abs)));
  // y depends on region % 3, which no straight line in region captures: one-hot does better than numeric.
  const asNumber = trainBuiltin(table, { trainer: "linear", target: "y" });
  assert.deepEqual(asNumber.categorical, []);
  const r2 = (m: TrainedModel) => (m.trainMetrics as { r2: number }).r2;
  assert.ok(r2(model) > r2(asNumber) + 0.1, `one-hot r2 ${r2(model)} vs numeric ${r2(asNumber)}`);
});
