import { test } from "node:test";
import assert from "node:assert/strict";
import * as ort from "onnxruntime-node";
import { isModelguardError } from "../../../src/errors.js";
import { attr } from "../../../src/model/onnx/onnxAttribute.js";
import { onnxElementTypeName } from "../../../src/model/onnx/onnxElementType.js";
import { OnnxGraphBuilder } from "../../../src/model/onnx/onnxGraphBuilder.js";
import { onnx } from "../../../src/model/onnx/onnxProto.js";
import { onnxTensor } from "../../../src/model/onnx/onnxTensor.js";
import { readOnnxModelInfo } from "../../../src/model/onnx/readOnnxModelInfo.js";

/** x [N, 2] float with NaNs, c [N, 1] string -> out = [Where(IsNaN(x), m, x) @ W, onehot(c)]. */
function sampleGraph(): OnnxGraphBuilder {
  const g = new OnnxGraphBuilder("sample");
  g.reserve("out");
  g.addInput("x", "float", ["N", 2]);
  g.addInput("c", "string", ["N", 1]);
  const m = g.addInitializer(g.fresh("mean"), { type: "float", dims: [2], values: [10, 20] });
  const W = g.addInitializer(g.fresh("W"), { type: "float", dims: [2, 1], values: [1, 0.5] });
  const [isNan] = g.addNode("IsNaN", ["x"], [g.fresh("nan")]);
  const [imputed] = g.addNode("Where", [isNan!, m, "x"], [g.fresh("imputed")]);
  const [z] = g.addNode("MatMul", [imputed!, W], [g.fresh("z")]);
  const [oneHot] = g.addNode("OneHotEncoder", ["c"], [g.fresh("onehot")], {
    domain: "ai.onnx.ml",
    attributes: { cats_strings: attr.strings(["a", "b"]), zeros: attr.int(1) },
  });
  g.declareValue(oneHot!, "float", ["N", 1, 2]);
  const axes = g.addInitializer(g.fresh("axes"), { type: "int64", dims: [1], values: [1] });
  const [flat] = g.addNode("Squeeze", [oneHot!, axes], [g.fresh("flat")]);
  g.addNode("Concat", [z!, flat!], ["out"], { attributes: { axis: attr.int(1) } });
  g.addOutput("out", "float", ["N", 3]);
  return g;
}

const options = {
  opsets: { "": 17, "ai.onnx.ml": 3 },
  producerName: "modelguard-test",
  producerVersion: "9.9",
  metadata: { feature_names: '["x1","x2","c"]', note: "é ünïcode" },
};

test("a built graph runs in onnxruntime: IsNaN + Where imputation, MatMul, OneHotEncoder with unknown -> zeros", async () => {
  const session = await ort.InferenceSession.create(sampleGraph().toBytes(options));
  const out = await session.run({
    x: new ort.Tensor("float32", Float32Array.of(1, 2, NaN, 4, 3, NaN), [3, 2]),
    c: new ort.Tensor("string", ["b", "a", "zzz"], [3, 1]),
  });
  assert.deepEqual(out.out!.dims, [3, 3]);
  assert.deepEqual(Array.from(out.out!.data as Float32Array), [1 + 1, 0, 1, 10 + 2, 1, 0, 3 + 10, 0, 0]);
});

test("readOnnxModelInfo reads back metadata, opsets, inputs and outputs", () => {
  const info = readOnnxModelInfo(sampleGraph().toBytes(options));
  assert.deepEqual(info, {
    irVersion: 8,
    producerName: "modelguard-test",
    producerVersion: "9.9",
    opsets: { "": 17, "ai.onnx.ml": 3 },
    metadata: { feature_names: '["x1","x2","c"]', note: "é ünïcode" },
    inputs: [
      { name: "x", elementType: "float", shape: ["N", 2] },
      { name: "c", elementType: "string", shape: ["N", 1] },
    ],
    outputs: [{ name: "out", elementType: "float", shape: ["N", 3] }],
  });
});

test("the same calls give the same bytes; one more initializer gives different bytes", () => {
  const a = sampleGraph().toBytes(options);
  const b = sampleGraph().toBytes(options);
  assert.deepEqual(a, b);
  const g = sampleGraph();
  g.addInitializer("unused", { type: "float", dims: [1], values: [1] });
  assert.notDeepEqual(g.toBytes(options), a);
});

test("only the domains a graph uses are imported", () => {
  const g = new OnnxGraphBuilder("tiny");
  g.addInput("x", "float", ["N", 1]);
  g.addNode("Neg", ["x"], ["y"]);
  g.addOutput("y", "float", ["N", 1]);
  assert.deepEqual(readOnnxModelInfo(g.toBytes({ opsets: { "": 17, "ai.onnx.ml": 3 }, producerName: "t" })).opsets, {
    "": 17,
  });
});

test("fresh names avoid every defined and reserved name", () => {
  const g = new OnnxGraphBuilder("names");
  g.reserve("label");
  g.addInput("z", "float", ["N", 1]);
  assert.equal(g.fresh("label"), "label_1");
  assert.equal(g.fresh("z"), "z_1");
  assert.equal(g.fresh("w"), "w");
  g.addInitializer("w_1", { type: "float", dims: [], values: [1] });
  g.addInitializer(g.fresh("w"), { type: "float", dims: [], values: [1] });
  assert.equal(g.fresh("w"), "w_2");
});

test("mistakes surface where they are made", () => {
  const g = new OnnxGraphBuilder("bad");
  g.addInput("x", "float", ["N", 1]);
  assert.throws(() => g.addNode("Neg", ["nope"], ["y"]), /input 'nope' is not defined/);
  assert.throws(() => g.addNode("Neg", ["x"], ["x"]), /already used/);
  assert.throws(() => g.addInput("x", "float", ["N", 1]), /already used/);
  assert.throws(() => g.addOutput("y", "float", ["N", 1]), /not defined/);
  assert.throws(() => g.declareValue("y", "float", ["N", 1]), /not defined/);
  g.addNode("Neg", ["x"], ["y"], { domain: "com.example" });
  g.addOutput("y", "float", ["N", 1]);
  assert.throws(() => g.addOutput("y", "float", ["N", 1]), /declared twice/);
  assert.throws(() => g.toBytes({ opsets: { "": 17 }, producerName: "t" }), /domain 'com.example'/);
});

test("tensors: dims must match the values; int64 must be safe integers; strings are UTF-8", () => {
  assert.throws(() => onnxTensor("t", { type: "float", dims: [2, 2], values: [1, 2, 3] }), /need 4 values/);
  assert.throws(() => onnxTensor("t", { type: "int64", dims: [1], values: [2 ** 60] }), /safe integer/);
  assert.throws(() => onnxTensor("t", { type: "float", dims: [-1], values: [] }), /non-negative/);
  const t = onnxTensor("s", { type: "string", dims: [2], values: ["a", "ü"] });
  assert.equal(t.dataType, onnx.TensorProto.DataType.STRING);
  assert.deepEqual(
    t.stringData.map((b) => new TextDecoder().decode(b)),
    ["a", "ü"],
  );
  const f = onnxTensor("f", { type: "float", dims: [1], values: [0.1] });
  const decoded = onnx.TensorProto.decode(onnx.TensorProto.encode(f).finish());
  assert.equal(decoded.floatData[0], Math.fround(0.1));
});

test("attributes carry their ONNX type", () => {
  const g = new OnnxGraphBuilder("attrs");
  g.addInput("x", "float", ["N", 3]);
  g.addNode("ArgMax", ["x"], ["i"], { attributes: { axis: attr.int(1), keepdims: attr.int(0) } });
  g.addOutput("i", "int64", ["N"]);
  const model = onnx.ModelProto.decode(g.toBytes({ opsets: { "": 17 }, producerName: "t" }));
  const a = model.graph!.node![0]!.attribute!;
  assert.deepEqual(
    a.map((x) => [x.name, x.type]),
    [
      ["axis", onnx.AttributeProto.AttributeType.INT],
      ["keepdims", onnx.AttributeProto.AttributeType.INT],
    ],
  );
  assert.throws(() => g.addNode("ArgMax", ["x"], ["j"], { attributes: { axis: attr.int(1.5) } }), /safe integer/);
  g.addNode("Neg", ["x"], ["j"]); // the failed node left no trace
});

test("element type names", () => {
  assert.equal(onnxElementTypeName(1), "float");
  assert.equal(onnxElementTypeName(8), "string");
  assert.equal(onnxElementTypeName(99), "unknown(99)");
});

test("bytes that are not an ONNX model are a ModelguardError 'model' naming the file", () => {
  for (const bytes of [new TextEncoder().encode("id,x\n1,2\n"), new Uint8Array(0), Uint8Array.of(0xff, 0xff, 0xff)]) {
    assert.throws(
      () => readOnnxModelInfo(bytes, "data.csv"),
      (e: unknown) =>
        isModelguardError(e) && e.code === "model" && /data\.csv is not a readable ONNX model/.test(e.message),
    );
  }
});
