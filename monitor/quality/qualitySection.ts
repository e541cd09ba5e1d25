import type { DriftReport } from "../../src/drift/driftReport.js";
import { escapeMarkdown } from "../../src/report/escapeMarkdown.js";

/** Rows of fired signals an issue lists; the rest are counted. */
const MAX_ROWS = 20;

/** The drift issue's section for a window whose data-quality signals fired (Markdown; feature names escaped). */
export function qualitySection(drift: DriftReport): string {
  const quality = drift.quality;
  if (!quality || quality.fired.length === 0) return "";
  const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;
  const byName = new Map(quality.features.map((q) => [q.name, q]));
  const rows = quality.fired.slice(0, MAX_ROWS).map((f) => {
    const m = byName.get(f.feature)?.[f.signal];
    const allowed = typeof m?.threshold === "number" ? `+${pct(m.threshold)}` : "-";
    return `| ${escapeMarkdown(f.feature)} | ${f.signal} | ${pct(f.share)} | ${m ? pct(m.expected) : "-"} | ${allowed} |`;
  });
  const more = quality.fired.length - rows.length;
  return [
    "**Data quality** (signals above what the reference leads to expect):",
    "",
    "| feature | signal | share | expected | allowed excess |",
    "| :-- | :-- | --: | --: | --: |",
    ...rows,
    ...(more > 0 ? [`| … ${more} more | | | | |`] : []),
  ].join("\n");
}
