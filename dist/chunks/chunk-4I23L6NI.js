import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  require_onnx
} from "./chunk-SMSJON5I.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/model/onnx/onnxElementType.ts
var ONNX_ELEMENT_TYPES = {
  float: 1,
  uint8: 2,
  int8: 3,
  uint16: 4,
  int16: 5,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float16: 10,
  double: 11,
  uint32: 12,
  uint64: 13,
  complex64: 14,
  complex128: 15,
  bfloat16: 16
};
function onnxElementTypeName(code) {
  for (const [name, value] of Object.entries(ONNX_ELEMENT_TYPES)) if (value === code) return name;
  return `unknown(${code})`;
}

// src/model/onnx/onnxProto.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var onnx = import_onnx_proto.default.onnx;

// src/model/onnx/readOnnxModelInfo.ts
function toNumber(v) {
  if (v === null || v === void 0) return 0;
  return typeof v === "number" ? v : v.toNumber();
}
function tensorInfo(v) {
  const t = v.type?.tensorType;
  if (!t) return { name: v.name ?? "", elementType: "non-tensor", shape: null };
  const shape = t.shape ? (
    // protobufjs puts defaults on the prototype: an own property is a field the file really holds.
    (t.shape.dim ?? []).map(
      (d) => Object.hasOwn(d, "dimValue") ? toNumber(d.dimValue) : d.dimParam ? d.dimParam : null
    )
  ) : null;
  return { name: v.name ?? "", elementType: onnxElementTypeName(t.elemType ?? 0), shape };
}
function readOnnxModelInfo(bytes, source = "model") {
  let model;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw notOnnx(source, e.message);
  }
  const graph = model.graph;
  if (!graph || graph.node.length === 0 && graph.output.length === 0) throw notOnnx(source, "it has no graph");
  const initialized = new Set(graph.initializer.map((t) => t.name));
  const opsets = {};
  for (const o of model.opsetImport) opsets[o.domain ?? ""] = toNumber(o.version);
  const metadata = {};
  for (const p of model.metadataProps) metadata[p.key ?? ""] = p.value ?? "";
  return {
    irVersion: toNumber(model.irVersion),
    producerName: model.producerName,
    producerVersion: model.producerVersion,
    opsets,
    metadata,
    inputs: graph.input.filter((i) => !initialized.has(i.name)).map(tensorInfo),
    outputs: graph.output.map(tensorInfo)
  };
}
function notOnnx(source, why) {
  return new ModelguardError(
    "model",
    `${source} is not a readable ONNX model: ${why}`,
    "Pass an .onnx file (a serialized ModelProto), e.g. one written by `modelguard train` or exported with skl2onnx.",
    { file: source }
  );
}

export {
  ONNX_ELEMENT_TYPES,
  onnx,
  readOnnxModelInfo
};
