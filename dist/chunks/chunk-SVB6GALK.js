import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  contractNumber
} from "./chunk-NXWTCSVE.js";

// src/drift/driftReport.ts
function wholeDriftReport(parts) {
  const report = { ...parts };
  report.features = parts.features.toJSON();
  if (parts.quality) report.quality = { ...parts.quality, features: parts.quality.features.toJSON() };
  return report;
}
function reviveDriftReport(report) {
  const num = (x) => contractNumber(x);
  if (!Array.isArray(report.features)) return report;
  return {
    ...report,
    drifted_share: num(report.drifted_share),
    features: report.features.map((f) => {
      if (typeof f !== "object" || f === null || typeof f.tests !== "object" || f.tests === null) return f;
      const tests = {};
      for (const [m, t] of Object.entries(f.tests)) {
        tests[m] = {
          ...t,
          statistic: num(t.statistic),
          ...t.p_value !== void 0 ? { p_value: num(t.p_value) } : {},
          ...t.approximation_error !== void 0 ? { approximation_error: num(t.approximation_error) } : {}
        };
      }
      return {
        ...f,
        statistic: num(f.statistic),
        p_value: f.p_value === null ? null : num(f.p_value),
        threshold: num(f.threshold),
        tests
      };
    })
  };
}

export {
  wholeDriftReport,
  reviveDriftReport
};
