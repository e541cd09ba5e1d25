import { GitHubError, type GitHubErrorKind } from "./GitHubError.js";
import { redactSecrets } from "./redactSecrets.js";
import { tooLongHint } from "./reportMarker.js";

export interface GitHubErrorClassification {
  kind: GitHubErrorKind;
  /** HTTP status, or null when no response came back (network error) or the call was refused before sending. */
  status: number | null;
  message: string;
  hint: string;
}

export interface GitHubCallContext {
  /** What we were doing, for the message: "update the PR comment on o/r#5". */
  action?: string;
  /** The `permissions:` entry the call needs, e.g. "pull-requests: write"; inferred from the request when omitted. */
  permission?: string;
  /** Token to scrub from messages (the client's own token is also scrubbed by the client). */
  token?: string;
}

const FORK_NOTE =
  "Pull requests from forks get a read-only GITHUB_TOKEN whatever the workflow asks for, so writes fail there; " +
  "the report still goes to the job summary.";

/** The parts of an octokit RequestError (or a fetch failure) that classification reads. */
interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | undefined>; data?: unknown; url?: string };
  request?: { method?: string; url?: string };
}

/**
 * Sorts a failed GitHub call into what the user can do about it: a missing `permissions:` line, a wrong
 * owner/repo/number, a rate limit, a GitHub outage, a body over 65,536 characters, or something else.
 *
 * @example classifyGitHubError(err403) // {kind: "permission", status: 403, hint: "add `permissions: pull-requests: write` to the workflow job ..."}
 */
export function classifyGitHubError(e: unknown, context: GitHubCallContext = {}): GitHubErrorClassification {
  if (e instanceof GitHubError) return { kind: e.kind, status: e.status, message: e.message, hint: e.hint ?? "" };
  const err = (typeof e === "object" && e !== null ? e : { message: String(e) }) as ErrorLike;
  const rawStatus = typeof err.status === "number" && err.status > 0 ? err.status : null;
  // octokit reports a network failure (no response at all) as a status-500 RequestError without a response.
  const status = err.response ? rawStatus : null;
  const headers = err.response?.headers ?? {};
  const data = err.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const ghMessage = typeof data?.message === "string" ? data.message : "";
  const detail = redactSecrets(String(err.message ?? ghMessage ?? "unknown error"), context.token);
  const method = (err.request?.method ?? "").toUpperCase();
  const path = pathOf(err.request?.url);
  const what = context.action ?? (method && path ? `${method} ${path}` : "call GitHub");
  const permission = context.permission ?? inferPermission(method, path);
  const addPermission = permission
    ? `add \`permissions: ${permission}\` to the workflow job${
        permission === "pull-requests: write" ? " (`issues: write` to comment on an issue)" : ""
      } (or use a token that has it).`
    : "give the token the permission this call needs in the workflow's `permissions:` block.";
  const text = `${detail} ${ghMessage} ${JSON.stringify(data?.errors ?? "")}`;
  const requestId = headers["x-github-request-id"];
  const suffix = requestId ? ` (GitHub request id ${requestId})` : "";

  if (status === null && !err.request) {
    return {
      kind: "other",
      status: null,
      message: `cannot ${what}: ${detail}`,
      hint: "this is not an answer from GitHub; if it persists, report it as a modelguard bug",
    };
  }
  if (status === null) {
    return {
      kind: "other",
      status: null,
      message: `cannot ${what}: no response from GitHub: ${detail}`,
      hint:
        "check the network and the API URL (GITHUB_API_URL; GitHub Enterprise Server uses https://HOST/api/v3), " +
        "then run again",
    };
  }
  if (status === 422 && /too long/i.test(text)) {
    return {
      kind: "too_long",
      status,
      message: `cannot ${what}: GitHub refused the body as too long (over 65,536 characters)${suffix}`,
      hint: tooLongHint,
    };
  }
  const rateLimited =
    status === 429 || (status === 403 && (headers["x-ratelimit-remaining"] === "0" || /rate limit/i.test(text)));
  if (rateLimited) {
    const reset = Number(headers["x-ratelimit-reset"]);
    const when =
      Number.isFinite(reset) && reset > 0 ? ` (the limit resets at ${new Date(reset * 1000).toISOString()})` : "";
    return {
      kind: "rate_limited",
      status,
      message: `cannot ${what}: GitHub's rate limit was hit and the retries ran out${when}: ${detail}${suffix}`,
      hint:
        "run the job again later; GitHub limits how fast one token may write " +
        "(https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api)",
    };
  }
  if (status === 401) {
    return {
      kind: "permission",
      status,
      message: `cannot ${what}: GitHub rejected the token (401 ${ghMessage || "Bad credentials"})${suffix}`,
      hint:
        "the token is missing, expired or revoked: pass `github-token: ${{ secrets.GITHUB_TOKEN }}` (the default) " +
        "or a valid personal access token",
    };
  }
  if (status === 403) {
    return {
      kind: "permission",
      status,
      message: `cannot ${what}: the token is not allowed to (403 ${ghMessage || "Forbidden"})${suffix}`,
      hint: `${addPermission} ${FORK_NOTE}`,
    };
  }
  if (status === 404) {
    return {
      kind: "not_found",
      status,
      message: `cannot ${what}: not found (404)${suffix}`,
      hint:
        "check the owner, repository, number or workflow file name; GitHub also answers 404 when the token cannot " +
        `see the repository: ${addPermission} ${FORK_NOTE}`,
    };
  }
  if (status >= 500) {
    return {
      kind: "server",
      status,
      message: `cannot ${what}: GitHub answered ${status} after retries: ${detail}${suffix}`,
      hint: "GitHub had a server error; run the job again later (https://www.githubstatus.com)",
    };
  }
  return {
    kind: "other",
    status,
    message: `cannot ${what}: GitHub answered ${status}: ${detail}${suffix}`,
    hint:
      status === 422
        ? "GitHub rejected the request as invalid; the message above says which field"
        : "see the message above; if it persists, report it with the request id",
  };
}

/** A failed call as a GitHubError (token-free, with the classification), for callers to throw. */
export function toGitHubError(e: unknown, context: GitHubCallContext = {}): GitHubError {
  if (e instanceof GitHubError) return e;
  const c = classifyGitHubError(e, context);
  const headers = (e as ErrorLike | null)?.response?.headers;
  return new GitHubError(
    c.kind,
    redactSecrets(c.message, context.token),
    redactSecrets(c.hint, context.token),
    c.status,
    headers?.["x-github-request-id"],
  );
}

/** Runs a GitHub call and turns an HTTP or network failure into a GitHubError (other errors, i.e. bugs, pass through). */
export async function callGitHub<T>(context: GitHubCallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw isRequestFailure(e) ? toGitHubError(e, context) : e;
  }
}

/** An octokit RequestError: a request was made (whether or not a response came back). */
export function isRequestFailure(e: unknown): boolean {
  return e instanceof GitHubError || (typeof e === "object" && e !== null && "request" in e && "status" in e);
}

function pathOf(url: string | undefined): string {
  if (!url) return "";
  try {
    return new URL(url, "http://github.invalid").pathname;
  } catch {
    return url.split("?")[0] ?? "";
  }
}

/** The `permissions:` entry a REST call needs, from its method and path (GHES prefixes like /api/v3 are fine). */
export function inferPermission(method: string, path: string): string {
  const write = method !== "" && method !== "GET" && method !== "HEAD";
  if (/\/actions\/workflows\/[^/]+\/dispatches$/.test(path)) return "actions: write";
  if (/\/repos\/[^/]+\/[^/]+\/dispatches$/.test(path)) return "contents: write";
  if (/\/issues\/(comments\/\d+|\d+\/comments)$/.test(path)) {
    return write ? "pull-requests: write" : "pull-requests: read";
  }
  if (/\/issues(\/\d+)?$/.test(path)) return write ? "issues: write" : "issues: read";
  if (/\/repos\/[^/]+\/[^/]+$/.test(path)) return "contents: read";
  return "";
}
