import {
  closeIssue,
  createGitHubClient,
  dispatchRepositoryEvent,
  dispatchWorkflow,
  findOpenIssueByMarker,
  openIssue,
  upsertPullRequestComment,
  type GitHubClient,
  type GitHubClientOptions,
  type GitHubLogger,
} from "../src/github/index.js";
import { ModelguardError } from "../src/errors.js";
import { alertMarker, driftIssueMarker, repositoryOf } from "./alertRequests.js";
import type { MonitorConfig } from "./monitorConfig.js";
import type { OutboxEntry, OutboxSender } from "./outbox.js";

/**
 * The sender for a real GitHub when GITHUB_TOKEN is set; null (dry run into the outbox) otherwise. The API root is
 * `github.api_url`, else `GITHUB_API_URL` from `env`, else https://api.github.com. `clientOptions` (tests: pacing,
 * retries) and `log` (where the client's scrubbed warnings go) are passed to createGitHubClient.
 */
export function githubSenderFromEnv(
  config: MonitorConfig,
  env: NodeJS.ProcessEnv,
  options: { log?: GitHubLogger; clientOptions?: Partial<GitHubClientOptions> } = {},
): OutboxSender | null {
  const token = env.GITHUB_TOKEN?.trim() ?? "";
  if (token === "") return null;
  if (!config.github.repository && !env.GITHUB_REPOSITORY) {
    throw new ModelguardError(
      "config",
      "github.repository is not set, and GITHUB_TOKEN is",
      "set `github: {repository: owner/name}` in monitor.yml, or unset GITHUB_TOKEN for a dry run",
    );
  }
  const baseUrl = config.github.apiUrl ?? env.GITHUB_API_URL;
  const client = createGitHubClient({
    ...options.clientOptions,
    token,
    ...(baseUrl ? { baseUrl } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return githubSender(client, config);
}

/**
 * Sends outbox entries with the GitHub layer, so that a resend (after a crash between sending and recording `sent`,
 * or after a failure that GitHub had in fact carried out) changes nothing:
 * - issue actions look the model's issue up by its marker; an open issue whose body names this entry
 *   (`<!-- modelguard:alert id=... -->`) was opened by it already;
 * - comments are upserted by a per-entry report marker, so a resend edits the same comment instead of adding one;
 * - a close finds no open issue the second time.
 * A dispatch cannot be checked on GitHub's side: a crash in the instant between GitHub accepting it and the `sent`
 * line reaching the disk dispatches it again (the only at-least-once action).
 */
export function githubSender(client: GitHubClient, config: MonitorConfig): OutboxSender {
  const [owner, repo] = repositoryOf(config).split("/") as [string, string];
  const marker = driftIssueMarker(config.model);
  const labels = config.actions.issue.labels;
  const comment = (issueNumber: number, id: string, body: string) =>
    upsertPullRequestComment(client, { owner, repo, issueNumber, reportId: `alert/${id}`, body });
  return async (entry: OutboxEntry) => {
    const b = entry.body;
    switch (entry.kind) {
      case "issue.open":
      case "issue.update": {
        const text = entry.kind === "issue.open" ? String(b.body).slice(marker.length + 1) : String(b.body);
        const found = await findOpenIssueByMarker(client, { owner, repo, marker });
        if (found && found.body.includes(alertMarker(entry.id))) return; // opened by this very entry
        if (found) await comment(found.number, entry.id, text);
        else
          await openIssue(client, {
            owner,
            repo,
            marker,
            title: `Data drift detected for model ${config.model}`,
            body: text.includes(alertMarker(entry.id)) ? text : `${alertMarker(entry.id)}\n${text}`,
            labels,
          });
        return;
      }
      case "issue.close": {
        const found = await findOpenIssueByMarker(client, { owner, repo, marker });
        if (!found) return;
        await comment(found.number, entry.id, String(b.comment));
        await closeIssue(client, { owner, repo, issueNumber: found.number });
        return;
      }
      case "dispatch": {
        if (typeof b.event_type === "string") {
          await dispatchRepositoryEvent(client, {
            owner,
            repo,
            eventType: b.event_type,
            clientPayload: b.client_payload as Record<string, unknown>,
          });
        } else {
          const workflow = decodeURIComponent(entry.path.split("/workflows/")[1]!.split("/")[0]!);
          await dispatchWorkflow(client, {
            owner,
            repo,
            workflow,
            ref: String(b.ref),
            inputs: b.inputs as Record<string, string>,
          });
        }
        return;
      }
      default:
        throw new Error(`unknown outbox entry kind '${entry.kind}'`);
    }
  };
}
