import {
  closeIssue,
  commentOnIssue,
  createGitHubClient,
  dispatchRepositoryEvent,
  dispatchWorkflow,
  findOpenIssueByMarker,
  openIssue,
  type GitHubClient,
} from "../src/github/index.js";
import { ModelguardError } from "../src/errors.js";
import { driftIssueMarker, repositoryOf } from "./alertRequests.js";
import type { MonitorConfig } from "./monitorConfig.js";
import type { OutboxEntry, OutboxSender } from "./outbox.js";

/** The sender for a real GitHub when GITHUB_TOKEN is set; null (dry run into the outbox) otherwise. */
export function githubSenderFromEnv(config: MonitorConfig, env: NodeJS.ProcessEnv): OutboxSender | null {
  const token = env.GITHUB_TOKEN?.trim() ?? "";
  if (token === "") return null;
  if (!config.github.repository && !env.GITHUB_REPOSITORY) {
    throw new ModelguardError(
      "config",
      "github.repository is not set, and GITHUB_TOKEN is",
      "set `github: {repository: owner/name}` in monitor.yml, or unset GITHUB_TOKEN for a dry run",
    );
  }
  const client = createGitHubClient({
    token,
    ...(config.github.apiUrl ? { baseUrl: config.github.apiUrl } : {}),
  });
  return githubSender(client, config);
}

/**
 * Sends outbox entries with the GitHub layer. Issue actions first look the model's issue up by its marker, so a resend
 * after a crash updates the open issue instead of opening a second one.
 */
export function githubSender(client: GitHubClient, config: MonitorConfig): OutboxSender {
  const [owner, repo] = repositoryOf(config).split("/") as [string, string];
  const marker = driftIssueMarker(config.model);
  const labels = config.actions.issue.labels;
  return async (entry: OutboxEntry) => {
    const b = entry.body as Record<string, unknown>;
    switch (entry.kind) {
      case "issue.open":
      case "issue.update": {
        const text = entry.kind === "issue.open" ? String(b.body).slice(marker.length + 1) : String(b.body);
        const found = await findOpenIssueByMarker(client, { owner, repo, marker });
        if (found) await commentOnIssue(client, { owner, repo, issueNumber: found.number, body: text });
        else
          await openIssue(client, {
            owner,
            repo,
            marker,
            title: `Data drift detected for model ${config.model}`,
            body: text,
            labels,
          });
        return;
      }
      case "issue.close": {
        const found = await findOpenIssueByMarker(client, { owner, repo, marker });
        if (found) await closeIssue(client, { owner, repo, issueNumber: found.number, comment: String(b.comment) });
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
