import { appAuthOf, type GitHubClient } from "./createGitHubClient.js";
import { callGitHub, isRequestFailure, toGitHubError } from "./classifyGitHubError.js";
import { GitHubError } from "./GitHubError.js";

/** The account GitHub Actions' GITHUB_TOKEN writes as, on github.com and GitHub Enterprise Server alike. */
export const GITHUB_ACTIONS_LOGIN = "github-actions[bot]";

/** Who the token writes as, and how we know. */
export interface TokenAuthor {
  login: string;
  /**
   * `configured`: given by the user; `user`: GET /user; `installation`: GitHub's 403 for an installation token;
   * `app`: the client authenticates as a GitHub App, whose slug GET /app names (`<slug>[bot]`).
   */
  source: "configured" | "user" | "installation" | "app";
}

/** A user login (letters, digits, hyphens; GHES also `_` and `.`) or a GitHub App's `<slug>[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})(?:\[bot\])?$/;

/** How to name the author explicitly, for hints: the same rule has a flag, an Action input and a monitor.yml key. */
export const AUTHOR_OVERRIDE_HINT =
  "name the account the token writes as: `--comment-author LOGIN` (CLI), `comment-author:` (Action) or " +
  "`github.author` (monitor.yml); a GitHub App's installation token writes as `<app-slug>[bot]`";

export function isAuthorLogin(login: string): boolean {
  return LOGIN.test(login);
}

/** GitHub logins are case-insensitive. */
export function sameLogin(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

const resolved = new WeakMap<GitHubClient, Promise<TokenAuthor>>();

/**
 * The login whose comments and issues are ours to adopt: a marker line is only a claim, and anyone who can comment
 * can make it, so only what the token's own account wrote counts. `configured` (the user's override) wins;
 * otherwise GET /user names the account of a user token (a PAT, a GitHub App's user-to-server token), and GitHub's
 * 403 "Resource not accessible by integration" marks an installation token, which we take to be GITHUB_TOKEN,
 * writing as github-actions[bot]. A client that authenticates as a GitHub App itself (createGitHubClient's `app`)
 * writes as `<slug>[bot]`, the slug from GET /app (signed with the App's JWT). An App installation token made
 * elsewhere and passed as a token cannot be told apart from GITHUB_TOKEN (GET /app does not accept it): that case
 * needs `configured`. Asked once per client; a failure is not kept, so a later call asks again.
 */
export async function resolveTokenAuthor(client: GitHubClient, configured?: string): Promise<TokenAuthor> {
  if (configured !== undefined) {
    if (!isAuthorLogin(configured)) {
      throw new GitHubError(
        "other",
        `invalid author login ${JSON.stringify(configured)}`,
        "a login is letters, digits and hyphens (e.g. 'ml-bot'), or a GitHub App's '<app-slug>[bot]'",
      );
    }
    return { login: configured, source: "configured" };
  }
  let pending = resolved.get(client);
  if (!pending) {
    pending = askGitHub(client);
    resolved.set(client, pending);
    const mine = pending;
    mine.catch(() => {
      if (resolved.get(client) === mine) resolved.delete(client);
    });
  }
  return pending;
}

async function askGitHub(client: GitHubClient): Promise<TokenAuthor> {
  if (appAuthOf(client)) return askApp(client);
  const action = "find out which account the token acts as (GET /user)";
  try {
    const { data } = await client.request("GET /user");
    if (!isAuthorLogin(data.login)) {
      throw new GitHubError("other", `cannot ${action}: GitHub answered an unusable login`, AUTHOR_OVERRIDE_HINT);
    }
    return { login: data.login, source: "user" };
  } catch (e) {
    if (!isRequestFailure(e) || e instanceof GitHubError) throw e;
    const status = (e as { status?: unknown }).status;
    const message = (e as { response?: { data?: { message?: unknown } } }).response?.data?.message;
    if (status === 403 && typeof message === "string" && /not accessible by integration/i.test(message)) {
      return { login: GITHUB_ACTIONS_LOGIN, source: "installation" };
    }
    const err = toGitHubError(e, { action });
    throw new GitHubError(
      err.kind,
      err.message,
      `${err.hint ? `${err.hint}; or ` : ""}${AUTHOR_OVERRIDE_HINT}`,
      err.status,
      err.requestId,
    );
  }
}

async function askApp(client: GitHubClient): Promise<TokenAuthor> {
  const action = "find out which GitHub App the client authenticates as (GET /app)";
  const { data } = await callGitHub({ action }, () => client.request("GET /app"));
  const login = `${String((data as { slug?: unknown } | null)?.slug ?? "")}[bot]`;
  if (!isAuthorLogin(login) || login === "[bot]") {
    throw new GitHubError("other", `cannot ${action}: GitHub answered an unusable slug`, AUTHOR_OVERRIDE_HINT);
  }
  return { login, source: "app" };
}
