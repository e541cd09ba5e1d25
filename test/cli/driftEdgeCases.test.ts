import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-drift-edge-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const ref = file(
  "ref.csv",
  "x,c\n" + Array.from({ length: 50 }, (_, i) => `${i},${i % 2 ? "a" : "b"}`).join("\n") + "\n",
);

async function drift(current: string, ...extra: string[]) {
  const r = await runCli("drift", "--reference", ref, "--current", current, "--json", "--no-fail", ...extra);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("a header-only current file tests nothing: exit 2, and the message says why for each column", async () => {
  const r = await runCli("drift", "--reference", ref, "--current", file("header.csv", "x,c\n"), "--no-fail");
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /no column could be tested for drift/);
  assert.match(r.stderr, /'x': no values in the current data, 'c': no values in the current data/);
});

test("a single current row is tested (exact KS p-value), not refused", async () => {
  const report = await drift(file("one.csv", "x,c\n3,a\n"));
  const x = report.features.find((f: { name: string }) => f.name === "x");
  assert.ok(x.tests.ks.p_value > 0.05);
  assert.equal(x.drifted, false);
});

test("NaN and Infinity strings: NaN is missing, infinities are values", async () => {
  const report = await drift(file("inf.csv", "x,c\nNaN,a\nInfinity,b\n-inf,a\n5,b\n"));
  const x = report.features.find((f: { name: string }) => f.name === "x");
  assert.equal(x.current.count, 3);
  assert.equal(x.current.missing, 1);
});

test("an all-null column and a column missing on one side are reported; with nothing else, exit 2", async () => {
  const r = await runCli("drift", "--reference", ref, "--current", file("nulls.csv", "x,extra\n,1\n,2\n"));
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /'x': no values in the current data, 'c': absent from the current data/);
  const report = await drift(file("nulls2.csv", "x,extra\n,1\n,2\n5,3\n"));
  const reasons = Object.fromEntries(report.skipped.map((s: { name: string; reason: string }) => [s.name, s.reason]));
  assert.equal(reasons.c, "absent from the current data");
  assert.equal(report.features.length, 1);
});

test("10,000 columns drift in one run, with unicode names", async () => {
  const names = Array.from({ length: 10_000 }, (_, i) => `col_${i}_é`);
  const rows = (shift: number) =>
    Array.from({ length: 30 }, (_, r) => names.map((_, i) => (r * 7 + i + (i === 0 ? shift : 0)) % 97).join(",")).join(
      "\n",
    );
  const wide = file("wide-ref.csv", names.join(",") + "\n" + rows(0) + "\n");
  const cur = file("wide-cur.csv", names.join(",") + "\n" + rows(0) + "\n");
  const r = await runCli("drift", "--reference", wide, "--current", cur, "--json");
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.features.length, 10_000);
  assert.equal(report.drifted_share, 0);
  assert.equal(report.features[9999].name, "col_9999_é");
});
