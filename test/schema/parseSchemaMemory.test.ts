import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-parse-schema-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

/** A schema as `schema infer` writes it: a long comment line of what was observed above each column line. */
async function writeWideSchema(file: string, columns: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("# inferred\nversion: 1\ncolumns:\n");
  const note = "observed 0.0% missing, 6 rows, min 11.2165, max 47.2411, no min: positive here, ".repeat(5);
  for (let i = 0; i < columns; i++) {
    if (!out.write(`  # ${note}${i} distinct\n  c${i}: { type: number, min: 0, max: ${i} }\n`))
      await once(out, "drain");
  }
  out.end("rows: { min: 1 }\nextra_columns: error\n");
  await once(out, "finish");
}

test("parsing a 19 MB schema of 40,000 columns grows resident memory by under 25 MB: neither its text nor a value of all its columns is held", async () => {
  // 40,000 columns of about 470 bytes each. The code before held the file's text and the value of every column at
  // once: its resident memory grew by 40.5-41.3 MB here (measured twice); read a line at a time, by 12.4-12.5 (the
  // ColumnSchemas are 6 MB of it). The child's young generation is held at 1 MB so that what is measured is what the parse holds, not how
  // far V8 lets its nursery grow (16-32 MB either way, which the young garbage of any parse would fill).
  const columns = 40_000;
  const schemaFile = join(dir, "wide.yml");
  await writeWideSchema(schemaFile, columns);
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { readFileSync } from "node:fs";
import { parseSchemaFile } from ${JSON.stringify(srcUrl("schema/parseSchemaFile.ts"))};
const status = (key: string) => Number(new RegExp(key + ":\\\\s+(\\\\d+)").exec(readFileSync("/proc/self/status", "utf8"))![1]) / 1024;
const before = status("VmRSS");
const schema = parseSchemaFile(process.argv[2]!);
const peak = status("VmHWM");
console.log(JSON.stringify({ growthMb: peak - before, columns: schema.columns.length, last: schema.columns.at(-1), rows: schema.rows }));
`,
  );
  const { code, out, err } = await runRssBounded(script, [schemaFile], Infinity, {
    heapMb: null,
    nodeArgs: ["--max-semi-space-size=1"],
  });
  assert.equal(code, 0, err);
  const got = JSON.parse(out) as { growthMb: number; columns: number; last: unknown; rows: unknown };
  assert.equal(got.columns, columns);
  assert.deepEqual(got.last, {
    name: `c${columns - 1}`,
    type: "number",
    nullable: false,
    required: true,
    min: 0,
    max: columns - 1,
    unique: false,
    mostly: 1,
  });
  assert.deepEqual(got.rows, { min: 1 });
  assert.ok(got.growthMb < 25, `resident memory grew by ${got.growthMb.toFixed(1)} MB`);
});

test("a parsed schema holds under 180 bytes a column, names of 20 characters included (not a slice of each line)", async () => {
  // 60,000 columns named like feature_000123_value, live after a full GC: 165 bytes a column here (measured twice),
  // the code before 194 (names as property names, each column's keys added one by one), and some 70 more when each
  // name was a slice holding its line.
  const columns = 60_000;
  const schemaFile = join(dir, "names.yml");
  const out = createWriteStream(schemaFile);
  out.write("version: 1\ncolumns:\n");
  for (let i = 0; i < columns; i++) {
    const name = `feature_${String(i).padStart(6, "0")}_value`;
    if (!out.write(`  # observed ${i}\n  ${name}: { type: number, min: 0, max: ${i} }\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  const script = join(dir, "live-child.mts");
  writeFileSync(
    script,
    `import { parseSchemaFile } from ${JSON.stringify(srcUrl("schema/parseSchemaFile.ts"))};
const gc = (globalThis as { gc?: () => void }).gc!;
const live = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const before = live();
const schema = parseSchemaFile(process.argv[2]!);
const bytes = live() - before;
console.log(JSON.stringify({ perColumn: bytes / schema.columns.length, columns: schema.columns.length, name: schema.columns[7]!.name }));
`,
  );
  const {
    code,
    out: text,
    err,
  } = await runRssBounded(script, [schemaFile], Infinity, {
    heapMb: null,
    nodeArgs: ["--expose-gc"],
  });
  assert.equal(code, 0, err);
  const got = JSON.parse(text) as { perColumn: number; columns: number; name: string };
  assert.equal(got.columns, columns);
  assert.equal(got.name, "feature_000007_value");
  assert.ok(got.perColumn < 180, `${got.perColumn.toFixed(0)} bytes a column`);
});
