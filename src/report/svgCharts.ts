import { escapeHtml } from "./escapeHtml.js";
import { formatChartNumber, formatCount, formatMetric, formatParameter } from "./formatNumber.js";
import type { DeltaChartData, PsiChartData } from "./reportModel.js";

/** Colours of the charts (distinct from the verdict banner's, which the screenshot test looks for). */
export const CHART_COLORS = {
  better: "#2da44e",
  worse: "#d1242f",
  neutral: "#8c959f",
  drifted: "#d1242f",
  stable: "#54aeff",
  ink: "#24292f",
  grid: "#d0d7de",
} as const;

/** Bars per SVG chart. */
export const SVG_MAX_BARS = 40;

const WIDTH = 760;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 110;
const ROW = 22;
const TOP = 40;
const BOTTOM = 26;

/**
 * Inline SVG of the metric changes: signed horizontal bars from a zero line (green better, red worse, given each
 * metric's direction), the bootstrap interval as a whisker when there is one, the value at the bar's end. Every label is
 * HTML-escaped; the SVG references nothing outside itself.
 */
export function svgDeltaChart(data: DeltaChartData, max = SVG_MAX_BARS): string {
  const shown = [...data.items].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, max);
  const unit = data.unit === "pp" ? " pp" : "%";
  const values = shown.flatMap((x) => [x.value, ...(x.ci ?? [])]);
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= lo < 0 ? pad : 0;
  hi += hi > 0 ? pad : 0;
  const plotLeft = LABEL_WIDTH + 10;
  const plotWidth = WIDTH - plotLeft - VALUE_WIDTH;
  const x = (v: number) => plotLeft + ((v - lo) / (hi - lo)) * plotWidth;
  const height = TOP + shown.length * ROW + BOTTOM;
  const title =
    data.unit === "pp"
      ? "Metric changes, candidate minus baseline (percentage points)"
      : "Metric changes, candidate minus baseline (% of the baseline)";
  const parts: string[] = [svgOpen(height, title)];
  parts.push(text(0, 16, title, { weight: "600" }));
  parts.push(line(x(0), TOP - 6, x(0), TOP + shown.length * ROW, CHART_COLORS.ink, 1));
  shown.forEach((item, i) => {
    const y = TOP + i * ROW;
    const color = item.better === null ? CHART_COLORS.neutral : item.better ? CHART_COLORS.better : CHART_COLORS.worse;
    const x0 = x(Math.min(0, item.value));
    const w = Math.max(Math.abs(x(item.value) - x(0)), item.value === 0 ? 0 : 1);
    parts.push(text(LABEL_WIDTH, y + 15, clipLabel(item.name, 34), { anchor: "end" }));
    parts.push(`<rect x="${n(x0)}" y="${y + 4}" width="${n(w)}" height="${ROW - 8}" fill="${color}"/>`);
    if (item.ci) parts.push(line(x(item.ci[0]), y + ROW / 2, x(item.ci[1]), y + ROW / 2, CHART_COLORS.ink, 1.5));
    const sign = item.value > 0 ? "+" : item.value < 0 ? "-" : "";
    const end = Math.max(x(item.value), x(0), item.ci ? x(item.ci[1]) : 0);
    parts.push(text(end + 6, y + 15, `${sign}${formatChartNumber(Math.abs(item.value), 2)}${unit}`, {}));
  });
  const axisY = TOP + shown.length * ROW + 16;
  parts.push(text(x(0), axisY, "0", { anchor: "middle", muted: true }));
  // Ends of the axis, where they do not crowd the zero label.
  if (x(0) - x(lo) > 60)
    parts.push(text(x(lo), axisY, `${formatChartNumber(lo, 2)}${unit}`, { anchor: "start", muted: true }));
  if (x(hi) - x(0) > 60)
    parts.push(text(x(hi), axisY, `+${formatChartNumber(hi, 2)}${unit}`, { anchor: "end", muted: true }));
  parts.push("</svg>");
  const notes = [
    data.items.length > shown.length ? `Largest ${shown.length} of ${formatCount(data.items.length)} changes.` : "",
    shown.some((s) => s.ci) ? "Whiskers: bootstrap interval of the change." : "",
    data.leftOut.length > 0 ? `Not charted: ${data.leftOut.join(", ")}.` : "",
  ].filter(Boolean);
  return figure(parts.join(""), notes.join(" "));
}

/**
 * Inline SVG of PSI per feature, largest first: red bars for drifted features, the threshold as a dashed line. The
 * axis is logarithmic (decade ticks), since PSI spans orders of magnitude (0.01 for a stable feature, 2 for a shifted
 * one) and a linear axis squeezes everything near the threshold into slivers. Values are printed in a column right of
 * the plot, so the threshold line never runs through them.
 */
export function svgPsiChart(data: PsiChartData, max = SVG_MAX_BARS): string {
  const shown = data.items.slice(0, max);
  const positive = shown.map((s) => s.psi).filter((v) => v > 0);
  const smallest = Math.min(...positive, data.threshold ?? Infinity, 1);
  const largest = Math.max(...positive, data.threshold ?? 0, 1e-6);
  const loExp = Math.floor(Math.log10(smallest));
  const hiExp = Math.max(Math.ceil(Math.log10(largest * 1.0001)), loExp + 1);
  const plotLeft = LABEL_WIDTH + 10;
  const plotWidth = WIDTH - plotLeft - VALUE_WIDTH;
  const x = (v: number) => plotLeft + ((Math.log10(Math.max(v, 10 ** loExp)) - loExp) / (hiExp - loExp)) * plotWidth;
  const height = TOP + shown.length * ROW + BOTTOM;
  const title = `PSI per feature (log scale)${data.items.length > shown.length ? `, largest ${shown.length} of ${formatCount(data.items.length)}` : ""}`;
  const parts: string[] = [svgOpen(height, title)];
  parts.push(text(0, 16, title, { weight: "600" }));
  const bottom = TOP + shown.length * ROW;
  for (let e = loExp; e <= hiExp; e++) {
    parts.push(line(x(10 ** e), TOP - 6, x(10 ** e), bottom, CHART_COLORS.grid, 1));
    parts.push(text(x(10 ** e), bottom + 16, formatParameter(10 ** e), { anchor: "middle", muted: true }));
  }
  shown.forEach((item, i) => {
    const y = TOP + i * ROW;
    parts.push(text(LABEL_WIDTH, y + 15, clipLabel(item.name, 34), { anchor: "end" }));
    const color = item.drifted ? CHART_COLORS.drifted : CHART_COLORS.stable;
    parts.push(
      `<rect x="${n(plotLeft)}" y="${y + 4}" width="${n(Math.max(x(item.psi) - plotLeft, 1))}" height="${ROW - 8}" fill="${color}"/>`,
    );
    parts.push(text(plotLeft + plotWidth + 8, y + 15, formatMetric(item.psi), {}));
  });
  if (data.threshold !== null) {
    const tx = x(data.threshold);
    parts.push(
      `<line x1="${n(tx)}" y1="${TOP - 6}" x2="${n(tx)}" y2="${bottom}" stroke="${CHART_COLORS.ink}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    parts.push(text(tx + 4, TOP - 10, `threshold ${formatParameter(data.threshold)}`, { muted: true }));
  }
  parts.push("</svg>");
  return figure(parts.join(""), "Red: drifted features. Logarithmic axis; values in the right-hand column.");
}

function svgOpen(height: number, title: string): string {
  return `<svg class="chart" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><title>${escapeHtml(title)}</title>`;
}

function figure(svg: string, caption: string): string {
  return `<figure class="chart">${svg}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ""}</figure>`;
}

function text(
  x: number,
  y: number,
  content: string,
  o: { anchor?: "start" | "middle" | "end"; weight?: string; muted?: boolean },
): string {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    o.anchor && o.anchor !== "start" ? `text-anchor="${o.anchor}"` : "",
    o.weight ? `font-weight="${o.weight}"` : "",
    `fill="${o.muted ? "#57606a" : CHART_COLORS.ink}"`,
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${escapeHtml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

function clipLabel(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : s;
}

function n(v: number): string {
  return Number.isFinite(v) ? formatChartNumber(v, 1) : "0";
}
