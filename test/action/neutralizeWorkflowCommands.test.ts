import { test } from "node:test";
import assert from "node:assert/strict";
import { neutralizeWorkflowCommands } from "../../src/action/neutralizeWorkflowCommands.js";

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
