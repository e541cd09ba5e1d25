import { ONNX_ELEMENT_TYPES, type OnnxElementType } from "./onnxElementType.js";
import { onnx, type OnnxProto } from "./onnxProto.js";

/** A dimension: a fixed size, or a symbolic name such as "N" for the batch. */
export type OnnxDim = number | string;

/**
 * A graph input or output: name, element type and shape. Symbolic dims ("N") let one model take any batch size,
 * and ONNX shape inference checks the graph against them.
 *
 * Example: onnxValueInfo("input", "float", ["N", 3])
 */
export function onnxValueInfo(
  name: string,
  type: OnnxElementType,
  shape: readonly OnnxDim[],
): OnnxProto.ValueInfoProto {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: ONNX_ELEMENT_TYPES[type],
        shape: { dim: shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}
