import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "mg-errors-"));
after(() => rmSync(work, { recursive: true, force: true }));

test("a config error names its file once, with the key and a hint, and exits 2", async () => {
  const config = join(mkdtempSync(join(work, "case-")), "modelguard.yml");
  writeFileSync(config, "version: 1\ndrift: { method: magic }\n");
  const r = await runCli("drift", "--reference", "a.csv", "--current", "b.csv", "--config", config);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /drift\.method: must be one of auto, ks/);
  assert.equal(r.stderr.split(config).length - 1, 1, r.stderr);
  assert.match(r.stderr, /hint:/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
