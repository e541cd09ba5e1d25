import { format } from "node:util";
import Bottleneck from "bottleneck";
import { Octokit } from "octokit";
import { VERSION } from "../version.js";
import { GitHubAppAuth, type GitHubAppCredentials } from "./GitHubAppAuth.js";
import { GitHubError } from "./GitHubError.js";
import { redactSecrets } from "./redactSecrets.js";

/**
 * octokit's Octokit: REST methods (`client.rest.*`), pagination, retry and throttling in one package; the only way
 * modelguard talks to GitHub. Code here calls `client.request("VERB /route", params)`, which the fake GitHub's OpenAPI
 * check sees route by route.
 */
export type GitHubClient = Octokit;

/** Where the client's warnings go (rate-limit waits, retries). Every line is scrubbed of tokens first. */
export interface GitHubLogger {
  debug?(message: string): void;
  info?(message: string): void;
  warn(message: string): void;
  error?(message: string): void;
}

export interface GitHubClientOptions {
  /** A token (GITHUB_TOKEN, a PAT, an App installation token made elsewhere); not used with `app`. */
  token?: string;
  /** Authenticate as a GitHub App installation instead: installation tokens are made and renewed by the client. */
  app?: GitHubAppCredentials;
  /** API root; default `GITHUB_API_URL` or https://api.github.com (GitHub Enterprise Server: https://HOST/api/v3). */
  baseUrl?: string;
  userAgent?: string;
  log?: GitHubLogger;
  /** Retries after a primary or secondary rate limit before giving up (default 2). */
  rateLimitRetries?: number;
  /** A rate limit that asks for a longer wait fails at once instead of stalling the job (default 300 s). */
  maxRateLimitWaitSeconds?: number;
  /** Retries after a 5xx answer or a network failure (default 3, waiting 1, 4, 9 s). */
  serverErrorRetries?: number;
  /**
   * Each attempt of a request is abandoned after this long (default 30 s) and counts as a network failure, so it is
   * retried like one: a connection GitHub (or a proxy) leaves hanging must not stall a job step or the monitor's outbox.
   */
  requestTimeoutMs?: number;
  /**
   * Pacing, in milliseconds; the defaults are GitHub's advice and octokit's (tests make them small):
   * `retryBaseMs` scales the 1, 4, 9... backoff between 5xx retries (1000), `writeIntervalMs` is the least gap
   * between writes (1000), `notifyingWriteIntervalMs` between writes that notify people, e.g. new comments (3000).
   */
  pacing?: { retryBaseMs?: number; writeIntervalMs?: number; notifyingWriteIntervalMs?: number };
}

type Pacing = NonNullable<GitHubClientOptions["pacing"]>;
let testPacing: Pacing = {};

/**
 * For tests only: the pacing every client created from now on starts from (its own `pacing` option still wins), until
 * the returned function restores the previous one. The clients the CLI, the Action and the monitor create in-process
 * follow it, so a test suite of many writes does not wait GitHub's second between each. Deliberately no flag or
 * environment variable: a user cannot turn GitHub's pacing off by accident.
 */
export function setGitHubPacingForTests(pacing: Pacing): () => void {
  const previous = testPacing;
  testPacing = { ...pacing };
  return () => {
    testPacing = previous;
  };
}

/**
 * Makes the GitHub client: octokit's Octokit, its throttling set up as GitHub asks of integrations (writes one at a
 * time, rate limits waited out a bounded number of times), its retry for 5xx and network errors (with backoff), each
 * attempt bounded by a timeout. The token never reaches a log
 * line or an error: log lines are scrubbed, and errors leaving the client have the Authorization header and any
 * occurrence of the token removed.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const token = options.token?.trim() ?? "";
  const baseUrl = (options.baseUrl || process.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const userAgent = options.userAgent ?? `modelguard/${VERSION}`;
  const timedFetch = fetchWithTimeout(options.requestTimeoutMs ?? 30_000);
  const app = options.app ? new GitHubAppAuth(options.app, { baseUrl, userAgent, fetch: timedFetch }) : null;
  // What never reaches a log line or an error: the token, or the App's current and recent tokens and JWTs.
  const secrets = (): string[] => (app ? app.secrets() : [token]);
  if (token === "" && !app) {
    throw new GitHubError(
      "permission",
      "no GitHub token was given",
      "pass `github-token: ${{ secrets.GITHUB_TOKEN }}` (the default) or set GITHUB_TOKEN for the CLI, or a GitHub App (MODELGUARD_APP_ID and its key)",
    );
  }
  const sink = options.log ?? { warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
  const line = (message: unknown, rest: unknown[]): string =>
    redactAll(typeof message === "string" && rest.length === 0 ? message : format(message, ...rest), secrets());
  const log = {
    debug: (m: unknown, ...rest: unknown[]) => sink.debug?.(line(m, rest)),
    info: (m: unknown, ...rest: unknown[]) => sink.info?.(line(m, rest)),
    warn: (m: unknown, ...rest: unknown[]) => sink.warn(line(m, rest)),
    error: (m: unknown, ...rest: unknown[]) => (sink.error ?? sink.warn)(line(m, rest)),
  };

  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 300;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const where = `${request.method} ${request.url}`;
      if (retryCount >= rateLimitRetries) {
        log.warn(`GitHub ${kind} on ${where}: giving up after ${retryCount} retries`);
        return false;
      }
      if (retryAfter > maxWait) {
        log.warn(`GitHub ${kind} on ${where}: it asks to wait ${retryAfter} s, longer than ${maxWait} s; giving up`);
        return false;
      }
      log.warn(
        `GitHub ${kind} on ${where}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${rateLimitRetries})`,
      );
      return true;
    };

  const pacing = { ...testPacing, ...options.pacing };
  const groups: { write?: Bottleneck.Group; notifications?: Bottleneck.Group } = {};
  if (pacing.writeIntervalMs !== undefined) {
    groups.write = new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.writeIntervalMs });
  }
  if (pacing.notifyingWriteIntervalMs !== undefined) {
    groups.notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.notifyingWriteIntervalMs });
  }

  const client = new Octokit({
    ...(app ? { authStrategy: app.strategy() } : { auth: token }),
    baseUrl,
    userAgent,
    log,
    request: { fetch: timedFetch },
    throttle: {
      onRateLimit: onLimit("rate limit"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
      ...groups,
    },
    retry: {
      retries: options.serverErrorRetries ?? 3,
      retryAfterBaseValue: pacing.retryBaseMs ?? 1000,
      // 429 and rate-limit 403s are the throttling plugin's; client errors are not worth repeating.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });

  // octokit's write group only spaces the *starts* of writes; this queue makes each write (with its retries and
  // rate-limit waits) finish before the next one starts, as GitHub asks of integrations.
  let writes: Promise<unknown> = Promise.resolve();
  client.hook.wrap("request", (request, requestOptions) => {
    const method = (requestOptions.method ?? "GET").toUpperCase();
    if (method === "GET" || method === "HEAD") return request(requestOptions);
    const run = writes.then(() => request(requestOptions));
    writes = run.catch(() => undefined);
    return run;
  });

  // Registered last, so it wraps everything else: whatever error leaves the client is scrubbed of the token.
  client.hook.wrap("request", async (request, requestOptions) => {
    try {
      return await request(requestOptions);
    } catch (e) {
      throw scrubError(e, secrets());
    }
  });
  if (app) appClients.set(client, app);
  return client;
}

const appClients = new WeakMap<GitHubClient, GitHubAppAuth>();

/** The App a client authenticates as, or null for a token client (resolveTokenAuthor asks GET /app then). */
export function appAuthOf(client: GitHubClient): GitHubAppAuth | null {
  return appClients.get(client) ?? null;
}

function redactAll(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = redactSecrets(out, s);
  return redactSecrets(out);
}

/**
 * Removes the token from an error in place: the Authorization header of the request it carries, its message and
 * stack, and any string in the response GitHub sent back.
 */
function scrubError(e: unknown, secrets: string[]): unknown {
  if (typeof e !== "object" || e === null) return e;
  const err = e as {
    message?: unknown;
    stack?: unknown;
    request?: { headers?: Record<string, unknown> };
    response?: { data?: unknown; url?: unknown };
  };
  const headers = err.request?.headers;
  if (headers) {
    for (const k of Object.keys(headers)) {
      if (k.toLowerCase() === "authorization") headers[k] = "[REDACTED]";
    }
  }
  if (typeof err.message === "string") err.message = redactAll(err.message, secrets);
  if (typeof err.stack === "string") err.stack = redactAll(err.stack, secrets);
  if (err.response) {
    err.response.data = scrubValue(err.response.data, secrets, 0);
    if (typeof err.response.url === "string") err.response.url = redactAll(err.response.url, secrets);
  }
  return e;
}

function scrubValue(v: unknown, secrets: string[], depth: number): unknown {
  if (typeof v === "string") return redactAll(v, secrets);
  if (depth > 20 || typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, secrets, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubValue(x, secrets, depth + 1)]));
}

function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
