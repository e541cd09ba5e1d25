/**
 * ONNX tensor element types by name. The numbers are onnx.proto's TensorProto.DataType values, which are part of the
 * file format, so they are spelt out here rather than looked up at run time.
 */
export const ONNX_ELEMENT_TYPES = {
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
  bfloat16: 16,
} as const;

export type OnnxElementType = keyof typeof ONNX_ELEMENT_TYPES;

/** The name of a TensorProto.DataType number, or `unknown(<n>)` for a type this table does not know. */
export function onnxElementTypeName(code: number): OnnxElementType | `unknown(${number})` {
  for (const [name, value] of Object.entries(ONNX_ELEMENT_TYPES)) if (value === code) return name as OnnxElementType;
  return `unknown(${code})`;
}
