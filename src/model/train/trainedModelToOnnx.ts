import { ModelguardError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { attr } from "../onnx/onnxAttribute.js";
import { OnnxGraphBuilder } from "../onnx/onnxGraphBuilder.js";
import { MODEL_OUTPUT_NAMES } from "./resolveTrainColumns.js";
import type { TrainedModel } from "./trainBuiltin.js";

/** ai.onnx 17 (onnxruntime >= 1.12, onnx >= 1.12) and ai.onnx.ml 3, imported only when a graph uses it. */
export const TRAINER_OPSETS: Record<string, number> = { "": 17, "ai.onnx.ml": 3 };

/** The single input of a model whose features are all numeric. */
export const NUMERIC_INPUT_NAME = "input";

/**
 * The ONNX model of a trained built-in model, preprocessing included, so a runtime needs nothing but the raw
 * feature values. All numeric features: one float32 input `input` [N, F] in feature order. With categorical
 * features: one input per feature, named like the column, float32 [N, 1] for numbers and string [N, 1] for
 * categories (skl2onnx's convention for DataFrames); a category is the text `levelText` gives (booleans "true" /
 * "false", numbers as the data shows them).
 *
 *   numeric  : NaN -> training mean (IsNaN + Where), then (x - mean) / scale
 *   category : ai.onnx.ml OneHotEncoder over the training categories, zeros=1: unknown (or "") -> all zeros
 *   design   : Concat(numeric block, one-hot blocks) -> MatMul W + b
 *   binary   : probabilities = [Sigmoid(-z), Sigmoid(z)], label = int64(z > 0)
 *   multiclass: probabilities = Softmax(z), label = ArgMax(z)
 *   regression: variable = z [N, 1]
 *
 * Metadata (metadata_props): feature_names, categorical_features, classes (JSON arrays), task, target,
 * modelguard_trainer. Weights are stored as float32, so ONNX outputs match the float64 JavaScript predictions to
 * float32 precision. The bytes depend only on the model: the same training gives the same file.
 */
export function trainedModelToOnnx(m: TrainedModel): Uint8Array {
  const g = new OnnxGraphBuilder(`modelguard_${m.trainer}_${m.task}`);
  g.reserve(...MODEL_OUTPUT_NAMES);
  const pre = m.preprocessor;
  const F = pre.numeric.length;
  const perFeature = pre.categorical.length > 0;
  if (perFeature) {
    const clash = m.features.find((f) => MODEL_OUTPUT_NAMES.includes(f));
    if (clash) throw new ModelguardError("usage", `feature '${clash}' has the name of a model output`);
  }

  // Inputs in feature order, so a caller can feed them by zipping feature_names with the graph's inputs.
  if (perFeature) for (const f of m.features) g.addInput(f, m.categorical.includes(f) ? "string" : "float", ["N", 1]);
  else g.addInput(NUMERIC_INPUT_NAME, "float", ["N", F]);

  const blocks: string[] = [];
  if (F > 0) {
    const numericInputs = pre.numeric.map((t) => t.name);
    const x = !perFeature
      ? NUMERIC_INPUT_NAME
      : numericInputs.length === 1
        ? numericInputs[0]!
        : g.addNode("Concat", numericInputs, [g.fresh("numeric")], axis1)[0]!;
    const mean = g.addInitializer(
      g.fresh("numeric_mean"),
      floats(
        [F],
        pre.numeric.map((t) => t.mean),
      ),
    );
    const scale = g.addInitializer(
      g.fresh("numeric_scale"),
      floats(
        [F],
        pre.numeric.map((t) => t.scale),
      ),
    );
    const [isNan] = g.addNode("IsNaN", [x], [g.fresh("numeric_is_nan")]);
    const [imputed] = g.addNode("Where", [isNan!, mean, x], [g.fresh("numeric_imputed")]);
    const [centred] = g.addNode("Sub", [imputed!, mean], [g.fresh("numeric_centred")]);
    blocks.push(g.addNode("Div", [centred!, scale], [g.fresh("numeric_scaled")])[0]!);
  }
  if (pre.categorical.length > 0) {
    const axes = g.addInitializer(g.fresh("axis_1"), { type: "int64", dims: [1], values: [1] });
    for (const t of pre.categorical) {
      const [oneHot] = g.addNode("OneHotEncoder", [t.name], [g.fresh(`${t.name}_onehot3d`)], {
        domain: "ai.onnx.ml",
        attributes: { cats_strings: attr.strings(t.categories), zeros: attr.int(1) },
      });
      g.declareValue(oneHot!, "float", ["N", 1, t.categories.length]);
      blocks.push(g.addNode("Squeeze", [oneHot!, axes], [g.fresh(`${t.name}_onehot`)])[0]!);
    }
  }
  const design = blocks.length === 1 ? blocks[0]! : g.addNode("Concat", blocks, [g.fresh("design")], axis1)[0]!;

  const { outputs: K, inputs: P, coef, intercept } = m.model;
  const weights = new Array<number>(P * K);
  for (let k = 0; k < K; k++) for (let j = 0; j < P; j++) weights[j * K + k] = coef[k * P + j]!;
  const W = g.addInitializer(g.fresh("coef"), floats([P, K], weights));
  const b = g.addInitializer(g.fresh("intercept"), floats([K], Array.from(intercept)));
  const [product] = g.addNode("MatMul", [design, W], [g.fresh("product")]);

  if (m.task === "regression") {
    g.addNode("Add", [product!, b], ["variable"]);
    g.addOutput("variable", "float", ["N", 1]);
  } else {
    const [z] = g.addNode("Add", [product!, b], [g.fresh("decision")]);
    if (m.task === "binary") {
      const [p1] = g.addNode("Sigmoid", [z!], [g.fresh("probability_1")]);
      const [negated] = g.addNode("Neg", [z!], [g.fresh("decision_negated")]);
      const [p0] = g.addNode("Sigmoid", [negated!], [g.fresh("probability_0")]);
      g.addNode("Concat", [p0!, p1!], ["probabilities"], axis1);
      const zero = g.addInitializer(g.fresh("zero"), floats([1], [0]));
      const [positive] = g.addNode("Greater", [z!, zero], [g.fresh("is_positive")]);
      const [asInt] = g.addNode("Cast", [positive!], [g.fresh("label_2d")], { attributes: { to: attr.int(7) } });
      const axes = g.addInitializer(g.fresh("label_axis"), { type: "int64", dims: [1], values: [1] });
      g.addNode("Squeeze", [asInt!, axes], ["label"]);
    } else {
      g.addNode("Softmax", [z!], ["probabilities"], axis1);
      g.addNode("ArgMax", [z!], ["label"], { attributes: { axis: attr.int(1), keepdims: attr.int(0) } });
    }
    g.addOutput("label", "int64", ["N"]);
    g.addOutput("probabilities", "float", ["N", m.classes!.length]);
  }

  const metadata: Record<string, string> = {
    feature_names: JSON.stringify(m.features),
    categorical_features: JSON.stringify(m.categorical),
    ...(m.classes ? { classes: JSON.stringify(m.classes) } : {}),
    task: m.task,
    target: m.target,
    modelguard_trainer: m.trainer,
  };
  return g.toBytes({
    opsets: TRAINER_OPSETS,
    producerName: "modelguard",
    producerVersion: VERSION,
    docString: docString(m),
    metadata,
  });
}

const axis1 = { attributes: { axis: attr.int(1) } };

function floats(dims: number[], values: number[]) {
  return { type: "float" as const, dims, values };
}

function docString(m: TrainedModel): string {
  const what =
    m.trainer === "logistic"
      ? `L2-regularised logistic regression (${m.task}, C = 1/${m.l2})`
      : `ridge regression (alpha = ${m.l2})`;
  return `modelguard train --builtin ${m.trainer}: ${what} of '${m.target}' on ${m.rows} rows; numeric features mean-imputed and standardised, categorical ones one-hot encoded (unknown -> zeros).`;
}
