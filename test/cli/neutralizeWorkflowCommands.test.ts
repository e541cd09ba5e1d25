import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { neutralizeWorkflowCommands } from "../../src/cli/neutralizeWorkflowCommands.js";
import { processIOFor } from "../../src/cli/io.js";

const ZWSP = "\u200b";

test("lines the runner would execute get a zero-width space in front; others are untouched", () => {
  const text = [
    "::warning title=x::y     numeric  ks  0.1",
    "   ::add-mask::secret",
    "\t::stop-commands::token",
    "\u0085::notice::nel is whitespace to .NET",
    "column  kind",
    "a ::warning:: in the middle is not a command",
  ].join("\n");
  assert.deepEqual(neutralizeWorkflowCommands(text).split("\n"), [
    `${ZWSP}::warning title=x::y     numeric  ks  0.1`,
    `${ZWSP}   ::add-mask::secret`,
    `${ZWSP}\t::stop-commands::token`,
    `${ZWSP}\u0085::notice::nel is whitespace to .NET`,
    "column  kind",
    "a ::warning:: in the middle is not a command",
  ]);
});

test("every line break the runner splits on starts a checked line, and the legacy ##[ form is broken anywhere", () => {
  assert.equal(
    neutralizeWorkflowCommands("ok\r::error::a\r\n::error::b\nx ##[add-mask]s"),
    `ok\r${ZWSP}::error::a\r\n${ZWSP}::error::b\nx ##${ZWSP}[add-mask]s`,
  );
  assert.equal(neutralizeWorkflowCommands(""), "");
});

// `run: modelguard drift ...` in a workflow: the CLI's own output reaches the runner's log as is.
test("inside a workflow step the CLI's stdout and stderr are inert; its warning is the one real annotation", () => {
  const written: string[] = [];
  const sink = { write: (t: string) => written.push(t) } as unknown as NodeJS.WritableStream;
  const io = processIOFor({ GITHUB_ACTIONS: "true" }, sink, sink);
  io.out("name  psi\n::warning title=x::y  0.1\n  ::add-mask::secret  0.2");
  io.err("::stop-commands::token");
  io.warning!("comment not posted\n::error::injected");
  const log = written.join("");
  const commands = log.split("\n").filter((l) => /^\s*::/.test(l));
  assert.deepEqual(commands, ["::warning title=modelguard::comment not posted%0A::error::injected"]);

  written.length = 0;
  const plain = processIOFor({}, sink, sink);
  plain.out("::warning title=x::y");
  plain.warning!("comment not posted");
  assert.deepEqual(written, ["::warning title=x::y\n", "warning: comment not posted\n"]);
});

test("the built CLI in a workflow step: a column named like a workflow command stays data", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-cli-commands-"));
  try {
    const csv = "::warning title=x::y,::add-mask::z\n1,2\n2,3\n3,4\n";
    writeFileSync(join(dir, "a.csv"), csv);
    writeFileSync(join(dir, "b.csv"), csv);
    const r = spawnSync(
      process.execPath,
      ["bin/modelguard.js", "drift", "--reference", join(dir, "a.csv"), "--current", join(dir, "b.csv")],
      {
        encoding: "utf8",
        env: { ...process.env, GITHUB_ACTIONS: "true" },
      },
    );
    assert.match(r.stdout, /warning title=x::y/, r.stderr);
    for (const l of (r.stdout + r.stderr).split("\n")) assert.doesNotMatch(l, /^\s*::/, l);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
