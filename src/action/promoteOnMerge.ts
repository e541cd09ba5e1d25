import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PromotionSummary } from "../cli/commandResult.js";
import type { ModelRegistry } from "../registry/ModelRegistry.js";
import {
  createGitHubClient,
  githubAuthFromEnv,
  findMergedPullRequest,
  isGitHubError,
  redactSecrets,
  upsertPullRequestComment,
  type GitHubClient,
  type MergedPullRequest,
} from "../github/index.js";
import { escapeMarkdown } from "../report/escapeMarkdown.js";
import { formatMetric } from "../report/formatNumber.js";

/** Where the promote step runs: the pushed commit and the repository, from the runner's environment. */
export interface PushContext {
  owner: string;
  repo: string;
  sha: string;
  client: GitHubClient;
  serverUrl: string;
}

/** The push context, or null (with the reason) when the step cannot look anything up on GitHub. */
export function pushContextOf(
  env: NodeJS.ProcessEnv,
  log: (m: string) => void,
): { context: PushContext | null; why: string | null } {
  const m = /^([^/]+)\/([^/]+)$/.exec(env.GITHUB_REPOSITORY ?? "");
  const sha = env.GITHUB_SHA ?? "";
  // A GitHub App (MODELGUARD_APP_ID ...) when configured, else the github-token.
  const auth = githubAuthFromEnv(env, { token: env.GITHUB_TOKEN, repository: env.GITHUB_REPOSITORY });
  if (!auth) return { context: null, why: "no github-token" };
  if (!m || !/^[0-9a-f]{40}$/.test(sha)) return { context: null, why: "GITHUB_REPOSITORY or GITHUB_SHA is not set" };
  const client = createGitHubClient({
    ...auth,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    log: { warn: (w) => log(`github: ${w}`) },
  });
  return {
    context: { owner: m[1]!, repo: m[2]!, sha, client, serverUrl: env.GITHUB_SERVER_URL || "https://github.com" },
    why: null,
  };
}

/**
 * The merged pull request the pushed commit came from, or null: a direct push, or a lookup GitHub refused (a
 * warning, not a failure: the promotion itself does not need it, only the card's link and the comment do).
 */
export async function mergedPullRequestOf(
  push: PushContext,
  warn: (m: string) => void,
  token: string,
): Promise<MergedPullRequest | null> {
  try {
    return await findMergedPullRequest(push.client, { owner: push.owner, repo: push.repo, sha: push.sha });
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    warn(redactSecrets(`could not find the pull request of ${push.sha.slice(0, 12)}: ${e.message}`, token));
    return null;
  }
}

/**
 * Production, when it is already this commit's model (the same model bytes, promoted from this commit): a re-run of
 * the job after a promotion that succeeded must not store the same model again as a new version.
 */
export async function alreadyPromoted(
  registry: ModelRegistry,
  name: string,
  modelPath: string,
  commit: string,
): Promise<PromotionSummary | null> {
  const { pointer } = await registry.readPointer(name);
  if (pointer.production === null) return null;
  const card = await registry.readCard(name, pointer.production);
  const model = card?.assets.find((a) => a.name === "model.onnx");
  if (!card || !model || card.git.commit !== commit) return null;
  let sha: string;
  try {
    sha = createHash("sha256").update(readFileSync(modelPath)).digest("hex");
  } catch {
    return null; // the promote step reports the unreadable model
  }
  if (sha !== model.sha256) return null;
  return {
    name,
    version: card.model_version,
    tag: card.tag,
    previous: card.previous_production,
    registry: registry.uri,
    metrics: card.metrics,
    deployment: null,
    warnings: [],
  };
}

/** The comment on the merged pull request: which version it became, what it replaced, and where to find it. */
export function promotionComment(p: PromotionSummary, push: PushContext): string {
  const code = (s: string) => "`" + s.replace(/[`\r\n]/g, "") + "`";
  const ownRepo = p.registry.toLowerCase() === `github:${push.owner}/${push.repo}`.toLowerCase();
  // Tags are modelguard/NAME/vN with NAME restricted to [A-Za-z0-9._-]: safe in a URL path as they are.
  const release = ownRepo
    ? `[${escapeMarkdown(p.tag)}](${push.serverUrl}/${push.owner}/${push.repo}/releases/tag/${p.tag})`
    : code(p.tag);
  const metrics = p.metrics
    .filter((m) => m.value !== null)
    .slice(0, 20)
    .map((m) => `| ${escapeMarkdown(m.name)} | ${formatMetric(m.value)} |`);
  return [
    `### modelguard: ${code(p.name)} v${p.version} is production`,
    "",
    `This pull request's model was evaluated on the test set again after the merge and promoted to ${code(p.name)} ` +
      `**v${p.version}** (${p.previous === null ? "the first production version" : `replacing v${p.previous}`}) ` +
      `in ${code(p.registry)}: release ${release}` +
      (p.deployment ? `, deployment ${p.deployment.id} to ${code(p.deployment.environment)}.` : "."),
    ...(metrics.length > 0 ? ["", "| metric | value |", "|---|---|", ...metrics] : []),
    ...(p.warnings.length > 0 ? ["", ...p.warnings.map((w) => `> warning: ${escapeMarkdown(w)}`)] : []),
    "",
    `Roll back with ${code(`modelguard registry set-production ${p.name}@v${p.previous ?? p.version} --reason "..."`)}.`,
  ].join("\n");
}

/** Posts (or updates, on a re-run) the promotion comment on the merged pull request; returns its URL. */
export async function commentPromotion(
  push: PushContext,
  pr: MergedPullRequest,
  p: PromotionSummary,
  warn: (m: string) => void,
  token: string,
): Promise<string | null> {
  try {
    const r = await upsertPullRequestComment(push.client, {
      owner: push.owner,
      repo: push.repo,
      issueNumber: pr.number,
      reportId: `promote/${p.name}`,
      body: promotionComment(p, push),
    });
    return redactSecrets(r.url, token);
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    warn(
      redactSecrets(
        `promoted, but could not comment on pull request #${pr.number}: ${e.message}${e.hint ? ` — ${e.hint}` : ""}`,
        token,
      ),
    );
    return null;
  }
}
