import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import type { KnownTarget } from "../../drift/defaultSkips.js";
import type { ProjectConfig } from "../../config/projectConfig.js";
import { ModelguardError } from "../../errors.js";
import type { ConfiguredColumns } from "../../drift/driftCoverage.js";
import { driftFiles } from "../../drift/driftFiles.js";
import { resolvePolicy, type Correction, type DriftPolicy, type MethodChoice } from "../../drift/driftPolicy.js";
import type { DriftReportParts } from "../../drift/driftReport.js";
import { METHOD_NAMES } from "../../drift/methods/driftMethod.js";
import { resolveQualityThresholds } from "../../quality/qualityThresholds.js";
import type { SignalMeasure } from "../../quality/measureQuality.js";
import { stringifyContractParts } from "../../contracts/contractJson.js";
import { writeOutputFileParts } from "../../outputFile.js";
import { formatNumber, formatTableLines, joinLines, outParts, type CliIO } from "../io.js";
import { choiceOption, delimiterOption, nonEmptyListOption, numberOption } from "../options.js";

interface DriftFlags {
  reference?: string;
  current?: string;
  method?: MethodChoice;
  threshold?: number;
  alpha?: number;
  psiThreshold?: number;
  correction?: Correction;
  bins?: number;
  datasetShare?: number;
  majorPsi?: number;
  columns?: string[];
  critical?: string[];
  config?: string;
  target?: string;
  model?: string;
  delimiter?: string;
  json?: boolean;
  out?: string;
  fail: boolean;
}

export function registerDrift(program: Command, io: CliIO, exit: { code: number }): void {
  program
    .command("drift")
    .description("test whether the current data's distributions drifted from the reference")
    .option("--reference <file>", "reference data file, or a profile.json made by `modelguard profile`")
    .option("--current <file>", "current data file")
    .option(
      "--method <name>",
      "auto | ks | psi | chisquare | jensenshannon | wasserstein",
      choiceOption("--method", ["auto", ...METHOD_NAMES]),
    )
    .option(
      "--threshold <x>",
      "threshold of the method (p-value for ks/chisquare, distance otherwise; PSI floor for auto)",
      numberOption("--threshold", { min: 0 }),
    )
    .option(
      "--alpha <p>",
      "auto: significance level after correction (default 0.05)",
      numberOption("--alpha", { min: 0, max: 1 }),
    )
    .option(
      "--psi-threshold <x>",
      "auto: minimum PSI to call drift (default 0.1)",
      numberOption("--psi-threshold", { min: 0 }),
    )
    .option(
      "--correction <c>",
      "multiple-testing correction: bh | bonferroni | none",
      choiceOption("--correction", ["bh", "bonferroni", "none"] as const),
    )
    .option(
      "--bins <n>",
      "reference-quantile bins for PSI (default 10)",
      numberOption("--bins", { min: 2, max: 1000, integer: true }),
    )
    .option(
      "--dataset-share <x>",
      "share of drifted columns that makes the dataset drift (default 0.5)",
      numberOption("--dataset-share", { min: 0, max: 1 }),
    )
    .option(
      "--major-psi <x>",
      "one column drifting with at least this PSI makes the dataset drift (default 0.25; drift.major_psi: null in the config turns it off)",
      numberOption("--major-psi", { min: 0 }),
    )
    .option("--columns <a,b>", "test only these columns", nonEmptyListOption("--columns"))
    .option("--critical <a,b>", "columns whose drift alone makes the dataset drift", nonEmptyListOption("--critical"))
    .option("--config <file>", "modelguard.yml with a drift: section (flags win)")
    .option(
      "--target <column>",
      "the label column: left out of the test, like id-like columns (--columns brings both back)",
    )
    .option("--model <file>", "an ONNX model whose metadata names the target (modelguard's trainer writes it)")
    .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
    .option("--json", "print the drift report as JSON on stdout")
    .option("--out <file>", "also write the JSON report to a file")
    .option("--no-fail", "exit 0 even when the dataset drifted or a data-quality signal fired")
    .action(async (flags: DriftFlags) => {
      if (!flags.reference || !flags.current) {
        throw new ModelguardError(
          "usage",
          "drift needs --reference and --current",
          "e.g. modelguard drift --reference train.csv --current prod.csv",
        );
      }
      // Loaded only when asked for: the config's YAML and JSON Schema libraries and the ONNX reader were some 25 MB
      // of the resident memory of every run (a wide file's drift peaks at a few times that).
      const project = flags.config
        ? (await import("../../config/projectConfig.js")).readProjectConfig(flags.config)
        : undefined;
      const fromFile = project?.drift ?? {};
      const target = await knownTarget(flags, project);
      const policy = policyFromFlags(flags, fromFile);
      const report = await driftFiles(
        {
          reference: flags.reference,
          current: flags.current,
          ...(flags.columns ? { columns: flags.columns } : {}),
          ...(flags.critical ? { critical: flags.critical } : {}),
          ...(flags.config ? { config: configuredColumns(flags.config, fromFile) } : {}),
          ...(target ? { target } : {}),
          load: flags.delimiter ? { delimiter: flags.delimiter } : {},
          quality: resolveQualityThresholds(project?.quality),
        },
        policy,
      );
      // In pieces, each column's objects made as it is written: a report of 100,000 columns is over 100 MB of JSON.
      if (flags.out) writeOutputFileParts(flags.out, withNewline(stringifyContractParts(report, 2)));
      io.result?.({
        kind: "drift",
        value: {
          dataset_drifted: report.dataset_drifted,
          drifted_share: report.drifted_share,
          ...(report.quality_failed !== undefined ? { quality_failed: report.quality_failed } : {}),
          ...(report.quality ? { quality: { fired: report.quality.fired } } : {}),
        },
        path: flags.out ?? null,
      });
      outParts(io, flags.json ? stringifyContractParts(report, 2) : joinLines(describeDrift(report)));
      // A quality signal fails the gate like drift: 40% empty cells is a broken pipeline even when no shape moved.
      if ((report.dataset_drifted || report.quality_failed === true) && flags.fail) exit.code = 1;
    });
}

type DriftSection = NonNullable<ProjectConfig["drift"]>;

/** The target from --target, else the model's metadata (`target`), else modelguard.yml's `target`. */
async function knownTarget(flags: DriftFlags, project: ProjectConfig | undefined): Promise<KnownTarget | undefined> {
  if (flags.target !== undefined) return { name: flags.target, from: "--target" };
  if (flags.model !== undefined) {
    const { readOnnxModelInfo } = await import("../../model/onnx/readOnnxModelInfo.js");
    const info = readOnnxModelInfo(readModelBytes(flags.model), flags.model);
    const name = info.metadata.target;
    if (name) return { name, from: `the metadata of ${flags.model}` };
  }
  if (project?.target !== undefined) return { name: project.target, from: flags.config! };
  return undefined;
}

/** ONNX files are protobuf messages, which cannot exceed 2 GiB. */
const MAX_MODEL_BYTES = 2 * 1024 ** 3;

function readModelBytes(path: string): Uint8Array {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_MODEL_BYTES) {
      throw new ModelguardError(
        "usage",
        stat.isFile() ? `${path} is ${stat.size} bytes, more than an ONNX model can be` : `${path} is not a model file`,
        "--model names the ONNX model file whose metadata holds the target",
        { file: path },
      );
    }
    return readFileSync(path);
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelguardError(
      "usage",
      code === "ENOENT" ? `model file not found: ${path}` : `cannot read model ${path}: ${(e as Error).message}`,
      "--model names the ONNX model whose metadata holds the target; or pass --target COLUMN",
      { file: path },
    );
  }
}

export function policyFromFlags(flags: DriftFlags, fromFile: DriftSection = {}): DriftPolicy {
  // Column names are data: no prototype, so `--critical __proto__` marks a column instead of replacing one.
  const columns = Object.assign(Object.create(null) as NonNullable<typeof fromFile.columns>, fromFile.columns ?? {});
  for (const name of flags.critical ?? []) columns[name] = { ...columns[name], critical: true };
  const method = flags.method ?? fromFile.method ?? "auto";
  return resolvePolicy({
    ...fromFile,
    method,
    ...(method === "auto"
      ? { psi_threshold: flags.psiThreshold ?? flags.threshold ?? fromFile.psi_threshold ?? fromFile.threshold }
      : {
          threshold: flags.threshold ?? fromFile.threshold,
          psi_threshold: flags.psiThreshold ?? fromFile.psi_threshold,
        }),
    alpha: flags.alpha ?? fromFile.alpha,
    correction: flags.correction ?? fromFile.correction,
    bins: flags.bins ?? fromFile.bins,
    dataset_share: flags.datasetShare ?? fromFile.dataset_share,
    major_psi: flags.majorPsi ?? fromFile.major_psi,
    columns,
  });
}

/** The columns the config's drift.columns names, so a typo there is an error like one in --columns. */
function configuredColumns(file: string, fromFile: DriftSection): ConfiguredColumns {
  const overrides = Object.entries(fromFile.columns ?? {});
  return {
    file,
    names: overrides.map(([name]) => name),
    critical: overrides.filter(([, o]) => o.critical === true).map(([name]) => name),
  };
}

function* withNewline(parts: Iterable<string>): Generator<string> {
  yield* parts;
  yield "\n";
}

/** The text report's lines: a row per tested column, the skipped ones, the quality signals that fired, the verdict. */
function* describeDrift(r: DriftReportParts): Generator<string> {
  const features = r.features;
  yield* formatTableLines(
    ["column", "kind", "method", "statistic", "p (adj.)", "threshold", "result"],
    features.length,
    (i) => {
      const f = features.item(i);
      return [
        f.name + (f.critical ? " (critical)" : ""),
        f.kind,
        f.method,
        f.statistic,
        f.p_value === null ? "-" : formatNumber(f.p_value),
        f.threshold,
        f.drifted ? "DRIFT" : "ok",
      ];
    },
  );
  for (const s of r.skipped) yield `skipped ${s.name}: ${s.reason}`;
  const quality: number[] = [];
  for (let i = 0; i < (r.quality?.features.length ?? 0); i++)
    if (r.quality!.features.item(i).fired.length > 0) quality.push(i);
  if (r.quality && quality.length === 0) yield `data quality: no signal fired in ${r.quality.features.length} columns`;
  if (r.quality && quality.length > 0) {
    const measured = r.quality.features;
    const cell = (m: SignalMeasure | undefined) =>
      m === undefined ? "-" : `${Number((m.share * 100).toFixed(2))}%${m.fired ? " FAIL" : ""}`;
    yield "";
    yield "data quality (columns where a signal fired; FAIL: above the reference by more than the threshold):";
    yield* formatTableLines(
      ["column", "missing", "out of range", "new category", "non-finite"],
      quality.length,
      (k) => {
        const q = measured.item(quality[k]!);
        return [
          q.name,
          cell(q.missing_share),
          cell(q.out_of_range_share),
          cell(q.new_category_share),
          cell(q.non_finite_share),
        ];
      },
    );
  }
  let approximate = false;
  for (let i = 0; i < features.length && !approximate; i++) approximate = features.item(i).approximate;
  if (approximate)
    yield "(numeric statistics marked approximate come from quantile sketches: a profile reference, or a side too large to hold; see approximation_error in --json)";
  yield "";
  yield r.summary;
}
