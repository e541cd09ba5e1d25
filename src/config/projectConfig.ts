import { ModelguardError } from "../errors.js";
import { validateContract } from "../contracts/validateContract.js";
import type { DriftPolicy } from "../drift/driftPolicy.js";
import type { QualityThresholds } from "../quality/qualityThresholds.js";
import { readYamlFile } from "./readYamlFile.js";

/** modelguard.yml: one file for the project's policies, each section optional. */
export interface ProjectConfig {
  version: 1;
  /** The label column, left out of drift by default. */
  target?: string;
  drift?: Partial<DriftPolicy>;
  /** Data-quality thresholds for `modelguard drift` (defaults: DEFAULT_QUALITY_THRESHOLDS). */
  quality?: Partial<QualityThresholds>;
  /** The model registry: a directory, `github`, or `github:OWNER/REPO` (read by promote, registry and compare). */
  registry?: string;
}

export function readProjectConfig(path: string): ProjectConfig {
  const value = readYamlFile(path, "config", "config file");
  if (value === null || typeof value !== "object") {
    throw new ModelguardError(
      "config",
      `${path}: expected a mapping with 'version: 1'`,
      "start the file with `version: 1`",
      { file: path },
    );
  }
  const problems = validateContract("config.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${problems.slice(0, 5).join("; ")}`,
      "see schemas/config.schema.json for every key",
      { file: path },
    );
  }
  return value as ProjectConfig;
}
