import type { GitHubClient } from "./createGitHubClient.js";
import { callGitHub } from "./classifyGitHubError.js";

/** Every status the monitor posts starts with this: how it tells its own statuses from promotion's and people's. */
export const MONITOR_STATUS_PREFIX = "modelguard monitor:";
/** GitHub refuses a deployment status description over 140 characters. */
const MAX_DESCRIPTION = 140;

export type MonitorDeploymentState = "in_progress" | "success" | "failure";

export interface ReportDeploymentStatusInput {
  owner: string;
  repo: string;
  /** `model/NAME`. */
  environment: string;
  /** The deployment's ref: the version's tag, `modelguard/NAME/vN`. */
  ref: string;
  state: MonitorDeploymentState;
  /** Without the prefix; cut to GitHub's 140 characters. */
  description: string;
  /**
   * Post only when the deployment has no status of the monitor's yet (what "the monitor loaded this version" means:
   * a restart must not turn a version the monitor already judged back to in_progress).
   */
  onlyIfUnmonitored?: boolean;
}

export type ReportDeploymentStatusResult =
  | { outcome: "posted"; deploymentId: number }
  /** The latest status already says this (a resend, a restart): nothing posted. */
  | { outcome: "unchanged"; deploymentId: number }
  /** Someone retired the deployment (a newer promotion, a rollback): the monitor does not bring it back. */
  | { outcome: "inactive"; deploymentId: number }
  | { outcome: "no-deployment" };

/**
 * Posts the monitor's verdict on a production version as a status of that version's newest modelguard deployment to
 * `environment`, idempotently: the latest status is read first, and a status that already says the same (the monitor's
 * own, same state) or a deployment marked inactive (replaced as production: promotion's job, never undone here) is
 * left alone. Statuses are posted with auto_inactive false: retiring other deployments is promotion's business.
 */
export async function reportDeploymentStatus(
  client: GitHubClient,
  input: ReportDeploymentStatusInput,
): Promise<ReportDeploymentStatusResult> {
  const { owner, repo, environment, ref } = input;
  const where = `${owner}/${repo}`;
  const list = await callGitHub(
    { action: `list the deployments of ${ref} to ${environment} in ${where}`, permission: "deployments: read" },
    () => client.request("GET /repos/{owner}/{repo}/deployments", { owner, repo, environment, ref, per_page: 100 }),
  );
  const ours = (list.data as { id: number; payload: unknown }[])
    .filter((d) => (d.payload as { modelguard?: unknown } | null)?.modelguard === 1)
    .sort((a, b) => b.id - a.id)[0];
  if (!ours) return { outcome: "no-deployment" };
  const deploymentId = ours.id;
  const statuses = await callGitHub(
    { action: `read the status of the deployment of ${ref} in ${where}`, permission: "deployments: read" },
    () =>
      client.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        owner,
        repo,
        deployment_id: deploymentId,
        per_page: 1,
      }),
  );
  // GitHub lists a deployment's statuses newest first.
  const latest = (statuses.data as { state: string; description?: string | null }[])[0];
  if (latest?.state === "inactive") return { outcome: "inactive", deploymentId };
  const monitored = (latest?.description ?? "").startsWith(MONITOR_STATUS_PREFIX);
  if (monitored && (input.onlyIfUnmonitored || latest!.state === input.state)) {
    return { outcome: "unchanged", deploymentId };
  }
  await callGitHub(
    { action: `set the status of the deployment of ${ref} in ${where}`, permission: "deployments: write" },
    () =>
      client.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        owner,
        repo,
        deployment_id: deploymentId,
        state: input.state,
        environment,
        description: `${MONITOR_STATUS_PREFIX} ${input.description}`.slice(0, MAX_DESCRIPTION),
        auto_inactive: false,
      }),
  );
  return { outcome: "posted", deploymentId };
}
