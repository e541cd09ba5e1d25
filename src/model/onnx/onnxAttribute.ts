import { onnxTensor, type OnnxTensorValue } from "./onnxTensor.js";
import { onnx, type OnnxProto } from "./onnxProto.js";

/**
 * A node attribute value with its ONNX type said explicitly: in JavaScript 1 and 1.0 are the same number, but ONNX
 * tells INT from FLOAT, and an operator rejects an attribute of the wrong type.
 */
export type OnnxAttributeValue =
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "string"; value: string }
  | { type: "ints"; value: readonly number[] }
  | { type: "floats"; value: readonly number[] }
  | { type: "strings"; value: readonly string[] }
  | { type: "tensor"; value: OnnxTensorValue };

/** Shorthands: `attr.int(1)`, `attr.strings(["a", "b"])`. */
export const attr = {
  int: (value: number): OnnxAttributeValue => ({ type: "int", value }),
  float: (value: number): OnnxAttributeValue => ({ type: "float", value }),
  string: (value: string): OnnxAttributeValue => ({ type: "string", value }),
  ints: (value: readonly number[]): OnnxAttributeValue => ({ type: "ints", value }),
  floats: (value: readonly number[]): OnnxAttributeValue => ({ type: "floats", value }),
  strings: (value: readonly string[]): OnnxAttributeValue => ({ type: "strings", value }),
  tensor: (value: OnnxTensorValue): OnnxAttributeValue => ({ type: "tensor", value }),
};

const T = onnx.AttributeProto.AttributeType;
const utf8 = new TextEncoder();

function checkInt(name: string, v: number): number {
  if (!Number.isSafeInteger(v)) throw new RangeError(`attribute ${name}: ${v} is not a safe integer`);
  return v;
}

/** The AttributeProto for one named value. */
export function onnxAttribute(name: string, a: OnnxAttributeValue): OnnxProto.AttributeProto {
  switch (a.type) {
    case "int":
      return onnx.AttributeProto.create({ name, type: T.INT, i: checkInt(name, a.value) });
    case "float":
      return onnx.AttributeProto.create({ name, type: T.FLOAT, f: a.value });
    case "string":
      return onnx.AttributeProto.create({ name, type: T.STRING, s: utf8.encode(a.value) });
    case "ints":
      return onnx.AttributeProto.create({ name, type: T.INTS, ints: a.value.map((v) => checkInt(name, v)) });
    case "floats":
      return onnx.AttributeProto.create({ name, type: T.FLOATS, floats: [...a.value] });
    case "strings":
      return onnx.AttributeProto.create({ name, type: T.STRINGS, strings: a.value.map((s) => utf8.encode(s)) });
    case "tensor":
      return onnx.AttributeProto.create({ name, type: T.TENSOR, t: onnxTensor("", a.value) });
  }
}
