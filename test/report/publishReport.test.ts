import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { emitReport } from "../../src/cli/commands/report.js";
import type { CliIO } from "../../src/cli/io.js";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-publish-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = "ghs_test_token_never_printed_0123456789";

const comparison: ComparisonResult = {
  kind: "modelguard.comparison",
  version: 1,
  verdict: "fail",
  outcome: "fail",
  on_inconclusive: "fail",
  reason: "accuracy may have dropped by more than the allowed 0.005",
  task: "binary",
  paired: true,
  confidence: 0.95,
  resamples: 2000,
  seed: 0,
  rows: 171,
  data: { path: "test.csv", sha256: "a".repeat(64), rows: 171 },
  candidate: { source: "new.onnx", model: { path: "new.onnx", sha256: "b".repeat(64), bytes: 1234 } },
  baseline: { source: "prod.onnx", model: { path: "prod.onnx", sha256: "c".repeat(64), bytes: 1200 } },
  metrics: [
    {
      name: "accuracy",
      direction: "higher",
      baseline: 0.96,
      candidate: 0.94,
      delta: -0.02,
      ci: [-0.05, 0.01],
      ci_relative: null,
      detectable_change: 0.03,
      rule: "max_drop 0.005",
      checks: [
        {
          kind: "max_drop",
          threshold: 0.005,
          measured: -0.05,
          outcome: "inconclusive",
          interval: [-0.05, 0.01],
          passed: false,
          description: "accuracy: change >= -0.005",
        },
      ],
      status: "fail",
      passed: false,
    },
  ],
  notes: [],
  duration_ms: 12,
};

function capture(): CliIO & { text: () => string } {
  let all = "";
  return { out: (t) => (all += t + "\n"), err: (t) => (all += t + "\n"), text: () => all };
}

function actionsEnv(url: string, event: object, extra: Record<string, string> = {}) {
  const eventPath = join(dir, `event-${Math.random()}.json`);
  writeFileSync(eventPath, JSON.stringify(event));
  const summary = join(dir, `summary-${Math.random()}.md`);
  writeFileSync(summary, "");
  return {
    env: {
      GITHUB_ACTIONS: "true",
      GITHUB_API_URL: url,
      GITHUB_REPOSITORY: "acme/models",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SHA: "d".repeat(40),
      GITHUB_TOKEN: TOKEN,
      ...extra,
    } as NodeJS.ProcessEnv,
    summary,
  };
}

const prEvent = (n: number, head = "acme/models") => ({
  pull_request: {
    number: n,
    head: { sha: "e".repeat(40), repo: { full_name: head } },
    base: { repo: { full_name: "acme/models" } },
  },
  repository: { full_name: "acme/models" },
});

test("two runs on a pull request leave exactly one report comment, updated in place, and write the job summary", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  try {
    const pr = fake.state.addPullRequest("acme/models");
    for (let run = 0; run < 2; run++) {
      const { env, summary } = actionsEnv(fake.url, prEvent(pr.number));
      const io = capture();
      await emitReport(
        { comparison: { ...comparison, reason: `run ${run}` } },
        { comment: true, summary: true, reportId: "model-a" },
        io,
        env,
      );
      assert.match(readFileSync(summary, "utf8"), /Fail: the candidate may not replace production/);
      assert.match(io.text(), run === 0 ? /created the PR comment/ : /updated the PR comment/);
      assert.doesNotMatch(io.text(), new RegExp(TOKEN));
    }
    const comments = fake.state.commentsOf("acme/models", pr.number);
    assert.equal(comments.length, 1);
    assert.ok(comments[0]!.body.startsWith("<!-- modelguard:report id=model-a -->"));
    assert.match(comments[0]!.body, /run 1/);
    assert.deepEqual(fake.violations, []);
  } finally {
    await fake.close();
  }
});

test("a fork's read-only token: the comment becomes a warning naming the permission, the summary still has the report", async () => {
  const fake = await startFakeGitHub({
    token: TOKEN,
    repositories: ["acme/models"],
    permissions: { issues: "read", "pull-requests": "read" },
  });
  try {
    const pr = fake.state.addPullRequest("acme/models", { headRepoFullName: "someone/models" });
    const { env, summary } = actionsEnv(fake.url, prEvent(pr.number, "someone/models"));
    const io = capture();
    await emitReport({ comparison }, { comment: true, summary: true, reportId: "default" }, io, env);
    assert.match(
      io.text(),
      /::warning title=modelguard::could not post the PR comment \(this pull request comes from a fork/,
    );
    assert.match(io.text(), /pull-requests: write/);
    assert.match(readFileSync(summary, "utf8"), /accuracy/);
    assert.equal(fake.state.commentsOf("acme/models", pr.number).length, 0);
    assert.doesNotMatch(io.text(), new RegExp(TOKEN));
  } finally {
    await fake.close();
  }
});

test("outside a pull request (push) only the summary is written", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  try {
    const { env, summary } = actionsEnv(
      fake.url,
      { ref: "refs/heads/main", repository: { full_name: "acme/models" } },
      { GITHUB_EVENT_NAME: "push" },
    );
    const io = capture();
    await emitReport({ comparison }, { comment: true, summary: true, reportId: "default" }, io, env);
    assert.match(io.text(), /not a pull request \(push\)/);
    assert.ok(readFileSync(summary, "utf8").length > 100);
    assert.equal(fake.requests.length, 0);
  } finally {
    await fake.close();
  }
});

test("a stranger's comment with our marker: report --comment creates our own, leaves theirs alone, and next updates ours", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  try {
    const pr = fake.state.addPullRequest("acme/models");
    const forged = "<!-- modelguard:report id=model-a -->\n**Pass**: ship it (forged)";
    const stranger = fake.state.addComment("acme/models", pr.number, { body: forged, user: "mallory" });
    const urls: string[] = [];
    for (let run = 0; run < 2; run++) {
      const { env } = actionsEnv(fake.url, prEvent(pr.number));
      const io = { ...capture(), commentPosted: (u: string) => void urls.push(u) };
      await emitReport(
        { comparison: { ...comparison, reason: `run ${run}` } },
        { comment: true, summary: true, reportId: "model-a" },
        io,
        env,
      );
      assert.match(io.text(), run === 0 ? /created the PR comment/ : /updated the PR comment/);
    }
    assert.equal(stranger.body, forged, "the stranger's comment is untouched");
    assert.equal(urls[0], urls[1]);
    const ours = fake.state.commentsOf("acme/models", pr.number).filter((c) => c !== stranger);
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.user.login, "github-actions[bot]");
    assert.match(ours[0]!.body, /run 1/);
    assert.ok(!fake.requests.some((r) => r.method === "PATCH" && r.path.endsWith(`/${stranger.id}`)));
    assert.deepEqual(fake.violations, []);
  } finally {
    await fake.close();
  }
});

test("a GitHub App's installation token: --comment-author (or the Action's comment-author input) names its bot", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"], actor: "acme-ml[bot]" });
  try {
    const pr = fake.state.addPullRequest("acme/models");
    const byActions = fake.state.addComment("acme/models", pr.number, {
      body: "<!-- modelguard:report id=default -->\nanother workflow's",
    });
    for (const how of ["flag", "input"] as const) {
      const { env } = actionsEnv(
        fake.url,
        prEvent(pr.number),
        how === "input" ? { "INPUT_COMMENT-AUTHOR": "acme-ml[bot]" } : {},
      );
      const io = capture();
      await emitReport(
        { comparison },
        { comment: true, reportId: "default", ...(how === "flag" ? { commentAuthor: "acme-ml[bot]" } : {}) },
        io,
        env,
      );
      assert.match(io.text(), how === "flag" ? /created the PR comment/ : /updated the PR comment/);
    }
    assert.equal(byActions.body, "<!-- modelguard:report id=default -->\nanother workflow's");
    assert.deepEqual(
      fake.state.commentsOf("acme/models", pr.number).map((c) => c.user.login),
      ["github-actions[bot]", "acme-ml[bot]"],
    );
    assert.equal(fake.requests.filter((r) => r.operationId === "users/get-authenticated").length, 0);
    assert.deepEqual(fake.violations, []);
  } finally {
    await fake.close();
  }
});

test("an invalid --comment-author is a usage error (exit 2) before anything is written or sent", async () => {
  const file = join(dir, "comparison.json");
  writeFileSync(file, JSON.stringify(comparison));
  const out = join(dir, "never.md");
  const r = await runCli("report", "--comparison", file, "--report", out, "--comment", "--comment-author", "mal lory");
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--comment-author.*"mal lory"/);
  assert.throws(() => readFileSync(out));
});

test("what GitHub sends back is scrubbed of the token before it is printed", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  try {
    const pr = fake.state.addPullRequest("acme/models");
    fake.injectFault({
      method: "POST",
      status: 201,
      body: { id: 7, html_url: `https://github.com/acme/models/pull/${pr.number}?leak=${TOKEN}` },
    });
    const { env } = actionsEnv(fake.url, prEvent(pr.number));
    let posted = "";
    const io = { ...capture(), commentPosted: (u: string) => void (posted = u) };
    await emitReport({ comparison }, { comment: true, reportId: "default" }, io, env);
    assert.match(
      io.text(),
      /created the PR comment: https:\/\/github\.com\/acme\/models\/pull\/\d+\?leak=\[REDACTED\]/,
    );
    assert.doesNotMatch(io.text() + posted, new RegExp(TOKEN));
  } finally {
    await fake.close();
  }
});
