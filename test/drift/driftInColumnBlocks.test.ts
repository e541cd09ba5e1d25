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

type Kind = "numeric" | "integer" | "category" | "text" | "empty" | "id" | "mixed";
const KINDS: Kind[] = ["numeric", "integer", "category", "text", "empty", "id", "mixed"];

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

test("drift in blocks of 1 to 9 columns gives one pass's report or error, on random pairs of files", async () => {
  let blocked = 0;
  let errors = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const rows = seed % 3 === 0 ? 120 : 4 + (seed % 7);
    const sides = writePair(seed, rows);
    const random = rng(seed * 31);
    const pick = () => sides.names.filter(() => random() < 0.4);
    const some = pick();
    const critical = some.filter(() => random() < 0.3);
    const inputs: [string, DriftFilesInput, DriftPolicy][] = [
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
    for (const [label, input, policy] of inputs) {
      if (label.startsWith("columns") && some.length === 0) continue;
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
