import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { publishReport } from "../../src/cli/publishReport.js";
import { workflowWarning } from "../../src/cli/io.js";

const TOKEN = "ghs_workflow_warning_token_0123456789";
const dir = mkdtempSync(join(tmpdir(), "mg-warning-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

// What @actions/core's escapeData does to a command's data (node_modules/@actions/core/lib/command.js).
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

test("workflowWarning escapes its data as @actions/core does: one line, no command of its own", () => {
  const message = "x\r::error::a\n::add-mask::b 100%0A";
  const line = workflowWarning(message);
  assert.equal(line, `::warning title=modelguard::${escapeData(message)}`);
  assert.doesNotMatch(line, /[\r\n]/);
  assert.match(line, /100%250A$/, "a literal %0A is not decoded into a line break by the runner");
});

// Issue #8: the warning quoted GitHub's answer with only \n escaped (not \r, not %).
test("a PR comment that cannot be posted warns with GitHub's answer escaped, on one line", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  try {
    const pr = fake.state.addPullRequest("acme/models");
    fake.injectFault({
      method: "POST",
      status: 422,
      body: { message: "Validation Failed\r::error title=x::injected\n50%0A::add-mask::y" },
    });
    const eventPath = join(dir, "event.json");
    writeFileSync(
      eventPath,
      JSON.stringify({
        pull_request: {
          number: pr.number,
          head: { sha: "e".repeat(40), repo: { full_name: "acme/models" } },
          base: { repo: { full_name: "acme/models" } },
        },
        repository: { full_name: "acme/models" },
      }),
    );
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_API_URL: fake.url,
      GITHUB_REPOSITORY: "acme/models",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_TOKEN: TOKEN,
    } as NodeJS.ProcessEnv;
    // Not a fresh literal: the fields a renderer adds later need not be listed here.
    const rendered = { comment: "report", summary: "report", html: "", omitted: [], summaryOmitted: [] };
    const r = await publishReport({
      rendered,
      comment: true,
      reportId: "default",
      io,
      env,
    });
    assert.equal(r.comment, null);
    const printed = lines.join("\n").split(/\r\n|\r|\n/);
    const commands = printed.filter((l) => /^\s*::/.test(l));
    assert.equal(commands.length, 1, printed.join("\n"));
    assert.match(commands[0]!, /^::warning title=modelguard::could not post the PR comment/);
    assert.ok(commands[0]!.includes(escapeData("Validation Failed\r::error title=x::injected\n50%0A")));
  } finally {
    await fake.close();
  }
});
