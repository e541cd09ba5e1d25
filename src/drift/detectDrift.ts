import { benjaminiHochberg } from "../stats/benjaminiHochberg.js";
import { ContractList } from "../contracts/contractJson.js";
import type { ColumnSample } from "./columnSample.js";
import { sampleCount } from "./columnSample.js";
import {
  wholeDriftReport,
  type DriftReport,
  type DriftReportParts,
  type SkippedFeature,
  type TestResult,
} from "./driftReport.js";
import { columnOverride, type Correction, type DriftPolicy } from "./driftPolicy.js";
import { FeatureDriftColumns, type TestedColumn } from "./featureDriftColumns.js";
import type { DriftMethod, MethodName } from "./methods/driftMethod.js";
import { DRIFT_METHODS } from "./methods/registry.js";
import { measureQuality } from "../quality/measureQuality.js";
import { FeatureQualityColumns } from "../quality/featureQualityColumns.js";
import type { QualityThresholds } from "../quality/qualityThresholds.js";

export interface DriftInput {
  reference: Map<string, ColumnSample>;
  current: Map<string, ColumnSample>;
  referenceLabel: string;
  currentLabel: string;
  /** Test only these columns (in this order); default: every column of the reference. */
  columns?: readonly string[];
  /** Columns skipped unless the policy has an override for them (other than skip: true): name -> reason. */
  skip?: ReadonlyMap<string, string>;
  /** Measure the data-quality signals of every column not skipped (see measureQuality); absent: none are. */
  quality?: QualityThresholds;
}

/** Tests every column, corrects for multiple testing across columns, and decides per column and for the dataset. */
export function detectDrift(input: DriftInput, policy: DriftPolicy): DriftReport {
  return wholeDriftReport(detectDriftParts(input, policy));
}

/**
 * detectDrift with the per-column results kept compact (typed arrays) and made into objects only as the report is
 * written or read: what a wide run holds is some 230 bytes a column instead of over a kilobyte.
 */
export function detectDriftParts(input: DriftInput, policy: DriftPolicy): DriftReportParts {
  const names = input.columns ?? [...input.reference.keys()];
  const detection = new DriftAccumulator(policy, {
    referenceLabel: input.referenceLabel,
    currentLabel: input.currentLabel,
    capacity: names.length,
    ...(input.quality && { quality: input.quality }),
  });
  detection.add(input.reference, input.current, names, input.skip);
  return detection.finish();
}

/**
 * detectDriftParts in parts: `add` tests columns as their samples come (a wide file read in blocks of columns, see
 * driftInColumnBlocks), `finish` corrects across every column added and decides. Why the split: the correction needs
 * every p-value, not every sample, so a block's samples can go once its columns are tested; the verdicts are those
 * of one pass over all columns in the same order.
 */
export class DriftAccumulator {
  private readonly skipped: SkippedFeature[] = [];
  private readonly columns: FeatureDriftColumns;
  private readonly rawP: Float64Array;
  private readonly quality: FeatureQualityColumns | null;
  private readonly fired: NonNullable<DriftReport["quality"]>["fired"] = [];

  /** `capacity`: how many column names `add` is given in all. */
  constructor(
    private readonly policy: DriftPolicy,
    private readonly options: {
      referenceLabel: string;
      currentLabel: string;
      capacity: number;
      quality?: QualityThresholds;
    },
  ) {
    this.columns = new FeatureDriftColumns(options.capacity);
    this.rawP = new Float64Array(options.capacity);
    this.quality = options.quality ? new FeatureQualityColumns(options.capacity, options.quality) : null;
  }

  /**
   * Tests `names` (in this order) on these samples. `skip`: columns skipped unless the policy has an override for
   * them (other than skip: true), name -> reason.
   */
  add(
    reference: ReadonlyMap<string, ColumnSample>,
    current: ReadonlyMap<string, ColumnSample>,
    names: readonly string[],
    skip?: ReadonlyMap<string, string>,
  ): void {
    const { policy, skipped, columns, rawP, quality, fired } = this;
    const thresholds = this.options.quality;
    for (const name of names) {
      const override = columnOverride(policy, name);
      if (override.skip) {
        skipped.push({ name, reason: "skipped by configuration" });
        continue;
      }
      const defaultReason = skip?.get(name);
      if (defaultReason !== undefined && Object.keys(override).length === 0) {
        skipped.push({ name, reason: defaultReason });
        continue;
      }
      const ref = reference.get(name);
      const cur = current.get(name);
      if (!ref || !cur) {
        skipped.push({ name, reason: `absent from the ${!ref ? "reference" : "current data"}` });
        continue;
      }
      if (ref.kind === "skipped") {
        skipped.push({ name, reason: ref.reason });
        continue;
      }
      // Before the empty-side check: a column whose current values are all missing is the loudest quality signal.
      const q = thresholds ? measureQuality(name, ref, cur, thresholds) : null;
      if (q) {
        quality!.push(q);
        for (const signal of q.fired) fired.push({ feature: q.name, signal, share: q[signal]!.share });
      }
      if (cur.kind === "skipped" || cur.kind !== ref.kind) {
        const curKind = cur.kind === "skipped" ? cur.type : cur.kind;
        skipped.push({ name, reason: `${ref.kind} in the reference but ${curKind} in the current data` });
        continue;
      }
      const refCount = sampleCount(ref);
      const curCount = sampleCount(cur);
      if (refCount === 0 || curCount === 0) {
        skipped.push({ name, reason: `no values in the ${refCount === 0 ? "reference" : "current data"}` });
        continue;
      }
      const tested = testColumn(name, ref, cur, policy);
      rawP[columns.length] = tested.rawP ?? NaN;
      columns.push(tested.column);
    }
  }

  /** The multiple-testing correction across every column added, the decisions and the report. */
  finish(): DriftReportParts {
    const { policy, skipped, columns, quality, fired } = this;
    const thresholds = this.options.quality;
    const n = columns.length;
    const adjusted = correct(this.rawP.subarray(0, n), policy.correction);
    const drifted: string[] = [];
    const criticalDrifted: string[] = [];
    const majorDrifted: string[] = [];
    const major = policy.major_psi;
    // Read from the compact columns, not as report objects: a wide run would make one per column here for nothing.
    for (let i = 0; i < n; i++) {
      const decisive = columns.methodOf(i);
      const hasP = decisive === "auto" || DRIFT_METHODS[decisive].decision === "p_value";
      const adj = hasP ? adjusted[i]! : null;
      const statistic = columns.statisticOf(i);
      const threshold = columns.thresholdOf(i);
      let isDrifted: boolean;
      if (decisive === "auto") {
        isDrifted = adj! < columns.alphaOf(i) && statistic >= threshold;
      } else if (DRIFT_METHODS[decisive].decision === "p_value") {
        isDrifted = adj! < threshold;
      } else {
        isDrifted = statistic >= threshold;
      }
      columns.decide(i, adj, isDrifted);
      if (!isDrifted) continue;
      const name = columns.name(i);
      drifted.push(name);
      if (columns.critical(i)) criticalDrifted.push(name);
      if (major !== null && (columns.testStatistic(i, "psi") ?? -Infinity) >= major) majorDrifted.push(name);
    }

    const share = n > 0 ? drifted.length / n : 0;
    const datasetDrifted =
      (n > 0 && share >= policy.dataset_share) || criticalDrifted.length > 0 || majorDrifted.length > 0;
    return {
      kind: "modelguard.drift",
      version: 1,
      reference: this.options.referenceLabel,
      current: this.options.currentLabel,
      policy: {
        method: policy.method,
        alpha: policy.alpha,
        psi_threshold: policy.psi_threshold,
        correction: policy.correction,
        bins: policy.bins,
        dataset_share: policy.dataset_share,
        major_psi: policy.major_psi,
      },
      features: new ContractList(n, (i) => columns.feature(i)),
      skipped,
      drifted_features: drifted,
      drifted_share: share,
      dataset_drifted: datasetDrifted,
      major_drifted: majorDrifted,
      ...(thresholds && quality
        ? {
            quality: {
              thresholds,
              features: new ContractList(quality.length, (i) => quality.feature(i)),
              fired,
            },
            quality_failed: fired.length > 0,
          }
        : {}),
      summary: summarize({
        tested: n,
        drifted: drifted.length,
        share,
        threshold: policy.dataset_share,
        critical: criticalDrifted,
        major: majorDrifted,
        majorPsi: major,
        quality: fired,
      }),
    };
  }
}

function testColumn(
  name: string,
  ref: Exclude<ColumnSample, { kind: "skipped" }>,
  cur: Exclude<ColumnSample, { kind: "skipped" }>,
  policy: DriftPolicy,
): { column: TestedColumn; rawP: number | null } {
  const override = columnOverride(policy, name);
  const kind = ref.kind;
  let choice = override.method ?? policy.method;
  if (choice !== "auto" && !DRIFT_METHODS[choice].kinds.includes(kind)) choice = "auto";
  const significance: MethodName = kind === "numeric" ? "ks" : "chisquare";
  const names: MethodName[] = choice === "auto" ? [significance, "psi"] : [...new Set<MethodName>([choice, "psi"])];
  const ctx = { bins: policy.bins };
  const tests: Partial<Record<MethodName, TestResult>> = {};
  for (const m of names) tests[m] = run(DRIFT_METHODS[m], ref, cur, ctx);
  const approximate =
    (ref.kind === "numeric" && ref.form === "sketch") || (cur.kind === "numeric" && cur.form === "sketch");
  const method = choice === "auto" ? null : DRIFT_METHODS[choice];
  const globalThreshold = policy.method === choice ? policy.threshold : undefined;
  // One literal, no spread of a shared base: a spread object outlived the column in V8's young generation and was
  // promoted, some 100 MB of old-space garbage across 100,000 columns.
  const column: TestedColumn = {
    name,
    kind,
    critical: override.critical === true,
    tests,
    reference: { count: sampleCount(ref), missing: ref.missing },
    current: { count: sampleCount(cur), missing: cur.missing },
    approximate,
    choice,
    statistic: tests[choice === "auto" ? "psi" : choice]!.statistic,
    threshold:
      override.threshold ??
      (method === null
        ? (override.psi_threshold ?? policy.psi_threshold)
        : (globalThreshold ?? method.defaultThreshold)),
  };
  if (method === null) {
    column.alpha = override.alpha ?? policy.alpha;
    return { column, rawP: tests[significance]!.p_value! };
  }
  return { column, rawP: method.decision === "p_value" ? tests[choice as MethodName]!.p_value! : null };
}

function run(
  method: DriftMethod,
  ref: Exclude<ColumnSample, { kind: "skipped" }>,
  cur: Exclude<ColumnSample, { kind: "skipped" }>,
  ctx: { bins: number },
): TestResult {
  if (ref.kind === "numeric" && cur.kind === "numeric") return method.numeric!(ref, cur, ctx);
  if (ref.kind === "categorical" && cur.kind === "categorical") return method.categorical!(ref, cur, ctx);
  throw new Error("sample kinds differ");
}

function correct(p: Float64Array, correction: Correction): Float64Array {
  if (correction === "none") return p;
  if (correction === "bonferroni") {
    let m = 0;
    for (const x of p) if (!Number.isNaN(x)) m++;
    return p.map((x) => (Number.isNaN(x) ? x : Math.min(1, x * m)));
  }
  return Float64Array.from(benjaminiHochberg(p));
}

interface SummaryFacts {
  tested: number;
  drifted: number;
  share: number;
  threshold: number;
  critical: string[];
  major: string[];
  majorPsi: number | null;
  quality: { feature: string; signal: string; share: number }[];
}

function summarize(f: SummaryFacts): string {
  const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
  const quality =
    f.quality.length > 0
      ? `data quality failed: ${f.quality
          .slice(0, 5)
          .map((q) => `${q.feature} ${q.signal.replace(/_share$/, "").replace(/_/g, "-")} ${pct(q.share)}`)
          .join(", ")}${f.quality.length > 5 ? ` and ${f.quality.length - 5} more` : ""}`
      : "";
  const withQuality = (text: string) => (quality ? `${quality}; ${text}` : text);
  if (f.tested === 0) return withQuality("no column could be tested");
  const counts = `${f.drifted} of ${f.tested} columns drifted (${pct(f.share)})`;
  const plural = (names: string[]) => (names.length > 1 ? "s" : "");
  if (f.critical.length > 0)
    return withQuality(
      `dataset drifted: critical column${plural(f.critical)} ${f.critical.join(", ")} drifted; ${counts}`,
    );
  if (f.share >= f.threshold)
    return withQuality(`dataset drifted: ${counts}, at or above the ${pct(f.threshold)} threshold`);
  if (f.major.length > 0)
    return withQuality(
      `dataset drifted: column${plural(f.major)} ${f.major.slice(0, 5).join(", ")}${f.major.length > 5 ? ` and ${f.major.length - 5} more` : ""} ` +
        `drifted with PSI at or above ${f.majorPsi}; ${counts}`,
    );
  return withQuality(`no dataset drift: ${counts}, below the ${pct(f.threshold)} threshold`);
}
