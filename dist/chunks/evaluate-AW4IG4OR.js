import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MIN_SLICE_SIZE,
  evaluateModel
} from "./chunk-3PWQBKGX.js";
import "./chunk-Z477IZJA.js";
import "./chunk-56NJ2FAC.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-SMSJON5I.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import {
  stringifyContract
} from "./chunk-NXWTCSVE.js";
import "./chunk-BNU2NNMW.js";
import {
  choiceOption,
  delimiterOption,
  listOption,
  numberOption
} from "./chunk-AI5GVDUK.js";
import {
  formatNumber,
  formatTable
} from "./chunk-TXLO3S3N.js";
import "./chunk-3YGHXF46.js";
import {
  writeOutputFile
} from "./chunk-WKNXAUPU.js";
import "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// src/cli/commands/evaluate.ts
var USAGE = "e.g. modelguard evaluate --model model.onnx --data test.csv --target label";
async function evaluateCommand(flags) {
  const missing = ["model", "data", "target"].filter((k) => !flags[k]);
  if (missing.length > 0)
    throw new ModelguardError("usage", `evaluate needs ${missing.map((k) => `--${k}`).join(", ")}`, USAGE);
  const features = typeof flags.features === "string" ? listOption(flags.features) : flags.features;
  const options = {
    model: flags.model,
    data: flags.data,
    target: flags.target,
    task: flags.task ?? "auto",
    ...features !== void 0 ? { features } : {},
    ...flags.inputName !== void 0 ? { inputName: flags.inputName } : {},
    ...flags.outputName !== void 0 ? { outputName: flags.outputName } : {},
    ...flags.positiveLabel !== void 0 ? { positiveLabel: flags.positiveLabel } : {},
    ...flags.sliceBy !== void 0 ? { sliceBy: flags.sliceBy } : {},
    ...flags.minSliceSize !== void 0 ? { minSliceSize: flags.minSliceSize } : {},
    ...flags.predictions !== void 0 ? { predictions: flags.predictions } : {},
    ...flags.batchSize !== void 0 ? { batchSize: flags.batchSize } : {},
    ...flags.delimiter !== void 0 ? { load: { delimiter: flags.delimiter } } : {}
  };
  const { document } = await evaluateModel(options);
  if (flags.out) writeOutputFile(flags.out, stringifyContract(document, 2) + "\n");
  return document;
}
function registerEvaluate(program, io) {
  program.command("evaluate").description("evaluate an ONNX model on a labelled data file and write metrics.json").option("--model <file>", "the .onnx model").option("--data <dataset>", "labelled data: CSV, JSONL or Parquet file, directory of shards or glob").option("--target <column>", "the label column").option(
    "--task <task>",
    "auto | binary | multiclass | regression (default auto)",
    choiceOption("--task", ["auto", "binary", "multiclass", "regression"])
  ).option(
    "--features <a,b>",
    "feature columns in the model's order (default: metadata feature_names, else all)",
    listOption
  ).option("--input-name <name>", "the model input that takes the feature matrix").option("--output-name <name>", "the model output to evaluate").option("--positive-label <label>", "binary: the positive class (default: the second class)").option("--slice-by <column>", "also compute the metrics per value of this column").option(
    "--min-slice-size <n>",
    `slices smaller than this are reported but not judged (default ${DEFAULT_MIN_SLICE_SIZE})`,
    numberOption("--min-slice-size", { min: 0, integer: true })
  ).option("--predictions <file>", "also write per-row predictions (CSV)").option(
    "--batch-size <n>",
    `rows per inference batch (default ${DEFAULT_BATCH_SIZE})`,
    numberOption("--batch-size", { min: 1, integer: true })
  ).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print metrics.json on stdout").option("-o, --out <file>", "write metrics.json to this file").action(async (flags) => {
    const doc = await evaluateCommand(flags);
    io.result?.({ kind: "metrics", value: doc, path: flags.out ?? null });
    io.out(flags.json ? stringifyContract(doc, 2) : describeEvaluation(doc));
  });
}
function describeEvaluation(doc) {
  const task = doc.task === "regression" ? "regression" : `${doc.task} classification`;
  const lines = [
    `${task} of '${doc.target}' on ${doc.data.path} (${doc.data.rows} rows) by ${doc.model.path} (sha256 ${doc.model.sha256.slice(0, 12)})`
  ];
  if (doc.classes)
    lines.push(
      `classes: ${doc.classes.join(", ")}` + (doc.positive_label !== void 0 ? `; positive: ${doc.positive_label}` : "")
    );
  lines.push(
    "",
    formatTable(
      ["metric", "value"],
      Object.entries(doc.metrics).map(([k, v]) => [k, v])
    )
  );
  if (doc.per_class) {
    lines.push(
      "",
      formatTable(
        ["class", "precision", "recall", "f1", "support"],
        doc.per_class.map((p) => [p.label, p.precision, p.recall, p.f1, p.support])
      )
    );
  }
  if (doc.confusion_matrix && doc.classes) {
    const classes = doc.classes;
    lines.push(
      "",
      "confusion matrix (rows: true class, columns: predicted)",
      formatTable(
        ["true \\ predicted", ...classes],
        doc.confusion_matrix.map((row, t) => [classes[t], ...row])
      )
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
          ...keys.map((k) => s.metrics[k] === void 0 ? "-" : formatNumber(s.metrics[k]))
        ])
      )
    );
  }
  if (doc.notes.length > 0) {
    lines.push("", "notes:");
    for (const n of doc.notes) lines.push(`  ${n.metric === "*" ? "" : `${n.metric}: `}${n.reason}`);
  }
  lines.push("", `evaluated in ${doc.duration_ms} ms`);
  return lines.join("\n");
}
export {
  describeEvaluation,
  evaluateCommand,
  registerEvaluate
};
