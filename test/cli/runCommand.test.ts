// runCommand is how the Action runs a command: the outcome and the results come back as values, and nothing the
// caller needs is only in the printed text.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandResult } from "../../src/cli/commandResult.js";
import type { CliIO } from "../../src/cli/io.js";
import { main, runCommand } from "../../src/cli/main.js";
import { ModelguardError } from "../../src/errors.js";

const DATA = "fixtures/datasets/breast_cancer";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const work = mkdtempSync(join(tmpdir(), "mg-run-command-"));
after(() => rmSync(work, { recursive: true, force: true }));

function capture(): { io: CliIO; err: string[]; results: CommandResult[] } {
  const err: string[] = [];
  const results: CommandResult[] = [];
  return { io: { out: () => {}, err: (t) => err.push(t), result: (r) => results.push(r) }, err, results };
}

test("a bad input comes back as the ModelguardError, with its code, location and hint, and is not printed", async () => {
  const data = join(work, "bad.csv");
  writeFileSync(data, "a,b\n1,2\n3\n");
  const c = capture();
  const outcome = await runCommand(["schema", "infer", "--data", data], c.io);
  assert.equal(outcome.exitCode, 2);
  assert.ok(outcome.error instanceof ModelguardError);
  assert.equal(outcome.error.code, "input");
  assert.equal(outcome.error.location?.line, 3);
  assert.equal(outcome.internalError, null);
  assert.deepEqual(c.err, [], "runCommand prints no error lines: the caller has the value");
  // main() prints the same error, as before.
  const printed: string[] = [];
  assert.equal(await main(["schema", "infer", "--data", data], { out: () => {}, err: (t) => printed.push(t) }), 2);
  assert.match(printed[0] ?? "", /^modelguard: error: .*bad\.csv, line 3/);
});

test("a usage mistake caught by the option parser is a 'usage' ModelguardError too", async () => {
  const outcome = await runCommand(["validate", "--no-such-flag"], capture().io);
  assert.equal(outcome.exitCode, 2);
  assert.equal(outcome.error?.code, "usage");
  assert.match(outcome.error?.message ?? "", /unknown option '--no-such-flag'/);
});

test("a failed gate is a result: the comparison with verdict fail, exit 1 without --no-fail, 0 with it", async () => {
  const gates = join(work, "strict.yml");
  writeFileSync(gates, "gates:\n  accuracy: { min: 0.999 }\n");
  const argv = ["compare", "--candidate-model", MODEL, "--baseline-model", MODEL];
  const common = [...argv, "--data", `${DATA}/test.csv`, "--target", "malignant", "--gates", gates];
  const failing = capture();
  const strict = await runCommand(common, failing.io);
  assert.deepEqual([strict.exitCode, strict.error, strict.internalError], [1, null, null]);
  assert.deepEqual(
    failing.results.map((r) => r.kind),
    ["comparison"],
  );
  const comparison = failing.results[0]!;
  assert.ok(comparison.kind === "comparison" && comparison.value.verdict === "fail");
  assert.equal(comparison.path, null);
  const out = join(work, "comparison.json");
  const lenient = capture();
  const noFail = await runCommand([...common, "--no-fail", "--out", out], lenient.io);
  assert.equal(noFail.exitCode, 0);
  assert.equal(lenient.results[0]?.path, out);
  assert.equal(lenient.results[0]?.kind === "comparison" && lenient.results[0].value.verdict, "fail");
});

test("report hands back what it rendered, each with the file it came from", async () => {
  const validation = join(work, "validation.json");
  const c = capture();
  const schema = join(work, "schema.yml");
  assert.equal((await runCommand(["schema", "infer", "--data", `${DATA}/train.csv`, "-o", schema], c.io)).exitCode, 0);
  const v = await runCommand(
    ["validate", "--data", `${DATA}/train.csv`, "--schema", schema, "--out", validation],
    c.io,
  );
  assert.equal(v.exitCode, 0);
  const r = capture();
  const report = await runCommand(["report", "--validation", validation, "--report", join(work, "r.md")], r.io);
  assert.equal(report.exitCode, 0);
  assert.deepEqual(
    r.results.map((x) => [x.kind, x.path]),
    [["validation", validation]],
  );
  assert.deepEqual(r.results[0]?.value, c.results[0]?.value);
});
