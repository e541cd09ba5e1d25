import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBin, runCli } from "../helpers/cli.js";

const DIR = "fixtures/datasets/breast_cancer";
const tmp = mkdtempSync(join(tmpdir(), "mg-cli-drift-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("drift finds the planted drift in the bundled data; strong drift of one column or a critical one makes it fail", async () => {
  const r = await runCli("drift", "--reference", `${DIR}/train.csv`, "--current", `${DIR}/current.csv`, "--json");
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  // 3 of 32 columns is below the 50% share, but two of them drifted with PSI >= major_psi (0.25).
  assert.equal(report.dataset_drifted, true);
  assert.deepEqual(report.major_drifted, ["mean_texture", "mean_smoothness"]);
  assert.equal(report.policy.major_psi, 0.25);
  assert.match(
    report.summary,
    /^dataset drifted: columns mean_texture, mean_smoothness drifted with PSI at or above 0\.25; 3 of 32 columns drifted/,
  );
  const config = join(tmp, "share-only.yml");
  writeFileSync(config, "version: 1\ndrift:\n  major_psi: null\n");
  const shareOnly = await runCli(
    "drift",
    "--reference",
    `${DIR}/train.csv`,
    "--current",
    `${DIR}/current.csv`,
    "--config",
    config,
    "--json",
  );
  assert.equal(shareOnly.code, 0, shareOnly.stderr);
  assert.equal(
    JSON.parse(shareOnly.stdout).dataset_drifted,
    false,
    "major_psi: null: only the share and critical columns count",
  );
  const critical = await runCli(
    "drift",
    "--reference",
    `${DIR}/train.csv`,
    "--current",
    `${DIR}/current.csv`,
    "--critical",
    "size_band",
  );
  assert.equal(critical.code, 1);
  assert.match(critical.stdout, /dataset drifted: critical column size_band drifted/);
  assert.equal(report.kind, "modelguard.drift");
  const drifted = new Set(report.drifted_features);
  for (const name of ["mean_texture", "mean_smoothness", "size_band"])
    assert.ok(drifted.has(name), `${name} should drift`);
  assert.ok(!drifted.has("mean_radius"));
  assert.deepEqual(
    report.skipped.map((s: { name: string }) => s.name),
    ["id"],
    "the id-like column is left out by default",
  );
});

test("drift of a split against itself is clean and exits 0; human output is a table", async () => {
  const r = await runCli("drift", "--reference", `${DIR}/train.csv`, "--current", `${DIR}/test.csv`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /column\s+kind\s+method\s+statistic/);
  assert.match(r.stdout, /no dataset drift: 0 of 32 columns drifted \(0%\), below the 50% threshold/);
});

test("a profile can replace the reference file, and --no-fail keeps exit 0", async () => {
  const profile = join(tmp, "profile.json");
  const p = await runCli("profile", "--data", `${DIR}/train.csv`, "-o", profile);
  assert.equal(p.code, 0, p.stderr);
  assert.match(p.stdout, /398 rows, 33 columns/);
  const r = await runCli("drift", "--reference", profile, "--current", `${DIR}/current.csv`, "--json", "--no-fail");
  assert.equal(r.code, 0);
  const report = JSON.parse(r.stdout);
  assert.ok(report.drifted_features.includes("mean_texture"));
  assert.ok(
    report.features.every((f: { approximate: boolean; kind: string }) => f.kind !== "numeric" || f.approximate),
  );
});

test("profile merge of two shards equals the profile of both", async () => {
  const a = join(tmp, "a.json");
  const b = join(tmp, "b.json");
  const ab = join(tmp, "ab.json");
  const whole = join(tmp, "whole.json");
  const csv = readFileSync(`${DIR}/train.csv`, "utf8").trimEnd().split("\n");
  writeFileSync(join(tmp, "a.csv"), csv.slice(0, 200).join("\n") + "\n");
  writeFileSync(join(tmp, "b.csv"), [csv[0], ...csv.slice(200)].join("\n") + "\n");
  writeFileSync(join(tmp, "whole.csv"), csv.join("\n") + "\n");
  for (const [data, out] of [
    ["a.csv", a],
    ["b.csv", b],
    ["whole.csv", whole],
  ] as const) {
    assert.equal((await runCli("profile", "--data", join(tmp, data), "-o", out)).code, 0);
  }
  assert.equal((await runCli("profile", "merge", a, b, "-o", ab)).code, 0);
  const merged = JSON.parse(readFileSync(ab, "utf8"));
  const direct = JSON.parse(readFileSync(whole, "utf8"));
  assert.equal(merged.rows, direct.rows);
  for (const [name, col] of Object.entries(direct.columns) as [string, Record<string, unknown>][]) {
    const m = merged.columns[name];
    if (col.kind === "numeric") {
      assert.deepEqual(m.sketch, col.sketch, name);
      assert.deepEqual(m.psi_bins, col.psi_bins, name);
      assert.ok(Math.abs(m.mean - (col.mean as number)) <= 1e-9 * Math.abs(col.mean as number), name);
    } else assert.deepEqual(m, col, name);
  }
});

test("usage mistakes exit 2 with a message, never a stack trace", async () => {
  const missing = await runCli("drift", "--reference", `${DIR}/train.csv`);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /drift needs --reference and --current/);
  const badMethod = await runCli("drift", "--reference", "a", "--current", "b", "--method", "magic");
  assert.equal(badMethod.code, 2);
  assert.match(badMethod.stderr, /--method must be one of auto, ks, psi/);
  const noFile = await runCli("drift", "--reference", join(tmp, "nope.csv"), "--current", `${DIR}/test.csv`);
  assert.equal(noFile.code, 2);
  assert.match(noFile.stderr, /nope\.csv/);
  assert.doesNotMatch(noFile.stderr, /at .*\.ts:\d+/);
});

test("the built binary runs: --help, and exit codes reach the shell", () => {
  const help = runBin("--help");
  assert.equal(help.code, 0);
  assert.match(help.stdout, /drift/);
  assert.match(help.stdout, /profile/);
  const drift = runBin(
    "drift",
    "--reference",
    `${DIR}/train.csv`,
    "--current",
    `${DIR}/current.csv`,
    "--dataset-share",
    "0.05",
  );
  assert.equal(drift.code, 1);
  assert.match(drift.stdout, /DRIFT/);
  const bad = runBin("drift", "--bins", "x");
  assert.equal(bad.code, 2);
});
