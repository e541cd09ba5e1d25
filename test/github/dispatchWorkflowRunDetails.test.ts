import { test } from "node:test";
import assert from "node:assert/strict";
import { dispatchWorkflow } from "../../src/github/dispatchWorkflow.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { startFakeGitHub, type FakeGitHubOptions } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";

const TOKEN = "ghs_RunDetailsTestSecret000111222333444555";

async function withFake(
  options: FakeGitHubOptions,
  fn: (f: Awaited<ReturnType<typeof startFakeGitHub>>) => Promise<void>,
) {
  const fake = await startFakeGitHub({ token: TOKEN, ...options });
  fake.state.addRepository("acme/models", { workflows: ["retrain.yml"] });
  try {
    await fn(fake);
    assert.deepEqual(fake.violations, []);
  } finally {
    await fake.close();
  }
}

test("dispatchWorkflow with returnRunDetails: GitHub's 200 {workflow_run_id, run_url, html_url} becomes the run's details", async () => {
  await withFake({}, async (fake) => {
    const { client } = clientForFake(fake);
    const input = { owner: "acme", repo: "models", workflow: "retrain.yml", ref: "main", inputs: { reason: "drift" } };
    const run = await dispatchWorkflow(client, { ...input, returnRunDetails: true });
    const runId = fake.state.workflowDispatches[0]!.runId!;
    assert.deepEqual(run, {
      runId,
      runUrl: `${fake.url}/repos/acme/models/actions/runs/${runId}`,
      htmlUrl: `https://github.com/acme/models/actions/runs/${runId}`,
    });
    assert.deepEqual(fake.requests[0]!.body, { ref: "main", inputs: { reason: "drift" }, return_run_details: true });
    assert.equal(fake.requests[0]!.status, 200);
    // Not asked: the body is as before, GitHub answers 204, and there are no details.
    assert.equal(await dispatchWorkflow(client, input), null);
    assert.deepEqual(fake.requests[1]!.body, { ref: "main", inputs: { reason: "drift" } });
    assert.equal(fake.requests[1]!.status, 204);
  });
});

test("dispatchWorkflow with returnRunDetails on a server that predates it: 204 gives null; a 422 naming the key is sent again without it", async () => {
  await withFake({ basePath: "/api/v3", workflowRunDetails: "ignored" }, async (fake) => {
    const { client } = clientForFake(fake);
    const run = await dispatchWorkflow(client, {
      owner: "acme",
      repo: "models",
      workflow: "retrain.yml",
      ref: "main",
      returnRunDetails: true,
    });
    assert.equal(run, null);
    assert.equal(fake.state.workflowDispatches.length, 1);
    assert.deepEqual(
      fake.requests.map((r) => r.status),
      [204],
    );
  });
  await withFake({ workflowRunDetails: "refused" }, async (fake) => {
    const { client } = clientForFake(fake);
    const run = await dispatchWorkflow(client, {
      owner: "acme",
      repo: "models",
      workflow: "retrain.yml",
      ref: "main",
      returnRunDetails: true,
    });
    assert.equal(run, null);
    assert.equal(fake.state.workflowDispatches.length, 1, "dispatched once");
    assert.deepEqual(
      fake.requests.map((r) => [r.status, (r.body as Record<string, unknown>).return_run_details]),
      [
        [422, true],
        [204, undefined],
      ],
    );
  });
  // Any other 422 is the caller's to see.
  await withFake({}, async (fake) => {
    const { client } = clientForFake(fake);
    fake.injectFault({ path: /dispatches$/, status: 422, body: { message: 'Unexpected inputs provided: ["x"]' } });
    await assert.rejects(
      dispatchWorkflow(client, {
        owner: "acme",
        repo: "models",
        workflow: "retrain.yml",
        ref: "main",
        returnRunDetails: true,
      }),
      (e: unknown) => e instanceof GitHubError && e.status === 422 && /Unexpected inputs/.test(e.message),
    );
    assert.equal(fake.requests.length, 1);
  });
});
