import { callGitHub } from "./classifyGitHubError.js";
import type { GitHubClient } from "./createGitHubClient.js";

export interface MergedPullRequest {
  number: number;
  title: string;
  url: string;
  /** The pull request's head commit: the candidate the gate compared. */
  headSha: string;
}

/**
 * The pull request a push to the default branch came from: of the pull requests GitHub associates with the commit,
 * the merged one whose merge commit it is (a merge or squash commit), else the merged one with it as its head (a
 * fast-forward or rebase merge). Null when the push came from no pull request (a direct push).
 */
export async function findMergedPullRequest(
  client: GitHubClient,
  input: { owner: string; repo: string; sha: string },
): Promise<MergedPullRequest | null> {
  const { owner, repo, sha } = input;
  const pulls = await callGitHub(
    {
      action: `list the pull requests of commit ${sha.slice(0, 12)} in ${owner}/${repo}`,
      permission: "contents: read",
    },
    // One page: a commit belongs to a handful of pull requests, not a hundred.
    () =>
      client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
      }),
  );
  const merged = pulls.data.filter((p) => p.merged_at !== null);
  const pick = merged.find((p) => p.merge_commit_sha === sha) ?? merged.find((p) => p.head.sha === sha) ?? null;
  return pick ? { number: pick.number, title: pick.title, url: pick.html_url, headSha: pick.head.sha } : null;
}
