// GitHub App authentication against the fake GitHub, which verifies the App's JWT (RS256 with the key pair made here,
// iss/iat/exp bounds) and refuses its installation tokens once expired: `report --comment` and the monitor act as
// `<slug>[bot]` (found with GET /app, so their marker adoption works), the installation is found from the
// repository, an expired token is replaced after GitHub's 401, a token close to its expiry is replaced before use.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { createGitHubClient, setGitHubPacingForTests } from "../../src/github/createGitHubClient.js";
import { getRepository } from "../../src/github/getRepository.js";
import { resolveTokenAuthor } from "../../src/github/resolveTokenAuthor.js";
import { runCli } from "../helpers/cli.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { manualClock, postEvents, setupMonitor, trafficNdjson, waitFor } from "../monitor/monitorFixtures.js";

const work = mkdtempSync(join(tmpdir(), "mg-github-app-"));
const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  // The format GitHub hands out: PKCS#1, "-----BEGIN RSA PRIVATE KEY-----".
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const KEY_FILE = join(work, "app.pem");
writeFileSync(KEY_FILE, privateKey);
const APP = { id: 424242, slug: "modelguard-test", installationId: 9901 };
const saved = { ...process.env };
let restorePacing: () => void;

before(() => {
  restorePacing = setGitHubPacingForTests({ retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 });
});
after(() => {
  restorePacing();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

function fakeApp(tokenLifetimeMs?: number): Promise<FakeGitHub> {
  return startFakeGitHub({
    repositories: ["acme/models"],
    app: { ...APP, publicKey, ...(tokenLifetimeMs !== undefined ? { tokenLifetimeMs } : {}) },
  });
}

const ops = (fake: FakeGitHub, id: string) => fake.requests.filter((r) => r.operationId === id);

test("report --comment as a GitHub App: installation found from the repository, one comment by <slug>[bot], updated in place", async () => {
  const fake = await fakeApp();
  try {
    const pr = fake.state.addPullRequest("acme/models");
    const event = join(work, "event.json");
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: pr.number,
          head: { sha: "e".repeat(40), repo: { full_name: "acme/models" } },
          base: { repo: { full_name: "acme/models" } },
        },
        repository: { full_name: "acme/models" },
      }),
    );
    for (const k of Object.keys(process.env))
      if (/^(GITHUB_|RUNNER_|INPUT_|MODELGUARD_)/.test(k)) delete process.env[k];
    Object.assign(process.env, {
      GITHUB_API_URL: fake.url,
      GITHUB_REPOSITORY: "acme/models",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      MODELGUARD_APP_ID: String(APP.id),
      MODELGUARD_APP_PRIVATE_KEY_FILE: KEY_FILE,
    });
    for (const run of [0, 1]) {
      const r = await runCli("report", "--comparison", "fixtures/report/comparison-fail.json", "--comment");
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, run === 0 ? /created the PR comment/ : /updated the PR comment/);
    }
    const comments = fake.state.commentsOf("acme/models", pr.number);
    assert.equal(comments.length, 1, "the second run adopted the first run's comment");
    assert.equal(comments[0]!.user.login, "modelguard-test[bot]");
    // Each run: the installation from the repository and a token, both with the App's JWT; GET /app for the author.
    assert.equal(ops(fake, "apps/get-repo-installation").length, 2);
    assert.equal(ops(fake, "apps/create-installation-access-token").length, 2);
    assert.ok(ops(fake, "apps/get-authenticated").length >= 1);
    assert.ok(ops(fake, "apps/create-installation-access-token").every((q) => q.auth === "bearer" && q.status === 201));
    const write = ops(fake, "issues/create-comment")[0]!;
    assert.equal(write.auth, "token");
    assert.deepEqual(fake.violations, []);

    // The registry commands take the same App settings.
    const list = await runCli("registry", "list", "churn", "--registry", "github:acme/models");
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /churn has no versions in github:acme\/models/);
    assert.equal(ops(fake, "repos/list-releases").at(-1)?.auth, "token");

    // A key that is not a PEM is a usage error naming the variable, exit 2, nothing sent.
    process.env.MODELGUARD_APP_PRIVATE_KEY = "not a key";
    delete process.env.MODELGUARD_APP_PRIVATE_KEY_FILE;
    const before = fake.requests.length;
    const bad = await runCli("report", "--comparison", "fixtures/report/comparison-fail.json", "--comment");
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /MODELGUARD_APP_PRIVATE_KEY or MODELGUARD_APP_PRIVATE_KEY_FILE: not a PEM private key/);
    assert.equal(fake.requests.length, before);
  } finally {
    process.env = { ...saved };
    await fake.close();
  }
});

test("an installation token GitHub no longer accepts is replaced after its 401; one close to expiry is replaced before use", async () => {
  const fake = await fakeApp();
  try {
    const client = createGitHubClient({
      app: { appId: String(APP.id), privateKey, installationId: APP.installationId },
      baseUrl: fake.url,
      log: { warn: () => {} },
    });
    await getRepository(client, { owner: "acme", repo: "models" });
    assert.equal(ops(fake, "apps/create-installation-access-token").length, 1);
    await getRepository(client, { owner: "acme", repo: "models" });
    assert.equal(ops(fake, "apps/create-installation-access-token").length, 1, "a valid token is reused");
    fake.app!.expireTokens();
    await getRepository(client, { owner: "acme", repo: "models" });
    assert.equal(ops(fake, "apps/create-installation-access-token").length, 2);
    assert.equal(ops(fake, "repos/get").filter((q) => q.status === 401).length, 1, "one 401, then the new token");
    assert.deepEqual(await resolveTokenAuthor(client), { login: "modelguard-test[bot]", source: "app" });
    assert.deepEqual(fake.violations, []);
  } finally {
    await fake.close();
  }

  // Tokens that live 4 minutes are within the 5-minute margin from the start: each request gets a fresh one, and
  // none is ever refused.
  const shortLived = await fakeApp(4 * 60_000);
  try {
    const client = createGitHubClient({
      app: { appId: String(APP.id), privateKey, repository: { owner: "acme", repo: "models" } },
      baseUrl: shortLived.url,
      log: { warn: () => {} },
    });
    await getRepository(client, { owner: "acme", repo: "models" });
    await getRepository(client, { owner: "acme", repo: "models" });
    assert.equal(ops(shortLived, "apps/create-installation-access-token").length, 2);
    assert.equal(ops(shortLived, "apps/get-repo-installation").length, 1, "the installation is looked up once");
    assert.ok(shortLived.requests.every((q) => q.status !== 401));
    assert.deepEqual(shortLived.violations, []);
  } finally {
    await shortLived.close();
  }
});

test("the monitor authenticates as the App (github.app in monitor.yml, key from an environment variable): its drift issue is <slug>[bot]'s and later windows update it", async () => {
  const fake = await fakeApp();
  try {
    const { config: base } = setupMonitor();
    const config = resolveMonitorConfig(
      {
        reference: base.reference,
        state: base.state,
        window: { size: 1000 },
        github: {
          repository: "acme/models",
          app: { id: APP.id, private_key_env: "MG_TEST_APP_KEY", installation_id: APP.installationId },
        },
        alert: { consecutive: 1, cooldown: "1h", close_after_clean: 2 },
        actions: { issue: { labels: ["drift"] } },
      },
      join(work, "monitor.yml"),
    );
    const clock = manualClock();
    const m = await startMonitor(config, {
      env: { MG_TEST_APP_KEY: privateKey, GITHUB_API_URL: fake.url },
      logger: pino({ level: "silent" }),
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      github: { rateLimitRetries: 0 },
      outboxRetry: { baseDelayMs: 2, maxDelayMs: 20 },
    });
    try {
      for (const seed of [10, 20]) {
        clock.advance(60_000);
        assert.equal((await postEvents(m.url, trafficNdjson(1000, seed, true))).status, 202);
      }
      await waitFor("the outbox to be delivered", () => m.outbox.pending().length === 0);
      await m.outbox.idle();
    } finally {
      await m.shutdown();
    }
    const issues = fake.state.issuesOf("acme/models");
    assert.equal(issues.length, 1, "the second window's update found the App's own issue");
    assert.equal(issues[0]!.user.login, "modelguard-test[bot]");
    assert.equal(fake.state.commentsOf("acme/models", issues[0]!.number)[0]?.user.login, "modelguard-test[bot]");
    assert.equal(ops(fake, "apps/create-installation-access-token").length, 1);
    assert.deepEqual(fake.violations, []);
  } finally {
    await fake.close();
  }
});
