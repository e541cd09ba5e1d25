import type { InferenceSession } from "onnxruntime-node";
import { ModelguardError } from "../../errors.js";
import { describeModelValue, type OnnxModel } from "./loadOnnxModel.js";

/** The model outputs evaluation reads: one output, or skl2onnx's pair of labels and probabilities. */
export type OutputSelection = { kind: "single"; name: string } | { kind: "pair"; label: string; probabilities: string };

const LABEL_TYPES = new Set(["int64", "int32", "string"]);
const FLOAT_TYPES = new Set(["float32", "float64"]);

/**
 * Chooses the outputs to read, from the model's declared outputs:
 *
 * - `--output-name X`: X alone (it must exist and be a tensor).
 * - one tensor output: it.
 * - a label tensor (int64/int32/string) and a float tensor: the pair (skl2onnx's `label` + `probabilities` with
 *   zipmap disabled); the probabilities give the metrics, the labels the predicted classes.
 *
 * A ZipMap output (a sequence of maps) is an error unless `--output-name` picks another output: its hint gives
 * skl2onnx's option to export probabilities as a tensor. Several outputs that fit no rule are an error listing them.
 *
 * Example: selectOutputs(breastCancerLabelProba) -> { kind: "pair", label: "label", probabilities: "probabilities" }
 */
export function selectOutputs(model: OnnxModel, outputName?: string): OutputSelection {
  const outputs = model.outputs;
  const list = outputs.map(describeModelValue).join(", ");
  if (outputName !== undefined) {
    const chosen = outputs.find((o) => o.name === outputName);
    if (!chosen)
      throw new ModelguardError(
        "usage",
        `--output-name '${outputName}' is not an output of ${model.path}; its outputs: ${list}`,
        "pass one of the model's output names, or leave --output-name out",
      );
    if (!chosen.isTensor) throw zipMapError(model, chosen);
    return { kind: "single", name: chosen.name };
  }
  const nonTensor = outputs.find((o) => !o.isTensor);
  if (nonTensor) throw zipMapError(model, nonTensor);
  if (outputs.length === 1) return { kind: "single", name: outputs[0]!.name };
  const typeOf = (o: InferenceSession.ValueMetadata) => (o.isTensor ? o.type : "");
  const labels = outputs.filter((o) => LABEL_TYPES.has(typeOf(o)));
  const floats = outputs.filter((o) => FLOAT_TYPES.has(typeOf(o)));
  if (outputs.length === 2 && labels.length === 1 && floats.length === 1)
    return { kind: "pair", label: labels[0]!.name, probabilities: floats[0]!.name };
  throw new ModelguardError(
    "usage",
    `${model.path} has ${outputs.length} outputs (${list}); modelguard reads one output, or a label output with a ` +
      "probabilities output",
    "pick the output to evaluate with --output-name",
    { file: model.path },
  );
}

function zipMapError(model: OnnxModel, output: InferenceSession.ValueMetadata): ModelguardError {
  const others = model.outputs.filter((o) => o.isTensor).map((o) => o.name);
  return new ModelguardError(
    "model",
    `${model.path}: output '${output.name}' is a sequence of maps (a ZipMap), which modelguard does not read`,
    "export the probabilities as a tensor: skl2onnx.to_onnx(model, X, options={id(model): {'zipmap': False}})" +
      (others.length > 0 ? `; or evaluate the labels only with --output-name ${others[0]}` : ""),
    { file: model.path },
  );
}
