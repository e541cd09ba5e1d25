import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { driftFiles, type DriftFilesInput } from "../../src/drift/driftFiles.js";
import { driftInColumnBlocks } from "../../src/drift/driftInColumnBlocks.js";
import { resolvePolicy, type DriftPolicy } from "../../src/drift/driftPolicy.js";
import { wholeDriftReport, type DriftReport } from "../../src/drift/driftReport.js";
import { ModelguardError } from "../../src/errors.js";
import { resolveQualityThresholds } from "../../src/quality/qualityThresholds.js";
import { rng } from "../helpers/random.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-drift-blocks-"));
after(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = { report: DriftReport } | { error: { code: string; message: string; hint?: string } };

async function outcome(input: DriftFilesInput, policy: DriftPolicy, blockColumns: number): Promise<Outcome> {
  try {
    return { report: wholeDriftReport(await driftFiles(input, policy, blockColumns)) };
  } catch (e) {
    if (!(e instanceof ModelguardError)) throw e;
    return { error: { code: e.code, message: e.message, ...(e.hint !== undefined && { hint: e.hint }) } };
  }
}

type Kind = "numeric" | "integer" | "category" | "text" | "empty" | "id" | "mixed" | "boolean";
const KINDS: Kind[] = ["numeric", "integer", "category", "text", "empty", "id", "mixed"];
const JSONL_KINDS: Kind[] = [...KINDS, "boolean"];

/** A cell of a column of this kind; `shift` moves the current side. */
function cell(kind: Kind, row: number, shift: number, random: () => number): string {
  switch (kind) {
    case "numeric":
      return random() < 0.1 ? "" : (random() * 10 + shift).toFixed(2);
    case "integer":
      return String(Math.floor(random() * 5 + shift));
    case "category":
      return random() < 0.1 ? "NA" : "abcd"[Math.floor(random() * (shift > 0 ? 4 : 3))]!;
    case "text":
      return `t${Math.floor(random() * 1000)}`;
    case "empty":
      return "";
    case "id":
      return String(1000 + row);
    case "mixed":
      // numeric on the reference side, text in the current: a type mismatch between the sides
      return shift > 0 && row === 1 ? "oops" : String(row % 4);
    case "boolean":
      return random() < 0.5 + shift / 4 ? "true" : "false";
  }
}

interface Sides {
  reference: string;
  current: string;
  /** The reference's column names, in file order. */
  names: string[];
}

/** A random pair of CSV files; some columns in one side only, the current's column order shuffled. */
function writePair(seed: number, rows: number): Sides {
  const random = rng(seed);
  const count = 8 + Math.floor(random() * 30);
  const columns = Array.from({ length: count }, (_, i) => ({
    name: random() < 0.1 ? `id_${i}` : `c${i}`,
    kind: KINDS[Math.floor(random() * KINDS.length)]!,
    inReference: random() > 0.08,
    inCurrent: random() > 0.08,
  }));
  const write = (file: string, side: "reference" | "current", shift: number) => {
    const cols = columns.filter((c) => (side === "reference" ? c.inReference : c.inCurrent));
    if (side === "current") cols.sort(() => random() - 0.5);
    const lines = [cols.map((c) => c.name).join(",")];
    for (let r = 0; r < rows; r++) lines.push(cols.map((c) => cell(c.kind, r, shift, random)).join(","));
    writeFileSync(file, lines.join("\n") + "\n");
    return cols.map((c) => c.name);
  };
  const reference = join(dir, `ref-${seed}.csv`);
  const current = join(dir, `cur-${seed}.csv`);
  const names = write(reference, "reference", 0);
  write(current, "current", 1);
  return { reference, current, names };
}

type JsonValue = string | number | boolean | null;

/**
 * A cell of a column of this kind as JSON Lines holds it: numbers mostly as JSON numbers and now and then as strings,
 * booleans mostly as true/false, missing cells as null (which the record writes as null or leaves out).
 */
function jsonCell(kind: Kind, row: number, shift: number, random: () => number): JsonValue {
  const text = cell(kind, row, shift, random);
  if (text === "") return null;
  if (kind === "boolean") return random() < 0.9 ? text === "true" : text;
  const numeric = kind === "numeric" || kind === "integer" || kind === "id" || kind === "mixed";
  return numeric && text !== "oops" && random() < 0.85 ? Number(text) : text;
}

/** A key as a record writes it: now and then with its first character escaped (`"\u0063..."` is `"c..."`). */
function jsonKey(name: string, random: () => number): string {
  if (random() >= 0.2) return JSON.stringify(name);
  return `"\\u${name.charCodeAt(0).toString(16).padStart(4, "0")}${JSON.stringify(name).slice(2)}`;
}

/** A nested value, or now and then a number: what a column `--columns` leaves out may hold. */
function nestedValue(row: number, random: () => number): string {
  const r = random();
  return r < 0.4 ? `{"x": ${row}, "y": [1, {"z": "}"}]}` : r < 0.8 ? `[${row}, "a]", null]` : String(row);
}

/**
 * A random pair of JSON Lines files from writePair's kinds (and true/false): keys shuffled in each record, some
 * columns in one side only, some first seen in a late record of a side, missing cells null or absent, and keys
 * written escaped now and then; a byte order mark, CRLF line ends and blank lines on some seeds. `nested`: a column
 * "deep" of that side (only: were both files bad, one pass would report whichever load failed first) holds nested
 * values, so every run that loads it is an error, and `names` leaves it out (`--columns` never asks for it).
 * `gzip`: the files are .jsonl.gz.
 */
function writeJsonlPair(
  seed: number,
  rows: number,
  { nested = null, gzip = false }: { nested?: 0 | 1 | null; gzip?: boolean } = {},
): Sides {
  const random = rng(seed * 7 + 3);
  const count = 8 + Math.floor(random() * 30);
  const columns = Array.from({ length: count }, (_, i) => ({
    name: random() < 0.1 ? `id_${i}` : `c${i}`,
    kind: JSONL_KINDS[Math.floor(random() * JSONL_KINDS.length)]!,
    inReference: random() > 0.08,
    inCurrent: random() > 0.08,
    // the first record of each side that holds the key (past the first rows now and then)
    from: [random() < 0.15 ? Math.floor(rows * 0.7) : 0, random() < 0.15 ? Math.floor(rows * 0.7) : 0],
  }));
  const newline = seed % 3 === 1 ? "\r\n" : "\n";
  const write = (file: string, side: 0 | 1) => {
    const cols = columns.filter((c) => (side === 0 ? c.inReference : c.inCurrent));
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const fields: string[] = [];
      for (const c of [...cols].sort(() => random() - 0.5)) {
        if (r < c.from[side]!) continue;
        const value = jsonCell(c.kind, r, side, random);
        if (value === null && random() < 0.5) continue;
        fields.push(`${jsonKey(c.name, random)}:${random() < 0.5 ? " " : ""}${JSON.stringify(value)}`);
      }
      if (nested === side)
        fields.splice(Math.floor(random() * (fields.length + 1)), 0, `"deep": ${nestedValue(r, random)}`);
      lines.push(random() < 0.5 ? `{${fields.join(",")}}` : `{ ${fields.join(", ")} }`);
      if (random() < 0.05) lines.push(random() < 0.5 ? "" : "  ");
    }
    const text = (seed % 4 === 0 ? "\uFEFF" : "") + lines.join(newline) + newline;
    writeFileSync(file, gzip ? gzipSync(text) : text);
  };
  const ext = gzip ? "jsonl.gz" : "jsonl";
  const reference = join(dir, `ref-${seed}${nested !== null ? "-deep" : ""}.${ext}`);
  const current = join(dir, `cur-${seed}${nested !== null ? "-deep" : ""}.${ext}`);
  write(reference, 0);
  write(current, 1);
  return { reference, current, names: columns.filter((c) => c.inReference).map((c) => c.name) };
}

/** Runs with blocks of 1 to 9 columns and in one pass: the same report, or the same error. */
async function assertSameInBlocks(input: DriftFilesInput, policy: DriftPolicy, label: string): Promise<number> {
  const whole = await outcome(input, policy, Infinity);
  let blocked = 0;
  for (let k = 1; k <= 9; k++) {
    assert.deepEqual(await outcome(input, policy, k), whole, `${label}, blocks of ${k}`);
    // The blocks really ran (a fallback to one pass would pass the line above whatever they do).
    if (k % 4 === 1 && "report" in whole && (await driftInColumnBlocks(input, policy, k)) !== null) blocked++;
  }
  return blocked;
}

/**
 * The runs of a random pair: every column, quality with a target, and `--columns` (out of file order, one repeated,
 * now and then a name neither file has) with critical columns and a config; `names` are the columns to pick from.
 */
function randomRuns(sides: Sides, seed: number): [string, DriftFilesInput, DriftPolicy][] {
  const random = rng(seed * 31);
  const pick = () => sides.names.filter(() => random() < 0.4);
  const some = pick();
  const critical = some.filter(() => random() < 0.3);
  const runs: [string, DriftFilesInput, DriftPolicy][] = [
    ["plain", { reference: sides.reference, current: sides.current }, resolvePolicy()],
    [
      "quality, target",
      {
        reference: sides.reference,
        current: sides.current,
        quality: resolveQualityThresholds(),
        target: { name: sides.names[seed % sides.names.length]!, from: "--target" },
      },
      resolvePolicy({ correction: seed % 2 === 0 ? "bh" : "bonferroni" }),
    ],
    [
      "columns, critical, config",
      {
        reference: sides.reference,
        current: sides.current,
        // out of file order, one repeated, and now and then a name neither file has
        columns: [...some.reverse(), ...some.slice(0, 1), ...(seed % 5 === 0 ? ["nope"] : [])],
        critical,
        config: { file: "modelguard.yml", names: some.slice(0, 2), critical: [] },
        quality: resolveQualityThresholds(),
      },
      resolvePolicy({
        method: seed % 2 === 0 ? "auto" : "psi",
        columns: Object.assign(Object.create(null) as Record<string, object>, {
          ...(some[0] !== undefined && { [some[0]]: { skip: true } }),
          ...(some[1] !== undefined && { [some[1]]: { method: "wasserstein", threshold: 0.5 } }),
          ...Object.fromEntries(critical.map((name) => [name, { critical: true }])),
        }),
      }),
    ],
  ];
  return runs.filter(([label]) => !(label.startsWith("columns") && some.length === 0));
}

test("drift in blocks of 1 to 9 columns gives one pass's report or error, on random pairs of files", async () => {
  let blocked = 0;
  let errors = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const rows = seed % 3 === 0 ? 120 : 4 + (seed % 7);
    const sides = writePair(seed, rows);
    for (const [label, input, policy] of randomRuns(sides, seed)) {
      blocked += await assertSameInBlocks(input, policy, `seed ${seed}: ${label}`);
      if ("error" in (await outcome(input, policy, Infinity))) errors++;
    }
  }
  assert.ok(blocked > 20, `blocks ran ${blocked} times`);
  assert.ok(errors > 0, "some runs are errors");
});

test("drift in blocks: a header that repeats a name, and a file that tests nothing, are one pass's errors", async () => {
  const reference = join(dir, "repeat-ref.csv");
  const current = join(dir, "repeat-cur.csv");
  const rows = ["1,2,3,4,5,6,7,8,9,10", "2,3,4,5,6,7,8,9,10,11", "3,4,5,6,7,8,9,10,11,12"];
  writeFileSync(reference, ["a,b,c,d,e,f,g,h,i,j", ...rows].join("\n") + "\n");
  writeFileSync(current, ["a,b,c,d,e,f,c,h,i,j", ...rows].join("\n") + "\n");
  await assertSameInBlocks({ reference, current }, resolvePolicy(), "repeated name");
  const repeated = await outcome({ reference, current }, resolvePolicy(), 3);
  assert.match("error" in repeated ? repeated.error.message : "", /appears twice/);
  // Text on both sides: nothing can be tested, and the error lists why.
  const text = rows.map((r) => r.replace(/\d+/g, (d) => `w${d}`));
  writeFileSync(current, ["a,b,c,d,e,f,g,h,i,j", ...text].join("\n") + "\n");
  writeFileSync(reference, ["a,b,c,d,e,f,g,h,i,j", ...text].join("\n") + "\n");
  await assertSameInBlocks({ reference, current }, resolvePolicy(), "nothing tested");
  const none = await outcome({ reference, current }, resolvePolicy(), 3);
  assert.match("error" in none ? none.error.message : "", /no column could be tested/);
  // A block of no columns (or NaN) would loop for ever.
  for (const bad of [0, -1, Number.NaN])
    await assert.rejects(driftInColumnBlocks({ reference, current }, resolvePolicy(), bad), /blockColumns must be/);
});

test("drift in blocks of gzip files, and of files where a cell past the type sample turns a column to text", async () => {
  const sides = writePair(11, 30);
  const reference = `${sides.reference}.gz`;
  const current = `${sides.current}.gz`;
  writeFileSync(reference, gzipSync(readFileSync(sides.reference)));
  writeFileSync(current, gzipSync(readFileSync(sides.current)));
  assert.ok((await assertSameInBlocks({ reference, current }, resolvePolicy(), "gzip")) > 0, "blocks ran on gzip");
  // Past INFERENCE_ROWS rows: "b" reads as integers in the sample of both sides, then as text in the current only.
  const late = (file: string, word: string) => {
    const lines = ["a,b,c,d"];
    for (let i = 0; i < 10_030; i++) lines.push(`${i % 7},${i === 10_010 ? word : i % 5},x${i % 3},${(i % 11) / 4}`);
    writeFileSync(file, lines.join("\n") + "\n");
  };
  late(join(dir, "late-ref.csv"), "3");
  late(join(dir, "late-cur.csv"), "oops");
  const input = { reference: join(dir, "late-ref.csv"), current: join(dir, "late-cur.csv") };
  assert.ok((await assertSameInBlocks(input, resolvePolicy(), "late text")) > 0, "blocks ran past the sample");
  const report = await outcome(input, resolvePolicy(), 2);
  assert.ok("report" in report && report.report.features.some((f) => f.name === "b"), "b tested, read as numbers");
});

// JSON Lines. The assertions that count the runs where driftInColumnBlocks gave a report ("blocks ran") fail until
// it reads JSON Lines (it gives null for them, and driftFiles reads them in one pass).

test("drift of JSON Lines in blocks of 1 to 9 columns gives one pass's report or error, on random pairs of files", async () => {
  let blocked = 0;
  let blockedPastNested = 0;
  let errors = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const rows = seed % 3 === 0 ? 60 : 4 + (seed % 7);
    // a nested column in the reference (seed 2) or in the current only (seed 6)
    const nested = seed === 2 ? 0 : seed === 6 ? 1 : null;
    const sides = writeJsonlPair(seed, rows, { nested });
    for (const [label, input, policy] of randomRuns(sides, seed)) {
      const ran = await assertSameInBlocks(input, policy, `JSON Lines, seed ${seed}: ${label}`);
      blocked += ran;
      if (nested !== null && input.columns) blockedPastNested += ran;
      if ("error" in (await outcome(input, policy, Infinity))) errors++;
    }
  }
  assert.ok(blocked > 15, `blocks ran ${blocked} times`);
  assert.ok(blockedPastNested > 0, `blocks ran ${blockedPastNested} times past a nested column left out`);
  assert.ok(errors > 0, "some runs are errors");
});

/** JSON Lines of `rows` records of keys k0..k11 (numbers, the current's moved by 5), `edit` changing record i's text. */
function writeJsonl(file: string, rows: number, shift: number, edit = (line: string, _i: number) => line): void {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const fields = Array.from({ length: 12 }, (_, k) => `"k${k}": ${((i * 7 + k * 3) % 10) + shift}`);
    lines.push(edit(`{${fields.join(", ")}}`, i));
  }
  writeFileSync(file, lines.join("\n") + "\n");
}

test("drift of JSON Lines in blocks: a nested value the run loads, a syntax error and an empty key are one pass's errors", async () => {
  const reference = join(dir, "errors-ref.jsonl");
  const current = join(dir, "errors-cur.jsonl");
  const same = async (input: DriftFilesInput, label: string, error: RegExp | null) => {
    const ran = await assertSameInBlocks(input, resolvePolicy(), label);
    const whole = await outcome(input, resolvePolicy(), Infinity);
    if (error === null) {
      assert.ok("report" in whole, `${label}: ${JSON.stringify(whole)}`);
      assert.ok(ran > 0, `${label}: blocks ran`);
    } else assert.match("error" in whole ? whole.error.message : "no error", error, label);
  };
  const all = { reference, current };
  const columns = ["k5", "k1", "k2"];

  // A nested value in a reference column: an error whenever the column is loaded.
  writeJsonl(reference, 6, 0, (line, i) => (i === 4 ? line.replace(/"k3": \d+/, '"k3": {"a": [1, 2]}') : line));
  writeJsonl(current, 6, 5);
  await same(all, "nested in the reference", /line 5.*'k3' holds a nested object/);
  await same({ ...all, columns: ["k3", "k1"] }, "nested in a reference column asked for", /'k3' holds a nested/);
  await same({ ...all, columns }, "nested in a reference column left out", null);

  // A nested value in a column only the current has: one pass loads it too (and tests it not), unless --columns.
  writeJsonl(reference, 6, 0);
  writeJsonl(current, 6, 5, (line, i) => (i === 2 ? line.replace("{", '{"extra": [1, 2], ') : line));
  await same(all, "nested in a current-only column", /line 3.*'extra' holds a nested array/);
  await same({ ...all, columns }, "nested in a current-only column left out", null);

  // A syntax error on line 3 of the current, in a column either side has or in the middle of the record.
  writeJsonl(current, 6, 5, (line, i) => (i === 2 ? line.replace(/"k4": \d+/, '"k4": ') : line));
  await same(all, "syntax error", /line 3.*'k4'/);
  await same({ ...all, columns }, "syntax error outside --columns", /line 3/);
  writeJsonl(current, 6, 5, (line, i) => (i === 2 ? line.replace("}", "} x") : line));
  await same(all, "text after the record", /line 3.*text after the closing/);

  // An empty key, on either side.
  writeJsonl(current, 6, 5);
  writeJsonl(reference, 6, 0, (line, i) => (i === 1 ? line.replace("{", '{"": 1, ') : line));
  await same(all, "empty key in the reference", /line 2.*empty string/);
  writeJsonl(reference, 6, 0);
  writeJsonl(current, 6, 5, (line, i) => (i === 5 ? line.replace("{", '{"k0": 3, "": "x", ') : line));
  await same({ ...all, columns }, "empty key in the current", /line 6.*empty string/);
});

test("drift of JSON Lines in blocks: gzip files, and a key first seen past the type sample", async () => {
  const sides = writeJsonlPair(11, 30, { gzip: true });
  const gz = { reference: sides.reference, current: sides.current };
  assert.ok((await assertSameInBlocks(gz, resolvePolicy(), "JSON Lines gzip")) > 0, "blocks ran on gzip");
  // Short records past INFERENCE_ROWS: "late" first appears in the reference's record 10,010 (numbers, typed from
  // all its values by loadTable), from the first record in the current; "text" and "num", numbers in every record of
  // the reference, first appear in the current's record 10,020: "text" with words (read again with the reference's
  // type), "num" with numbers written as strings.
  const write = (file: string, side: 0 | 1) => {
    const lines: string[] = [];
    for (let i = 0; i < 10_030; i++) {
      let line = `{"a":${i % 7},"b":"x${i % 3}","c":${((i % 11) / 4 + side).toFixed(2)}`;
      if (side === 1 || i >= 10_010) line += `,"late":${(i % 13) + side * 4}`;
      if (side === 0) line += `,"text":${i % 4},"num":${i % 9}`;
      else if (i >= 10_020) line += `,"text":"w${i % 5}","num":"${i % 9}.5"`;
      lines.push(`${line}}`);
    }
    writeFileSync(file, lines.join("\n") + "\n");
  };
  const input = { reference: join(dir, "late-ref.jsonl"), current: join(dir, "late-cur.jsonl") };
  write(input.reference, 0);
  write(input.current, 1);
  assert.ok((await assertSameInBlocks(input, resolvePolicy(), "late key")) > 0, "blocks ran past the sample");
  const report = await outcome(input, resolvePolicy(), 2);
  assert.ok("report" in report, JSON.stringify(report));
  for (const name of ["late", "num"])
    assert.ok(
      report.report.features.some((f) => f.name === name && f.kind === "numeric"),
      `${name} tested as numbers`,
    );
});

test("drift in blocks falls back to one pass on bad input only: another error is a bug and is thrown, not hidden", async () => {
  const sides = writePair(12, 5);
  // A policy that fails as a bug would: the block path must not swallow it and run one pass instead.
  const broken = new Proxy(resolvePolicy(), {
    get() {
      throw new TypeError("a bug in the block path");
    },
  });
  await assert.rejects(
    driftInColumnBlocks({ reference: sides.reference, current: sides.current }, broken, 3),
    /a bug in the block path/,
  );
});
