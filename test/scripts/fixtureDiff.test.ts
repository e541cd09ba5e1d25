// The fixture check compares numbers within a tolerance and everything else exactly (scripts/fixtureDiff.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import onnxProto from "onnx-proto";
import { compareFixture } from "../../scripts/fixtureDiff.mjs";

const bytes = (text: string) => new TextEncoder().encode(text);

test("JSON: last-digit differences agree, the worst one is reported with its path", () => {
  const r = compareFixture(
    "fixtures/stats/x.json",
    bytes('{"cases": [{"sf": 0.11213266000679756, "n": 5}, {"sf": 0.5, "n": 6}]}'),
    bytes('{"cases": [{"sf": 0.11213266000679767, "n": 5}, {"sf": 0.5, "n": 6}]}'),
  );
  assert.equal(r.ok, true);
  assert.equal(r.worst?.path, ".cases[0].sf");
  assert.ok(r.worst!.relative > 9e-16 && r.worst!.relative < 1e-15);
  assert.equal(r.compared, 4);
});

test("JSON: a difference beyond 1e-12 relative, a changed string, key or length is stale", () => {
  const base = '{"a": [1.0, 2.0], "b": "x"}';
  assert.match(
    compareFixture("f.json", bytes(base), bytes('{"a": [1.0, 2.00000001], "b": "x"}')).mismatch!,
    /^\.a\[1\]/,
  );
  assert.match(compareFixture("f.json", bytes(base), bytes('{"a": [1.0, 2.0], "b": "y"}')).mismatch!, /^\.b/);
  assert.match(compareFixture("f.json", bytes(base), bytes('{"a": [1.0, 2.0], "c": "x"}')).mismatch!, /keys/);
  assert.match(compareFixture("f.json", bytes(base), bytes('{"a": [1.0], "b": "x"}')).mismatch!, /length 2/);
  assert.equal(compareFixture("f.json", bytes(base), bytes(base)).ok, true);
  // Near zero an absolute floor applies: 1e-17 and -3e-18 are both "zero up to rounding".
  assert.equal(compareFixture("f.json", bytes("[1e-17]"), bytes("[-3e-18]")).ok, true);
  assert.equal(compareFixture("f.json", bytes("[1e-10]"), bytes("[2e-10]")).ok, false);
});

test("JSON: a string that writes a number compares as that number (a regression's predictions sent as text)", () => {
  // Seen across OpenBLAS kernels: LinearRegression's prediction written with repr().
  const committed = bytes('{"prediction": ["257.67185809516855", "-1e-5"], "label": "a"}');
  assert.equal(
    compareFixture("f.json", committed, bytes('{"prediction": ["257.6718580951685", "-1e-5"], "label": "a"}')).ok,
    true,
  );
  assert.match(
    compareFixture("f.json", committed, bytes('{"prediction": ["257.6718", "-1e-5"], "label": "a"}')).mismatch!,
    /^\.prediction\[0\]/,
  );
  // A string that is not a number on both sides still compares exactly.
  assert.equal(compareFixture("f.json", committed, bytes('{"prediction": ["x", "-1e-5"], "label": "a"}')).ok, false);
});

test("CSV: numeric cells compare as numbers, text exactly; other kinds byte for byte", () => {
  const a = 'id,x,name\n1,0.30000000000000004,"a, b"\n';
  assert.equal(compareFixture("d.csv", bytes(a), bytes('id,x,name\n1,0.3,"a, b"\n')).ok, true);
  assert.equal(compareFixture("d.csv", bytes(a), bytes('id,x,name\n1,0.31,"a, b"\n')).ok, false);
  assert.equal(compareFixture("d.csv", bytes(a), bytes('id,x,name\n1,0.3,"a; b"\n')).ok, false);
  assert.equal(compareFixture("s.yaml", bytes("a: 1.0\n"), bytes("a: 1.00\n")).ok, false);
});

test("ONNX: initializer weights compare numerically, the graph exactly", () => {
  const file = "fixtures/models/breast_cancer_double.onnx";
  const committed = readFileSync(new URL(`../../${file}`, import.meta.url));
  const model = onnxProto.onnx.ModelProto.decode(committed);
  const tensor = model.graph!.initializer!.find((t) => t.dataType === 11 && (t.rawData?.length ?? 0) > 0)!;
  const raw = tensor.rawData!;
  const weights = new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const write = () => {
    tensor.rawData = new Uint8Array(weights.buffer.slice(0));
    return onnxProto.onnx.ModelProto.encode(model).finish();
  };
  weights[0] = weights[0]! * (1 + 4e-14);
  assert.equal(compareFixture(file, committed, write()).ok, true);
  weights[0] = weights[0]! * (1 + 1e-9);
  assert.match(compareFixture(file, committed, write()).mismatch!, /initializer\[\d+\]\.rawData\[0\]/);
  weights[0] = weights[0]! / (1 + 1e-9);
  model.graph!.node![0]!.opType = "Changed";
  assert.match(compareFixture(file, committed, write()).mismatch!, /opType/);
});

test("trainer_reference: the L-BFGS stopping point has its own, stated tolerance", () => {
  const file = "fixtures/models/trainer_reference.json";
  const doc = (coef: number, optimum: number) =>
    bytes(JSON.stringify({ cases: [{ coef: [[coef]], optimum: { coef: [[optimum]] } }] }));
  assert.equal(compareFixture(file, doc(-4.8566863053765266e-4, 1), doc(-4.8566863070583736e-4, 1)).ok, true);
  assert.equal(compareFixture(file, doc(1, 1), doc(1.00001, 1)).ok, false);
  // The Newton-polished optimum is held to 1e-10 relative.
  assert.equal(compareFixture(file, doc(1, 1), doc(1, 1 + 6e-13)).ok, true);
  assert.equal(compareFixture(file, doc(1, 1), doc(1, 1 + 1e-9)).ok, false);
});
