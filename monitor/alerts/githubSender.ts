import {
  closeIssue,
  createGitHubClient,
  dispatchRepositoryEvent,
  dispatchWorkflow,
  findOpenIssueByMarker,
  openIssue,
  redactSecrets,
  reportDeploymentStatus,
  upsertPullRequestComment,
  GitHubError,
  type GitHubClient,
  type GitHubClientOptions,
  type GitHubLogger,
} from "../../src/github/index.js";
import { ModelguardError } from "../../src/errors.js";
import {
  alertMarker,
  apiRootOf,
  driftIssueMarker,
  repositoryOf,
  resolveRunLink,
  webRootOf,
  type RunLinkRef,
} from "./alertRequests.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import { parkable, type OutboxEntry, type OutboxSender } from "./outbox.js";
import { monitorGitHubAuth } from "../config/monitorGitHubAuth.js";
import { DEPLOYMENT_STATUS_KIND } from "./deploymentStatus.js";

/** A version promoted a moment ago may not have its deployment yet (promotion moves the pointer first). */
const DEPLOYMENT_GRACE_MS = 15 * 60_000;

/**
 * The sender for a real GitHub when GITHUB_TOKEN is set or `github.app` configured (monitorGitHubAuth); null (dry
 * run into the outbox) otherwise. The API root is
 * `github.api_url`, else `GITHUB_API_URL` from `env`, else https://api.github.com. `clientOptions` (tests: pacing,
 * retries) and `log` (where the client's scrubbed warnings go) are passed to createGitHubClient.
 */
export function githubSenderFromEnv(
  config: MonitorConfig,
  env: NodeJS.ProcessEnv,
  options: { log?: GitHubLogger; clientOptions?: Partial<GitHubClientOptions> } = {},
): OutboxSender | null {
  const auth = monitorGitHubAuth(config, env);
  if (!auth) return null;
  if (!config.github.repository && !env.GITHUB_REPOSITORY) {
    throw new ModelguardError(
      "config",
      `github.repository is not set, and ${auth.app ? "github.app" : "GITHUB_TOKEN"} is`,
      "set `github: {repository: owner/name}` in monitor.yml, or unset GITHUB_TOKEN for a dry run",
    );
  }
  const token = auth.token ?? "";
  const client = createGitHubClient({
    ...options.clientOptions,
    ...auth,
    // The same root the issue's links are derived from (webRootOf).
    baseUrl: apiRootOf(config, env),
    ...(options.log ? { log: options.log } : {}),
  });
  const log = options.log;
  return githubSender(client, config, {
    webUrl: webRootOf(config, env),
    // Warnings quote what GitHub returned: scrubbed of the token like the client's own lines.
    ...(log ? { warn: (m: string) => log.warn(redactSecrets(m, token)) } : {}),
  });
}

/**
 * Sends outbox entries with the GitHub layer, so that a resend (after a crash between sending and recording `sent`,
 * or after a failure that GitHub had in fact carried out) changes nothing:
 * - issue actions look the model's issue up by its marker; an open issue whose body names this entry
 *   (`<!-- modelguard:alert id=... -->`) was opened by it already;
 * - only an issue (and a comment) written by the token's own account counts as the monitor's: `github.author` when
 *   configured, else the account GitHub names (github-actions[bot] for an installation token; see
 *   resolveTokenAuthor), and an issue must also carry every label of `actions.issue.labels`. Markers are public
 *   and alert ids predictable, so anyone who can open an issue could otherwise have alerts marked sent and never
 *   posted;
 * - comments are upserted by a per-entry report marker, so a resend edits the same comment instead of adding one;
 * - a close finds no open issue the second time.
 * A dispatch cannot be checked on GitHub's side: a crash in the instant between GitHub accepting it and the `sent`
 * line reaching the disk dispatches it again (the only at-least-once action).
 *
 * A workflow dispatch recorded with `return_run_details` returns the run GitHub started (`{workflow_run_id, html_url,
 * run_url}`), which the outbox keeps in the dispatch's `sent` line. The issue or comment of the same window is
 * recorded after the dispatch and names it (`run_link`); when it is sent, its runs-page link is replaced with the
 * run's, if `html_url` is https on `webUrl`'s host (default: webRootOf(config)) and the run of this repository
 * (see trustedRunUrl). A dispatch GitHub refuses with a 4xx other than a rate limit is parked (the issue goes ahead,
 * saying so); `warn` hears of run links not trusted.
 */
export function githubSender(
  client: GitHubClient,
  config: MonitorConfig,
  options: { webUrl?: string; warn?: (message: string) => void } = {},
): OutboxSender {
  const repository = repositoryOf(config);
  const [owner, repo] = repository.split("/") as [string, string];
  const webUrl = options.webUrl ?? webRootOf(config);
  const marker = driftIssueMarker(config.model);
  const labels = config.actions.issue.labels;
  const author = config.github.author ? { authorLogin: config.github.author } : {};
  const comment = (issueNumber: number, id: string, body: string) =>
    upsertPullRequestComment(client, { owner, repo, issueNumber, reportId: `alert/${id}`, body, ...author });
  const findOurIssue = () => findOpenIssueByMarker(client, { owner, repo, marker, labels, ...author });
  return async (entry: OutboxEntry, context) => {
    const b = entry.body;
    switch (entry.kind) {
      case "issue.open":
      case "issue.update": {
        const recorded = entry.kind === "issue.open" ? String(b.body).slice(marker.length + 1) : String(b.body);
        const ref = b.run_link as RunLinkRef | undefined;
        const dispatch = ref ? context.statusOf(ref.dispatch) : { state: "unknown" as const };
        const { text, linked } = resolveRunLink(recorded, ref, dispatch, webUrl, repository);
        if (ref && dispatch.state === "sent" && dispatch.result && !linked) {
          options.warn?.(
            redactSecrets(
              `the run link GitHub returned for ${ref.dispatch} is not a run of ${repository} on ${webUrl}; linking the runs page instead`,
            ),
          );
        }
        const found = await findOurIssue();
        if (found && found.body.includes(alertMarker(entry.id))) return; // opened by this very entry
        if (found) await comment(found.number, entry.id, text);
        else
          await openIssue(client, {
            owner,
            repo,
            marker,
            // The recorded title names the reason (drift, performance, ...); older entries have none.
            title: typeof b.title === "string" ? b.title : `Data drift detected for model ${config.model}`,
            body: text.includes(alertMarker(entry.id)) ? text : `${alertMarker(entry.id)}\n${text}`,
            labels,
          });
        return;
      }
      case "issue.note": {
        // Only on an issue that is open: a note about production is no reason to open one.
        const found = await findOurIssue();
        if (found) await comment(found.number, entry.id, String(b.body));
        return;
      }
      case "issue.close": {
        const found = await findOurIssue();
        if (!found) return;
        await comment(found.number, entry.id, String(b.comment));
        await closeIssue(client, { owner, repo, issueNumber: found.number });
        return;
      }
      case "dispatch": {
        try {
          if (typeof b.event_type === "string") {
            await dispatchRepositoryEvent(client, {
              owner,
              repo,
              eventType: b.event_type,
              clientPayload: b.client_payload as Record<string, unknown>,
            });
            return;
          }
          const workflow = decodeURIComponent(entry.path.split("/workflows/")[1]!.split("/")[0]!);
          const run = await dispatchWorkflow(client, {
            owner,
            repo,
            workflow,
            ref: String(b.ref),
            inputs: b.inputs as Record<string, string>,
            returnRunDetails: b.return_run_details === true,
          });
          return run ? { workflow_run_id: run.runId, html_url: run.htmlUrl, run_url: run.runUrl } : undefined;
        } catch (e) {
          // GitHub refused it (a workflow that is not there, a token without the permission, bad inputs): retrying
          // soon changes nothing, so it no longer holds back the issue. Rate limits and outages do hold it back.
          if (e instanceof GitHubError && e.kind !== "rate_limited" && e.status !== null && e.status < 500) {
            throw parkable(e);
          }
          throw e;
        }
      }
      case DEPLOYMENT_STATUS_KIND: {
        try {
          const r = await reportDeploymentStatus(client, {
            owner: String(b.owner),
            repo: String(b.repo),
            environment: String(b.environment),
            ref: String(b.ref),
            state: b.state as "in_progress" | "success" | "failure",
            description: String(b.description),
            onlyIfUnmonitored: b.only_if_unmonitored === true,
          });
          if (r.outcome === "no-deployment" && Date.now() - Date.parse(entry.created_at) < DEPLOYMENT_GRACE_MS) {
            throw parkable(new Error(`no deployment of ${String(b.ref)} to ${String(b.environment)} yet`));
          }
          return r.outcome === "no-deployment"
            ? { outcome: r.outcome }
            : { outcome: r.outcome, deployment_id: r.deploymentId };
        } catch (e) {
          // A status is a courtesy to deploy workflows: a token without `deployments: write` must not hold back the
          // drift issue. Rate limits and outages are retried in order like everything else.
          if (e instanceof GitHubError && e.kind !== "rate_limited" && e.status !== null && e.status < 500) {
            throw parkable(e);
          }
          throw e;
        }
      }
      default:
        throw new Error(`unknown outbox entry kind '${entry.kind}'`);
    }
  };
}
