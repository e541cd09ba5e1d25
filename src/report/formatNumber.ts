import { fmtPercent } from "../schema/fmtPercent.js";

/**
 * Number formats of the reports. Every function returns plain ASCII digits and signs (plus `—` for "no value", `pp`,
 * `%`, `∞`), never text from data, so their output is safe in Markdown and HTML alike.
 */

/** Shown where a number is absent (null, not computed, not applicable). */
export const NO_VALUE = "—";

/**
 * A metric value to 4 significant digits: 0.956140 -> "0.9561", 12.3456 -> "12.35", 2876.54 -> "2877", 123456 ->
 * "123,500"; below 1e-4 or from 1e15 in exponent form ("3.412e-5").
 */
export function formatMetric(x: number | null | undefined): string {
  if (x === null || x === undefined) return NO_VALUE;
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e15) return x.toExponential(3);
  if (a >= 1e4) return groupThousands(Number(x.toPrecision(4)).toFixed(0));
  return x.toPrecision(4);
}

/**
 * Metrics whose values are proportions in [0, 1], so that a change reads best in percentage points: accuracy,
 * balanced_accuracy, precision, recall, f1, roc_auc, pr_auc, specificity (also with _macro / _micro / _weighted).
 */
export function isProportionMetric(name: string): boolean {
  return /^(accuracy|balanced_accuracy|top_\d+_accuracy|precision|recall|f1|roc_auc|pr_auc|specificity|sensitivity)(_(macro|micro|weighted|samples))?$/.test(
    name,
  );
}

/**
 * A signed change: in percentage points for proportions (0.0123 -> "+1.23 pp", -0.00004 -> "-0.0040 pp"), else to 4
 * significant digits without trailing zeros ("-0.01234", "+12.35", "+0.004"). Zero is "0" / "0.00 pp".
 */
export function formatDelta(d: number | null | undefined, proportion: boolean): string {
  if (d === null || d === undefined) return NO_VALUE;
  if (!Number.isFinite(d)) return formatMetric(d);
  if (proportion) {
    const pp = d * 100;
    if (pp === 0) return "0.00 pp";
    const a = Math.abs(pp);
    const digits = a >= 0.01 ? a.toFixed(2) : a.toPrecision(2);
    return `${pp > 0 ? "+" : "-"}${digits} pp`;
  }
  if (d === 0) return "0";
  return `${d > 0 ? "+" : "-"}${formatParameter(Math.abs(d))}`;
}

/**
 * A setting or threshold as written, to 4 significant digits without trailing zeros: 0.05 -> "0.05", 0.1 -> "0.1",
 * 0.0040001 -> "0.004", 12345 -> "12,350".
 */
export function formatParameter(x: number | null | undefined): string {
  const s = formatMetric(x);
  return /^-?[0-9]*\.[0-9]+$/.test(s) ? s.replace(/\.?0+$/, "") : s.replace(/\.?0+e/, "e");
}

/** A confidence interval of a delta: "-1.20 to +0.35 pp"; "—" without one. */
export function formatInterval(ci: readonly [number, number] | null | undefined, proportion: boolean): string {
  if (!ci) return NO_VALUE;
  const lo = formatDelta(ci[0], proportion);
  const hi = formatDelta(ci[1], proportion);
  return proportion ? `${lo.replace(/ pp$/, "")} to ${hi}` : `${lo} to ${hi}`;
}

/** A metric's value in its unit: proportions in percent ("96.49%"), others as formatMetric. */
export function formatValue(x: number | null | undefined, proportion: boolean): string {
  if (!proportion || x === null || x === undefined || !Number.isFinite(x)) return formatMetric(x);
  const pct = x * 100;
  return `${Math.abs(pct) >= 0.01 || pct === 0 ? pct.toFixed(2) : pct.toPrecision(2)}%`;
}

/** The smallest detectable change, a half-width: "±1.75 pp" for proportions, else "±0.01963"; "—" without one. */
export function formatDetectable(x: number | null | undefined, proportion: boolean): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  return `±${formatDelta(Math.abs(x), proportion).replace(/^\+/, "")}`;
}

/** An interval of a relative change (fractions of |baseline|) in percent: "-3.9% to +1.9%". */
export function formatRelativeInterval(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return NO_VALUE;
  const one = (x: number) =>
    !Number.isFinite(x) ? formatMetric(x) : `${x > 0 ? "+" : ""}${formatParameter(Number((x * 100).toFixed(2)))}%`;
  return `${one(ci[0])} to ${one(ci[1])}`;
}

/** A p-value: "<0.001" below 0.001, else 3 decimals ("0.046", "1.000"). */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return NO_VALUE;
  if (p < 0.001) return "<0.001";
  return p.toFixed(3);
}

/** A count with thousands separators: 2000 -> "2,000"; non-integers as metrics. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return NO_VALUE;
  if (!Number.isInteger(n)) return formatMetric(n);
  return (n < 0 ? "-" : "") + groupThousands(String(Math.abs(n)));
}

/** A share as a percentage ("0.3%", "0.0001%", "12.5%"), as in validation messages. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_VALUE;
  return fmtPercent(fraction);
}

/** A size in binary units with the exact count: "1.5 MiB (1,572,864 bytes)", "812 bytes". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return NO_VALUE;
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]} (${formatCount(bytes)} bytes)`;
}

/** A duration: "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NO_VALUE;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** A number for a chart's data (Mermaid reads no exponents): fixed with up to `decimals` decimals. */
export function formatChartNumber(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return "0";
  const fixed = x.toFixed(decimals);
  const s = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  return s === "-0" || s === "" ? "0" : s;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
