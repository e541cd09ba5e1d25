/**
 * The one place that imports onnx-proto (protobufjs classes generated from onnx.proto, IR 8). The package is
 * CommonJS, so ESM sees a single default export; everything else in modelguard imports `onnx` from here.
 */
import pkg from "onnx-proto";

export const onnx = pkg.onnx;
export type { onnx as OnnxProto } from "onnx-proto";
