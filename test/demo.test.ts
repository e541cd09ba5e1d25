import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

test("npm run demo runs the whole loop on bundled data and leaves every file it lists", () => {
  const r = spawnSync(process.execPath, ["scripts/demo.mjs"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const step of ["[1/9]", "[5/9]", "[9/9]"]) assert.ok(r.stdout.includes(step), step);
  for (const f of [
    "schema.yml",
    "validation.json",
    "drift.json",
    "candidate.onnx",
    "comparison.json",
    "report.md",
    "report.html",
    "job-summary.md",
    "profile.json",
  ]) {
    assert.ok(existsSync(`out/demo/${f}`), f);
  }
  // The demo's verdict is "not enough evidence", and it says why: one of 171 test rows is 0.58 points of accuracy.
  const report = readFileSync("out/demo/report.md", "utf8");
  assert.match(report, /^### ❌ Inconclusive: not enough evidence, so the candidate may not replace production/);
  assert.match(r.stdout, /not enough evidence: with 171 test rows one row is 0\.58 points of accuracy/);
  assert.doesNotMatch(report, new RegExp(process.cwd().replace(/[/.]/g, "\\$&")), "no absolute path of this machine");
  // The monitor saw clean windows first, then drift, and alerted once: one issue and one retraining dispatch.
  assert.match(r.stdout, /window 0 \(200 events\) clean/);
  assert.match(r.stdout, /window 5 \(200 events\) DRIFT/);
  const outbox = readFileSync("out/demo/monitor-state/outbox.jsonl", "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const requests = outbox.filter((e) => e.method);
  assert.equal(requests.filter((e) => e.method === "POST" && e.path === "/repos/acme/models/issues").length, 1);
  assert.equal(requests.filter((e) => /dispatches$/.test(e.path)).length, 1);
});
