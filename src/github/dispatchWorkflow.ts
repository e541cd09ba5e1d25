import type { GitHubClient } from "./createGitHubClient.js";
import { callGitHub } from "./classifyGitHubError.js";
import { GitHubError } from "./GitHubError.js";

/** GitHub's limits on dispatch payloads. */
const MAX_WORKFLOW_INPUTS = 25;
const MAX_CLIENT_PAYLOAD_KEYS = 10;
const MAX_EVENT_TYPE_LENGTH = 100;
const MAX_CLIENT_PAYLOAD_BYTES = 64 * 1024;

/**
 * Starts a `workflow_dispatch` run of a workflow (file name such as "retrain.yml", or its numeric id) on a ref.
 * Needs `actions: write`; runs start even when sent with GITHUB_TOKEN.
 */
export async function dispatchWorkflow(
  client: GitHubClient,
  input: {
    owner: string;
    repo: string;
    workflow: string | number;
    ref: string;
    inputs?: Record<string, string | number | boolean>;
  },
): Promise<void> {
  const { owner, repo, workflow, ref } = input;
  const inputs = input.inputs ?? {};
  if (Object.keys(inputs).length > MAX_WORKFLOW_INPUTS) {
    throw new GitHubError(
      "other",
      `cannot dispatch ${workflow}: ${Object.keys(inputs).length} inputs, GitHub accepts at most ${MAX_WORKFLOW_INPUTS}`,
      "pass fewer inputs, e.g. one JSON string input",
    );
  }
  await callGitHub(
    { action: `dispatch workflow ${workflow} on ${ref} in ${owner}/${repo}`, permission: "actions: write" },
    () =>
      client.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
        owner,
        repo,
        workflow_id: workflow,
        ref,
        inputs,
      }),
  );
}

/**
 * Sends a `repository_dispatch` event (workflows listening with `on: repository_dispatch: types: [eventType]` run).
 * Needs `contents: write`.
 */
export async function dispatchRepositoryEvent(
  client: GitHubClient,
  input: { owner: string; repo: string; eventType: string; clientPayload?: Record<string, unknown> },
): Promise<void> {
  const { owner, repo, eventType } = input;
  const payload = input.clientPayload ?? {};
  if (eventType.length < 1 || eventType.length > MAX_EVENT_TYPE_LENGTH) {
    throw new GitHubError(
      "other",
      `cannot send repository_dispatch: the event type must be 1-${MAX_EVENT_TYPE_LENGTH} characters, got ${eventType.length}`,
      "use a short event type such as 'modelguard-drift'",
    );
  }
  if (Object.keys(payload).length > MAX_CLIENT_PAYLOAD_KEYS) {
    throw new GitHubError(
      "other",
      `cannot send repository_dispatch '${eventType}': the client payload has ${Object.keys(payload).length} top-level keys, GitHub accepts at most ${MAX_CLIENT_PAYLOAD_KEYS}`,
      "nest the values under fewer top-level keys",
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes >= MAX_CLIENT_PAYLOAD_BYTES) {
    throw new GitHubError(
      "other",
      `cannot send repository_dispatch '${eventType}': the client payload is ${bytes} bytes of JSON, GitHub accepts less than ${MAX_CLIENT_PAYLOAD_BYTES}`,
      "send a pointer (an artifact name, a URL) instead of the data itself",
    );
  }
  await callGitHub(
    { action: `send repository_dispatch '${eventType}' to ${owner}/${repo}`, permission: "contents: write" },
    () =>
      client.request("POST /repos/{owner}/{repo}/dispatches", {
        owner,
        repo,
        event_type: eventType,
        client_payload: payload,
      }),
  );
}
