import { checkGateMetrics } from "../../src/compare/gates.js";
import { readMetricsDocument } from "../../src/compare/readMetricsDocument.js";
import { ModelguardError } from "../../src/errors.js";
import type { MetricsDocument } from "../../src/model/evaluate/metricsDocument.js";
import type { PerformanceConfig } from "./performanceConfig.js";
import type { ProductionMetrics } from "./performanceResult.js";

/**
 * Production's metrics as the rules use them: the task and classes (so a window's rows are read as evaluate read
 * production's), the positive label, and each metric's value. The rules' metrics must belong to the task, and a change
 * rule (max_drop, ...) needs production's value of its metric: both are config errors at start, not rules that can
 * never fire.
 */
export function productionMetricsOf(
  doc: MetricsDocument,
  source: string,
  config: PerformanceConfig,
  file: string,
): ProductionMetrics {
  const task = doc.task;
  try {
    checkGateMetrics(config.rules, task);
  } catch (e) {
    if (e instanceof ModelguardError)
      throw new ModelguardError("config", `${file}: performance: ${e.message.replace(/^gates\./, "")}`, e.hint, {
        file,
      });
    throw e;
  }
  const values = new Map(Object.entries(doc.metrics).filter(([, v]) => typeof v === "number"));
  for (const r of config.rules) {
    const change = r.max_drop ?? r.max_relative_drop ?? r.max_increase ?? r.max_relative_increase ?? r.min_gain;
    if (change !== undefined && !values.has(r.metric))
      throw new ModelguardError(
        "config",
        `${file}: performance.${r.metric}: a change rule needs production's ${r.metric}, and ${source} has none`,
        `give a metrics.json with ${r.metric} (modelguard evaluate ... -o metrics.json), or use min/max for ${r.metric}`,
        { file },
      );
  }
  return {
    source,
    spec: {
      task,
      ...(doc.classes ? { classes: doc.classes } : {}),
      ...(doc.positive_label !== undefined ? { positiveLabel: doc.positive_label } : {}),
    },
    values,
  };
}

/** `reference_metrics: metrics.json`, read and checked (a missing or malformed file names itself: exit 2). */
export function readProductionMetrics(config: PerformanceConfig, file: string): ProductionMetrics | null {
  if (config.referenceMetrics === null) return null;
  return productionMetricsOf(readMetricsDocument(config.referenceMetrics), config.referenceMetrics, config, file);
}
