import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { METHOD_NAMES } from "../../src/drift/methods/driftMethod.js";
import { reviveDriftReport } from "../../src/drift/driftReport.js";

const dir = mkdtempSync(join(tmpdir(), "mg-drift-extremes-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test("a reference holding inf or -inf: every method answers (exit 0 or 1), none exits 70", async () => {
  const cur = file("cur.csv", "x\n1\n2\n3\n");
  for (const [name, text] of [
    ["inf.csv", "x\n1\n2\ninf\n"],
    ["neginf.csv", "x\n-inf\n1\n2\n3\n"],
  ] as const) {
    const ref = file(name, text);
    for (const method of ["auto", ...METHOD_NAMES.filter((m) => m !== "chisquare")]) {
      const r = await runCli("drift", "--reference", ref, "--current", cur, "--method", method, "--json");
      assert.ok(r.code === 0 || r.code === 1, `${name} ${method}: exit ${r.code} ${r.stderr}`);
      const report = reviveDriftReport(JSON.parse(r.stdout));
      assert.equal(report.features.length, 1);
    }
  }
});

test("an infinite statistic is written as the string Infinity (not null) and read back as a number", async () => {
  const ref = file("inf-ref.csv", "x\n1\n2\ninf\n");
  const cur = file("inf-cur.csv", "x\n1\n2\n3\n");
  const out = join(dir, "drift.json");
  const r = await runCli("drift", "--reference", ref, "--current", cur, "--method", "wasserstein", "--out", out);
  assert.equal(r.code, 1, r.stderr);
  const text = readFileSync(out, "utf8");
  assert.match(text, /"statistic": "Infinity"/);
  assert.doesNotMatch(text, /"statistic": null/);
  const report = reviveDriftReport(JSON.parse(text));
  assert.equal(report.features[0]!.statistic, Infinity);
  assert.equal(report.features[0]!.drifted, true);
  const md = join(dir, "report.md");
  const rep = await runCli("report", "--drift", out, "--report", md);
  assert.equal(rep.code, 0, rep.stderr);
  assert.match(readFileSync(md, "utf8"), /Infinity|∞/);
});

test("a profile reference with one value per side (x=0 vs x=1) is tested: p = 1 as from the CSV, exit 0", async () => {
  const csv = file("one-ref.csv", "x\n0\n");
  const cur = file("one-cur.csv", "x\n1\n");
  const profile = join(dir, "one.json");
  assert.equal((await runCli("profile", "--data", csv, "-o", profile)).code, 0);
  for (const ref of [csv, profile]) {
    const r = await runCli("drift", "--reference", ref, "--current", cur, "--json");
    assert.equal(r.code, 0, r.stderr);
    const f = JSON.parse(r.stdout).features[0];
    assert.equal(f.tests.ks.p_value, 1); // scipy.stats.ks_2samp([0], [1]).pvalue == 1.0
    assert.equal(f.drifted, false);
  }
});

test("a profile reference of 3 values against 3 far away: KS p = 0.1 as from the CSV (exact, not asymp 0)", async () => {
  const csv = file("three-ref.csv", "x\n1\n2\n3\n");
  const cur = file("three-cur.csv", "x\n10\n11\n12\n");
  const profile = join(dir, "three.json");
  assert.equal((await runCli("profile", "--data", csv, "-o", profile)).code, 0);
  const ps: number[] = [];
  for (const ref of [csv, profile]) {
    const r = await runCli("drift", "--reference", ref, "--current", cur, "--method", "ks", "--json");
    assert.equal(r.code, 0, r.stderr);
    ps.push(JSON.parse(r.stdout).features[0].tests.ks.p_value);
  }
  // scipy.stats.ks_2samp([1, 2, 3], [10, 11, 12]).pvalue == 0.09999999999999999 (exact: 2 of C(6, 3) orderings)
  assert.deepEqual(ps, [0.09999999999999999, 0.09999999999999999]);
});

test('values near 1e308: profile writes finite moments (M2 as "Infinity"), and its own profile always loads', async () => {
  const csv = file("big.csv", "x\n1e308\n-1e308\n1.7e308\n");
  for (const chunkRows of ["65536", "1"]) {
    const profile = join(dir, `big-${chunkRows}.json`);
    const p = await runCli("profile", "--data", csv, "-o", profile, "--chunk-rows", chunkRows);
    assert.equal(p.code, 0, p.stderr);
    const x = JSON.parse(readFileSync(profile, "utf8")).columns.x;
    // Exact values (Python fractions): mean 5.666666666666667e307, sample std 1.4011899704655802e308.
    assert.ok(Math.abs(x.mean - 5.666666666666667e307) <= 1e-15 * 5.7e307, String(x.mean));
    assert.ok(Math.abs(x.std - 1.4011899704655802e308) <= 1e-15 * 1.4e308, String(x.std));
    assert.equal(x.m2, "Infinity");
    const r = await runCli("drift", "--reference", profile, "--current", csv, "--json");
    assert.equal(r.code, 0, `chunk rows ${chunkRows}: ${r.stderr}`);
    const merged = join(dir, `big-merged-${chunkRows}.json`);
    assert.equal((await runCli("profile", "merge", profile, profile, "-o", merged)).code, 0);
    const m = JSON.parse(readFileSync(merged, "utf8")).columns.x;
    // Six values, each of the three twice: sample std sqrt(2 M2 / 5), M2 from the exact values above.
    assert.ok(Math.abs(m.std - 1.4011899704655802e308 * Math.sqrt(4 / 5)) <= 1e-14 * 1.3e308, String(m.std));
  }
});

test("a hand-edited profile is an input error naming the bad field, never a stack trace", async () => {
  const csv = file("p.csv", "x,c\n" + Array.from({ length: 30 }, (_, i) => `${i % 3},${"ab"[i % 2]}`).join("\n"));
  const good = join(dir, "good.json");
  assert.equal((await runCli("profile", "--data", csv, "-o", good)).code, 0);
  const base = JSON.parse(readFileSync(good, "utf8"));
  const cases: [string, (p: typeof base) => void, RegExp][] = [
    ["accuracy 0", (p) => (p.columns.x.sketch.relative_accuracy = 0), /columns\.x\.sketch\.relative_accuracy/],
    ["profile accuracy", (p) => (p.sketch_accuracy = 0), /sketch_accuracy: must be >= 0.000001/],
    ["huge count", (p) => (p.columns.x.sketch.positive.counts[0] = 1e308), /columns\.x\.sketch\.positive\.counts\.0/],
    ["counts differ", (p) => (p.columns.x.sketch.positive.counts[0] += 5), /columns\.x\.sketch: its counts add up/],
    ["offset", (p) => (p.columns.x.sketch.positive.offset = 1e9), /columns\.x\.sketch\.positive: keys/],
    ["rows", (p) => (p.rows = 4), /columns\.x\.count: count 30 \+ missing 0 \+ invalid 0 is not the profile's 4 rows/],
    ["frequencies", (p) => (p.columns.c.frequencies.counts[0] = 7), /columns\.c\.frequencies\.counts: they add up/],
    ["bins", (p) => (p.columns.x.psi_bins.proportions = [1]), /columns\.x\.psi_bins\.proportions/],
  ];
  for (const [label, edit, message] of cases) {
    const p = structuredClone(base);
    edit(p);
    const bad = file(`bad-${label.replace(/ /g, "-")}.json`, JSON.stringify(p));
    const r = await runCli("drift", "--reference", bad, "--current", csv);
    assert.equal(r.code, 2, `${label}: ${r.stderr}`);
    assert.match(r.stderr, message, label);
    assert.doesNotMatch(r.stderr, /internal error/, label);
  }
});
