import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

// A drift gate that tested nothing must not pass: each of these exited 0 with "no column could be tested".
const dir = mkdtempSync(join(tmpdir(), "mg-drift-gate-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n") + "\n";
const ref = file("ref.csv", "x,c\n" + rows(40, (i) => `${i},${i % 2 ? "a" : "b"}`));
const cur = file("cur.csv", "x,c\n" + rows(40, (i) => `${i + 1},${i % 3 ? "a" : "b"}`));

test("semicolon files read with the default delimiter: exit 2, the hint names --delimiter", async () => {
  const a = file("a.csv", "x;c\n" + rows(20, (i) => `${i};u`));
  const b = file("b.csv", "x;c\n" + rows(20, (i) => `${i};v`));
  const r = await runCli("drift", "--reference", a, "--current", b);
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /no column could be tested for drift.*'x;c': free-text column/);
  assert.match(r.stderr, /hint: .*--delimiter/);
  assert.equal((await runCli("drift", "--reference", a, "--current", b, "--delimiter", ";")).code, 1, "c drifts");
});

test("files without a shared column: exit 2, even with --no-fail", async () => {
  const other = file("other.csv", "y,d\n" + rows(10, (i) => `${i},a`));
  const r = await runCli("drift", "--reference", ref, "--current", other, "--no-fail", "--json");
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "", "no report that could pass for a verdict");
  assert.match(r.stderr, /'x': absent from the current data, 'c': absent from the current data/);
  assert.match(r.stderr, /share no column name/);
});

test("--columns naming a column that is not in both files: exit 2 naming it", async () => {
  const r = await runCli("drift", "--reference", ref, "--current", cur, "--columns", "x,nope");
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /--columns names column that cannot be tested: 'nope' \(not in either file\)/);
  assert.match(r.stderr, /hint: names are case-sensitive/);
  const half = file("half.csv", "x\n" + rows(10, (i) => `${i}`));
  const h = await runCli("drift", "--reference", ref, "--current", half, "--columns", "x,c");
  assert.equal(h.code, 2);
  assert.match(h.stderr, /'c' \(not in the current data\)/);
});

test("--critical naming an unknown column, or one --columns leaves out: exit 2 naming it", async () => {
  const r = await runCli("drift", "--reference", ref, "--current", cur, "--critical", "c,nope,alsonot");
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /--critical names columns that cannot be tested: 'nope' \(not in either file\), 'alsonot'/);
  assert.match(r.stderr, /hint: columns in both files: 'x', 'c'/);
  const left = await runCli("drift", "--reference", ref, "--current", cur, "--columns", "x", "--critical", "c");
  assert.equal(left.code, 2);
  assert.match(left.stderr, /--critical names column left out by --columns: 'c'/);
  const ok = await runCli("drift", "--reference", ref, "--current", cur, "--critical", "c", "--no-fail");
  assert.equal(ok.code, 0, ok.stderr);
});

test("modelguard.yml drift.columns naming a column not in the data: exit 2 naming it and the config", async () => {
  const critical = file("mg-critical.yml", "version: 1\ndrift:\n  columns:\n    zz: {critical: true}\n");
  const r = await runCli("drift", "--reference", ref, "--current", cur, "--config", critical);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /mg-critical\.yml: drift\.columns names column that cannot be tested: 'zz' \(not in either/);
  const method = file("mg-method.yml", "version: 1\ndrift:\n  columns:\n    zz: {method: ks}\n    x: {method: ks}\n");
  const m = await runCli("drift", "--reference", ref, "--current", cur, "--config", method);
  assert.equal(m.code, 2, m.stdout + m.stderr);
  assert.match(m.stderr, /mg-method\.yml: drift\.columns names column that cannot be tested: 'zz'/);
  assert.doesNotMatch(m.stderr, /'x'.*cannot/);
});

test("a config's critical column left out by --columns: exit 2, as with --critical", async () => {
  const cfg = file("mg-c.yml", "version: 1\ndrift:\n  columns:\n    c: {critical: true}\n");
  const r = await runCli("drift", "--reference", ref, "--current", cur, "--config", cfg, "--columns", "x");
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /mg-c\.yml: drift\.columns names critical column left out by --columns: 'c'/);
  // A plain override of a column --columns leaves out is unused, not wrong.
  const plain = file("mg-plain.yml", "version: 1\ndrift:\n  columns:\n    c: {method: chisquare}\n");
  const ok = await runCli("drift", "--reference", ref, "--current", cur, "--config", plain, "--columns", "x");
  assert.notEqual(ok.code, 2, ok.stderr);
  const all = await runCli("drift", "--reference", ref, "--current", cur, "--config", cfg, "--no-fail");
  assert.equal(all.code, 0, all.stderr);
});

test("--columns or --critical given an empty list: a usage error saying so", async () => {
  for (const flag of ["--columns", "--critical"]) {
    const r = await runCli("drift", "--reference", ref, "--current", cur, flag, " , ");
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, new RegExp(`${flag} is an empty list`));
    assert.doesNotMatch(r.stderr, /reference has no columns/);
  }
});
