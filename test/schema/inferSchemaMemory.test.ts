import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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
