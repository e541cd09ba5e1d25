// onnxruntime-node's telemetry writes mat-debug-<pid>.log and .ses into TMPDIR once per process, when the first
// session creates the runtime's environment; loading models through loadOnnxModel turns it off. Each case is a fresh
// process (the environment is created once per process) with its own TMPDIR and no ORT_DISABLE_TELEMETRY.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const MODEL = join(REPO_ROOT, "fixtures/models/breast_cancer_logreg.onnx");
const LOADER = join(REPO_ROOT, "src/model/evaluate/loadOnnxModel.ts");

/** Runs `script` (an ES module body) in a child with a fresh TMPDIR; returns what it left there. */
function leftInTmpdir(script: string, extraEnv: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), "mg-ort-telemetry-"));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir, ...extraEnv };
    if (!("ORT_DISABLE_TELEMETRY" in extraEnv)) delete env.ORT_DISABLE_TELEMETRY;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /inputs: [1-9]/);
    // tsx keeps its compile cache in TMPDIR: not onnxruntime's.
    return readdirSync(dir)
      .filter((n) => !n.startsWith("tsx-"))
      .sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("loadOnnxModel leaves nothing in TMPDIR (onnxruntime's telemetry is off); a bare session does leave its files", () => {
  const viaLoader = leftInTmpdir(
    `const { loadOnnxModel } = await import(${JSON.stringify(LOADER)});\n` +
      `const m = await loadOnnxModel(${JSON.stringify(MODEL)});\n` +
      `console.log("inputs: " + m.inputs.length);`,
  );
  assert.deepEqual(viaLoader, []);

  // The control: without the setting, the same runtime writes them (so the check above can fail).
  const bare = leftInTmpdir(
    `const ort = await import("onnxruntime-node");\n` +
      `const s = await ort.InferenceSession.create(${JSON.stringify(MODEL)});\n` +
      `console.log("inputs: " + s.inputNames.length);`,
  );
  if (bare.length === 0) return; // a build of onnxruntime-node without the telemetry: nothing to stop
  assert.ok(
    bare.some((n) => /^mat-debug-\d+\.log$/.test(n)),
    bare.join(", "),
  );
});

test("a user's own ORT_DISABLE_TELEMETRY is left as it is", () => {
  const script =
    `const { loadOnnxRuntime } = await import(${JSON.stringify(LOADER)});\n` +
    `await loadOnnxRuntime();\n` +
    `console.log("inputs: 1 " + process.env.ORT_DISABLE_TELEMETRY);`;
  const dir = mkdtempSync(join(tmpdir(), "mg-ort-telemetry-"));
  try {
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      env: { ...process.env, TMPDIR: dir, ORT_DISABLE_TELEMETRY: "yes" },
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /inputs: 1 yes/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
