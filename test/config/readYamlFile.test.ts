import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { readGatePolicy } from "../../src/compare/gates.js";
import { readProjectConfig } from "../../src/config/projectConfig.js";
import { MAX_YAML_FILE_BYTES, readYamlFile } from "../../src/config/readYamlFile.js";
import { ModelguardError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-yaml-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** "Billion laughs": nine levels of nine aliases, a few hundred bytes that expand to 9^9 strings. */
function aliasBomb(first: string): string {
  const levels = "abcdefghi".split("");
  const lines = [first, `${levels[0]}: &${levels[0]} [${Array(9).fill('"lol"').join(", ")}]`];
  for (let k = 1; k < levels.length; k++) {
    lines.push(
      `${levels[k]}: &${levels[k]} [${Array(9)
        .fill(`*${levels[k - 1]}`)
        .join(", ")}]`,
    );
  }
  return lines.join("\n") + "\n";
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const isAliasError = (path: string) => (e: unknown) =>
  e instanceof ModelguardError &&
  e.code === "config" &&
  e.message.startsWith(path) &&
  /YAML aliases expand to too much data/.test(e.message) &&
  e.hint !== undefined;

test("an alias bomb in gates.yml, modelguard.yml or monitor.yml is a config error, not a hang or a crash", () => {
  const gates = write("gates.yml", aliasBomb("gates: {accuracy: {max_drop: 0.01}}"));
  assert.throws(() => readGatePolicy(gates), isAliasError(gates));
  const project = write("modelguard.yml", aliasBomb("version: 1"));
  assert.throws(() => readProjectConfig(project), isAliasError(project));
  const monitor = write("monitor.yml", aliasBomb("reference: profile.json"));
  assert.throws(() => readMonitorConfig(monitor), isAliasError(monitor));
});

test("modelguard monitor --check on an alias bomb exits 2 with the message and hint", async () => {
  const monitor = write("bomb-monitor.yml", aliasBomb("reference: profile.json"));
  const r = await runCli("monitor", "--config", monitor, "--check");
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /YAML aliases expand to too much data/);
  assert.match(r.stderr, /hint: /);
  assert.doesNotMatch(r.stderr, /internal error/);
});

test("ordinary anchors and aliases still work; an alias before its anchor is a located error", () => {
  const path = write("anchors.yml", "base: &base {max_drop: 0.01}\ngates:\n  accuracy: *base\n  f1: *base\n");
  assert.deepEqual(readYamlFile(path, "config", "gates file"), {
    base: { max_drop: 0.01 },
    gates: { accuracy: { max_drop: 0.01 }, f1: { max_drop: 0.01 } },
  });
  const early = write("early.yml", "a: *x\nb: &x 1\n");
  assert.throws(
    () => readYamlFile(early, "config", "gates file"),
    (e: unknown) => e instanceof ModelguardError && e.message.startsWith(early),
  );
});

test("a YAML file over the size limit is refused before it is read", () => {
  const path = write("huge.yml", "# " + "x".repeat(MAX_YAML_FILE_BYTES) + "\n");
  assert.throws(
    () => readYamlFile(path, "config", "monitor config"),
    (e: unknown) => e instanceof ModelguardError && /over the 8388608-byte limit of a monitor config/.test(e.message),
  );
});
