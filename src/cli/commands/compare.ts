import type { Command } from "commander";
import { allInOrder } from "../../allInOrder.js";
import { compareAggregates } from "../../compare/compareAggregates.js";
import { compareModels } from "../../compare/compareModels.js";
import type { ComparisonResult } from "../../compare/comparisonResult.js";
import {
  DEFAULT_GATE_POLICY,
  gatePolicyFrom,
  MAX_RESAMPLES,
  readGatePolicy,
  type GatePolicy,
} from "../../compare/gates.js";
import { readMetricsDocument } from "../../compare/readMetricsDocument.js";
import { getColumn } from "../../data/table.js";
import { loadTable } from "../../data/loadTable.js";
import { sliceKeyOf } from "../../model/evaluate/sliceKeyOf.js";
import type { SliceKey } from "../../model/metrics/slicedMetrics.js";
import { ModelguardError } from "../../errors.js";
import { evaluateModels } from "../../model/evaluate/evaluateModel.js";
import type { MetricsDocument } from "../../model/evaluate/metricsDocument.js";
import { formatNumber, formatTable, type CliIO } from "../io.js";
import {
  formatDelta,
  formatDetectable,
  formatInterval,
  formatRelativeInterval,
  formatValue,
  isProportionMetric,
} from "../../report/formatNumber.js";
import { stringifyContract } from "../../contracts/contractJson.js";
import { writeOutputFile } from "../../outputFile.js";
import { emitReport, readResult, withReportOptions, type ReportOutputFlags } from "./report.js";
import { choiceOption, delimiterOption, listOption, numberOption } from "../options.js";
import type { RegistryFlags } from "../registryFromFlags.js";
import { withResolvedModels } from "../resolveModelSpec.js";
import { withRegistryOptions } from "./promote.js";
import { MAX_SEED } from "../../stats/seededRandom.js";

export interface CompareFlags extends Partial<ReportOutputFlags>, RegistryFlags {
  validation?: string;
  drift?: string;
  candidateModel?: string;
  baselineModel?: string;
  candidate?: string;
  baseline?: string;
  data?: string;
  target?: string;
  task?: "auto" | "binary" | "multiclass" | "regression";
  features?: string[];
  positiveLabel?: string;
  gates?: string;
  confidence?: number;
  resamples?: number;
  seed?: number;
  interval?: "auto" | "bootstrap" | "analytic";
  metrics?: string[];
  onInconclusive?: "fail" | "warn" | "pass";
  sliceBy?: string;
  delimiter?: string;
  json?: boolean;
  out?: string;
  fail: boolean;
}

export function registerCompare(program: Command, io: CliIO, exit: { code: number }): Command {
  return withReportOptions(
    withRegistryOptions(program.command("compare"))
      .description("compare a candidate model with the production baseline, paired on the same rows, and gate it")
      .option("--candidate-model <onnx>", "the new model")
      .option(
        "--baseline-model <onnx>",
        "the production model: a path, git:REF:PATH, or registry:NAME[@vN] (NAME's production in --registry)",
      )
      .option("--data <file>", "with models: the test data both are evaluated on")
      .option("--target <column>", "with models: the target column")
      .option(
        "--task <task>",
        "auto | binary | multiclass | regression",
        choiceOption("--task", ["auto", "binary", "multiclass", "regression"] as const),
        "auto",
      )
      .option("--features <a,b>", "feature columns in model input order", listOption)
      .option("--positive-label <label>", "binary: the positive class")
      .option("--candidate <metrics.json>", "aggregate-only: the candidate's metrics.json")
      .option(
        "--baseline <metrics.json|git:REF:PATH>",
        "aggregate-only: the baseline's metrics.json, e.g. git:origin/main:ml/metrics.json",
      )
      .option("--gates <file>", "gates YAML, or a modelguard.yml with a gates: section")
      .option(
        "--confidence <c>",
        "confidence of the intervals (default 0.95)",
        numberOption("--confidence", { min: 0.5, max: 0.999 }),
      )
      .option(
        "--resamples <n>",
        `bootstrap resamples (default 2000, at most ${MAX_RESAMPLES})`,
        numberOption("--resamples", { min: 1000, max: MAX_RESAMPLES, integer: true }),
      )
      .option(
        "--seed <n>",
        "bootstrap seed (default 0)",
        numberOption("--seed", { min: 0, max: MAX_SEED, integer: true }),
      )
      .option(
        "--interval <method>",
        "auto (analytic from 50,000 rows, see README) | bootstrap | analytic (default auto, or the gates file's interval)",
        choiceOption("--interval", ["auto", "bootstrap", "analytic"] as const),
      )
      .option("--metrics <a,b>", "metrics to show besides the gated ones (default: the task's usual set)", listOption)
      .option(
        "--on-inconclusive <what>",
        "fail | warn | pass: the verdict when a gate's interval straddles its allowed change (default fail, or the gates file's on_inconclusive)",
        choiceOption("--on-inconclusive", ["fail", "warn", "pass"] as const),
      )
      .option(
        "--slice-by <column>",
        "with models: also compare per value of this column, with intervals, slice gates (gates file `slices:`) and fairness gaps",
      )
      .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
      .option("--json", "print the comparison as JSON on stdout")
      .option("--out <file>", "also write the comparison JSON to a file")
      .option("--no-fail", "exit 0 even when a gate fails")
      .option("--validation <file>", "with a report: the validate --out result to include")
      .option("--drift <file>", "with a report: the drift --out result to include"),
  ).action(async (flags: CompareFlags) => {
    const { comparison, candidateMetrics, baselineMetrics } = await withResolvedModels(flags, io, compareCommand);
    // An infinite metric (rmse of predictions near 1e308) must not become null, which reads as "no value".
    const json = stringifyContract(comparison, 2);
    if (flags.out) writeOutputFile(flags.out, json + "\n");
    io.result?.({ kind: "comparison", value: comparison, path: flags.out ?? null });
    io.out(flags.json ? json : describeComparison(comparison));
    if (flags.report || flags.html || flags.summary || flags.comment) {
      await emitReport(
        {
          comparison,
          ...(candidateMetrics ? { candidateMetrics } : {}),
          ...(baselineMetrics ? { baselineMetrics } : {}),
          ...(flags.validation ? { validation: readResult(flags.validation, "modelguard.validation") } : {}),
          ...(flags.drift ? { drift: readResult(flags.drift, "modelguard.drift") } : {}),
        },
        { ...flags, reportId: flags.reportId ?? "default" },
        io,
      );
    }
    if (comparison.verdict === "fail" && flags.fail) exit.code = 1;
    // An inconclusive outcome let through (on_inconclusive: warn | pass) still says so, where a reviewer looks.
    else if (comparison.verdict === "warn") warn(io, `comparison: ${comparison.reason}`);
    else if (comparison.outcome === "inconclusive")
      warn(io, `comparison passes only because on_inconclusive is pass: ${comparison.reason}`);
  });
}

function warn(io: CliIO, message: string): void {
  if (io.warning) io.warning(message);
  else io.err(`warning: ${message}`);
}

export async function compareCommand(flags: CompareFlags): Promise<{
  comparison: ComparisonResult;
  candidateMetrics?: MetricsDocument;
  baselineMetrics?: MetricsDocument;
}> {
  const policy = resolvePolicy(flags);
  const withModels = flags.candidateModel !== undefined || flags.baselineModel !== undefined;
  const withMetrics = flags.candidate !== undefined || flags.baseline !== undefined;
  if (withModels === withMetrics) {
    throw new ModelguardError(
      "usage",
      withModels
        ? "give either models (--candidate-model/--baseline-model) or metrics files (--candidate/--baseline), not both"
        : "compare needs two models or two metrics files",
      "paired: --candidate-model NEW.onnx --baseline-model PROD.onnx --data test.csv --target y; aggregates: --candidate metrics.json --baseline git:origin/main:ml/metrics.json",
    );
  }
  if (withMetrics) {
    if (!flags.candidate || !flags.baseline)
      throw new ModelguardError("usage", "aggregate comparison needs both --candidate and --baseline");
    if (flags.sliceBy !== undefined)
      throw new ModelguardError(
        "usage",
        "--slice-by needs the rows: it compares models (--candidate-model/--baseline-model with --data), not metrics files",
        "run compare with both models and --data to compare slices",
      );
    const candidate = readMetricsDocument(flags.candidate);
    const baseline = readMetricsDocument(flags.baseline);
    const comparison = compareAggregates({
      candidate,
      baseline,
      candidateSide: { source: flags.candidate, model: candidate.model },
      baselineSide: { source: flags.baseline, model: baseline.model },
      policy,
      ...(flags.metrics ? { metrics: flags.metrics } : {}),
    });
    return { comparison, candidateMetrics: candidate, baselineMetrics: baseline };
  }
  if (!flags.candidateModel || !flags.baselineModel)
    throw new ModelguardError("usage", "paired comparison needs both --candidate-model and --baseline-model");
  if (!flags.data || !flags.target)
    throw new ModelguardError(
      "usage",
      "paired comparison needs --data and --target",
      "both models are evaluated on the same rows of --data",
    );
  const common = {
    data: flags.data,
    target: flags.target,
    ...(flags.task ? { task: flags.task } : {}),
    ...(flags.features ? { features: flags.features } : {}),
    ...(flags.positiveLabel ? { positiveLabel: flags.positiveLabel } : {}),
    ...(flags.delimiter ? { load: { delimiter: flags.delimiter } } : {}),
  };
  // One read of the data for both models: on a large file the parse costs more than either model's run. The slice
  // column's read first: when both fail on a bad file, its error (one column's, usually the earlier line) is given.
  const [slices, evaluated] = await allInOrder([
    flags.sliceBy === undefined ? undefined : readSliceKey(flags.data, flags.sliceBy, flags.delimiter),
    evaluateModels([flags.candidateModel, flags.baselineModel], common),
  ]);
  const [cand, base] = [evaluated[0]!, evaluated[1]!];
  const comparison = await compareModels({
    candidate: cand.predictions,
    baseline: base.predictions,
    candidateSide: { source: flags.candidateModel, model: cand.document.model },
    baselineSide: { source: flags.baselineModel, model: base.document.model },
    data: cand.document.data,
    pointMetrics: { candidate: cand.document.metrics, baseline: base.document.metrics },
    policy,
    ...(flags.metrics ? { metrics: flags.metrics } : {}),
    ...(slices ? { slices: { column: flags.sliceBy!, key: slices } } : {}),
  });
  return { comparison, candidateMetrics: cand.document, baselineMetrics: base.document };
}

/** The slice of every row of the data file by the value of `column` (at most MAX_SLICES values). */
async function readSliceKey(data: string, column: string, delimiter: string | undefined): Promise<SliceKey> {
  const table = await loadTable(data, { ...(delimiter ? { delimiter } : {}), columns: [column] });
  const col = getColumn(table, column);
  if (!col)
    throw new ModelguardError(
      "input",
      `${data}: slice column '${column}' not found`,
      "pass the name of a column of the data file with --slice-by",
      { file: data, column },
    );
  return sliceKeyOf(col, table.rowCount);
}

function resolvePolicy(flags: CompareFlags): GatePolicy {
  const base = flags.gates ? readGatePolicy(flags.gates) : gatePolicyFrom({}, "flags");
  return {
    gates: base.gates,
    on_inconclusive: flags.onInconclusive ?? base.on_inconclusive,
    slices: base.slices,
    confidence: flags.confidence ?? base.confidence ?? DEFAULT_GATE_POLICY.confidence,
    resamples: flags.resamples ?? base.resamples ?? DEFAULT_GATE_POLICY.resamples,
    seed: flags.seed ?? base.seed ?? DEFAULT_GATE_POLICY.seed,
    interval: flags.interval ?? base.interval ?? "auto",
  };
}

/**
 * The comparison as a terminal reads it, in the report's units: proportions in percent, their changes in percentage
 * points; "detectable" is half the interval's width (see MetricComparison.detectable_change).
 */
export function describeComparison(r: ComparisonResult): string {
  const verdict = r.verdict.toUpperCase();
  const head = r.outcome === "inconclusive" ? `INCONCLUSIVE (verdict ${verdict})` : verdict;
  const pct = `${Number((r.confidence * 100).toFixed(1))}%`;
  const rows = r.metrics.map((m) => {
    const p = isProportionMetric(m.name);
    const relative = m.checks.some((k) => k.kind.includes("relative")) && m.ci_relative;
    return [
      m.name,
      formatValue(m.baseline, p),
      formatValue(m.candidate, p),
      formatDelta(m.delta, p),
      m.ci ? formatInterval(m.ci, p) + (relative ? `; relative ${formatRelativeInterval(m.ci_relative)}` : "") : "-",
      m.detectable_change === null ? "-" : formatDetectable(m.detectable_change, p),
      m.rule ?? "",
      m.status ?? "",
    ];
  });
  const analytic = r.metrics.some((m) => m.ci_method === "analytic");
  const how = r.paired
    ? `paired on ${r.rows} rows, ${analytic ? "analytic intervals where a note says so, else " : ""}${r.resamples} bootstrap resamples, ${pct} intervals; detectable = half the interval's width`
    : "aggregate metrics only: point values, no intervals";
  const lines = [
    `${head}: ${r.reason}`,
    "",
    formatTable(["metric", "baseline", "candidate", "change", `${pct} interval`, "detectable", "gate", "status"], rows),
    "",
    how,
  ];
  const acc = r.metrics.find((m) => m.mcnemar);
  if (acc?.mcnemar) {
    lines.push(
      `McNemar (accuracy): baseline-only correct ${acc.mcnemar.baseline_only_correct}, candidate-only correct ${acc.mcnemar.candidate_only_correct}, exact p = ${formatNumber(acc.mcnemar.p_value)}`,
    );
  }
  if (r.slices) {
    const s = r.slices;
    const p = isProportionMetric(s.metric);
    lines.push(
      "",
      `slices by ${s.column} (${s.metric}${s.rule ? `; gate ${s.rule}` : ", not gated"}):`,
      formatTable(
        [s.column, "rows", "baseline", "candidate", "change", `${pct} interval`, "status"],
        s.slices.map((x) => [
          x.value ?? "(missing)",
          String(x.size),
          formatValue(x.baseline, p),
          formatValue(x.candidate, p),
          formatDelta(x.delta, p),
          x.ci ? formatInterval(x.ci, p) : "-",
          x.status ?? (x.judged ? "" : `under ${s.min_size} rows`),
        ]),
      ),
    );
    for (const g of s.gaps)
      lines.push(
        `${g.model} ${g.kind.replace(/_/g, " ")} gap: ${g.high.value ?? "(missing)"} minus ${g.low.value ?? "(missing)"} = ${formatDelta(g.gap, true)}${g.ci ? ` (${pct} interval ${formatInterval(g.ci, true)})` : ""}`,
      );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}
