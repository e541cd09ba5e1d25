import { ModelguardError } from "../errors.js";
import type { DataSchema } from "./dataSchema.js";

/**
 * The schema as it applies in one of its `environments` (TFDV's environments): the columns the environment
 * excludes are passed over (not required, not checked, not extra), and so are the checks and compound keys that read
 * them. An environment the schema does not name is a usage error listing the ones it does.
 *
 * forEnvironment(schema with `environments: { serving: { exclude: [label] } }`, "serving").ignored -> ["label"]
 */
export function forEnvironment(schema: DataSchema, name: string): DataSchema {
  const exclude = schema.environments?.get(name);
  if (exclude === undefined) {
    const known = [...(schema.environments?.keys() ?? [])];
    throw new ModelguardError(
      "usage",
      `${schema.source} has no environment '${name}'`,
      known.length > 0
        ? `environments it defines: ${known.join(", ")}`
        : "add one to the schema, e.g. `environments: { serving: { exclude: [label] } }`",
    );
  }
  return { ...schema, ignored: [...new Set([...(schema.ignored ?? []), ...exclude])] };
}
