import type { GitHubClient } from "./createGitHubClient.js";
import { callGitHub, isRequestFailure, toGitHubError } from "./classifyGitHubError.js";
import { assertBodyFits, reportMarker, startsWithMarker, withMarker } from "./reportMarker.js";
import { resolveTokenAuthor, sameLogin } from "./resolveTokenAuthor.js";

export interface UpsertPullRequestCommentInput {
  owner: string;
  repo: string;
  /** The pull request (or issue) number. */
  issueNumber: number;
  /** Names the report: one comment per report id, so several workflows on one PR keep separate comments. */
  reportId: string;
  /** Markdown; the hidden marker line is put in front of it. */
  body: string;
  /**
   * Only comments by this login count as ours (e.g. "github-actions[bot]", "my-app[bot]"); when omitted, the token's
   * own account (resolveTokenAuthor). Never any author: anyone who can comment can write our marker.
   */
  authorLogin?: string;
}

export interface UpsertResult {
  action: "created" | "updated";
  url: string;
  id: number;
}

/** One of our comments found while paging. */
interface Candidate {
  id: number;
  createdAt: string;
}

/**
 * Posts a PR report as one sticky comment: finds our comment by its first line,
 * `<!-- modelguard:report id=ID -->`, paging through every comment of the PR (100 a page, following the Link
 * headers), and updates it in place, or creates it when there is none. Only a comment written by the token's own
 * account (or `authorLogin`) is ours: anyone who can comment on the PR can start a comment with the marker, and that
 * comment is left alone (ours is created beside it). The account is asked of GitHub only once a comment with the
 * marker is seen, and once per client. A marker anywhere but the first line (a quote, a data value) is not ours. When an earlier race left several of ours, the newest is updated and the rest
 * are left alone. A body over 65,536 characters is refused before sending (the report layer trims; this is the
 * guard), and GitHub's own 422 "body is too long" becomes the same `too_long` GitHubError.
 */
export async function upsertPullRequestComment(
  client: GitHubClient,
  input: UpsertPullRequestCommentInput,
): Promise<UpsertResult> {
  const { owner, repo, issueNumber } = input;
  const marker = reportMarker(input.reportId);
  const where = `${owner}/${repo}#${issueNumber}`;
  const body = withMarker(marker, input.body);
  assertBodyFits(body, `the '${input.reportId}' report comment for ${where}`);

  let author =
    input.authorLogin === undefined ? undefined : (await resolveTokenAuthor(client, input.authorLogin)).login;
  const newest = await callGitHub(
    { action: `list the comments of ${where}`, permission: "pull-requests: read" },
    async () => {
      let best: Candidate | null = null;
      const pages = client.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      for await (const page of pages) {
        for (const c of page.data) {
          if (!startsWithMarker(c.body, marker)) continue;
          author ??= (await resolveTokenAuthor(client)).login;
          if (!sameLogin(c.user?.login, author)) continue;
          const id = Number(c.id);
          if (!best || c.created_at > best.createdAt || (c.created_at === best.createdAt && id > best.id)) {
            best = { id, createdAt: c.created_at };
          }
        }
      }
      return best;
    },
  );

  const writeContext = { permission: "pull-requests: write" };
  if (newest) {
    try {
      const { data } = await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner,
        repo,
        comment_id: newest.id,
        body,
      });
      return { action: "updated", url: data.html_url, id: Number(data.id) };
    } catch (e) {
      if (!isRequestFailure(e)) throw e;
      const err = toGitHubError(e, { ...writeContext, action: `update the report comment on ${where}` });
      // Deleted between listing and updating: post a fresh one rather than fail.
      if (err.kind !== "not_found") throw err;
    }
  }
  return callGitHub({ ...writeContext, action: `comment on ${where}` }, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    return { action: "created" as const, url: data.html_url, id: Number(data.id) };
  });
}
