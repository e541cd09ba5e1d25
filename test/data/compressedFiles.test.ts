import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadTable, readColumnNames, scanTable } from "../../src/data/loadTable.js";
import { openDataSource } from "../../src/data/openDataSource.js";
import type { Table } from "../../src/data/table.js";
import { rejectsWith, tempFile, texts } from "./tempFiles.js";

const python = "/usr/bin/python3";
const script = fileURLToPath(new URL("../../scripts/compress_block.py", import.meta.url));
const hasZstd = spawnSync(python, ["-c", "import zstandard"], { encoding: "utf8" }).status === 0;
const skipZstd = !hasZstd && `${python} with zstandard is not installed (Debian: python3-zstandard)`;

/** zstd by the reference C library (Node 20's zlib has none). */
function zstd(data: string | Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync(python, [script, "zstd"], { input: data, maxBuffer: 1 << 28 }));
}

// 25,000 rows: past the 10,000-row sample and past the 8 MiB kept behind a read is not needed for a restart, but
// the column `late` meets text at row 20,000, so loadTable's third pass re-reads the file from the top
const rows = 25_000;
function csvText(): string {
  const lines = ["id,x,color,late"];
  for (let i = 0; i < rows; i++)
    lines.push(`${i},${(i * 0.37).toFixed(2)},${["red", "green", "blue"][i % 3]},${i === 20_000 ? "n/a-x" : i % 7}`);
  return lines.join("\n") + "\n";
}
function jsonlText(): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++)
    lines.push(
      JSON.stringify({ id: i, x: i * 0.37, color: ["red", "green", "blue"][i % 3], late: i === 20_000 ? "x" : i % 7 }),
    );
  return lines.join("\n") + "\n";
}

function sameTable(actual: Table, expected: Table, label: string): void {
  assert.equal(actual.rowCount, expected.rowCount, label);
  assert.deepEqual(
    actual.columns.map((c) => [c.name, c.type]),
    expected.columns.map((c) => [c.name, c.type]),
    label,
  );
  for (const c of expected.columns)
    assert.deepEqual(texts(actual, c.name), texts(expected, c.name), `${label} ${c.name}`);
}

async function scanned(path: string): Promise<Table[]> {
  const chunks: Table[] = [];
  for await (const chunk of scanTable(path, { chunkRows: 6000 })) chunks.push(chunk);
  return chunks;
}

test("gzip CSV and JSONL (.gz, several members) read as the plain files do, by loadTable, scanTable and readColumnNames", async () => {
  for (const [ext, text] of [
    ["csv", csvText()],
    ["jsonl", jsonlText()],
  ] as const) {
    const plain = tempFile(`plain.${ext}`, text);
    const expected = await loadTable(plain);
    // text at row 20,000: the column was read again as text, so the compressed file is read from the top again
    assert.equal(expected.columns.find((c) => c.name === "late")?.type, "category");
    // two gzip members, split mid-line: `cat a.gz b.gz` and bgzip write such files
    const cut = Math.floor(text.length / 3) + 5;
    const gz = tempFile(`data.${ext}.gz`, Buffer.concat([gzipSync(text.slice(0, cut)), gzipSync(text.slice(cut))]));
    sameTable(await loadTable(gz), expected, `${ext}.gz`);
    const chunks = await scanned(gz);
    const plainChunks = await scanned(plain);
    assert.deepEqual(
      chunks.map((c) => c.rowCount),
      plainChunks.map((c) => c.rowCount),
    );
    chunks.forEach((c, i) => sameTable(c, plainChunks[i]!, `${ext}.gz chunk ${i}`));
    assert.deepEqual(await readColumnNames(gz), await readColumnNames(plain));
  }
});

test("zstd CSV and JSONL (.zst, several frames) read as the plain files do", { skip: skipZstd }, async () => {
  for (const [ext, text] of [
    ["csv", csvText()],
    ["jsonl", jsonlText()],
  ] as const) {
    const expected = await loadTable(tempFile(`plain.${ext}`, text));
    const cut = Math.floor(text.length / 2) + 3;
    const zst = tempFile(`data.${ext}.zst`, Buffer.concat([zstd(text.slice(0, cut)), zstd(text.slice(cut))]));
    sameTable(await loadTable(zst), expected, `${ext}.zst`);
    const total = (await scanned(zst)).reduce((n, c) => n + c.rowCount, 0);
    assert.equal(total, rows);
  }
});

test("a parse error in a compressed file names the file and the line of the decompressed text", async () => {
  const text = csvText().replace("20000,", '20000,"');
  const gz = tempFile("bad.csv.gz", gzipSync(text));
  const e = await rejectsWith(loadTable(gz), "input", /bad\.csv\.gz, line 20002/);
  assert.equal(e.location?.file, gz);
});

test("a truncated or mislabelled .gz/.zst is an input error naming the file", async () => {
  const whole = gzipSync(csvText());
  const truncated = tempFile("cut.csv.gz", whole.subarray(0, whole.length >> 1));
  await rejectsWith(loadTable(truncated), "input", /cut\.csv\.gz: not valid gzip data/, { file: truncated });
  const notGzip = tempFile("plain.csv.gz", "a,b\n1,2\n");
  await rejectsWith(loadTable(notGzip), "input", /plain\.csv\.gz: not valid gzip data/, { file: notGzip });
  const notZstd = tempFile("plain.jsonl.zst", '{"a": 1}\n{"a": 2}\n');
  await rejectsWith(loadTable(notZstd), "input", /plain\.jsonl\.zst: not valid zstd data/, { file: notZstd });
});

test("decompression bombs are refused: more than maxBytes, or past ratioAfterBytes more than maxRatio times the input", async () => {
  // 4 MiB of long identical lines: gzip shrinks it about 500x
  const line = "1" + ",1".repeat(1000) + "\n";
  const header = "c0" + Array.from({ length: 1000 }, (_, i) => `,c${i + 1}`).join("") + "\n";
  const text = header + line.repeat(Math.ceil((4 << 20) / line.length));
  const gz = tempFile("bomb.csv.gz", gzipSync(text));
  await rejectsWith(
    loadTable(gz, { decompression: { maxBytes: 1 << 20 } }),
    "input",
    /bomb\.csv\.gz: decompresses to more than 1 MiB: refused as a likely decompression bomb/,
    { file: gz },
  );
  await rejectsWith(
    loadTable(gz, { decompression: { maxRatio: 100, ratioAfterBytes: 1 << 20 } }),
    "input",
    /bomb\.csv\.gz: decompresses to more than 100 times its compressed size/,
  );
  // below the ratio's threshold, or with a ratio it stays under, the same file loads
  const t = await loadTable(gz, { decompression: { maxRatio: 2000, ratioAfterBytes: 1 << 20 }, columns: ["c0"] });
  assert.equal(t.rowCount, Math.ceil((4 << 20) / line.length));
  if (hasZstd) {
    const zst = tempFile("bomb.csv.zst", zstd(text));
    await rejectsWith(
      loadTable(zst, { decompression: { maxRatio: 100, ratioAfterBytes: 1 << 20 } }),
      "input",
      /bomb\.csv\.zst: decompresses to more than 100 times its compressed size/,
    );
  }
});

test("a compressed Parquet file is a usage error; the format comes from the extension under .gz/.zst", async () => {
  await rejectsWith(loadTable("x.parquet.gz"), "usage", /a Parquet file cannot be read through gzip compression/);
  await rejectsWith(loadTable("x.gz"), "usage", /cannot tell the data format from the extension ''/);
  const tsv = tempFile("t.tsv.gz", gzipSync("a\tb\n1\t2\n"));
  assert.deepEqual(texts(await loadTable(tsv), "b"), ["2"]);
});

test(
  "a compressed source read at positions: forward, far back (a restart from the top), and closed part-way",
  { timeout: 60_000 },
  async () => {
    // 12 MiB of numbered lines: more than the 8 MiB kept behind a read, in several 1 MiB compressed reads
    const text = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => `line ${i}`).join("\n") + "\n");
    const file = tempFile("lines.csv.gz", gzipSync(text, { level: 1 }));
    const limits = { maxBytes: 1 << 30, maxRatio: 1000, ratioAfterBytes: 1 << 30 };
    const source = await openDataSource(file, limits);
    const at = async (position: number, length: number) => {
      const buf = Buffer.alloc(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await source.read(buf, got, length - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buf.subarray(0, got);
    };
    assert.deepEqual(await at(0, 100), text.subarray(0, 100));
    assert.deepEqual(await at(text.length - 50, 100), text.subarray(text.length - 50));
    assert.equal(await source.estimatedSize(), text.length);
    // far behind what is kept: decompression starts again from the top
    assert.deepEqual(await at(1000, 5000), text.subarray(1000, 6000));
    // stopped after a few bytes, with compressed input still waiting to be written: close returns
    await source.close();
    const early = await openDataSource(file, limits);
    await early.read(Buffer.alloc(10), 0, 10, 0);
    await early.close();
    assert.deepEqual(await readColumnNames(file), ["line 0"]);
  },
);
