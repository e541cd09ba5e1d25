import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-infer-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

test("schema infer of 40,000 columns x 6 rows runs in an 80 MB heap: no YAML document of every column", async () => {
  // Measured: the code that built one document of every column ran out of heap at 90 and 100 MB and finished at 110;
  // in pieces of 500 columns it finishes at 50 (ran out at 45, and once at 65 on a loaded machine). Both margins stand
  // clear of what the heap of tsx and the modules varies by from one checkout to another (5-10 MB).
  const cols = 40_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number) =>
    Array.from({ length: cols }, (_, i) => `0.${String((i * 7919 + r * 104_729) % 10_000).padStart(4, "0")}`).join(",");
  const data = join(dir, "wide.csv");
  writeFileSync(data, [header, ...[0, 1, 2, 3, 4, 5].map(row)].join("\n") + "\n");
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { loadTable } from ${JSON.stringify(srcUrl("data/loadTable.ts"))};
import { inferSchema } from ${JSON.stringify(srcUrl("schema/inferSchema.ts"))};
const { schema, yaml } = inferSchema(await loadTable(process.argv[2]), { source: "wide.csv" });
const lines = yaml.split("\\n");
console.log(JSON.stringify({ columns: schema.columns.length, lines: lines.length, first: lines.slice(5, 9), last: lines.slice(-4) }));
`,
  );
  const limit = Number(process.env.MG_INFER_HEAP_MB ?? 80);
  const child = spawn(process.execPath, [`--max-old-space-size=${limit}`, "--import", "tsx", script, data], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, `schema infer ran out of its ${limit} MB heap: ${err.slice(-300)}`);
  const got = JSON.parse(out) as { columns: number; lines: number; first: string[]; last: string[] };
  assert.equal(got.columns, cols);
  // Five lines of header, version, columns, a comment and a line per column, rows, extra_columns, the final newline.
  assert.equal(got.lines, 7 + 2 * cols + 3);
  assert.deepEqual(got.first.slice(0, 2), ["version: 1", "columns:"]);
  assert.match(got.first[2]!, /^ {2}# observed 0\.0% missing, 6 rows, min 0[.\d]*, max 0\.\d+/);
  assert.match(got.first[3]!, /^ {2}c0: \{ type: number/);
  assert.match(got.last[0]!, /^ {2}c39999: \{ type: number/);
  assert.deepEqual(got.last.slice(1), ["rows: { min: 1 }", "extra_columns: error", ""]);
});

/** The first and last `bytes` of a file, as text. */
function ends(path: string, bytes: number): { head: string; tail: string; size: number } {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return { head: head.toString("utf8"), tail: tail.toString("utf8"), size };
  } finally {
    closeSync(fd);
  }
}

test("the schema infer command on 100,000 columns x 6 rows runs in a 64 MB heap, to a file and as JSON on stdout", async () => {
  // The command writes the text as it infers the columns. Measured (heap caps, tsx): it needs 40-45 MB, loading the
  // table alone 30-40. The code that kept every column's schema and text, and a yaml document of every 500 columns,
  // ran out at 80 and 90 MB and finished at 100 (its loader alone finished at 60).
  const cols = 100_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number) =>
    Array.from({ length: cols }, (_, i) => `0.${String((i * 7919 + r * 104_729) % 10_000).padStart(4, "0")}`).join(",");
  const data = join(dir, "wide100k.csv");
  writeFileSync(data, [header, ...[0, 1, 2, 3, 4, 5].map(row)].join("\n") + "\n");
  const yamlOut = join(dir, "wide100k.schema.yml");
  const jsonOut = join(dir, "wide100k.schema.json");
  const script = join(dir, "command.mts");
  writeFileSync(
    script,
    `import { closeSync, openSync, writeSync } from "node:fs";
import { main } from ${JSON.stringify(srcUrl("cli/main.ts"))};
const [data, yamlOut, jsonOut] = process.argv.slice(2);
const quiet = { out: () => {}, err: () => {} };
const yamlCode = await main(["schema", "infer", "--data", data, "-o", yamlOut], quiet);
// stdout as the CLI's is for a file or a pipe on Linux: written as it is given.
const fd = openSync(jsonOut, "w");
const jsonCode = await main(["schema", "infer", "--data", data, "--json"], { ...quiet, out: (t) => void writeSync(fd, t) });
closeSync(fd);
console.log(JSON.stringify({ yamlCode, jsonCode, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`,
  );
  const limit = Number(process.env.MG_INFER_COMMAND_HEAP_MB ?? 64);
  const run = await runRssBounded(script, [data, yamlOut, jsonOut], 1000, { heapMb: limit });
  assert.equal(run.code, 0, `schema infer ran out of its ${limit} MB heap: ${run.err.slice(-300)}`);
  assert.deepEqual(JSON.parse(run.out).yamlCode, 0);
  assert.deepEqual(JSON.parse(run.out).jsonCode, 0);
  const yaml = ends(yamlOut, 2000);
  assert.match(yaml.head, /^# modelguard schema, inferred from .*wide100k\.csv: 6 rows, 100,000 columns\.\n/);
  assert.match(
    yaml.head,
    /\ncolumns:\n {2}# observed 0\.0% missing, 6 rows, min 0[.\d]*, max 0\.\d+.*\n {2}c0: \{ type: number/,
  );
  assert.match(yaml.tail, /\n {2}c99999: \{ type: number[^\n]*\}\nrows: \{ min: 1 \}\nextra_columns: error\n$/);
  const json = ends(jsonOut, 2000);
  assert.match(
    json.head,
    /^\{\n {2}"version": 1,\n {2}"source": ".*wide100k\.csv",\n {2}"columns": \[\n {4}\{\n {6}"name": "c0",/,
  );
  assert.match(
    json.tail,
    /\n {6}"name": "c99999",[^\]]*\n {4}\}\n {2}\],\n {2}"rows": \{\n {4}"min": 1\n {2}\},\n {2}"extraColumns": "error"\n\}\n$/,
  );
});
