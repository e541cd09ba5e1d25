import { ONNX_ELEMENT_TYPES } from "./onnxElementType.js";
import { onnx, type OnnxProto } from "./onnxProto.js";

/**
 * A constant tensor (an initializer, or the value of a Constant node). Only the element types a linear model needs:
 * float weights, int64 shapes and axes, string categories. Values are row-major and must fill `dims` exactly.
 */
export type OnnxTensorValue =
  | { type: "float"; dims: readonly number[]; values: ArrayLike<number> }
  | { type: "int64"; dims: readonly number[]; values: ArrayLike<number> }
  | { type: "string"; dims: readonly number[]; values: readonly string[] };

const utf8 = new TextEncoder();

/**
 * Builds a TensorProto. float values are rounded to float32 here, once: what the file holds is what a reader sees.
 * int64 values must be safe integers (protobufjs writes them exactly as long as they are).
 *
 * Example: onnxTensor("W", { type: "float", dims: [2, 1], values: [0.5, -1] })
 */
export function onnxTensor(name: string, value: OnnxTensorValue): OnnxProto.TensorProto {
  const size = value.dims.reduce((a, b) => a * b, 1);
  if (value.dims.some((d) => !Number.isInteger(d) || d < 0))
    throw new RangeError(`tensor ${name}: dims must be non-negative integers, got [${value.dims.join(", ")}]`);
  if (value.values.length !== size)
    throw new RangeError(
      `tensor ${name}: dims [${value.dims.join(", ")}] need ${size} values, got ${value.values.length}`,
    );
  const base = { name, dims: [...value.dims], dataType: ONNX_ELEMENT_TYPES[value.type] };
  switch (value.type) {
    case "float":
      return onnx.TensorProto.create({ ...base, floatData: Array.from(value.values) });
    case "int64": {
      const ints = Array.from(value.values);
      const bad = ints.find((v) => !Number.isSafeInteger(v));
      if (bad !== undefined) throw new RangeError(`tensor ${name}: int64 value ${bad} is not a safe integer`);
      return onnx.TensorProto.create({ ...base, int64Data: ints });
    }
    case "string":
      return onnx.TensorProto.create({ ...base, stringData: value.values.map((s) => utf8.encode(s)) });
  }
}
