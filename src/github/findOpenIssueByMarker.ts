import type { GitHubClient } from "./createGitHubClient.js";
import { callGitHub } from "./classifyGitHubError.js";
import { assertBodyFits, assertMarker, startsWithMarker, withMarker } from "./reportMarker.js";
import { resolveTokenAuthor, sameLogin } from "./resolveTokenAuthor.js";

/** An issue as the drift monitor needs it. */
export interface GitHubIssue {
  number: number;
  id: number;
  url: string;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  createdAt: string;
}

interface RepoRef {
  owner: string;
  repo: string;
}

interface IssueData {
  number: number;
  /** octokit types int64 ids as number | bigint; GitHub's fit in a double. */
  id: number | bigint;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  created_at: string;
  user?: { login?: string } | null;
}

function toIssue(d: IssueData): GitHubIssue {
  return {
    number: d.number,
    id: Number(d.id),
    url: d.html_url,
    title: d.title,
    body: d.body ?? "",
    state: d.state === "closed" ? "closed" : "open",
    labels: d.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((l) => l !== ""),
    createdAt: d.created_at,
  };
}

/**
 * The open issue whose body starts with the hidden marker (e.g. `issueMarker("fraud-model")`), or null. Pages
 * through all open issues (optionally only those with every one of `labels`, which is also checked on each answer),
 * skipping pull requests, which the issues API lists too. Only an issue opened by the token's own account (or
 * `authorLogin`) counts: anyone who can open an issue can start it with our marker. With several matches, the newest.
 */
export async function findOpenIssueByMarker(
  client: GitHubClient,
  input: RepoRef & { marker: string; labels?: string[]; authorLogin?: string },
): Promise<GitHubIssue | null> {
  assertMarker(input.marker);
  const { owner, repo } = input;
  const wanted = (input.labels ?? []).map((l) => l.toLowerCase());
  // Asked of GitHub only once an issue with the marker is seen (and once per client).
  let author =
    input.authorLogin === undefined ? undefined : (await resolveTokenAuthor(client, input.authorLogin)).login;
  return callGitHub({ action: `list the open issues of ${owner}/${repo}`, permission: "issues: read" }, async () => {
    let best: GitHubIssue | null = null;
    const pages = client.paginate.iterator("GET /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      state: "open",
      per_page: 100,
      ...(input.labels && input.labels.length > 0 ? { labels: input.labels.join(",") } : {}),
    });
    for await (const page of pages) {
      for (const d of page.data) {
        if (d.pull_request) continue;
        if (!startsWithMarker(d.body, input.marker)) continue;
        const issue = toIssue(d);
        const labels = new Set(issue.labels.map((l) => l.toLowerCase()));
        if (!wanted.every((l) => labels.has(l))) continue;
        author ??= (await resolveTokenAuthor(client)).login;
        if (!sameLogin(d.user?.login, author)) continue;
        if (!best || issue.createdAt > best.createdAt || (issue.createdAt === best.createdAt && issue.id > best.id)) {
          best = issue;
        }
      }
    }
    return best;
  });
}

/** Opens an issue whose body starts with the marker line, so findOpenIssueByMarker finds it again. */
export async function openIssue(
  client: GitHubClient,
  input: RepoRef & { marker: string; title: string; body: string; labels?: string[] },
): Promise<GitHubIssue> {
  assertMarker(input.marker);
  const { owner, repo } = input;
  const body = withMarker(input.marker, input.body);
  assertBodyFits(body, `the body of the issue '${input.title}'`);
  return callGitHub({ action: `open an issue in ${owner}/${repo}`, permission: "issues: write" }, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      title: input.title,
      body,
      ...(input.labels && input.labels.length > 0 ? { labels: input.labels } : {}),
    });
    return toIssue(data);
  });
}

/** Adds a comment to an issue. */
export async function commentOnIssue(
  client: GitHubClient,
  input: RepoRef & { issueNumber: number; body: string },
): Promise<{ id: number; url: string }> {
  const { owner, repo, issueNumber } = input;
  assertBodyFits(input.body, `the comment on ${owner}/${repo}#${issueNumber}`);
  return callGitHub({ action: `comment on ${owner}/${repo}#${issueNumber}`, permission: "issues: write" }, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issueNumber,
      body: input.body,
    });
    return { id: Number(data.id), url: data.html_url };
  });
}

/** Closes an issue (as completed unless told otherwise), first adding `comment` when given. */
export async function closeIssue(
  client: GitHubClient,
  input: RepoRef & { issueNumber: number; comment?: string; reason?: "completed" | "not_planned" },
): Promise<GitHubIssue> {
  const { owner, repo, issueNumber } = input;
  if (input.comment !== undefined) await commentOnIssue(client, { owner, repo, issueNumber, body: input.comment });
  return callGitHub({ action: `close ${owner}/${repo}#${issueNumber}`, permission: "issues: write" }, async () => {
    const { data } = await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner,
      repo,
      issue_number: issueNumber,
      state: "closed",
      state_reason: input.reason ?? "completed",
    });
    return toIssue(data);
  });
}
