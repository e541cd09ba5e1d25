import { test } from "node:test";
import assert from "node:assert/strict";
import onnxProto from "onnx-proto";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import type { ClassificationPredictions, RegressionPredictions } from "../../../src/model/evaluate/predictions.js";
import { rejectsWith, tempFile } from "../../data/tempFiles.js";

// Small models built here with onnx-proto, so each output convention and failure can be driven by the data itself:
// an Identity model's output is its input column(s).

const { onnx } = onnxProto;
const T = onnx.TensorProto.DataType;

type Dim = number | "N";
interface ValueSpec {
  name: string;
  type: number;
  dims: Dim[];
}

function value({ name, type, dims }: ValueSpec) {
  return {
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: { dim: dims.map((d) => (d === "N" ? { dimParam: "N" } : { dimValue: d })) },
      },
    },
  };
}

function model(
  inputs: ValueSpec[],
  outputs: ValueSpec[],
  nodes: {
    op: string;
    inputs: string[];
    outputs: string[];
    domain?: string;
    ints?: Record<string, number[]>;
    int?: Record<string, number>;
    floats?: Record<string, number[]>;
    str?: Record<string, string>;
  }[],
  metadata: Record<string, string> = {},
): string {
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [
      { domain: "", version: 13 },
      { domain: "ai.onnx.ml", version: 1 },
    ],
    producerName: "modelguard-tests",
    metadataProps: Object.entries(metadata).map(([key, v]) => ({ key, value: v })),
    graph: {
      name: "g",
      input: inputs.map(value),
      output: outputs.map(value),
      node: nodes.map((n, i) => ({
        name: `n${i}`,
        opType: n.op,
        domain: n.domain ?? "",
        input: n.inputs,
        output: n.outputs,
        attribute: [
          ...Object.entries(n.ints ?? {}).map(([name, ints]) => ({
            name,
            ints,
            type: onnx.AttributeProto.AttributeType.INTS,
          })),
          ...Object.entries(n.int ?? {}).map(([name, i]) => ({ name, i, type: onnx.AttributeProto.AttributeType.INT })),
          ...Object.entries(n.floats ?? {}).map(([name, floats]) => ({
            name,
            floats,
            type: onnx.AttributeProto.AttributeType.FLOATS,
          })),
          ...Object.entries(n.str ?? {}).map(([name, v]) => ({
            name,
            s: new TextEncoder().encode(v),
            type: onnx.AttributeProto.AttributeType.STRING,
          })),
        ],
      })),
    },
  });
  return tempFile("model.onnx", onnx.ModelProto.encode(proto).finish());
}

const identity = (input: ValueSpec, outputName: string, metadata?: Record<string, string>) =>
  model(
    [input],
    [{ ...input, name: outputName }],
    [{ op: "Identity", inputs: [input.name], outputs: [outputName] }],
    metadata,
  );

const PROBA2 = identity({ name: "x", type: T.FLOAT, dims: ["N", 2] }, "probabilities", {
  feature_names: JSON.stringify(["p_no", "p_yes"]),
});

function csv(header: string[], rows: (string | number)[][]): string {
  return tempFile("data.csv", [header.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n");
}

test("class probabilities [N, C] are read as given; predicted class is the argmax", async () => {
  const data = csv(
    ["p_no", "p_yes", "y"],
    [
      [0.9, 0.1, "no"],
      [0.2, 0.8, "yes"],
      [0.6, 0.4, "yes"],
      [0.5, 0.5, "no"],
    ],
  );
  const { document, predictions } = await evaluateModel({ model: PROBA2, data, target: "y" });
  const p = predictions as ClassificationPredictions;
  assert.deepEqual(document.classes, ["no", "yes"]);
  assert.equal(document.positive_label, "yes");
  assert.deepEqual(Array.from(p.yPred), [0, 1, 0, 0], "argmax, the 0.5/0.5 tie to the lower index");
  assert.deepEqual(Array.from(p.proba!), [0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.5, 0.5].map(Math.fround));
  assert.equal(document.metrics.accuracy, 0.75);
});

test("scores outside [0, 1] are a model error, tiny float overshoots are clipped with a note", async () => {
  const scores = csv(
    ["p_no", "p_yes", "y"],
    [
      [0.5, 0.5, "no"],
      [-2.5, 3.1, "yes"],
    ],
  );
  await rejectsWith(
    evaluateModel({ model: PROBA2, data: scores, target: "y" }),
    "model",
    /holds -2\.5 for data row 1, not a probability in \[0, 1\] \(scores or logits\?\)/,
  );
  const overshoot = csv(
    ["p_no", "p_yes", "y"],
    [
      [1.0000001, 0, "no"],
      [0, 1, "yes"],
    ],
  );
  const { document, predictions } = await evaluateModel({ model: PROBA2, data: overshoot, target: "y" });
  assert.equal((predictions as ClassificationPredictions).proba![0], 1);
  assert.ok(document.notes.some((n) => /1 probabilities .* were clipped/.test(n.reason)));
});

test("a NaN output from a missing feature value names the row and the missing columns", async () => {
  const data = csv(
    ["p_no", "p_yes", "y"],
    [
      [0.5, 0.5, "no"],
      [0.3, "", "yes"],
    ],
  );
  const err = await rejectsWith(
    evaluateModel({ model: PROBA2, data, target: "y" }),
    "model",
    /output 'probabilities' is NaN for data row 1.*missing values in p_yes/,
  );
  assert.match(err.hint!, /impute/);
});

test("a single input named like a data column is fed that column; auto task from target and output values", async () => {
  const single = identity({ name: "x", type: T.FLOAT, dims: ["N", 1] }, "y_hat");
  // 0/1 target and outputs in [0, 1]: a binary probability of classes[1].
  const binary = await evaluateModel({
    model: single,
    data: csv(
      ["x", "t"],
      [
        [0.2, 0],
        [0.7, 1],
        [0.6, 0],
      ],
    ),
    target: "t",
  });
  assert.equal(binary.document.task, "binary");
  assert.deepEqual(binary.document.classes, ["0", "1"]);
  assert.deepEqual(Array.from((binary.predictions as ClassificationPredictions).yPred), [0, 1, 1]);
  // A continuous target: regression.
  const reg = await evaluateModel({
    model: single,
    data: csv(
      ["x", "t"],
      [
        [0.2, 0.5],
        [0.7, 1.5],
        [0.6, 0],
      ],
    ),
    target: "t",
  });
  assert.equal(reg.document.task, "regression");
  assert.deepEqual(Array.from((reg.predictions as RegressionPredictions).yPred), [0.2, 0.7, 0.6].map(Math.fround));
  // 0/1 target but outputs beyond [0, 1]: regression too.
  const beyond = await evaluateModel({
    model: single,
    data: csv(
      ["x", "t"],
      [
        [0.2, 0],
        [1.7, 1],
      ],
    ),
    target: "t",
  });
  assert.equal(beyond.document.task, "regression");
  // --task binary insists; then the values must be probabilities.
  await rejectsWith(
    evaluateModel({
      model: single,
      data: csv(
        ["x", "t"],
        [
          [0.2, 0],
          [1.7, 1],
        ],
      ),
      target: "t",
      task: "binary",
    }),
    "model",
    /holds 1\.7.* not a probability/,
  );
});

test("a label output of strings: classes are the sorted union of target and predicted labels", async () => {
  const labels = identity({ name: "guess", type: T.STRING, dims: ["N", 1] }, "label");
  const data = csv(
    ["guess", "truth"],
    [
      ["b", "a"],
      ["c", "b"],
      ["b", "b"],
    ],
  );
  const { document, predictions } = await evaluateModel({ model: labels, data, target: "truth" });
  assert.equal(document.task, "multiclass");
  assert.deepEqual(document.classes, ["a", "b", "c"]);
  assert.deepEqual(Array.from((predictions as ClassificationPredictions).yPred), [1, 2, 1]);
  assert.deepEqual(document.confusion_matrix, [
    [0, 1, 0],
    [0, 1, 1],
    [0, 0, 0],
  ]);
  assert.ok(document.notes.some((n) => n.metric === "log_loss" && /labels only/.test(n.reason)));
});

test("a fixed batch dimension is honoured by padding the last batch; results equal the dynamic model's", async () => {
  const rows = Array.from({ length: 10 }, (_, i) => [(i + 1) / 20, 1 - (i + 1) / 20, i % 3 === 0 ? "yes" : "no"]);
  const data = csv(["p_no", "p_yes", "y"], rows);
  const fixed = identity({ name: "x", type: T.FLOAT, dims: [4, 2] }, "probabilities", {
    feature_names: JSON.stringify(["p_no", "p_yes"]),
  });
  const a = await evaluateModel({ model: fixed, data, target: "y" });
  const b = await evaluateModel({ model: PROBA2, data, target: "y" });
  assert.deepEqual(a.predictions, b.predictions);
  assert.deepEqual(a.document.metrics, b.document.metrics);
});

test("inputs that fit no convention, outputs without a batch dimension and unsupported output types are errors", async () => {
  const data = csv(
    ["u", "v", "y"],
    [
      [1, 2, 0],
      [3, 4, 1],
    ],
  );
  const twoMatrices = model(
    [
      { name: "a", type: T.FLOAT, dims: ["N", 2] },
      { name: "b", type: T.FLOAT, dims: ["N", 2] },
    ],
    [{ name: "s", type: T.FLOAT, dims: ["N", 2] }],
    [{ op: "Add", inputs: ["a", "b"], outputs: ["s"] }],
  );
  const err = await rejectsWith(
    evaluateModel({ model: twoMatrices, data, target: "y" }),
    "model",
    /cannot feed the model's inputs a \(float32 \[N, 2\]\), b \(float32 \[N, 2\]\)/,
  );
  assert.match(err.message, /ONE float or double input \[N, F\].*one input per data column/);

  const pooled = model(
    [{ name: "x", type: T.FLOAT, dims: ["N", 2] }],
    [{ name: "m", type: T.FLOAT, dims: [1, 2] }],
    [{ op: "ReduceMean", inputs: ["x"], outputs: ["m"], ints: { axes: [0] }, int: { keepdims: 1 } }],
  );
  await rejectsWith(
    evaluateModel({ model: pooled, data, target: "y", features: ["u", "v"] }),
    "model",
    /output 'm' has shape \[1, 2\] for a batch of 16 rows/,
  );

  const boolOut = model(
    [{ name: "x", type: T.FLOAT, dims: ["N", 2] }],
    [{ name: "flag", type: T.BOOL, dims: ["N", 2] }],
    [{ op: "Cast", inputs: ["x"], outputs: ["flag"], int: { to: T.BOOL } }],
  );
  await rejectsWith(
    evaluateModel({ model: boolOut, data, target: "y", features: ["u", "v"] }),
    "model",
    /output 'flag' is of type bool/,
  );
});

test("--input-name picks the matrix input; the other inputs are fed their columns", async () => {
  const mixed = model(
    [
      { name: "features", type: T.FLOAT, dims: ["N", 1] },
      { name: "p_yes", type: T.FLOAT, dims: ["N", 1] },
    ],
    [{ name: "p", type: T.FLOAT, dims: ["N", 1] }],
    [{ op: "Mul", inputs: ["features", "p_yes"], outputs: ["p"] }],
  );
  const data = csv(
    ["one", "p_yes", "y"],
    [
      [1, 0.25, 0],
      [1, 0.75, 1],
    ],
  );
  const { document, predictions } = await evaluateModel({ model: mixed, data, target: "y", inputName: "features" });
  assert.equal(document.task, "binary");
  assert.deepEqual(Array.from((predictions as ClassificationPredictions).proba!), [0.75, 0.25, 0.25, 0.75]);
  // Without --input-name the mixed layout is not guessed.
  await rejectsWith(evaluateModel({ model: mixed, data, target: "y" }), "model", /\(features fit no convention/);
  await rejectsWith(
    evaluateModel({ model: mixed, data, target: "y", inputName: "nope" }),
    "usage",
    /--input-name 'nope' is not an input of .*features \(float32 \[N, 1\]\), p_yes \(float32 \[N, 1\]\)/,
  );
});

test("an int64 label output may hold class indices (modelguard's trainer) or class labels (skl2onnx)", async () => {
  const rows = [
    [0.7, 0.2, 0.1, "a"],
    [0.1, 0.8, 0.1, "b"],
    [0.2, 0.2, 0.6, "b"],
    [0.1, 0.3, 0.6, "c"],
  ];
  const data = csv(["s0", "s1", "s2", "y"], rows);
  const argmaxPair = (metadata: Record<string, string>) =>
    model(
      [{ name: "x", type: T.FLOAT, dims: ["N", 3] }],
      [
        { name: "label", type: T.INT64, dims: ["N"] },
        { name: "probabilities", type: T.FLOAT, dims: ["N", 3] },
      ],
      [
        { op: "ArgMax", inputs: ["x"], outputs: ["label"], int: { axis: 1, keepdims: 0 } },
        { op: "Identity", inputs: ["x"], outputs: ["probabilities"] },
      ],
      { feature_names: JSON.stringify(["s0", "s1", "s2"]), ...metadata },
    );
  // Indices, recognised by agreeing with the probabilities' argmax.
  const pair = await evaluateModel({ model: argmaxPair({ classes: '["a","b","c"]' }), data, target: "y" });
  assert.deepEqual(Array.from((pair.predictions as ClassificationPredictions).yPred), [0, 1, 2, 2]);
  assert.ok(pair.document.notes.some((n) => /holds class indices/.test(n.reason)));
  // Labels only: indices because no value is a class label.
  const labelsOnly = await evaluateModel({
    model: argmaxPair({ classes: '["a","b","c"]' }),
    data,
    target: "y",
    outputName: "label",
  });
  assert.deepEqual(labelsOnly.predictions.yPred, pair.predictions.yPred);
  // Numeric class labels, and predictions that could be read either way (ArgMax gives only 1 and 2 here): text,
  // unless the model says it comes from our trainer.
  const numeric = csv(
    ["s0", "s1", "s2", "y"],
    [
      [0.1, 0.8, 0.1, 2],
      [0.2, 0.2, 0.6, 3],
      [0.1, 0.6, 0.3, 1],
    ],
  );
  const asText = await evaluateModel({
    model: argmaxPair({ classes: '["1","2","3"]' }),
    data: numeric,
    target: "y",
    outputName: "label",
  });
  assert.deepEqual(Array.from((asText.predictions as ClassificationPredictions).yPred), [0, 1, 0], "label 1 -> '1'");
  const asIndex = await evaluateModel({
    model: argmaxPair({ classes: '["1","2","3"]', modelguard_trainer: "logistic" }),
    data: numeric,
    target: "y",
    outputName: "label",
  });
  assert.deepEqual(Array.from((asIndex.predictions as ClassificationPredictions).yPred), [1, 2, 1], "label 1 -> '2'");
  // With the probabilities alongside, agreement with their argmax settles it without the metadata.
  const paired = await evaluateModel({ model: argmaxPair({ classes: '["1","2","3"]' }), data: numeric, target: "y" });
  assert.deepEqual(paired.predictions.yPred, asIndex.predictions.yPred);

  // skl2onnx: LinearClassifier labels 3/5/7 are the class labels; classes come from the classifier node.
  const sklearnLike = model(
    [{ name: "x", type: T.FLOAT, dims: ["N", 3] }],
    [
      { name: "label", type: T.INT64, dims: ["N"] },
      { name: "probabilities", type: T.FLOAT, dims: ["N", 3] },
    ],
    [
      {
        op: "LinearClassifier",
        domain: "ai.onnx.ml",
        inputs: ["x"],
        outputs: ["label", "probabilities"],
        ints: { classlabels_ints: [3, 5, 7] },
        floats: { coefficients: [1, 0, 0, 0, 1, 0, 0, 0, 1], intercepts: [0, 0, 0] },
        str: { post_transform: "NONE" },
      },
    ],
    { feature_names: JSON.stringify(["s0", "s1", "s2"]) },
  );
  const sevens = csv(
    ["s0", "s1", "s2", "y"],
    rows.map((r) => [...r.slice(0, 3), { a: 3, b: 5, c: 7 }[r[3] as "a"]]),
  );
  const sk = await evaluateModel({ model: sklearnLike, data: sevens, target: "y" });
  assert.deepEqual(sk.document.classes, ["3", "5", "7"]);
  assert.deepEqual(sk.predictions.yPred, pair.predictions.yPred);
  assert.ok(!sk.document.notes.some((n) => /class indices/.test(n.reason)));
});
