import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import assert from "node:assert/strict";
import { isModelguardError, type ModelguardError, type SourceLocation } from "../../src/errors.js";
import { cellText, getColumn, type Column, type Table } from "../../src/data/table.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-data-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;

/** Writes `content` to a fresh file named `name` (its extension picks the format) and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** The column, or a failed assertion. */
export function column(table: Table, name: string): Column {
  const c = getColumn(table, name);
  assert.ok(c, `column '${name}' is in the table (columns: ${table.columns.map((x) => x.name).join(", ")})`);
  return c;
}

/** Every cell of a column as report text (null = missing). */
export function texts(table: Table, name: string): (string | null)[] {
  const c = column(table, name);
  return Array.from({ length: table.rowCount }, (_, i) => cellText(c, i));
}

/** Asserts that `promise` rejects with a ModelguardError of `code` whose message matches and location equals. */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  message: RegExp,
  location?: SourceLocation,
): Promise<ModelguardError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  assert.ok(isModelguardError(caught), `expected a ModelguardError, got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.match(caught.message, message);
  assert.ok(caught.hint && caught.hint.length > 10, "the error has a hint");
  if (location) assert.deepEqual(caught.location, location);
  return caught;
}
