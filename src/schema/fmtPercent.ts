/**
 * A fraction as a percentage for messages: one decimal from 0.1% up, two significant digits below so that a tiny
 * non-zero share never reads as 0.
 *
 * fmtPercent(0.003) === "0.3%"; fmtPercent(1e-6) === "0.0001%"; fmtPercent(0) === "0%"
 */
export function fmtPercent(fraction: number): string {
  const p = fraction * 100;
  if (p === 0) return "0%";
  if (Math.abs(p) >= 0.1) return `${p.toFixed(1)}%`;
  return `${Number(p.toPrecision(2))}%`;
}
