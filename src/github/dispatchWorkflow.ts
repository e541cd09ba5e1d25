import type { GitHubClient } from "./createGitHubClient.js";
import { callGitHub } from "./classifyGitHubError.js";
import { GitHubError } from "./GitHubError.js";

/** GitHub's limits on dispatch payloads. */
const MAX_WORKFLOW_INPUTS = 25;
const MAX_CLIENT_PAYLOAD_KEYS = 10;
const MAX_EVENT_TYPE_LENGTH = 100;
const MAX_CLIENT_PAYLOAD_BYTES = 64 * 1024;

/** The run a workflow dispatch started, as GitHub reported it (`return_run_details`). */
export interface WorkflowRunDetails {
  /** The run's id (`workflow_run_id`). */
  runId: number;
  /** The run in the REST API (`run_url`). */
  runUrl: string;
  /** The run in GitHub's web UI (`html_url`); as sent by GitHub: check it before linking it anywhere. */
  htmlUrl: string;
}

/**
 * Starts a `workflow_dispatch` run of a workflow (file name such as "retrain.yml", or its numeric id) on a ref.
 * Needs `actions: write`; runs start even when sent with GITHUB_TOKEN.
 *
 * With `returnRunDetails`, GitHub is asked for the run it started (`return_run_details: true`, answered 200 with
 * `{workflow_run_id, run_url, html_url}`) and the details are returned. A server that answers 204 anyway (a GitHub
 * Enterprise Server release older than the parameter) gives null. One that refuses the parameter with a 422 naming it
 * is asked again without it (a 422 dispatched nothing), also giving null. Without `returnRunDetails`: always null.
 */
export async function dispatchWorkflow(
  client: GitHubClient,
  input: {
    owner: string;
    repo: string;
    workflow: string | number;
    ref: string;
    inputs?: Record<string, string | number | boolean>;
    returnRunDetails?: boolean;
  },
): Promise<WorkflowRunDetails | null> {
  const { owner, repo, workflow, ref } = input;
  const inputs = input.inputs ?? {};
  if (Object.keys(inputs).length > MAX_WORKFLOW_INPUTS) {
    throw new GitHubError(
      "other",
      `cannot dispatch ${workflow}: ${Object.keys(inputs).length} inputs, GitHub accepts at most ${MAX_WORKFLOW_INPUTS}`,
      "pass fewer inputs, e.g. one JSON string input",
    );
  }
  const context = {
    action: `dispatch workflow ${workflow} on ${ref} in ${owner}/${repo}`,
    permission: "actions: write",
  };
  const send = (returnRunDetails: boolean) =>
    callGitHub(context, () =>
      client.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
        owner,
        repo,
        workflow_id: workflow,
        ref,
        inputs,
        ...(returnRunDetails ? { return_run_details: true } : {}),
      }),
    );
  if (!input.returnRunDetails) {
    await send(false);
    return null;
  }
  let response: Awaited<ReturnType<typeof send>>;
  try {
    response = await send(true);
  } catch (e) {
    if (e instanceof GitHubError && e.status === 422 && /return_run_details/.test(e.message)) {
      await send(false);
      return null;
    }
    throw e;
  }
  return response.status === 200 ? runDetailsOf(response.data) : null;
}

/** The run details of a 200 answer, or null when it lacks them (then the caller knows as much as after a 204). */
function runDetailsOf(data: unknown): WorkflowRunDetails | null {
  if (typeof data !== "object" || data === null) return null;
  const d = data as { workflow_run_id?: unknown; run_url?: unknown; html_url?: unknown };
  const runId = Number(d.workflow_run_id);
  if (!Number.isSafeInteger(runId) || runId <= 0) return null;
  if (typeof d.run_url !== "string" || typeof d.html_url !== "string") return null;
  return { runId, runUrl: d.run_url, htmlUrl: d.html_url };
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
