import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { dispatchRepositoryEvent, dispatchWorkflow } from "../../src/github/dispatchWorkflow.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";

const TOKEN = "ghs_DispatchTestSecret000111222333444555666";
let fake: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
  fake.state.addRepository("acme/models", { workflows: ["retrain.yml", "123456"] });
});
after(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
  fake.state.workflowDispatches.length = 0;
  fake.state.repositoryDispatches.length = 0;
});

test("workflow_dispatch starts a workflow by file name or id, with its ref and inputs", async () => {
  const { client } = clientForFake(fake);
  await dispatchWorkflow(client, {
    owner: "acme",
    repo: "models",
    workflow: "retrain.yml",
    ref: "main",
    inputs: { model: "fraud", epochs: 3, dry_run: false },
  });
  await dispatchWorkflow(client, { owner: "acme", repo: "models", workflow: 123456, ref: "v1.2.0" });
  assert.deepEqual(fake.state.workflowDispatches, [
    {
      owner: "acme",
      repo: "models",
      workflowId: "retrain.yml",
      ref: "main",
      inputs: { model: "fraud", epochs: 3, dry_run: false },
    },
    { owner: "acme", repo: "models", workflowId: "123456", ref: "v1.2.0", inputs: {} },
  ]);
  assert.deepEqual(
    fake.requests.map((q) => [q.method, q.path, q.status]),
    [
      ["POST", "/repos/acme/models/actions/workflows/retrain.yml/dispatches", 204],
      ["POST", "/repos/acme/models/actions/workflows/123456/dispatches", 204],
    ],
  );
  assert.deepEqual(fake.violations, []);
});

test("repository_dispatch sends the event type and client payload", async () => {
  const { client } = clientForFake(fake);
  await dispatchRepositoryEvent(client, {
    owner: "acme",
    repo: "models",
    eventType: "modelguard-drift",
    clientPayload: { model: "fraud", drifted: ["age", "income"], share: 0.25 },
  });
  assert.deepEqual(fake.state.repositoryDispatches, [
    {
      owner: "acme",
      repo: "models",
      eventType: "modelguard-drift",
      clientPayload: { model: "fraud", drifted: ["age", "income"], share: 0.25 },
    },
  ]);
  assert.deepEqual(fake.violations, []);
});

test("an unknown workflow is not_found; payloads over GitHub's limits are refused before sending", async () => {
  const { client } = clientForFake(fake);
  await assert.rejects(
    dispatchWorkflow(client, { owner: "acme", repo: "models", workflow: "nope.yml", ref: "main" }),
    (e: unknown) => e instanceof GitHubError && e.kind === "not_found" && /actions: write/.test(e.hint ?? ""),
  );
  fake.requests.length = 0;
  const inputs = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`in${i}`, "v"]));
  await assert.rejects(
    dispatchWorkflow(client, { owner: "acme", repo: "models", workflow: "retrain.yml", ref: "main", inputs }),
    (e: unknown) => e instanceof GitHubError && /26 inputs, GitHub accepts at most 25/.test(e.message),
  );
  const clientPayload = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]));
  await assert.rejects(
    dispatchRepositoryEvent(client, { owner: "acme", repo: "models", eventType: "e", clientPayload }),
    (e: unknown) => e instanceof GitHubError && /11 top-level keys/.test(e.message),
  );
  await assert.rejects(
    dispatchRepositoryEvent(client, {
      owner: "acme",
      repo: "models",
      eventType: "e",
      clientPayload: { rows: "r".repeat(70_000) },
    }),
    (e: unknown) => e instanceof GitHubError && /GitHub accepts less than 65536/.test(e.message),
  );
  await assert.rejects(
    dispatchRepositoryEvent(client, { owner: "acme", repo: "models", eventType: "" }),
    (e: unknown) => e instanceof GitHubError && /1-100 characters/.test(e.message),
  );
  assert.deepEqual(fake.requests, []);
  assert.deepEqual(fake.state.workflowDispatches, []);
});
