import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = mkdtempSync(join(tmpdir(), "modelguard-wide-chunk-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const moduleUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href;
const loadTableUrl = moduleUrl("../../src/data/loadTable.ts");
const settledMemoryUrl = moduleUrl("../helpers/settledMemory.ts");

/**
 * What a scanned chunk of a wide CSV holds a column, once the scan is over: heap and array buffers after a full GC,
 * over the same before the scan, so tsx's own heap does not count. 100,000 number columns x 6 rows, no cell missing:
 * the code before held about 370 bytes a column (a 16-row slab array and a `valid` view each), this about 180 (a
 * 6-row values array; one `valid` shared by the chunk's columns without a missing cell).
 */
const MAX_BYTES_A_COLUMN = 270;

test("a chunk of a 100,000-column x 6-row CSV holds under 270 bytes a column (the code before: 370)", async () => {
  const cols = 100_000;
  const file = join(dir, "wide.csv");
  const row = (r: number) => Array.from({ length: cols }, (_, i) => String(((i * 7 + r) % 1000) / 8)).join(",");
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  writeFileSync(file, [header, row(0), row(1), row(2), row(3), row(4), row(5)].join("\n") + "\n");
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { scanTable } from ${JSON.stringify(loadTableUrl)};
import { settledMemory } from ${JSON.stringify(settledMemoryUrl)};
const cols = ${cols};
const types = new Map(Array.from({ length: cols }, (_, i) => ["c" + i, "number" as const]));
const used = async () => {
  const m = await settledMemory();
  return m.heapUsed + m.arrayBuffers;
};
const before = await used();
const chunks = [];
for await (const c of scanTable(process.argv[2]!, { types })) chunks.push(c);
const held = (await used()) - before;
const c = chunks[0]!.columns[cols - 1]!;
console.log(JSON.stringify({ chunks: chunks.length, rows: chunks[0]!.rowCount, perColumn: held / cols, last: c.kind === "numeric" ? [...c.values] : null, valid: c.kind === "numeric" ? [...c.valid] : null }));
`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script, file], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, err);
  const r = JSON.parse(out) as { chunks: number; rows: number; perColumn: number; last: number[]; valid: number[] };
  assert.equal(r.chunks, 1);
  assert.equal(r.rows, 6);
  const i = cols - 1;
  assert.deepEqual(
    r.last,
    [0, 1, 2, 3, 4, 5].map((row) => ((i * 7 + row) % 1000) / 8),
  );
  assert.deepEqual(r.valid, [1, 1, 1, 1, 1, 1]);
  assert.ok(r.perColumn < MAX_BYTES_A_COLUMN, `${Math.round(r.perColumn)} bytes a column`);
});
