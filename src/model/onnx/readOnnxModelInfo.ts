import { ModelguardError } from "../../errors.js";
import { onnxElementTypeName } from "./onnxElementType.js";
import { onnx, type OnnxProto } from "./onnxProto.js";

/** A graph input or output as the file declares it. Dims: a size, a symbolic name, or null when left open. */
export interface OnnxTensorInfo {
  name: string;
  /** "float", "int64", "string", ... ("unknown(<n>)" for a type we do not name; "non-tensor" for maps/sequences). */
  elementType: string;
  /** null when the file declares no shape at all (any rank). */
  shape: (number | string | null)[] | null;
}

export interface OnnxModelInfo {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  /** domain ("" is ai.onnx) -> opset version. */
  opsets: Record<string, number>;
  /** metadata_props as a record (a repeated key keeps its last value, as onnxruntime reports it). */
  metadata: Record<string, string>;
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
}

type IntLike = number | { toNumber(): number } | null | undefined;

function toNumber(v: IntLike): number {
  if (v === null || v === undefined) return 0;
  return typeof v === "number" ? v : v.toNumber();
}

function tensorInfo(v: OnnxProto.IValueInfoProto): OnnxTensorInfo {
  const t = v.type?.tensorType;
  if (!t) return { name: v.name ?? "", elementType: "non-tensor", shape: null };
  const shape = t.shape
    ? // protobufjs puts defaults on the prototype: an own property is a field the file really holds.
      (t.shape.dim ?? []).map((d) =>
        Object.hasOwn(d, "dimValue") ? toNumber(d.dimValue as IntLike) : d.dimParam ? d.dimParam : null,
      )
    : null;
  return { name: v.name ?? "", elementType: onnxElementTypeName(t.elemType ?? 0), shape };
}

/**
 * What a model says about itself without running it: metadata, opsets, and the graph's real inputs (those not fed
 * by an initializer) and outputs. Used to check a model against data before onnxruntime would fail mid-batch, and by
 * the trainer's tests to read back what was written.
 *
 * Bytes that are not an ONNX ModelProto with a graph are a ModelguardError "model" naming `source`.
 */
export function readOnnxModelInfo(bytes: Uint8Array, source = "model"): OnnxModelInfo {
  let model: OnnxProto.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw notOnnx(source, (e as Error).message);
  }
  const graph = model.graph as OnnxProto.GraphProto | null | undefined;
  if (!graph || (graph.node.length === 0 && graph.output.length === 0)) throw notOnnx(source, "it has no graph");
  const initialized = new Set(graph.initializer.map((t) => t.name));
  const opsets: Record<string, number> = {};
  for (const o of model.opsetImport) opsets[o.domain ?? ""] = toNumber(o.version as IntLike);
  const metadata: Record<string, string> = {};
  for (const p of model.metadataProps) metadata[p.key ?? ""] = p.value ?? "";
  return {
    irVersion: toNumber(model.irVersion as IntLike),
    producerName: model.producerName,
    producerVersion: model.producerVersion,
    opsets,
    metadata,
    inputs: graph.input.filter((i) => !initialized.has(i.name)).map(tensorInfo),
    outputs: graph.output.map(tensorInfo),
  };
}

function notOnnx(source: string, why: string): ModelguardError {
  return new ModelguardError(
    "model",
    `${source} is not a readable ONNX model: ${why}`,
    "Pass an .onnx file (a serialized ModelProto), e.g. one written by `modelguard train` or exported with skl2onnx.",
    { file: source },
  );
}
