import { readMetricsDocument } from "../../src/compare/readMetricsDocument.js";
import type { MetricsDocument } from "../../src/model/evaluate/metricsDocument.js";
import type { MonitorConfig } from "../config/monitorConfig.js";

/**
 * The label column as production's metrics.json names it (the registry's, else `reference_metrics`), for a monitor.yml
 * without `target:`. Unreadable metrics name no target here: realized performance reports that file's problem itself.
 */
export function referenceTargetOf(
  config: MonitorConfig,
  loaded: { version: number; metrics: MetricsDocument | null } | null,
): { referenceTarget?: { name: string; from: string } } {
  if (config.target !== null) return {};
  if (loaded?.metrics?.target) {
    return {
      referenceTarget: {
        name: loaded.metrics.target,
        from: `the metrics.json of ${config.reference} v${loaded.version}`,
      },
    };
  }
  const file = config.performance?.referenceMetrics;
  if (!file) return {};
  try {
    const target = readMetricsDocument(file).target;
    return target ? { referenceTarget: { name: target, from: file } } : {};
  } catch {
    return {};
  }
}
