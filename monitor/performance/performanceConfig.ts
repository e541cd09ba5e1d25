import { performanceRulesFrom, type PerformanceRule } from "../../src/performance/performanceRules.js";

/** `performance:`, `performance_policy:` and `reference_metrics:` of monitor.yml, resolved. */
export interface PerformanceConfig {
  /** The rules, parsed by compare's gate parser (the task check waits for production's metrics: see checkTask). */
  rules: PerformanceRule[];
  /** A window is judged once it has this many labelled rows. */
  minRows: number;
  /** The intervals' confidence (`interval: 0.95`). */
  confidence: number;
  /** At most this many labelled rows are kept per window (more are counted, not kept): bounds memory and the snapshot. */
  maxRows: number;
  /** `reference_metrics:` (absolute path): production's metrics.json; null: the registry's, or none. */
  referenceMetrics: string | null;
}

export interface RawPerformanceConfig {
  performance?: Record<string, unknown>;
  performance_policy?: { min_rows?: number; interval?: number; max_rows?: number };
  reference_metrics?: string;
}

export const DEFAULT_PERFORMANCE_MIN_ROWS = 200;
export const DEFAULT_PERFORMANCE_MAX_ROWS = 100_000;

/** Null when none of the keys is set (realized performance is then not measured). */
export function resolvePerformanceConfig(
  raw: RawPerformanceConfig,
  io: { abs(path: string): string; file: string },
): PerformanceConfig | null {
  if (raw.performance === undefined && raw.performance_policy === undefined && raw.reference_metrics === undefined)
    return null;
  return {
    rules: performanceRulesFrom(raw.performance ?? {}, null, `${io.file}: performance`),
    minRows: raw.performance_policy?.min_rows ?? DEFAULT_PERFORMANCE_MIN_ROWS,
    confidence: raw.performance_policy?.interval ?? 0.95,
    maxRows: raw.performance_policy?.max_rows ?? DEFAULT_PERFORMANCE_MAX_ROWS,
    referenceMetrics: raw.reference_metrics !== undefined ? io.abs(raw.reference_metrics) : null,
  };
}
