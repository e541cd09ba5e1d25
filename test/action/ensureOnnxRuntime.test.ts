import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureOnnxRuntime, OnnxRuntimeSetupError } from "../../src/action/ensureOnnxRuntime.js";

const work = mkdtempSync(join(tmpdir(), "mg-ensure-ort-"));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * A fake `npm` on PATH: records its argv, the skip variable onnxruntime-node's installer reads and the npm_config_*
 * form of it (npm 11 warns "Unknown env config" about that one), creates <prefix>/node_modules/onnxruntime-node.
 */
function fakeNpm(exitCode = 0): {
  bin: string;
  calls: () => { argv: string[]; skip: string | null; npmConfig: string | null }[];
} {
  const bin = mkdtempSync(join(work, "fake-npm-"));
  const log = join(bin, "calls.jsonl");
  const script = `#!/usr/bin/env node
const fs = require("node:fs"), path = require("node:path");
const argv = process.argv.slice(2);
const skip = process.env.ONNXRUNTIME_NODE_INSTALL ?? null, npmConfig = process.env.npm_config_onnxruntime_node_install ?? null;
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv, skip, npmConfig }) + "\\n");
if (${exitCode} !== 0) { console.error("npm ERR! network unreachable"); process.exit(${exitCode}); }
const prefix = argv[argv.indexOf("--prefix") + 1];
const version = argv[argv.length - 1].split("@")[1];
const pkg = path.join(prefix, "node_modules", "onnxruntime-node");
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "onnxruntime-node", version }));
`;
  writeFileSync(join(bin, "npm"), script, { mode: 0o755 });
  return {
    bin,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l))
        : [],
  };
}

function envWith(bin: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: `${bin}:${process.env.PATH}`, ...extra };
}

test("installs once into the tool cache with the pinned version and the skip flag, then reuses it", () => {
  const npm = fakeNpm();
  const cache = mkdtempSync(join(work, "toolcache-"));
  const dist = mkdtempSync(join(work, "dist-"));
  const env = envWith(npm.bin, { RUNNER_TOOL_CACHE: cache });
  const first = ensureOnnxRuntime({ version: "1.30.0", distDir: dist, env });
  assert.equal(first.source, "installed");
  const prefix = join(cache, "modelguard-onnxruntime", "1.30.0");
  assert.equal(first.packageDir, join(prefix, "node_modules", "onnxruntime-node"));
  const calls = npm.calls();
  assert.equal(calls.length, 1);
  const argv = calls[0]!.argv;
  assert.deepEqual(argv.slice(0, 5), ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts"]);
  assert.equal(argv[argv.length - 1], "onnxruntime-node@1.30.0");
  assert.equal(calls[0]!.skip, "skip");
  assert.equal(calls[0]!.npmConfig, null, "no npm_config_* variable npm does not know (npm 11 warns)");
  // The bundle's node_modules/onnxruntime-node now resolves to the cached package.
  assert.equal(realpathSync(join(dist, "node_modules", "onnxruntime-node")), realpathSync(first.packageDir));

  const dist2 = mkdtempSync(join(work, "dist-"));
  const second = ensureOnnxRuntime({ version: "1.30.0", distDir: dist2, env });
  assert.equal(second.source, "cache");
  assert.equal(npm.calls().length, 1);
  assert.equal(realpathSync(join(dist2, "node_modules", "onnxruntime-node")), realpathSync(first.packageDir));
});

test("an unfinished install (no completion marker) is replaced", () => {
  const npm = fakeNpm();
  const cache = mkdtempSync(join(work, "toolcache-"));
  // An install killed half way: the package directory without the completion marker.
  const half = join(cache, "modelguard-onnxruntime", "1.30.0", "node_modules", "onnxruntime-node");
  mkdirSync(half, { recursive: true });
  writeFileSync(join(half, "package.json"), JSON.stringify({ name: "onnxruntime-node", version: "1.30.0" }));
  const dist = mkdtempSync(join(work, "dist-"));
  const r = ensureOnnxRuntime({
    version: "1.30.0",
    distDir: dist,
    env: envWith(npm.bin, { RUNNER_TOOL_CACHE: cache }),
  });
  assert.equal(npm.calls().length, 1);
  assert.equal(r.source, "installed");
  assert.ok(existsSync(join(cache, "modelguard-onnxruntime", "1.30.0", ".modelguard-complete")));
});

test("npm failing is a setup error naming the cause and the override", () => {
  const npm = fakeNpm(1);
  const cache = mkdtempSync(join(work, "toolcache-"));
  const dist = mkdtempSync(join(work, "dist-"));
  assert.throws(
    () => ensureOnnxRuntime({ version: "1.30.0", distDir: dist, env: envWith(npm.bin, { RUNNER_TOOL_CACHE: cache }) }),
    (e: unknown) =>
      e instanceof OnnxRuntimeSetupError &&
      /network unreachable/.test(e.message) &&
      /MODELGUARD_ONNXRUNTIME_DIR/.test(e.message),
  );
  assert.equal(existsSync(join(cache, "modelguard-onnxruntime", "1.30.0")), false);
});

test("MODELGUARD_ONNXRUNTIME_DIR is used as is (never npm), and must hold the package", () => {
  const npm = fakeNpm();
  const prefix = mkdtempSync(join(work, "ort-"));
  const dist = mkdtempSync(join(work, "dist-"));
  const env = envWith(npm.bin, { MODELGUARD_ONNXRUNTIME_DIR: prefix });
  assert.throws(() => ensureOnnxRuntime({ version: "1.30.0", distDir: dist, env }), OnnxRuntimeSetupError);
  const pkg = join(prefix, "node_modules", "onnxruntime-node");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), "{}");
  const r = ensureOnnxRuntime({ version: "1.30.0", distDir: dist, env });
  assert.equal(r.source, "override");
  assert.equal(npm.calls().length, 0);
  assert.equal(realpathSync(join(dist, "node_modules", "onnxruntime-node")), realpathSync(pkg));
});

test("without RUNNER_TOOL_CACHE the cache lives in the temp directory", () => {
  const npm = fakeNpm();
  const dist = mkdtempSync(join(work, "dist-"));
  const version = `0.0.0-test.${process.pid}.${Date.now()}`;
  const cacheRoot = join(tmpdir(), "modelguard-onnxruntime");
  try {
    const r = ensureOnnxRuntime({ version, distDir: dist, env: envWith(npm.bin) });
    assert.equal(r.packageDir, join(cacheRoot, version, "node_modules", "onnxruntime-node"));
  } finally {
    rmSync(join(cacheRoot, version), { recursive: true, force: true });
    try {
      rmdirSync(cacheRoot); // only when this test created it: a real cache there is not empty
    } catch {
      // not empty, or already gone
    }
  }
});
