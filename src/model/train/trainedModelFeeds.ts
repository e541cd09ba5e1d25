import * as ort from "onnxruntime-node";
import { ModelguardError } from "../../errors.js";
import { getColumn, type Table } from "../../data/table.js";
import { levelText } from "./columnLevels.js";
import { numericFeatureValues } from "./numericFeatureValues.js";
import { NUMERIC_INPUT_NAME } from "./trainedModelToOnnx.js";

/**
 * onnxruntime inputs for a model written by trainedModelToOnnx, from a table: the input convention in code.
 * Numeric-only models get one float32 tensor `input` [N, F] (feature_names order); models with categorical
 * features one tensor per feature, float32 [N, 1] or string [N, 1]. Missing numbers are sent as NaN (the graph
 * imputes them) and missing categories as "" (the graph encodes them as zeros, like an unknown category).
 */
export function trainedModelFeeds(
  table: Table,
  model: { features: readonly string[]; categorical: readonly string[] },
): Record<string, ort.Tensor> {
  const n = table.rowCount;
  const column = (name: string) => {
    const c = getColumn(table, name);
    if (!c)
      throw new ModelguardError(
        "input",
        `the model needs feature '${name}', which is not a column of ${table.source}`,
        undefined,
        {
          file: table.source,
          column: name,
        },
      );
    return c;
  };
  const numbers = (name: string, into: Float32Array, offset: number, stride: number) => {
    const values = numericFeatureValues(table, name);
    for (let i = 0; i < n; i++) into[i * stride + offset] = values[i]!;
  };
  if (model.categorical.length === 0) {
    const F = model.features.length;
    const data = new Float32Array(n * F);
    model.features.forEach((f, j) => numbers(f, data, j, F));
    return { [NUMERIC_INPUT_NAME]: new ort.Tensor("float32", data, [n, F]) };
  }
  const feeds: Record<string, ort.Tensor> = {};
  for (const f of model.features) {
    if (model.categorical.includes(f)) {
      const c = column(f);
      feeds[f] = new ort.Tensor(
        "string",
        Array.from({ length: n }, (_, i) => levelText(c, i) ?? ""),
        [n, 1],
      );
    } else {
      const data = new Float32Array(n);
      numbers(f, data, 0, 1);
      feeds[f] = new ort.Tensor("float32", data, [n, 1]);
    }
  }
  return feeds;
}
