import { createHash } from "node:crypto";
import { writeOutputFile } from "../../outputFile.js";
import { ModelguardError } from "../../errors.js";
import { loadTable } from "../../data/loadTable.js";
import { trainBuiltin, type BuiltinTrainer } from "../../model/train/trainBuiltin.js";
import { trainedModelToOnnx } from "../../model/train/trainedModelToOnnx.js";
import { toTrainResult, type TrainResult } from "../../model/train/trainResult.js";
import { formatNumber, writeJsonFile } from "../io.js";

export type { TrainResult } from "../../model/train/trainResult.js";

export const BUILTIN_TRAINERS: readonly BuiltinTrainer[] = ["logistic", "linear"];

/**
 * `modelguard train --builtin logistic|linear --data train.csv --target y [--features a,b | --exclude a,b] [--categorical c,d]
 * [--l2 1.0] [--seed 0] -o model.onnx [--json]`. Parsed values: l2 and seed numbers, features and categorical lists
 * (the CLI's numberOption / listOption); everything is checked again here, so a caller may pass raw values too.
 */
export interface TrainBuiltinFlags {
  builtin?: string;
  data?: string;
  target?: string;
  features?: string[];
  exclude?: string[];
  categorical?: string[];
  l2?: number;
  seed?: number;
  out?: string;
  /** Also write the TrainResult as JSON next to the model (see trainResultPath); the caller prints it. */
  json?: boolean;
  delimiter?: string;
}

/**
 * Loads the data, trains, writes the ONNX model to flags.out and returns the TrainResult (also written to
 * trainResultPath(out) with --json). Errors are ModelguardError: "usage" for flags, "input" for data, "io" when a
 * file cannot be written.
 */
export async function trainBuiltinCommand(flags: TrainBuiltinFlags): Promise<TrainResult> {
  const example = "e.g. modelguard train --builtin logistic --data train.csv --target y -o model.onnx";
  if (!flags.builtin || !(BUILTIN_TRAINERS as readonly string[]).includes(flags.builtin))
    throw new ModelguardError(
      "usage",
      flags.builtin
        ? `--builtin must be one of ${BUILTIN_TRAINERS.join(", ")}, got '${flags.builtin}'`
        : "train needs --builtin",
      "logistic for classes (binary or multiclass), linear (ridge) for a numeric target; " + example,
    );
  if (!flags.data) throw new ModelguardError("usage", "train needs --data", example);
  if (!flags.target) throw new ModelguardError("usage", "train needs --target", example);
  if (!flags.out) throw new ModelguardError("usage", "train needs -o <model.onnx>", example);
  const table = await loadTable(flags.data, flags.delimiter ? { delimiter: flags.delimiter } : {});
  const trained = trainBuiltin(table, {
    trainer: flags.builtin as BuiltinTrainer,
    target: flags.target,
    ...(flags.features ? { features: flags.features } : {}),
    ...(flags.exclude ? { exclude: flags.exclude } : {}),
    ...(flags.categorical ? { categorical: flags.categorical } : {}),
    ...(flags.l2 !== undefined ? { l2: Number(flags.l2) } : {}),
    ...(flags.seed !== undefined ? { seed: Number(flags.seed) } : {}),
  });
  const bytes = trainedModelToOnnx(trained);
  writeOutputFile(flags.out, bytes);
  const result = toTrainResult(trained, {
    path: flags.out,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
  });
  if (flags.json) writeJsonFile(trainResultPath(flags.out), result);
  return result;
}

/** Where --json writes the TrainResult: model.onnx -> model.train.json (other names get .train.json appended). */
export function trainResultPath(modelPath: string): string {
  return modelPath.replace(/\.onnx$/i, "") + ".train.json";
}

/** The human summary the CLI prints without --json. */
export function describeTrain(r: TrainResult): string {
  const kind = r.trainer === "logistic" ? `logistic regression (${r.task})` : "ridge regression";
  const numeric = r.features.length - r.categorical.length;
  const lines = [
    `trained ${kind} of '${r.target}' on ${r.rows} rows` + (r.classes ? `; classes: ${r.classes.join(", ")}` : ""),
    `${r.features.length} feature${r.features.length === 1 ? "" : "s"}: ${numeric} numeric, ${r.categorical.length} categorical` +
      (r.categorical.length > 0 ? ` (${r.categorical.join(", ")})` : "") +
      `; l2 ${formatNumber(r.l2)}, seed ${r.seed}`,
  ];
  if (r.dropped_rows > 0)
    lines.push(`dropped ${r.dropped_rows} row${r.dropped_rows === 1 ? "" : "s"} with a missing target`);
  if (r.trainer === "linear") lines.push("solved in closed form (Cholesky)");
  else if (r.converged) lines.push(`L-BFGS converged in ${r.iterations} iterations`);
  else
    lines.push(
      `WARNING: L-BFGS did not reach its gradient tolerance in ${r.iterations} iterations; the coefficients may be slightly off the optimum`,
    );
  const m = r.train_metrics;
  lines.push("accuracy" in m ? `train accuracy ${formatNumber(m.accuracy)}` : `train r2 ${formatNumber(m.r2)}`);
  lines.push(`wrote ${r.model.path} (${r.model.bytes} bytes, sha256 ${r.model.sha256})`);
  return lines.join("\n");
}
