import type { GitHubClient } from "./createGitHubClient.js";
import { callGitHub } from "./classifyGitHubError.js";

export interface RepositoryInfo {
  fullName: string;
  private: boolean;
  defaultBranch: string;
  url: string;
}

/** Reads a repository: a cheap check that the token works and can see it before any write. */
export async function getRepository(
  client: GitHubClient,
  input: { owner: string; repo: string },
): Promise<RepositoryInfo> {
  const { owner, repo } = input;
  return callGitHub({ action: `read the repository ${owner}/${repo}`, permission: "contents: read" }, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}", { owner, repo });
    return { fullName: data.full_name, private: data.private, defaultBranch: data.default_branch, url: data.html_url };
  });
}
