import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

/** Runs the CLI in a child and reports whether onnxruntime's native library got mapped into the process. */
function loadsOnnxRuntime(args: string[]): boolean {
  const script = `
    const { main } = await import("./build/src/cli/main.js");
    await main(${JSON.stringify(args)}, { out() {}, err() {} });
    const maps = (await import("node:fs")).readFileSync("/proc/self/maps", "utf8");
    process.stdout.write(String(/libonnxruntime/.test(maps)));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout === "true";
}

test("onnxruntime-node is loaded only by commands that run a model", { skip: process.platform !== "linux" }, () => {
  const bc = "fixtures/datasets/breast_cancer";
  assert.equal(loadsOnnxRuntime(["drift", "--reference", `${bc}/train.csv`, "--current", `${bc}/current.csv`]), false);
  assert.equal(
    loadsOnnxRuntime([
      "evaluate",
      "--model",
      "fixtures/models/breast_cancer_columns.onnx",
      "--data",
      `${bc}/test.csv`,
      "--target",
      "malignant",
    ]),
    true,
    "the check sees the library when it is loaded",
  );
});
