import { escapeMarkdown } from "./escapeMarkdown.js";
import { escapeMermaidLabel } from "./escapeMermaidLabel.js";
import { formatChartNumber, formatCount, formatMetric, formatParameter } from "./formatNumber.js";
import type { DeltaChartData, PsiChartData } from "./reportModel.js";

/** Bars per Mermaid chart: beyond this a chart is unreadable in a PR comment. */
export const MERMAID_MAX_BARS = 20;

/**
 * Mermaid `xychart-beta` bar chart of the metric changes, as a Markdown fragment (fenced block plus a caption), for
 * GitHub to draw: no image is uploaded anywhere. Mermaid draws every bar up from the axis minimum, so a negative value
 * cannot be drawn below a zero line; the bars are the size of each change and the label says its sign and whether it
 * is better or worse (the table above has the numbers, the HTML report draws signed bars).
 */
export function mermaidDeltaChart(data: DeltaChartData, max = MERMAID_MAX_BARS): string {
  const shown = [...data.items].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, max);
  const unit = data.unit === "pp" ? " pp" : "%";
  const labels = shown.map((x) => {
    const sign = x.value > 0 ? "+" : x.value < 0 ? "-" : "";
    const how = x.better === null ? "no change" : x.better ? "better" : "worse";
    return `${escapeMermaidLabel(x.name, 28)}: ${sign}${formatChartNumber(Math.abs(x.value), 2)}${unit} (${how})`;
  });
  const top = Math.max(...shown.map((x) => Math.abs(x.value)), 0.01) * 1.1;
  const title =
    data.unit === "pp"
      ? "Metric changes, candidate vs baseline (percentage points)"
      : "Metric changes, candidate vs baseline (% of the baseline)";
  const lines = [
    "```mermaid",
    "xychart-beta horizontal",
    `    title "${title}"`,
    `    x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `    y-axis "size of the change (${data.unit === "pp" ? "pp" : "% of baseline"})" 0 --> ${formatChartNumber(top, 4)}`,
    `    bar [${shown.map((x) => formatChartNumber(Math.abs(x.value), 4)).join(", ")}]`,
    "```",
  ];
  const caption = [
    "Bar length is the size of each change; the label gives its sign and whether it is better or worse.",
    data.items.length > shown.length ? `Largest ${shown.length} of ${formatCount(data.items.length)} changes.` : "",
    data.leftOut.length > 0
      ? `Not charted: ${escapeMarkdown(data.leftOut.slice(0, 10).join(", "))}${data.leftOut.length > 10 ? " and more" : ""} (${data.unit === "pp" ? "not proportions" : "no baseline to compare with"}).`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `${lines.join("\n")}\n\n<sub>${caption}</sub>`;
}

/**
 * Mermaid `xychart-beta` bar chart of PSI per feature (largest first), with the threshold as a line. Mermaid has no
 * log scale, so the axis is broken instead: it ends at five times the threshold, a longer bar is cut there, and every
 * label carries the feature's PSI, so a cut bar still reads right and the threshold line crosses no number.
 */
export function mermaidPsiChart(data: PsiChartData, max = MERMAID_MAX_BARS): string {
  const shown = data.items.slice(0, max);
  const largest = Math.max(...shown.map((x) => x.psi), data.threshold ?? 0, 0.01);
  const cap = data.threshold !== null ? Math.min(largest, data.threshold * 5) : largest;
  const top = cap * 1.1;
  const cut = shown.some((x) => x.psi > cap);
  const labels = shown.map(
    (x) =>
      `${escapeMermaidLabel(x.name, 32)}: ${formatMetric(x.psi)}${x.drifted ? " (drifted)" : ""}${x.psi > cap ? " ✂" : ""}`,
  );
  const lines = [
    "```mermaid",
    "xychart-beta horizontal",
    `    title "PSI per feature${data.items.length > shown.length ? `, largest ${shown.length} of ${formatCount(data.items.length)}` : ""}"`,
    `    x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `    y-axis "PSI${cut ? ` (axis cut at ${formatParameter(cap)})` : ""}" 0 --> ${formatChartNumber(top, 4)}`,
    `    bar [${shown.map((x) => formatChartNumber(Math.min(x.psi, cap), 4)).join(", ")}]`,
  ];
  if (data.threshold !== null)
    lines.push(`    line [${shown.map(() => formatChartNumber(data.threshold!, 4)).join(", ")}]`);
  lines.push("```");
  const caption = [
    data.threshold !== null ? `The line is the PSI threshold, ${formatParameter(data.threshold)}.` : "",
    cut
      ? `Bars marked ✂ are cut at ${formatParameter(cap)} (five times the threshold); their label has the value.`
      : "",
    "Labels give each feature's PSI and mark drifted features.",
  ]
    .filter(Boolean)
    .join(" ");
  return `${lines.join("\n")}\n\n<sub>${caption}</sub>`;
}
