import type { Command } from "commander";
import { ModelguardError } from "../../errors.js";
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MIN_SLICE_SIZE,
  evaluateModel,
  type EvaluateOptions,
} from "../../model/evaluate/evaluateModel.js";
import type { TaskOption } from "../../model/evaluate/interpretOutputs.js";
import type { MetricsDocument } from "../../model/evaluate/metricsDocument.js";
import { stringifyContract } from "../../contracts/contractJson.js";
import { writeOutputFile } from "../../outputFile.js";
import { formatNumber, formatTable, type CliIO } from "../io.js";
import { choiceOption, delimiterOption, listOption, numberOption } from "../options.js";

/** The flags of `modelguard evaluate`, as commander parses them (camelCase). */
export interface EvaluateFlags {
  model?: string;
  data?: string;
  target?: string;
  task?: TaskOption;
  /** Comma-separated or already split. */
  features?: string | string[];
  inputName?: string;
  outputName?: string;
  positiveLabel?: string;
  sliceBy?: string;
  minSliceSize?: number;
  predictions?: string;
  batchSize?: number;
  delimiter?: string;
  json?: boolean;
  /** -o: write metrics.json here. */
  out?: string;
}

const USAGE = "e.g. modelguard evaluate --model model.onnx --data test.csv --target label";

/**
 * `modelguard evaluate`: evaluates the model on the data (see src/model/evaluate/evaluateModel.ts for the
 * conventions), writes metrics.json to `flags.out` and the predictions CSV to `flags.predictions` when given, and
 * returns the metrics document (printing is the caller's: `describeEvaluation(doc)` or JSON).
 */
export async function evaluateCommand(flags: EvaluateFlags): Promise<MetricsDocument> {
  const missing = (["model", "data", "target"] as const).filter((k) => !flags[k]);
  if (missing.length > 0)
    throw new ModelguardError("usage", `evaluate needs ${missing.map((k) => `--${k}`).join(", ")}`, USAGE);
  const features = typeof flags.features === "string" ? listOption(flags.features) : flags.features;
  const options: EvaluateOptions = {
    model: flags.model!,
    data: flags.data!,
    target: flags.target!,
    task: flags.task ?? "auto",
    ...(features !== undefined ? { features } : {}),
    ...(flags.inputName !== undefined ? { inputName: flags.inputName } : {}),
    ...(flags.outputName !== undefined ? { outputName: flags.outputName } : {}),
    ...(flags.positiveLabel !== undefined ? { positiveLabel: flags.positiveLabel } : {}),
    ...(flags.sliceBy !== undefined ? { sliceBy: flags.sliceBy } : {}),
    ...(flags.minSliceSize !== undefined ? { minSliceSize: flags.minSliceSize } : {}),
    ...(flags.predictions !== undefined ? { predictions: flags.predictions } : {}),
    ...(flags.batchSize !== undefined ? { batchSize: flags.batchSize } : {}),
    ...(flags.delimiter !== undefined ? { load: { delimiter: flags.delimiter } } : {}),
  };
  const { document } = await evaluateModel(options);
  // Non-finite metrics (an mse whose squares overflow) as "Infinity", not null: see stringifyContract.
  if (flags.out) writeOutputFile(flags.out, stringifyContract(document, 2) + "\n");
  return document;
}

/** Adds `evaluate` to the program (for src/cli/main.ts's command list). */
export function registerEvaluate(program: Command, io: CliIO): void {
  program
    .command("evaluate")
    .description("evaluate an ONNX model on a labelled data file and write metrics.json")
    .option("--model <file>", "the .onnx model")
    .option("--data <dataset>", "labelled data: CSV, JSONL or Parquet file, directory of shards or glob")
    .option("--target <column>", "the label column")
    .option(
      "--task <task>",
      "auto | binary | multiclass | regression (default auto)",
      choiceOption("--task", ["auto", "binary", "multiclass", "regression"] as const),
    )
    .option(
      "--features <a,b>",
      "feature columns in the model's order (default: metadata feature_names, else all)",
      listOption,
    )
    .option("--input-name <name>", "the model input that takes the feature matrix")
    .option("--output-name <name>", "the model output to evaluate")
    .option("--positive-label <label>", "binary: the positive class (default: the second class)")
    .option("--slice-by <column>", "also compute the metrics per value of this column")
    .option(
      "--min-slice-size <n>",
      `slices smaller than this are reported but not judged (default ${DEFAULT_MIN_SLICE_SIZE})`,
      numberOption("--min-slice-size", { min: 0, integer: true }),
    )
    .option("--predictions <file>", "also write per-row predictions (CSV)")
    .option(
      "--batch-size <n>",
      `rows per inference batch (default ${DEFAULT_BATCH_SIZE})`,
      numberOption("--batch-size", { min: 1, integer: true }),
    )
    .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
    .option("--json", "print metrics.json on stdout")
    .option("-o, --out <file>", "write metrics.json to this file")
    .action(async (flags: EvaluateFlags) => {
      const doc = await evaluateCommand(flags);
      io.result?.({ kind: "metrics", value: doc, path: flags.out ?? null });
      io.out(flags.json ? stringifyContract(doc, 2) : describeEvaluation(doc));
    });
}

/** The metrics document for people: what was evaluated, the metrics, per-class scores, confusion matrix, slices, notes. */
export function describeEvaluation(doc: MetricsDocument): string {
  const task = doc.task === "regression" ? "regression" : `${doc.task} classification`;
  const lines = [
    `${task} of '${doc.target}' on ${doc.data.path} (${doc.data.rows} rows) by ${doc.model.path} ` +
      `(sha256 ${doc.model.sha256.slice(0, 12)})`,
  ];
  if (doc.classes)
    lines.push(
      `classes: ${doc.classes.join(", ")}` +
        (doc.positive_label !== undefined ? `; positive: ${doc.positive_label}` : ""),
    );
  lines.push(
    "",
    formatTable(
      ["metric", "value"],
      Object.entries(doc.metrics).map(([k, v]) => [k, v]),
    ),
  );
  if (doc.per_class) {
    lines.push(
      "",
      formatTable(
        ["class", "precision", "recall", "f1", "support"],
        doc.per_class.map((p) => [p.label, p.precision, p.recall, p.f1, p.support]),
      ),
    );
  }
  if (doc.confusion_matrix && doc.classes) {
    const classes = doc.classes;
    lines.push(
      "",
      "confusion matrix (rows: true class, columns: predicted)",
      formatTable(
        ["true \\ predicted", ...classes],
        doc.confusion_matrix.map((row, t) => [classes[t]!, ...row]),
      ),
    );
  }
  if (doc.slices && doc.slices.length > 0) {
    const keys = doc.task === "regression" ? ["rmse", "mae", "r2"] : ["accuracy", "f1_macro", "roc_auc"];
    lines.push(
      "",
      formatTable(
        ["slice", "size", "judged", ...keys],
        doc.slices.map((s) => [
          `${s.column}=${s.value ?? "(missing)"}`,
          s.size,
          s.judged ? "yes" : "no (small)",
          ...keys.map((k) => (s.metrics[k] === undefined ? "-" : formatNumber(s.metrics[k]))),
        ]),
      ),
    );
  }
  if (doc.notes.length > 0) {
    lines.push("", "notes:");
    for (const n of doc.notes) lines.push(`  ${n.metric === "*" ? "" : `${n.metric}: `}${n.reason}`);
  }
  lines.push("", `evaluated in ${doc.duration_ms} ms`);
  return lines.join("\n");
}
