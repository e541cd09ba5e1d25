import { validateContract } from "../contracts/validateContract.js";
import { ModelguardError } from "../errors.js";
import { readBoundedTextFile } from "../readBoundedTextFile.js";

/** The results `report` renders: their kind, the JSON Schema in schemas/ that checks them, and what writes them. */
export const REPORT_INPUT_KINDS = {
  "modelguard.comparison": { schema: "comparison.schema.json", writtenBy: "modelguard compare --out FILE" },
  "modelguard.validation": { schema: "validation.schema.json", writtenBy: "modelguard validate --out FILE" },
  "modelguard.drift": { schema: "drift.schema.json", writtenBy: "modelguard drift --out FILE" },
  "modelguard.metrics": { schema: "metrics.schema.json", writtenBy: "modelguard evaluate -o FILE" },
} as const;

export type ReportInputKind = keyof typeof REPORT_INPUT_KINDS;

/** The newest format version of each result this modelguard reads. */
export const REPORT_INPUT_VERSION = 1;

/** Results are written by modelguard and are small (a drift report of 10,000 columns is about 10 MB). */
export const MAX_REPORT_INPUT_BYTES = 256 * 1024 * 1024;

/** How many schema problems a message lists. */
const SHOWN_PROBLEMS = 5;

/**
 * Reads one result file for `report` and checks it before anything renders it: JSON, the expected `kind`, a `version`
 * this modelguard understands (a newer one asks for an upgrade rather than being misread), then the result's JSON
 * Schema. Each failure is a ModelguardError("input") naming the file; schema failures list the first few problems by
 * JSON path. Returns the parsed value, shaped as the schema says.
 */
export function readReportInputFile(path: string, kind: ReportInputKind): unknown {
  const { schema, writtenBy } = REPORT_INPUT_KINDS[kind];
  const hint = `pass the file \`${writtenBy}\` wrote`;
  const fail = (message: string, h = hint) => new ModelguardError("input", message, h, { file: path });

  const text = readBoundedText(path, fail);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw fail(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fail(`${path} is not a ${kind} result: it holds ${Array.isArray(value) ? "a list" : JSON.stringify(value)}`);
  }
  const record = value as { kind?: unknown; version?: unknown };
  if (record.kind !== kind) {
    throw fail(`${path} is not a ${kind} result (kind is ${JSON.stringify(record.kind)})`);
  }
  if (typeof record.version === "number" && Number.isInteger(record.version) && record.version > REPORT_INPUT_VERSION) {
    throw fail(
      `${path} is a ${kind} result of version ${record.version}, newer than this modelguard reads (version ${REPORT_INPUT_VERSION})`,
      "upgrade modelguard to the version that wrote the file (or newer), or render it with that version",
    );
  }
  const problems = validateContract(schema, value);
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  ${p}`);
    if (problems.length > SHOWN_PROBLEMS) shown.push(`  ... and ${problems.length - SHOWN_PROBLEMS} more`);
    throw fail(
      `${path} is not a valid ${kind} result (schemas/${schema}):\n${shown.join("\n")}`,
      `${hint}, unedited; schemas/${schema} describes every key`,
    );
  }
  return value;
}

/** The file's text, refusing directories, devices and pipes, and anything over MAX_REPORT_INPUT_BYTES. */
function readBoundedText(path: string, fail: (message: string, hint?: string) => ModelguardError): string {
  return readBoundedTextFile(path, MAX_REPORT_INPUT_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`${path}: not found`);
      case "directory":
        return fail(`${path} is a directory, not a result file`);
      case "not-a-file":
        return fail(`${path} is not a regular file`);
      case "too-large":
        return fail(
          `${path} is ${why.size} bytes, more than the ${MAX_REPORT_INPUT_BYTES / 1024 / 1024} MiB a result file may be`,
        );
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
}
