import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { mergeProfiles } from "../../src/profile/mergeProfiles.js";
import { readProfile, writeProfile } from "../../src/profile/profileFile.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { dictionaryColumn, numericColumn, sliceTable, table } from "../helpers/tables.js";
import { ModelguardError } from "../../src/errors.js";
import { stringifyContract } from "../../src/contracts/contractJson.js";
import { runCli } from "../helpers/cli.js";

const T0 = "2026-01-01T00:00:00.000Z";

function sample(n: number, seed: number) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const nums = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : Math.round((rnd() * 100 - 20) * 1e4) / 1e4));
  const ints = Array.from({ length: n }, () => Math.floor(rnd() * 10));
  const cats = Array.from({ length: n }, (_, i) =>
    i % 23 === 0 ? null : ["a", "b", "c", "d"][Math.floor(rnd() * 4)]!,
  );
  const flags = Array.from({ length: n }, () => (rnd() < 0.3 ? 1 : 0));
  return table([
    numericColumn("x", nums, "number"),
    numericColumn("k", ints, "integer"),
    dictionaryColumn("plan", cats),
    numericColumn("flag", flags, "boolean"),
    dictionaryColumn(
      "note",
      cats.map((c, i) => (c === null ? null : `${c}-${i}`)),
      "string",
    ),
  ]);
}

/** Compares two profiles: everything exactly, except mean/std/m2 to floating-point rounding. */
function assertSameProfile(got: ReferenceProfile, want: ReferenceProfile) {
  assert.deepEqual(Object.keys(got.columns), Object.keys(want.columns));
  assert.equal(got.rows, want.rows);
  for (const name of Object.keys(want.columns)) {
    const g = { ...got.columns[name]! } as Record<string, unknown>;
    const w = { ...want.columns[name]! } as Record<string, unknown>;
    for (const k of ["mean", "std", "m2", "mean_length"]) {
      if (typeof w[k] === "number") {
        assert.ok(
          Math.abs((g[k] as number) - (w[k] as number)) <= 1e-9 * Math.max(1, Math.abs(w[k] as number)),
          `${name}.${k}`,
        );
      } else assert.equal(g[k], w[k]);
      delete g[k];
      delete w[k];
    }
    assert.deepEqual(g, w, name);
  }
}

test("profile of a table: counts, moments, quantiles, bins and frequencies", () => {
  const p = buildProfile(
    table([numericColumn("x", [1, 2, 3, 4, null], "number"), dictionaryColumn("c", ["a", "b", "a", null, "a"])]),
    { createdAt: T0 },
  );
  const x = p.columns.x!;
  assert.equal(x.kind, "numeric");
  if (x.kind !== "numeric") return;
  assert.equal(x.count, 4);
  assert.equal(x.missing, 1);
  assert.equal(x.mean, 2.5);
  assert.ok(Math.abs(x.std! - Math.sqrt(5 / 3)) < 1e-15); // pandas .std() (ddof=1) of 1..4
  assert.equal(x.min, 1);
  assert.equal(x.max, 4);
  assert.ok(Math.abs(x.quantiles.p50! - 2) <= 0.002 * 2);
  const sum = x.psi_bins.proportions.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-12);
  const c = p.columns.c!;
  assert.equal(c.kind, "categorical");
  if (c.kind !== "categorical") return;
  assert.deepEqual(c.frequencies, { values: ["a", "b"], counts: [3, 1] });
  assert.equal(c.missing, 1);
});

test("merging shard profiles gives the profile of the union (property)", () => {
  const whole = sample(3000, 7);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2999 }), (cut) => {
      const a = buildProfile(sliceTable(whole, 0, cut), { createdAt: T0 });
      const b = buildProfile(sliceTable(whole, cut, 3000), { createdAt: T0 });
      assertSameProfile(mergeProfiles(a, b), buildProfile(whole, { createdAt: T0 }));
      assertSameProfile(mergeProfiles(b, a), buildProfile(whole, { createdAt: T0 }));
    }),
    { numRuns: 25 },
  );
});

test("a column absent from one shard counts as missing there", () => {
  const a = buildProfile(table([numericColumn("x", [1, 2]), numericColumn("y", [5, 6])]), { createdAt: T0 });
  const b = buildProfile(table([numericColumn("x", [3])]), { createdAt: T0 });
  const m = mergeProfiles(a, b);
  assert.equal(m.columns.y!.missing, 1);
  assert.equal(m.columns.y!.count, 2);
  assert.equal(m.rows, 3);
});

test("a consuming merge gives the same profile and empties its inputs; a plain merge leaves them whole", () => {
  const make = () => [
    buildProfile(table([numericColumn("x", [1, 2]), dictionaryColumn("c", ["u", "v"])]), { createdAt: T0 }),
    buildProfile(table([numericColumn("x", [3]), numericColumn("y", [4])]), { createdAt: T0 }),
  ];
  const [a, b] = make();
  const plain = mergeProfiles(a!, b!);
  assert.deepEqual(Object.keys(a!.columns), ["x", "c"]);
  assert.deepEqual(Object.keys(b!.columns), ["x", "y"]);
  const [ca, cb] = make();
  const consumed = mergeProfiles(ca!, cb!, { consume: true });
  assert.deepEqual(Object.keys(ca!.columns), []);
  assert.deepEqual(Object.keys(cb!.columns), []);
  assert.deepEqual(consumed.columns, plain.columns);
  assert.equal(consumed.rows, plain.rows);
  assert.deepEqual(Object.keys(consumed.columns), ["x", "c", "y"]);
});

test("merging numeric with categorical is a clear error", () => {
  const a = buildProfile(table([numericColumn("x", [1, 2])]), { createdAt: T0 });
  const b = buildProfile(table([dictionaryColumn("x", ["u", "v"])]), { createdAt: T0 });
  assert.throws(
    () => mergeProfiles(a, b),
    (e: unknown) => e instanceof ModelguardError && /column 'x' is numeric/.test(e.message),
  );
});

test("profiles round-trip through a file and are checked on read", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "mg-profile-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const p = buildProfile(sample(500, 3), { createdAt: T0 });
  writeProfile(join(dir, "p.json"), p);
  const read = readProfile(join(dir, "p.json"));
  assert.equal(Object.getPrototypeOf(read.columns), null, "column names are data: no prototype");
  // What was read writes the same file again (its sketch stores are held sparsely, as buildProfile holds them).
  assert.equal(stringifyContract(read), stringifyContract(p));
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...p, bins: "ten" }));
  assert.throws(() => readProfile(join(dir, "bad.json")), /bins: must be integer/);
  writeFileSync(join(dir, "other.json"), JSON.stringify({ hello: 1 }));
  assert.throws(() => readProfile(join(dir, "other.json")), /not a modelguard profile/);
  assert.throws(() => readProfile(join(dir, "nope.json")), /profile not found/);
});

test("constant, empty and infinite columns profile sensibly", () => {
  const p = buildProfile(
    table([
      numericColumn("const", [5, 5, 5], "number"),
      numericColumn("empty", [null, null, null], "number"),
      numericColumn("inf", [1, Infinity, -Infinity], "number"),
    ]),
    { createdAt: T0 },
  );
  const c = p.columns.const!;
  // As the exact bins: the edge at 5 opens [5, +inf), leaving (-inf, 5) empty (np.histogram with edges [-inf, 5, inf]).
  assert.ok(c.kind === "numeric" && c.std === 0);
  assert.deepEqual(c.psi_bins.proportions, [0, 1]);
  const e = p.columns.empty!;
  assert.ok(e.kind === "numeric" && e.count === 0 && e.mean === null && e.psi_bins.proportions.length === 0);
  const i = p.columns.inf!;
  assert.ok(i.kind === "numeric" && i.infinite === 2 && i.mean === 1 && i.min === 1 && i.max === 1);
});

test("a profile that buildProfile writes always loads: NaN cells a reader let through count as missing", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-profile-nan-"));
  try {
    // numericColumn keeps NaN as a valid cell, as the Parquet reader does for a float NaN.
    const p = buildProfile(
      table([
        numericColumn("x", [1, NaN, 2, null], "number"),
        numericColumn("big", [1e308, -1e308, 1.7e308, NaN], "number"),
        numericColumn("d", [Date.UTC(2024, 0, 1), NaN, null, Date.UTC(2025, 0, 1)], "datetime"),
      ]),
      { createdAt: T0 },
    );
    const x = p.columns.x!;
    assert.ok(x.kind === "numeric" && x.count === 2 && x.missing === 2 && x.sketch.positive.counts.length > 0);
    const d = p.columns.d!;
    assert.ok(d.kind === "datetime" && d.count === 2 && d.missing === 2 && d.min === "2024-01-01T00:00:00.000Z");
    writeProfile(join(dir, "p.json"), p);
    const read = readProfile(join(dir, "p.json"));
    const big = read.columns.big!;
    assert.ok(big.kind === "numeric" && big.m2 === Infinity && big.std! > 1.4e308);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a profile whose std exceeds the largest double loads, merges and serves as a drift reference", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-profile-infstd-"));
  try {
    // The sample std of +-1.7e308 is 1.7e308 * sqrt(2): beyond the double range, so "Infinity" is the true value.
    const csv = join(dir, "mix.csv");
    writeFileSync(csv, "x\n1.7e308\n-1.7e308\n");
    const made = await runCli("profile", "--data", csv, "-o", join(dir, "mix.json"));
    assert.equal(made.code, 0, made.stderr);
    const x = readProfile(join(dir, "mix.json")).columns.x!;
    assert.ok(x.kind === "numeric" && x.std === Infinity && x.m2 === Infinity && x.mean === 0);
    const drift = await runCli("drift", "--reference", join(dir, "mix.json"), "--current", csv);
    assert.equal(drift.code, 0, drift.stderr);
    const merged = await runCli(
      "profile",
      "merge",
      join(dir, "mix.json"),
      join(dir, "mix.json"),
      "-o",
      join(dir, "m.json"),
    );
    assert.equal(merged.code, 0, merged.stderr);
    const m = readProfile(join(dir, "m.json")).columns.x!;
    assert.ok(m.kind === "numeric" && m.count === 4 && m.std === Infinity && m.mean === 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("profile's summary table shows the first 1,000 columns and says how many more the file holds", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-profile-summary-"));
  try {
    const cols = 1002;
    const csv = join(dir, "wide.csv");
    const names = Array.from({ length: cols }, (_, i) => `c${i}`);
    writeFileSync(csv, `${names.join(",")}\n${names.map((_, i) => i).join(",")}\n`);
    const out = join(dir, "wide.json");
    const made = await runCli("profile", "--data", csv, "-o", out, "--threads", "1");
    assert.equal(made.code, 0, made.stderr);
    const lines = made.stdout.trimEnd().split("\n");
    assert.equal(lines[0], `1 rows, ${cols} columns`);
    assert.ok(lines.some((l) => l.startsWith("c999 ")));
    assert.ok(!lines.some((l) => l.startsWith("c1000 ")));
    assert.equal(lines.at(-2), `... and 2 more columns (all in ${out})`);
    assert.equal(lines.at(-1), `wrote ${out}`);
    assert.equal(Object.keys(readProfile(out).columns).length, cols);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
