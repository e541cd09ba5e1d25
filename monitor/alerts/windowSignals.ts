import type { AlertReason } from "./alertPolicy.js";
import { estimatedPerformanceSection } from "../performance/estimatedPerformance.js";
import type { WindowReport } from "../windows/windowReport.js";
import { qualitySection } from "../quality/qualitySection.js";

/**
 * The signals other than drift a closed window's report carries for the alert policy (`WindowVerdict.signals`): a
 * data-quality signal that fired, an estimated performance rule that failed. The single monitor and the fleet's leader (on the merged window) both ask here.
 */
export function windowSignals(report: WindowReport): AlertReason[] {
  const out: AlertReason[] = [];
  if (report.drift.quality_failed) out.push("quality");
  if (report.estimated_performance?.breached) out.push("estimated_performance");
  return out;
}

/** The issue sections of the reasons that fired for this window (Markdown, data escaped). */
export function windowSignalSections(report: WindowReport, fired: readonly AlertReason[]): string[] {
  const out: string[] = [];
  if (fired.includes("quality")) out.push(qualitySection(report.drift));
  if (fired.includes("estimated_performance") && report.estimated_performance)
    out.push(estimatedPerformanceSection(report.estimated_performance));
  return out;
}
