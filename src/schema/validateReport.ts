import type { LeakageResult } from "./checkLeakage.js";
import type { ValidationResult } from "./validationResult.js";

/**
 * The validation contract: what `modelguard validate --out` writes and `modelguard report --validation` reads
 * (schemas/validation.schema.json).
 */
export interface ValidateReport extends ValidationResult {
  kind: "modelguard.validation";
  version: 1;
  /** The paths as given to --data, --schema and --holdout. */
  data: string;
  schema: string | null;
  holdout: string | null;
  /** With --environment: the schema environment the data was checked as. */
  environment?: string;
  /** With --holdout: duplicate rows and leaky features. */
  leakage?: LeakageResult;
}
