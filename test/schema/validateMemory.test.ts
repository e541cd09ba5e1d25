import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadTable } from "../../src/data/loadTable.js";
import { inferSchemaText } from "../../src/schema/inferSchema.js";
import { parseSchemaFile } from "../../src/schema/parseSchemaFile.js";
import { schemaColumnTypes } from "../../src/schema/schemaColumnTypes.js";
import { validateTable } from "../../src/schema/validateTable.js";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-validate-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

/**
 * Runs `validate` (validateFiles, as the CLI does, the heap sized for the command) in a child, killed once its resident
 * memory passes `limitMb`. Returns the JSON report and the child's peak resident memory.
 */
async function validateInChild(
  data: string,
  schema: string,
  limitMb: number,
  heapMb: number | null = 256,
): Promise<{
  code: number | null;
  report: { ok: boolean; rows: number; violations: unknown[] };
  peakMb: number;
  err: string;
}> {
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { sizeHeapForCommand } from ${JSON.stringify(srcUrl("cli/heapForCommand.ts"))};
// The heap sized as the CLI's (bin/modelguard.js) before the modules load.
sizeHeapForCommand(["validate"]);
const { validateFiles } = await import(${JSON.stringify(srcUrl("cli/commands/validate.ts"))});
const report = await validateFiles({ data: process.argv[2], schema: process.argv[3] });
console.log(JSON.stringify({ report, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
  );
  const { code, out, err, peakMb } = await runRssBounded(script, [data, schema], limitMb, { heapMb });
  if (code !== 0) return { code, report: { ok: false, rows: 0, violations: [] }, peakMb, err };
  const parsed = JSON.parse(out) as { report: { ok: boolean; rows: number; violations: unknown[] }; maxRssMb: number };
  return { code, report: parsed.report, peakMb: Math.max(peakMb, parsed.maxRssMb), err };
}

test("validate of 20,000 columns x 6 rows against a 20,000-column schema stays within a few hundred MB", async () => {
  const cols = 20_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number) =>
    Array.from({ length: cols }, (_, i) => (i % 3 === 0 ? String(i + r) : i % 3 === 1 ? `${r}.5` : "ab")).join(",");
  const data = join(dir, "wide.csv");
  writeFileSync(data, [header, ...[0, 1, 2, 3, 4, 5].map(row)].join("\n") + "\n");
  const schema = join(dir, "wide.yaml");
  const lines = Array.from({ length: cols }, (_, i) =>
    i % 3 === 0
      ? `  c${i}: {type: integer, max: ${i + 4}}`
      : i % 3 === 1
        ? `  c${i}: {type: number}`
        : `  c${i}: {type: string}`,
  );
  writeFileSync(schema, `version: 1\ncolumns:\n${lines.join("\n")}\n`);
  const r = await validateInChild(data, schema, 450);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.report.rows, 6);
  // Rows 5 of every integer column (i + 5 > i + 4) break its max.
  assert.equal(r.report.violations.length, Math.ceil(cols / 3));
  assert.ok(r.peakMb < 450, `peak ${r.peakMb} MB`);
});

test("validate of 100,000 columns x 6 rows reads them in blocks of columns, collected after each: 165 MB of RSS, V8's own heap limit", async () => {
  // Measured in this child (tsx, its heap sized as the CLI's): 141-145 MB in blocks of 20,000 columns; over 185 MB
  // with no collection after each block, which this limit fails. Before the collections, in blocks of 5,000: 169-173
  // MB; the one pass before blocks of columns 204-208. The built CLI: 103-113 MB (134-163 before the collections).
  const cols = 100_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number) => Array.from({ length: cols }, (_, i) => `${(i * 7 + r) % 10}.${r}5`).join(",");
  const data = join(dir, "blocks.csv");
  writeFileSync(data, [header, ...[0, 1, 2, 3, 4, 5].map(row)].join("\n") + "\n");
  const schema = join(dir, "blocks.yaml");
  const lines = Array.from({ length: cols }, (_, i) => `  c${i}: { type: number, max: ${i % 10 === 2 ? 9 : 15} }`);
  writeFileSync(schema, `version: 1\ncolumns:\n${lines.join("\n")}\n`);
  const r = await validateInChild(data, schema, 165, null);
  assert.equal(r.code, 0, `peak ${Math.round(r.peakMb)} MB${r.err ? `: ${r.err}` : ""}`);
  // Every tenth column (i % 10 = 2) holds 9.55 in row 5, above its max of 9: 10,000 max violations.
  assert.equal(r.report.rows, 6);
  assert.equal(r.report.violations.length, cols / 10);
  assert.ok(r.peakMb < 165, `peak ${r.peakMb} MB`);
});

test("validate of one JSON Lines record of 100,000 keys reads it in blocks of columns: a 50 MB heap, 185 MB of RSS", async () => {
  // Measured in this child (tsx): one pass (blockColumns Infinity, as the default was before JSON Lines were read in
  // blocks) ran out of a 56 and a 60 MB heap (3 runs of 3 each) and of a 64 MB one in 1 of 3; the blocks (6a4c8b7)
  // ran in 40 (3 of 3), not in 36, at 154-161 MB of RSS. With V8's own heap limit one pass peaked at 185-193 MB. The
  // built CLI, V8's own limit: 165 MB in one pass, 139-144 in blocks; 100-101 with each block collected after it.
  const cols = 100_000;
  const data = join(dir, "blocks.jsonl");
  writeFileSync(data, `{${Array.from({ length: cols }, (_, i) => `"c${i}":${(i * 7) % 10}.${i % 3}5`).join(",")}}\n`);
  // The schema `schema infer` writes for the file (every column a number).
  const schema = join(dir, "blocks-jsonl.yaml");
  writeFileSync(schema, [...inferSchemaText(await loadTable(data))].join(""));
  const r = await validateInChild(data, schema, 185, 50);
  assert.equal(r.code, 0, `peak ${Math.round(r.peakMb)} MB${r.err ? `: ${r.err}` : ""}`);
  assert.deepEqual({ ok: r.report.ok, rows: r.report.rows }, { ok: true, rows: 1 });
  assert.ok(r.peakMb < 185, `peak ${r.peakMb} MB`);
});

/**
 * Runs validateFiles in a child whose V8 heap may not pass `heapMb` (an out-of-memory abort fails the test): what
 * is live at the peak, not resident memory, which garbage not yet collected and the machine's load blur.
 */
async function validateInHeap(
  data: string,
  schema: string,
  heapMb: number,
): Promise<{ code: number | null; out: string }> {
  const script = join(dir, "heap-child.mts");
  writeFileSync(
    script,
    `import { sizeHeapForCommand } from ${JSON.stringify(srcUrl("cli/heapForCommand.ts"))};
// The heap sized as the CLI's (bin/modelguard.js) before the modules load.
sizeHeapForCommand(["validate"]);
const { validateFiles } = await import(${JSON.stringify(srcUrl("cli/commands/validate.ts"))});
const report = await validateFiles({ data: process.argv[2], schema: process.argv[3] });
console.log(JSON.stringify({ rows: report.rows, violations: report.violations.length }));
`,
  );
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", "tsx", script, data, schema], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  return { code, out };
}

test("validate of 120,000 columns x 6 rows runs in a 125 MB heap: one map per schema column, no builders kept past a chunk", async () => {
  // Wide enough that the saving (the code before needs 145-160 MB, this 95-100) stands clear of what the heap of tsx
  // and the modules varies by from one checkout to another (some 5-10 MB: at 40,000 columns the margin was 5 MB).
  const cols = 120_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number) => Array.from({ length: cols }, (_, i) => `${(i * 7 + r) % 10}.${r}5`).join(",");
  const data = join(dir, "wide.csv");
  writeFileSync(data, [header, ...[0, 1, 2, 3, 4, 5].map(row)].join("\n") + "\n");
  const schema = join(dir, "wide.yaml");
  const lines = Array.from({ length: cols }, (_, i) => `  c${i}: { type: number, max: ${i % 10 === 2 ? 9 : 15} }`);
  writeFileSync(schema, `version: 1\ncolumns:\n${lines.join("\n")}\n`);
  const limit = Number(process.env.MG_VALIDATE_HEAP_MB ?? 125);
  const r = await validateInHeap(data, schema, limit);
  assert.equal(r.code, 0, `validate ran out of its ${limit} MB heap`);
  // Every tenth column (i % 10 = 2) holds 9.55 in row 5, above its max of 9: 12,000 max violations.
  assert.deepEqual(JSON.parse(r.out), { rows: 6, violations: cols / 10 });
});

/** A CSV of `rows` rows: an id (unique but for two repeats), a bounded number, a category, a day. */
async function writeLong(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("id,x,k,note\n");
  for (let start = 0; start < rows; start += 10_000) {
    let text = "";
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      const id = i === rows - 1 ? 7 : i === rows - 2 ? 123_456 : i;
      text += `${id},${(i * 7919) % 1000},${"abcd"[i % 4]},${i % 1000 === 999 ? "" : "n" + (i % 50)}\n`;
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

test("validate streams a long file chunk by chunk: the same report as the whole table, in memory that does not hold it", async () => {
  const rows = 400_000;
  const data = join(dir, "long.csv");
  await writeLong(data, rows);
  const schema = join(dir, "long.yaml");
  writeFileSync(
    schema,
    `version: 1
columns:
  id: {type: integer, unique: true}
  x: {type: integer, max: 990, mostly: 0.99, median: {min: 600, max: 700}}
  k: {type: category, allowed: [a, b, c]}
  note: {type: string, nullable: false, pattern: "^n[0-3]"}
unique: [k, x]
checks:
  - name: small
    expr: x < 995
`,
  );
  const streamed = await validateInChild(data, schema, 450);
  assert.equal(streamed.code, 0, streamed.err);
  const parsed = parseSchemaFile(schema);
  const whole = validateTable(await loadTable(data, { types: schemaColumnTypes(parsed) }), parsed);
  assert.ok(whole.violations.length >= 7, JSON.stringify(whole.violations.map((v) => v.kind)));
  assert.deepEqual(streamed.report.violations, JSON.parse(JSON.stringify(whole.violations)));
  assert.equal(streamed.report.rows, rows);
  assert.ok(streamed.peakMb < 450, `peak ${streamed.peakMb} MB`);
});
