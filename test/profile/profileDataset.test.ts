import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { csvRangeBoundaries } from "../../src/data/csvRangeBoundaries.js";
import { openDataSource } from "../../src/data/openDataSource.js";
import { DEFAULT_DECOMPRESSION_LIMITS } from "../../src/data/loadOptions.js";
import { isModelguardError } from "../../src/errors.js";
import { profileCsvInParallel, profileDataset } from "../../src/profile/profileDataset.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { runCli } from "../helpers/cli.js";

const T0 = "2026-01-01T00:00:00.000Z";
const dir = mkdtempSync(join(tmpdir(), "modelguard-profile-dataset-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Small ranges and chunks, so that a test file of a few MB has several of each. */
const SERIAL = { threads: 1, chunkRows: 3000, createdAt: T0 };
const PARALLEL = { threads: 2, chunkRows: 3000, createdAt: T0, minBytesPerThread: 1, minRowsPerThread: 1 };

const python = "/usr/bin/python3";
const compressScript = fileURLToPath(new URL("../../scripts/compress_block.py", import.meta.url));
const hasZstd = spawnSync(python, ["-c", "import zstandard"], { encoding: "utf8" }).status === 0;

/**
 * 24,000 rows with everything a cut between ranges could get wrong: a BOM, CRLF line ends, quoted fields holding
 * line breaks (CRLF and LF), delimiters and "" escapes in every row, blank lines, missing cells, an integer column
 * that meets a decimal and a number column that meets text after the 10,000-row sample (both `invalid` from then on,
 * as the serial scan makes them), categories, free text, booleans and datetimes.
 */
function csvText(opts: { quotesFrom?: number } = {}): string {
  const quotesFrom = opts.quotesFrom ?? 0;
  let s = 1;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ["\uFEFFid,x,k,color,flag,when,note"];
  for (let i = 0; i < 24_000; i++) {
    const x = i % 19 === 0 ? "" : i === 15_000 ? "oops" : (Math.round((rnd() * 200 - 50) * 1e4) / 1e4).toString();
    const k = i === 12_345 ? "2.5" : String(Math.floor(rnd() * 1000));
    const q = i >= quotesFrom;
    const color = i % 31 === 0 ? "NA" : ["red", "green", "blue", q ? "with,comma" : "grey"][Math.floor(rnd() * 4)]!;
    // Most of a quoted row's bytes are inside the quotes, between line breaks: a cut at the first line feed after
    // a target lands inside the field more often than not.
    const note = q
      ? `"row ${i} says ""hi""\r\nand goes on, and on,\n${"over and over\n".repeat(1 + (i % 3))}to the end"`
      : `row ${i} says hi and goes on over ${1 + (i % 3)} lines`;
    const field = color.includes(",") ? `"${color}"` : color;
    const when = `2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00:00Z`;
    lines.push(`${i},${x},${k},${field},${rnd() < 0.3 ? "true" : "false"},${when},${note}`);
    if (i % 997 === 0) lines.push("");
  }
  return lines.join("\r\n") + "\r\n";
}

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** 1 where `cut` is inside quotes (an odd number of quotes before it), else 0. */
function quoteParity(bytes: Buffer, cut: number): number {
  let n = 0;
  for (let i = bytes.indexOf(34); i >= 0 && i < cut; i = bytes.indexOf(34, i + 1)) n++;
  return n % 2;
}

/** Everything exactly, but mean, std, m2 and mean_length to floating-point rounding (1e-9 relative). */
function assertSameProfile(got: ReferenceProfile, want: ReferenceProfile): void {
  assert.deepEqual(Object.keys(got.columns), Object.keys(want.columns));
  assert.equal(got.rows, want.rows);
  for (const name of Object.keys(want.columns)) {
    const g = JSON.parse(JSON.stringify(got.columns[name])) as Record<string, unknown>;
    const w = JSON.parse(JSON.stringify(want.columns[name])) as Record<string, unknown>;
    for (const k of ["mean", "std", "m2", "mean_length"]) {
      if (typeof w[k] === "number") {
        const d = Math.abs((g[k] as number) - (w[k] as number));
        assert.ok(d <= 1e-9 * Math.max(1, Math.abs(w[k] as number)), `${name}.${k}: ${g[k]} vs ${w[k]}`);
      } else assert.equal(g[k], w[k], `${name}.${k}`);
      delete g[k];
      delete w[k];
    }
    assert.deepEqual(g, w, name);
  }
}

test("byte ranges on worker threads give the one-thread profile: BOM, CRLF, quoted line breaks, late invalid cells", async () => {
  const file = write("quoted.csv", csvText());
  const serial = await profileDataset(file, SERIAL);
  const parallel = await profileCsvInParallel(file, { ...PARALLEL, threads: 3 });
  assert.ok(parallel, "the parallel path applies to a plain CSV file");
  assertSameProfile(parallel, serial);
  assert.equal(serial.rows, 24_000);
  const x = serial.columns.x!;
  const k = serial.columns.k!;
  assert.ok(x.kind === "numeric" && x.invalid === 1 && k.kind === "numeric" && k.invalid === 1);
  assert.equal(serial.columns.note!.kind, "text");
  // profileDataset takes the same path, and names the file as the source
  const viaDataset = await profileDataset(file, PARALLEL);
  assertSameProfile(viaDataset, serial);
  assert.deepEqual(viaDataset.sources, [file]);
  // A creation time asked for survives the merges (of ranges, and of chunks on one thread).
  assert.equal(serial.created_at, T0);
  assert.equal(viaDataset.created_at, T0);
});

test("cuts between ranges fall outside quotes where the sample has quotes; a line feed alone would not", async () => {
  const file = write("cuts.csv", csvText());
  const bytes = readFileSync(file);
  const fh = await openDataSource(file, DEFAULT_DECOMPRESSION_LIMITS);
  try {
    const headerEnd = bytes.indexOf("\n") + 1;
    const aware = await csvRangeBoundaries(fh, headerEnd, bytes.length, 16, true);
    assert.equal(aware.length, 15);
    for (const cut of aware) {
      assert.equal(bytes[cut - 1], 10);
      assert.equal(quoteParity(bytes, cut), 0, `cut at ${cut} is inside quotes`);
    }
    const naive = await csvRangeBoundaries(fh, headerEnd, bytes.length, 16, false);
    assert.ok(
      naive.some((cut) => quoteParity(bytes, cut) === 1),
      "the test file has line feeds inside quotes near the targets",
    );
  } finally {
    await fh.close();
  }
});

test("quotes only after the sample: a cut inside a quoted field fails the range, and one thread gives the profile", async () => {
  const file = write("late-quotes.csv", csvText({ quotesFrom: 10_500 }));
  const bytes = readFileSync(file);
  const fh = await openDataSource(file, DEFAULT_DECOMPRESSION_LIMITS);
  const naive = await csvRangeBoundaries(fh, bytes.indexOf("\n") + 1, bytes.length, 3, false).finally(() => fh.close());
  assert.ok(
    naive.some((cut) => quoteParity(bytes, cut) === 1),
    "a cut of the parallel path falls inside quotes",
  );
  const serial = await profileDataset(file, SERIAL);
  await assert.rejects(profileCsvInParallel(file, { ...PARALLEL, threads: 3 }));
  assertSameProfile(await profileDataset(file, { ...PARALLEL, threads: 3 }), serial);
});

test("a bad record in a later range is the one-thread error, naming its line", async () => {
  const text = csvText();
  const file = write("bad.csv", text + '1,2,3,red,"never closed,true,2026-01-01\r\n');
  const serial = await profileDataset(file, SERIAL).then(
    () => assert.fail("an unterminated quote is an error"),
    (e: unknown) => e,
  );
  assert.ok(isModelguardError(serial) && serial.code === "input" && /line \d+/.test(serial.message));
  await assert.rejects(profileDataset(file, PARALLEL), (e: unknown) => {
    assert.ok(isModelguardError(e));
    assert.equal(e.message, serial.message);
    return true;
  });
  const cli = await runCli("profile", "--data", file, "--threads", "2", "-o", join(dir, "bad.json"));
  assert.equal(cli.code, 2);
});

test("gzip and zstd files are not split (no offset into them without decompressing what is before): one thread, the plain file's profile", async () => {
  const text = csvText();
  const plain = await profileDataset(write("plain.csv", text), SERIAL);
  const compressed = [write("data.csv.gz", gzipSync(text))];
  if (hasZstd)
    compressed.push(
      write("data.csv.zst", new Uint8Array(execFileSync(python, [compressScript, "zstd"], { input: text }))),
    );
  for (const file of compressed) {
    assert.equal(await profileCsvInParallel(file, PARALLEL), null, file);
    const p = await profileDataset(file, PARALLEL);
    assertSameProfile(p, plain);
    assert.deepEqual(p.columns.x, plain.columns.x, "one thread, the same chunks: exactly the same moments");
  }
});

test("modelguard profile --threads: 2 and 1 write the same profile; a small file stays on one thread", async () => {
  const file = write("cli.csv", csvText());
  const out = (t: string) => join(dir, `cli-${t}.json`);
  for (const t of ["1", "2"]) {
    const r = await runCli("profile", "--data", file, "--threads", t, "-o", out(t));
    assert.equal(r.code, 0, r.stderr);
  }
  // Under MIN_BYTES_PER_THREAD per thread this file is one range either way: the files are equal but the timestamp.
  const read = (t: string) => {
    const p = JSON.parse(readFileSync(out(t), "utf8")) as ReferenceProfile;
    return { ...p, created_at: "" };
  };
  assert.deepEqual(read("2"), read("1"));
  const bad = await runCli("profile", "--data", file, "--threads", "0", "-o", out("0"));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--threads/);
});

test("column names are data across threads: __proto__ and constructor come back as columns", async () => {
  const lines = ["__proto__,constructor,x"];
  for (let i = 0; i < 20_000; i++) lines.push(`${i % 7},${["a", "b"][i % 2]},${(i * 0.25).toFixed(2)}`);
  const file = write("names.csv", lines.join("\n") + "\n");
  const serial = await profileDataset(file, SERIAL);
  const parallel = await profileCsvInParallel(file, PARALLEL);
  assert.ok(parallel);
  assert.equal(Object.getPrototypeOf(parallel.columns), null);
  assert.deepEqual(Object.keys(parallel.columns), ["__proto__", "constructor", "x"]);
  assert.equal(parallel.columns["__proto__"]!.kind, "numeric");
  assertSameProfile(parallel, serial);
});

test("a thread gets minRowsPerThread rows at least, counted from the file's first MiB: 24,000 rows make two ranges of 12,000, not of 20,000", async () => {
  const lines = ["x,k"];
  for (let i = 0; i < 24_000; i++) lines.push(`${(i * 0.37) % 101},${["a", "b", "c"][i % 3]}`);
  const file = write("rows.csv", lines.join("\n") + "\n");
  const serial = await profileDataset(file, SERIAL);
  assert.equal(await profileCsvInParallel(file, { ...PARALLEL, threads: 8, minRowsPerThread: 20_000 }), null);
  const two = await profileCsvInParallel(file, { ...PARALLEL, threads: 8, minRowsPerThread: 12_000 });
  // not null: 2 ranges (24,001 lines / 12,000, whatever the 8 threads allowed)
  assert.ok(two, "24,000 rows are two ranges of 12,000");
  assertSameProfile(two, serial);
});
