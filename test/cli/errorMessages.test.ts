import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

test("a directory where a profile, metrics, config or gates file belongs says so once, exit 2", async () => {
  const dir = mkdtempSync(join(work, "dirs-"));
  const data = join(dir, "c.csv");
  writeFileSync(data, "x\n1\n2\n");
  const profileDir = join(dir, "dd.json");
  const adir = join(dir, "adir");
  mkdirSync(profileDir);
  mkdirSync(adir);
  const cases: [string[], string][] = [
    [["drift", "--reference", profileDir, "--current", data], `${profileDir} is a directory, not a profile`],
    [["profile", "merge", profileDir, profileDir, "--json"], `${profileDir} is a directory, not a profile`],
    [["compare", "--candidate", adir, "--baseline", adir], `${adir} is a directory, not a metrics file`],
    [["drift", "--reference", data, "--current", data, "--config", adir], `${adir} is a directory, not a config file`],
    [["compare", "--candidate", adir, "--baseline", adir, "--gates", adir], `${adir} is a directory, not a gates file`],
  ];
  for (const [argv, message] of cases) {
    const r = await runCli(...argv);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.split("\n")[0], `modelguard: error: ${message}`, argv.join(" "));
    assert.match(r.stderr, /\n {2}hint: /);
    assert.doesNotMatch(r.stderr, /EISDIR|\n\s+at /);
  }
});
