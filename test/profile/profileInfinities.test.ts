import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { reviveDriftReport } from "../../src/drift/driftReport.js";
import { QuantileSketch } from "../../src/profile/quantileSketch.js";

const dir = mkdtempSync(join(tmpdir(), "mg-profile-inf-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
const file = (name: string, text: string) => {
  const p = join(dir, `${seq++}-${name}`);
  writeFileSync(p, text);
  return p;
};

/** Standard normal draws from a fixed seed (Box-Muller on a 32-bit LCG), so the data is the same on every run. */
function normals(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 1) / 4294967297;
  };
  const out: number[] = [];
  while (out.length < n) out.push(Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
  return out;
}

const csv = (values: (number | string)[]) => `x\n${values.join("\n")}\n`;

async function statistic(reference: string, current: string, method: string): Promise<number> {
  const r = await runCli("drift", "--reference", reference, "--current", current, "--method", method, "--json");
  assert.ok(r.code === 0 || r.code === 1, `${method}: exit ${r.code} ${r.stderr}`);
  return reviveDriftReport(JSON.parse(r.stdout)).features[0]!.statistic;
}

async function profileOf(ref: string): Promise<string> {
  const out = `${ref}.profile.json`;
  const r = await runCli("profile", "--data", ref, "-o", out);
  assert.equal(r.code, 0, r.stderr);
  return out;
}

test("infinities are counts of their own, not buckets up to the largest double: `1,inf` makes a small profile", async () => {
  const ref = file("one-inf.csv", "x\n1\ninf\n-inf\n");
  const profile = await profileOf(ref);
  assert.ok(statSync(profile).size < 10_000, `profile of 3 values is ${statSync(profile).size} bytes`);
  const sketch = JSON.parse(readFileSync(profile, "utf8")).columns.x.sketch;
  assert.equal(sketch.positive_infinity, 1);
  assert.equal(sketch.negative_infinity, 1);
  assert.equal(sketch.positive.counts.length, 1);
  assert.equal(sketch.negative.counts.length, 0);
});

test("100 columns of 1, 2, inf, -inf profile quickly into a small file", async () => {
  const names = Array.from({ length: 100 }, (_, i) => `c${i}`);
  const rows = ["1", "2", "inf", "-inf"].map((v) => names.map(() => v).join(","));
  const ref = file("wide.csv", `${names.join(",")}\n${rows.join("\n")}\n`);
  const started = Date.now();
  const profile = await profileOf(ref);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  assert.ok(statSync(profile).size < 500_000, `profile is ${statSync(profile).size} bytes`);
});

test("sketch infinities merge by addition, count, and order as the outermost values", () => {
  const a = new QuantileSketch();
  const b = new QuantileSketch();
  a.add(1);
  a.add(Infinity, 2);
  b.add(-Infinity);
  b.add(Infinity);
  a.merge(b);
  assert.equal(a.count, 5);
  assert.deepEqual({ p: a.positiveInfinity, n: a.negativeInfinity }, { p: 3, n: 1 });
  assert.equal(a.quantile(0), -Infinity);
  assert.equal(a.quantile(1), Infinity);
  const round = QuantileSketch.fromJson(JSON.parse(JSON.stringify(a.toJson())));
  assert.deepEqual(Array.from(round.buckets().counts), [1, 1, 3]);
  // A profile written before these fields existed reads as having no separate infinities.
  const old = QuantileSketch.fromJson({
    relative_accuracy: 0.001,
    zero: 0,
    positive: { offset: 0, counts: [] },
    negative: { offset: 0, counts: [] },
  });
  assert.equal(old.count, 0);
});

test("merged profiles add their infinity counts", async () => {
  const p1 = await profileOf(file("m1.csv", csv([1, "inf"])));
  const p2 = await profileOf(file("m2.csv", csv([2, "inf", "-inf"])));
  const out = join(dir, "merged.json");
  const r = await runCli("profile", "merge", p1, p2, "-o", out);
  assert.equal(r.code, 0, r.stderr);
  const column = JSON.parse(readFileSync(out, "utf8")).columns.x;
  assert.equal(column.infinite, 3);
  assert.equal(column.sketch.positive_infinity, 2);
  assert.equal(column.sketch.negative_infinity, 1);
});

const cases: { name: string; ref: (number | string)[]; cur: (number | string)[]; tolerance: number }[] = [
  { name: "1, 2, inf vs 1, 2, 3", ref: [1, 2, "inf"], cur: [1, 2, 3], tolerance: 1e-9 },
  { name: "-inf, 1, 2, 3 vs 1, 2, 3", ref: ["-inf", 1, 2, 3], cur: [1, 2, 3], tolerance: 1e-9 },
  {
    name: "850 N(0,1) + 150 inf vs 1000 N(0,1)",
    ref: [...normals(850, 1), ...Array<string>(150).fill("inf")],
    cur: normals(1000, 2),
    tolerance: 0.02,
  },
  {
    name: "850 -N(0,1) + 150 -inf vs 1000 -N(0,1)",
    ref: [...normals(850, 1).map((x) => -x), ...Array<string>(150).fill("-inf")],
    cur: normals(1000, 2).map((x) => -x),
    tolerance: 0.02,
  },
];

for (const c of cases) {
  test(`PSI, KS and Wasserstein agree against the CSV and against its profile: ${c.name}`, async () => {
    const ref = file("ref.csv", csv(c.ref));
    const cur = file("cur.csv", csv(c.cur));
    const profile = await profileOf(ref);
    for (const method of ["psi", "ks", "wasserstein"]) {
      const exact = await statistic(ref, cur, method);
      const sketched = await statistic(profile, cur, method);
      if (exact === Infinity) assert.equal(sketched, Infinity, `${method}: CSV Infinity, profile ${sketched}`);
      else
        assert.ok(
          Math.abs(exact - sketched) <= c.tolerance * Math.max(1, exact),
          `${method}: CSV ${exact}, profile ${sketched}`,
        );
    }
  });
}

test("PSI against a profile with infinities drifts as against the CSV (1, 2, inf vs 1, 2, 3)", async () => {
  const ref = file("small-ref.csv", csv([1, 2, "inf"]));
  const cur = file("small-cur.csv", csv([1, 2, 3]));
  const viaCsv = await statistic(ref, cur, "psi");
  assert.ok(Math.abs(viaCsv - 2.934) < 0.001, `CSV PSI ${viaCsv}`);
  assert.ok(Math.abs((await statistic(await profileOf(ref), cur, "psi")) - viaCsv) < 1e-9);
});
