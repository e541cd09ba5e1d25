import { test } from "node:test";
import assert from "node:assert/strict";
import { buildProgram } from "../../src/cli/main.js";
import { VERSION } from "../../src/version.js";
import { runCli } from "../helpers/cli.js";

const quiet = { out: () => {}, err: () => {} };

test("--version and -V print the version and exit 0", async () => {
  for (const flag of ["--version", "-V"]) {
    const r = await runCli(flag);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), VERSION);
  }
});

test("the version loads no command (loading every one, onnxruntime's binding among them, made it 100 MB); help loads them all", async () => {
  assert.equal((await buildProgram(quiet, ["--version"])).program.commands.length, 0);
  assert.equal((await buildProgram(quiet, ["-V"])).program.commands.length, 0);
  const all = (await buildProgram(quiet, ["--help"])).program.commands.map((c) => c.name());
  assert.ok(all.includes("validate") && all.includes("monitor"), all.join(" "));
});
