import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "octokit";
import { GitHubError } from "./GitHubError.js";

/** A GitHub App the client authenticates as: its id, its private key (PEM), and the installation to act for. */
export interface GitHubAppCredentials {
  /** The App's id (or its client id, which GitHub also accepts as the JWT's issuer). */
  appId: string;
  /** The App's private key, PEM, as GitHub hands it out (PKCS#1 "RSA PRIVATE KEY") or PKCS#8. */
  privateKey: string;
  /** The installation to act for; without it, found from `repository` (GET /repos/{owner}/{repo}/installation). */
  installationId?: number;
  repository?: { owner: string; repo: string };
}

/**
 * An installation token is replaced this long before GitHub's `expires_at` (tokens live an hour): a request made
 * just before expiry must not arrive just after it.
 */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** Tokens and JWTs remembered for scrubbing: the current ones and a few before (a log line may quote an old one). */
const REMEMBERED_SECRETS = 8;

/** Routes GitHub only accepts with the App's JWT (octokit's auth-app keeps the same list). */
const APP_ROUTE = /^\/(?:app(?:\/|$)|app-manifests\/|(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+|users\/[^/]+)\/installation$)/;

type RequestFn = Octokit["request"];
type EndpointOptions = ReturnType<RequestFn["endpoint"]["merge"]>;

/**
 * GitHub App authentication for the client, as an octokit auth strategy: octokit's `@octokit/auth-app` signs the JWT
 * (RS256, iat 30 s back, 10 min life) and creates installation tokens; this adds what a long-running monitor needs:
 * the installation found from the repository when not configured, the token replaced TOKEN_REFRESH_MARGIN_MS before
 * GitHub's `expires_at` (auth-app's own cache keeps a token 59 minutes whatever GitHub said), and a request answered
 * 401 (a token revoked or expired early) retried once with a fresh token. Token and JWT requests go through a bare
 * request without the client's write queue and throttling: they happen inside a write, which holds both.
 */
export class GitHubAppAuth {
  private readonly appAuth: ReturnType<typeof createAppAuth>;
  private readonly bare: RequestFn;
  private installationId: number | null;
  private current: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private readonly recent: string[] = [];
  private readonly basePath: string;
  private readonly now: () => number;

  constructor(
    private readonly credentials: GitHubAppCredentials,
    options: { baseUrl: string; userAgent: string; fetch: typeof fetch; now?: () => number },
  ) {
    this.now = options.now ?? Date.now;
    this.basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, "");
    this.bare = new Octokit({
      baseUrl: options.baseUrl,
      userAgent: options.userAgent,
      request: { fetch: options.fetch },
      throttle: { enabled: false },
      retry: { enabled: false },
    }).request;
    this.appAuth = createAppAuth({
      appId: credentials.appId,
      privateKey: credentials.privateKey,
      request: this.bare,
      log: { warn: () => {} },
    });
    this.installationId = credentials.installationId ?? null;
  }

  /** Every token and JWT handed out lately, for the scrubber. */
  secrets(): string[] {
    return [...this.recent];
  }

  private remember(secret: string): string {
    if (!this.recent.includes(secret)) {
      this.recent.push(secret);
      if (this.recent.length > REMEMBERED_SECRETS) this.recent.shift();
    }
    return secret;
  }

  /** The App's JWT (auth-app signs a new one when the last is close to its 10 minutes). */
  async jwt(): Promise<string> {
    try {
      return this.remember((await this.appAuth({ type: "app" })).token);
    } catch (e) {
      throw new GitHubError(
        "permission",
        `cannot sign the GitHub App's JWT: ${(e as Error).message.split("\n")[0]}`,
        "the App's private key must be the PEM file GitHub generated for it (-----BEGIN RSA PRIVATE KEY-----)",
      );
    }
  }

  /** The installation token, replaced when it is within the margin of its expiry (or `refresh`). */
  token(refresh = false): Promise<string> {
    if (!refresh && this.current && this.current.expiresAt - this.now() > TOKEN_REFRESH_MARGIN_MS) {
      return Promise.resolve(this.current.token);
    }
    // One refresh at a time: requests that find the token stale together share the new one.
    this.pending ??= this.createToken().finally(() => (this.pending = null));
    return this.pending;
  }

  private async createToken(): Promise<string> {
    const installationId = await this.installation();
    const a = (await this.appAuth({ type: "installation", installationId, refresh: true })) as {
      token: string;
      expiresAt: string;
    };
    const expiresAt = Date.parse(a.expiresAt);
    this.current = { token: this.remember(a.token), expiresAt: Number.isFinite(expiresAt) ? expiresAt : 0 };
    return a.token;
  }

  private async installation(): Promise<number> {
    if (this.installationId !== null) return this.installationId;
    const r = this.credentials.repository;
    if (!r) {
      throw new GitHubError(
        "other",
        "a GitHub App needs an installation id, or a repository to find it from",
        "set the installation id (MODELGUARD_APP_INSTALLATION_ID, github.app.installation_id) or the repository",
      );
    }
    const { data } = await this.bare("GET /repos/{owner}/{repo}/installation", {
      owner: r.owner,
      repo: r.repo,
      headers: { authorization: `bearer ${await this.jwt()}` },
    });
    this.installationId = data.id;
    return data.id;
  }

  /** The octokit auth strategy: `auth()` answers the installation token; `hook` signs every request. */
  strategy(): () => (() => Promise<{ type: string; token: string }>) & { hook: unknown } {
    const auth = Object.assign(async () => ({ type: "token", token: await this.token() }), {
      hook: (request: RequestFn, route: string | EndpointOptions, parameters?: Record<string, unknown>) =>
        this.hook(request, route, parameters),
    });
    return () => auth;
  }

  private async hook(
    request: RequestFn,
    route: string | EndpointOptions,
    parameters?: Record<string, unknown>,
  ): Promise<unknown> {
    const endpoint = request.endpoint.merge(route as string, parameters);
    const url = String(endpoint.url);
    let path = /^https?:\/\//i.test(url) ? new URL(url).pathname : url.split("?")[0]!;
    if (this.basePath && path.startsWith(this.basePath + "/")) path = path.slice(this.basePath.length);
    if (APP_ROUTE.test(path)) {
      endpoint.headers.authorization = `bearer ${await this.jwt()}`;
      return request(endpoint as never);
    }
    endpoint.headers.authorization = `token ${await this.token()}`;
    try {
      return await request(endpoint as never);
    } catch (e) {
      if ((e as { status?: number }).status !== 401) throw e;
      // Revoked, or expired before its time (a clock off by more than the margin): once more with a new token.
      endpoint.headers.authorization = `token ${await this.token(true)}`;
      return request(endpoint as never);
    }
  }
}
