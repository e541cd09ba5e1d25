import type { Command } from "commander";
import { allInOrder } from "../../allInOrder.js";
import { writeOutputFileParts } from "../../outputFile.js";
import { loadTable, scanTable, type LoadOptions } from "../../data/loadTable.js";
import { ModelguardError } from "../../errors.js";
import { checkLeakage, type LeakageResult } from "../../schema/checkLeakage.js";
import type { DataSchema } from "../../schema/dataSchema.js";
import { forEnvironment } from "../../schema/forEnvironment.js";
import { inferSchemaJson, inferSchemaText } from "../../schema/inferSchema.js";
import { leakageViolations } from "../../schema/leakageViolations.js";
import { parseSchemaFile } from "../../schema/parseSchemaFile.js";
import { schemaColumnTypes } from "../../schema/schemaColumnTypes.js";
import { BLOCK_COLUMNS, validateInColumnBlocks } from "../../schema/validateInColumnBlocks.js";
import { TableValidator, validateTable } from "../../schema/validateTable.js";
import type { ValidateReport } from "../../schema/validateReport.js";
import { mergeViolations, type ValidationResult } from "../../schema/validationResult.js";
import { formatTable, outParts, writeJsonFile, type CliIO } from "../io.js";
import { delimiterOption } from "../options.js";

interface ValidateFlags {
  data?: string;
  schema?: string;
  holdout?: string;
  target?: string;
  environment?: string;
  delimiter?: string;
  json?: boolean;
  out?: string;
  fail: boolean;
}

export function registerValidate(program: Command, io: CliIO, exit: { code: number }): void {
  program
    .command("validate")
    .description("check a dataset against a schema, and for leakage against a holdout set")
    .option("--data <dataset>", "the dataset to check: CSV, JSONL or Parquet file, directory of shards or glob")
    .option("--schema <file>", "schema YAML (see `modelguard schema infer`)")
    .option("--holdout <dataset>", "holdout/test set: report rows present in both and leaky features")
    .option("--target <column>", "with --holdout: the target, to find features that predict it on their own")
    .option(
      "--environment <name>",
      "check as the schema's environment NAME (e.g. serving): the columns it excludes are not expected",
    )
    .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
    .option("--json", "print the result as JSON on stdout")
    .option("--out <file>", "also write the JSON result to a file")
    .option("--no-fail", "exit 0 even when checks fail")
    .action(async (flags: ValidateFlags) => {
      if (!flags.data)
        throw new ModelguardError(
          "usage",
          "validate needs --data FILE",
          "e.g. modelguard validate --data train.csv --schema schema.yml",
        );
      if (!flags.schema && !flags.holdout) {
        throw new ModelguardError(
          "usage",
          "validate needs --schema and/or --holdout",
          "make a schema with `modelguard schema infer --data FILE -o schema.yml`",
        );
      }
      if (flags.environment !== undefined && !flags.schema)
        throw new ModelguardError(
          "usage",
          "--environment goes with --schema (it names one of the schema's environments)",
        );
      if (flags.target && !flags.holdout)
        throw new ModelguardError("usage", "--target goes with --holdout (leakage checks)");
      const report = await validateFiles({ ...flags, data: flags.data });
      if (flags.out) writeJsonFile(flags.out, report);
      io.result?.({ kind: "validation", value: report, path: flags.out ?? null });
      io.out(flags.json ? JSON.stringify(report, null, 2) : describeValidation(report));
      if (!report.ok && flags.fail) exit.code = 1;
    });

  program
    .command("schema")
    .description("schema files")
    .command("infer")
    .description("write a starting schema from a dataset, with what was observed as comments")
    .option("--data <file>", "dataset to infer from")
    .option("-o, --output <file>", "where to write the schema (default: stdout)")
    .option("--max-allowed <n>", "category columns with at most this many values get an allowed list", "100")
    .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
    .option("--json", "print the schema as JSON instead of YAML")
    .action(
      async (flags: { data?: string; output?: string; maxAllowed: string; delimiter?: string; json?: boolean }) => {
        if (!flags.data) throw new ModelguardError("usage", "schema infer needs --data FILE");
        const max = Number(flags.maxAllowed);
        if (!Number.isInteger(max) || max < 0)
          throw new ModelguardError("usage", `--max-allowed must be a whole number, got '${flags.maxAllowed}'`);
        const table = await loadTable(flags.data, loadOptions(flags));
        // Written as the columns are inferred, a piece at a time: the text of 100,000 columns is 22 MB.
        const options = { maxAllowedValues: max, source: flags.data };
        const parts = flags.json ? inferSchemaJson(table, options) : inferSchemaText(table, options);
        if (flags.output) {
          writeOutputFileParts(flags.output, parts);
          io.err(`wrote ${flags.output}: ${table.columns.length} columns from ${table.rowCount} rows`);
        } else outParts(io, parts);
      },
    );
}

function loadOptions(flags: { delimiter?: string }): LoadOptions {
  return flags.delimiter ? { delimiter: flags.delimiter } : {};
}

/**
 * `validate` without the printing. `blockColumns`: a CSV or JSON Lines file with more columns is read a block of this
 * many columns at a time (validateInColumnBlocks); tests lower it, Infinity reads every file in one pass.
 */
export async function validateFiles(
  flags: ValidateFlags & { data: string },
  { blockColumns = BLOCK_COLUMNS }: { blockColumns?: number } = {},
): Promise<ValidateReport> {
  const parsed = flags.schema ? parseSchemaFile(flags.schema) : undefined;
  const schema = parsed && flags.environment !== undefined ? forEnvironment(parsed, flags.environment) : parsed;
  const load = () => ({ ...loadOptions(flags), ...(schema ? { types: schemaColumnTypes(schema) } : {}) });
  let result: ValidationResult;
  let leakage: LeakageResult | undefined;
  if (flags.holdout) {
    // Leakage compares the two tables row by row: both are held.
    const options = load();
    const [table, holdout] = await allInOrder([loadTable(flags.data, options), loadTable(flags.holdout, options)]);
    result = schema ? validateTable(table, schema) : { ok: true, rows: table.rowCount, violations: [] };
    leakage = checkLeakage(table, holdout, flags.target ? { target: flags.target } : {});
    result = mergeViolations(result, leakageViolations(leakage));
  } else {
    const blocked = schema ? await validateInColumnBlocks(flags.data, schema, loadOptions(flags), blockColumns) : null;
    result = blocked ?? (await validateInChunks(flags.data, schema, load()));
  }
  return {
    kind: "modelguard.validation",
    version: 1,
    data: flags.data,
    schema: flags.schema ?? null,
    holdout: flags.holdout ?? null,
    ...(flags.environment !== undefined && { environment: flags.environment }),
    ...result,
    ...(leakage ? { leakage } : {}),
  };
}

/** Chunk by chunk: memory follows a chunk (and what unique/median need), not the dataset. */
async function validateInChunks(
  data: string,
  schema: DataSchema | undefined,
  load: LoadOptions,
): Promise<ValidationResult> {
  const validator = schema ? new TableValidator(schema, data) : null;
  let rows = 0;
  for await (const chunk of scanTable(data, load)) {
    rows += chunk.rowCount;
    validator?.add(chunk);
  }
  return validator ? validator.finish() : { ok: true, rows, violations: [] };
}

function describeValidation(r: ValidateReport): string {
  const lines: string[] = [];
  if (r.violations.length > 0) {
    lines.push(
      formatTable(
        ["severity", "check", "column", "rows", "share", "example"],
        r.violations.map((v) => [
          v.severity,
          v.kind,
          v.column ?? "-",
          v.count,
          `${(v.fraction * 100).toFixed(v.fraction < 0.001 && v.fraction > 0 ? 3 : 1)}%`,
          v.examples[0]
            ? `row ${v.examples[0].row}: ${v.examples[0].value === null ? "(missing)" : JSON.stringify(v.examples[0].value)}`
            : "",
        ]),
      ),
      "",
    );
    for (const v of r.violations) lines.push(`${v.severity === "error" ? "✗" : "!"} ${v.message}`);
    lines.push("");
  }
  for (const note of r.leakage?.notes ?? []) lines.push(`note: ${note}`);
  const errors = r.violations.filter((v) => v.severity === "error").length;
  const warnings = r.violations.length - errors;
  lines.push(
    r.ok
      ? `OK: ${r.rows} rows pass${warnings ? ` (${warnings} warning${warnings > 1 ? "s" : ""})` : ""}`
      : `FAILED: ${errors} failing check${errors > 1 ? "s" : ""}${warnings ? `, ${warnings} warning${warnings > 1 ? "s" : ""}` : ""} on ${r.rows} rows`,
  );
  return lines.join("\n");
}
