import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { createGitHubClient, setGitHubPacingForTests } from "../../src/github/createGitHubClient.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { upsertPullRequestComment } from "../../src/github/upsertPullRequestComment.js";
import { commentOnIssue } from "../../src/github/findOpenIssueByMarker.js";
import { getRepository } from "../../src/github/getRepository.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake, type LogLine } from "../fakeGithub/clientForFake.js";

const REPO = "acme/models";
const TOKEN = "ghs_ClientTestSecret9876543210zyxwvuTSRQP";
let fake: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
});
after(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

function upsert(client: ReturnType<typeof clientForFake>["client"], pr: number, body = "report") {
  return upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: pr, reportId: "eval", body });
}

/** Every way an error or a log line could leak the token. */
function assertTokenAbsent(what: unknown, logs: LogLine[] = []): void {
  const views = [
    JSON.stringify(what),
    inspect(what, { depth: Infinity, showHidden: true }),
    String(what),
    String((what as Error | null)?.stack),
    JSON.stringify(logs),
  ];
  for (const v of views) assert.ok(!v.includes(TOKEN), `token leaked in: ${v.slice(0, 500)}`);
}

test("500s are retried with backoff and the write then succeeds", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  const fault = fake.injectFault({ method: "POST", path: /\/comments$/, status: 500, times: 2 });
  const { client } = clientForFake(fake);
  const r = await upsert(client, pr);
  assert.equal(r.action, "created");
  assert.equal(fault.hits, 2);
  assert.equal(fake.state.commentsOf(REPO, pr).length, 1);
  const posts = fake.requests.filter((q) => q.method === "POST");
  assert.deepEqual(
    posts.map((q) => q.status),
    [500, 500, 201],
  );
  assert.deepEqual(fake.violations, []);
});

test("a 502 that outlasts the retries becomes a 'server' GitHubError", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  const fault = fake.injectFault({ method: "POST", status: 502, times: 10 });
  const { client } = clientForFake(fake, { serverErrorRetries: 2 });
  await assert.rejects(upsert(client, pr), (e: unknown) => {
    assert.ok(e instanceof GitHubError);
    assert.equal(e.kind, "server");
    assert.equal(e.status, 502);
    assert.match(e.hint ?? "", /githubstatus/);
    return true;
  });
  assert.equal(fault.hits, 3, "the first try and two retries");
});

test("a secondary rate limit (403 + retry-after: 1) is waited out, with a warning that names the request", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  const fault = fake.injectFault({
    method: "POST",
    path: /\/comments$/,
    status: 403,
    headers: { "retry-after": "1" },
    body: {
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
    },
  });
  const { client, logs } = clientForFake(fake);
  const r = await upsert(client, pr);
  assert.equal(r.action, "created");
  assert.equal(fault.hits, 1);
  const warnings = logs.filter((l) => l.level === "warn").map((l) => l.message);
  assert.equal(warnings.length, 1, JSON.stringify(logs));
  assert.match(warnings[0] ?? "", /secondary rate limit on POST \/repos\/.*comments: retrying in 1 s \(retry 1 of 2\)/);
  assertTokenAbsent(null, logs);
  assert.deepEqual(fake.violations, []);
});

test("a primary rate limit (x-ratelimit-remaining: 0) is retried once the reset time has passed", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  // A reset time already in the past: the plugin waits max(reset - now + 1, 0) = 0 s, keeping the test fast.
  const reset = String(Math.floor(Date.now() / 1000) - 5);
  const fault = fake.injectFault({
    method: "GET",
    status: 403,
    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
    body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: "https://docs.github.com" },
  });
  const { client, logs } = clientForFake(fake);
  const r = await upsert(client, pr);
  assert.equal(r.action, "created");
  assert.equal(fault.hits, 1);
  assert.match(logs.map((l) => l.message).join("\n"), /GitHub rate limit on GET .*: retrying in 0 s/);
});

test("rate-limit retries are bounded, then the call fails as rate_limited", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  const reset = String(Math.floor(Date.now() / 1000) - 5);
  const fault = fake.injectFault({
    method: "GET",
    status: 429,
    times: 50,
    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
    body: { message: "API rate limit exceeded", documentation_url: "https://docs.github.com" },
  });
  const { client, logs } = clientForFake(fake, { rateLimitRetries: 2 });
  await assert.rejects(upsert(client, pr), (e: unknown) => {
    assert.ok(e instanceof GitHubError);
    assert.equal(e.kind, "rate_limited");
    assert.equal(e.status, 429);
    return true;
  });
  assert.equal(fault.hits, 3, "one try and two retries, no more");
  assert.match(logs.at(-1)?.message ?? "", /giving up after 2 retries/);
});

test("a rate limit asking for a longer wait than allowed fails at once instead of stalling the job", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  const fault = fake.injectFault({
    method: "POST",
    status: 403,
    headers: { "retry-after": "3600" },
    body: { message: "You have exceeded a secondary rate limit.", documentation_url: "https://docs.github.com" },
  });
  const { client, logs } = clientForFake(fake, { maxRateLimitWaitSeconds: 60 });
  await assert.rejects(upsert(client, pr), (e: unknown) => e instanceof GitHubError && e.kind === "rate_limited");
  assert.equal(fault.hits, 1);
  assert.match(logs.map((l) => l.message).join("\n"), /asks to wait 3600 s, longer than 60 s; giving up/);
});

test("writes go one at a time even when callers fire them together; reads may overlap", async () => {
  const slow = await startFakeGitHub({ token: TOKEN, latencyMs: 25 });
  try {
    const issue = slow.state.addIssue(REPO, { title: "tracking" }).number;
    const { client } = clientForFake(slow);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        commentOnIssue(client, { owner: "acme", repo: "models", issueNumber: issue, body: `c${i}` }),
      ),
    );
    assert.equal(slow.state.commentsOf(REPO, issue).length, 5);
    assert.equal(slow.stats.maxConcurrentWrites, 1);
    await Promise.all(Array.from({ length: 4 }, () => getRepository(client, { owner: "acme", repo: "models" })));
    assert.ok(slow.stats.maxConcurrentRequests > 1, "reads are not serialised (so the write check can fail)");
    assert.deepEqual(slow.violations, []);
  } finally {
    await slow.close();
  }
});

test("setGitHubPacingForTests sets the pacing of clients created later without one (and is restored)", async () => {
  const issue = fake.state.addIssue(REPO, { title: "paced" }).number;
  const twoWrites = async (client: ReturnType<typeof createGitHubClient>) => {
    const started = performance.now();
    await Promise.all(
      ["a", "b"].map((body) => commentOnIssue(client, { owner: "acme", repo: "models", issueNumber: issue, body })),
    );
    return performance.now() - started;
  };
  const plain = { token: TOKEN, baseUrl: fake.url, log: { warn: () => {} } };
  const restore = setGitHubPacingForTests({ writeIntervalMs: 1200 });
  let paced;
  try {
    paced = createGitHubClient(plain);
  } finally {
    restore();
  }
  // A lower bound only: the second write may not start before the interval the test pacing set (GitHub's own
  // default is 1000 ms, so the 1200 ms can only come from the test pacing).
  assert.ok((await twoWrites(paced)) >= 1150, "the second write waited the test pacing's interval");
  assert.equal(fake.state.commentsOf(REPO, issue).length, 2);
  assert.deepEqual(fake.violations, []);
});

test("octokit's REST methods share the client's retry, write queue and pagination", async () => {
  const slow = await startFakeGitHub({ token: TOKEN, latencyMs: 10 });
  try {
    const issue = slow.state.addIssue(REPO, { title: "tracking" }).number;
    const fault = slow.injectFault({ method: "POST", path: /\/comments$/, status: 500, times: 1 });
    const { client } = clientForFake(slow);
    const params = { owner: "acme", repo: "models", issue_number: issue };
    await Promise.all(
      Array.from({ length: 4 }, (_, i) => client.rest.issues.createComment({ ...params, body: `c${i}` })),
    );
    assert.equal(fault.hits, 1, "the first write got a 500 and was retried");
    assert.equal(slow.stats.maxConcurrentWrites, 1);
    const all = await client.paginate(client.rest.issues.listComments, { ...params, per_page: 1 });
    assert.deepEqual(all.map((c) => c.body).sort(), ["c0", "c1", "c2", "c3"]);
    assert.ok(slow.requests.filter((q) => q.method === "GET").length >= 4, "one page per comment");
    assert.deepEqual(slow.violations, []);
  } finally {
    await slow.close();
  }
});

test("the token never appears in errors or log lines, even when GitHub echoes it back", async () => {
  const pr = fake.state.addPullRequest(REPO).number;
  const { client, logs } = clientForFake(fake);
  const errors: unknown[] = [];

  // 1. Our wrapped errors.
  fake.injectFault({
    method: "POST",
    status: 403,
    body: { message: `Resource not accessible by integration (token ${TOKEN})`, documentation_url: "x" },
  });
  errors.push(await upsert(client, pr).catch((e: unknown) => e));
  // 2. A raw octokit RequestError from the client (it carries the request, headers included).
  fake.injectFault({ method: "GET", status: 404, body: { message: `no repo for ${TOKEN}` } });
  errors.push(await client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "models" }).catch((e) => e));
  // 3. A failure after retries and a rate-limit wait (log lines too).
  fake.injectFault({ method: "GET", status: 500, times: 4, body: { message: `boom ${TOKEN}` } });
  errors.push(await upsert(client, pr).catch((e: unknown) => e));
  // 4. A network failure.
  const dead = await startFakeGitHub({ token: TOKEN });
  await dead.close();
  const { client: offline } = clientForFake(dead, { serverErrorRetries: 0 });
  errors.push(await upsert(offline, pr).catch((e: unknown) => e));

  assert.equal(errors.length, 4);
  for (const e of errors) {
    assert.ok(e instanceof Error, String(e));
    assertTokenAbsent(e, logs);
  }
  const raw = errors[1] as { status: number; request: { headers: Record<string, string> } };
  assert.equal(raw.status, 404);
  assert.equal(raw.request.headers.authorization, "[REDACTED]");
  assert.ok(
    fake.requests.some((q) => q.auth === "token"),
    "the token was sent to the server",
  );
  assert.equal((errors[3] as GitHubError).kind, "other");
  assert.equal((errors[3] as GitHubError).status, null);
  assert.match((errors[3] as GitHubError).hint ?? "", /GITHUB_API_URL/);
});

test("log lines from octokit itself go through the scrubber", async () => {
  const { client, logs } = clientForFake(fake);
  client.log.warn(`something about ${TOKEN}`, { authorization: `token ${TOKEN}` });
  client.log.error("also ghp_abcdefghijklmnopqrstuvwxyz0123456789 and github_pat_11ABCDEFG0123456789_abcdefghijklmnop");
  assert.equal(logs.length, 2);
  assertTokenAbsent(null, logs);
  assert.doesNotMatch(logs[1]?.message ?? "", /ghp_|github_pat_/);
  assert.match(logs[0]?.message ?? "", /something about \[REDACTED\]/);
});

test("baseUrl defaults to GITHUB_API_URL, and the user agent names modelguard", async () => {
  const saved = process.env.GITHUB_API_URL;
  process.env.GITHUB_API_URL = fake.url;
  try {
    const client = createGitHubClient({ token: TOKEN, log: { warn: () => {} } });
    const repo = await getRepository(client, { owner: "acme", repo: "models" });
    assert.deepEqual(repo, {
      fullName: "acme/models",
      private: false,
      defaultBranch: "main",
      url: "https://github.com/acme/models",
    });
    assert.match(fake.requests.at(-1)?.userAgent ?? "", /^modelguard\/\d+\.\d+\.\d+ /);
  } finally {
    if (saved === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved;
  }
  assert.deepEqual(fake.violations, []);
});

test("an empty token is refused with a hint", () => {
  assert.throws(
    () => createGitHubClient({ token: "  " }),
    (e: unknown) => e instanceof GitHubError && e.kind === "permission" && /github-token/.test(e.hint ?? ""),
  );
});

test("a wrong token gets GitHub's 401, classified as a permission problem", async () => {
  const { client } = clientForFake(fake, { token: "ghs_wrongwrongwrongwrongwrong0000" });
  await assert.rejects(getRepository(client, { owner: "acme", repo: "models" }), (e: unknown) => {
    assert.ok(e instanceof GitHubError);
    assert.equal(e.kind, "permission");
    assert.equal(e.status, 401);
    assert.match(e.hint ?? "", /expired or revoked/);
    return true;
  });
  assert.deepEqual(fake.violations, [], "a wrong token is not a malformed request");
});

test("an attempt that gets no answer is abandoned after requestTimeoutMs and retried like a network failure", async () => {
  // A server that accepts the connection and never answers (a hung proxy).
  const { createServer } = await import("node:http");
  let attempts = 0;
  const hung = createServer(() => void attempts++);
  await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
  const { port } = hung.address() as import("node:net").AddressInfo;
  try {
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: `http://127.0.0.1:${port}`,
      requestTimeoutMs: 150,
      serverErrorRetries: 1,
      pacing: { retryBaseMs: 1 },
      log: { warn: () => {} },
    });
    await assert.rejects(getRepository(client, { owner: "acme", repo: "models" }), (e: unknown) => {
      assert.ok(e instanceof GitHubError, String(e));
      assert.match(e.message, /timeout|aborted/i, e.message);
      assert.ok(!e.message.includes(TOKEN));
      return true;
    });
    assert.equal(attempts, 2, "the first try and one retry");
  } finally {
    hung.closeAllConnections();
    await new Promise((r) => hung.close(r));
  }
});
