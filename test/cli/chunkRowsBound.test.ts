import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-chunk-rows-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

// Issue #7: --chunk-rows took any integer (1e12 reached the loaders); it now has a documented maximum.
test("--chunk-rows beyond its maximum is exit 2 naming the flag and the range; the maximum itself is accepted", async () => {
  const data = "fixtures/datasets/breast_cancer/train.csv";
  const big = await runCli("profile", "--data", data, "--chunk-rows", "1e12", "-o", join(dir, "p.json"));
  assert.equal(big.code, 2, big.stderr);
  assert.match(big.stderr, /--chunk-rows must be an integer >= 1 and <= 4194304, got '1e12'/);
  const max = await runCli("profile", "--data", data, "--chunk-rows", "4194304", "-o", join(dir, "q.json"));
  assert.equal(max.code, 0, max.stderr);
});
