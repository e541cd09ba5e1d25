/**
 * The fake GitHub as a GitHub App sees it: the App's JWT (RS256, checked with the App's public key: signature, `iss`,
 * `iat` not in the future, `exp` in the future and at most 10 minutes after `iat`, as GitHub checks them), installation
 * access tokens it hands out with an expiry and refuses after it (401), and the three routes an App client uses:
 * GET /app, GET /repos/{owner}/{repo}/installation, POST /app/installations/{installation_id}/access_tokens.
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import type { FakeGitHubState, FakeUser } from "./FakeGitHubState.js";
import { userJson, type Urls } from "./githubObjects.js";

export interface FakeAppOptions {
  id: number;
  slug: string;
  /** The App's public key (PEM or KeyObject): JWTs must verify against it. */
  publicKey: string | KeyObject;
  installationId: number;
  /** How long an installation token lives (default 1 h, as on GitHub). */
  tokenLifetimeMs?: number;
}

/** The operations only the App's JWT may call. */
export const APP_OPERATIONS = new Set([
  "apps/get-authenticated",
  "apps/get-repo-installation",
  "apps/create-installation-access-token",
]);

export type AppAuth =
  | { kind: "jwt" }
  | { kind: "bad-jwt"; message: string }
  | { kind: "installation" }
  | { kind: "expired-installation" }
  | { kind: "other" };

export class FakeApp {
  readonly bot: FakeUser;
  readonly owner: FakeUser;
  /** Installation tokens handed out -> when each expires (ms). */
  readonly tokens = new Map<string, number>();
  /** JWTs that verified. */
  jwtsAccepted = 0;
  private readonly key: KeyObject;

  constructor(
    readonly options: FakeAppOptions,
    state: FakeGitHubState,
    private readonly now: () => number = Date.now,
  ) {
    this.key = typeof options.publicKey === "string" ? createPublicKey(options.publicKey) : options.publicKey;
    this.bot = state.user(`${options.slug}[bot]`);
    this.owner = state.user("app-owner");
  }

  /** Makes every installation token handed out so far expired (GitHub then answers 401 Bad credentials). */
  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, this.now() - 1000);
  }

  /** What an Authorization header is, for an App: its JWT (checked), one of its installation tokens, or something else. */
  authOf(header: string | undefined): AppAuth {
    const m = /^(token|bearer)\s+(\S+)$/i.exec((header ?? "").trim());
    if (!m) return { kind: "other" };
    const credential = m[2]!;
    const expires = this.tokens.get(credential);
    if (expires !== undefined)
      return expires > this.now() ? { kind: "installation" } : { kind: "expired-installation" };
    const parts = credential.split(".");
    if (parts.length !== 3) return { kind: "other" };
    const problem = this.jwtProblem(parts as [string, string, string]);
    if (problem) return { kind: "bad-jwt", message: problem };
    this.jwtsAccepted++;
    return { kind: "jwt" };
  }

  private jwtProblem([h, p, s]: [string, string, string]): string | null {
    let header: { alg?: unknown; typ?: unknown };
    let payload: { iss?: unknown; iat?: unknown; exp?: unknown };
    try {
      header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
      payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    } catch {
      return "A JSON web token could not be decoded";
    }
    if (header.alg !== "RS256") return "A JSON web token could not be decoded";
    if (!verify("RSA-SHA256", Buffer.from(`${h}.${p}`), this.key, Buffer.from(s, "base64url"))) {
      return "A JSON web token could not be decoded";
    }
    if (String(payload.iss) !== String(this.options.id)) return "'Issuer' claim ('iss') must be an Integer";
    const now = Math.floor(this.now() / 1000);
    if (typeof payload.iat !== "number" || !Number.isInteger(payload.iat) || payload.iat > now + 60) {
      return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
    }
    if (typeof payload.exp !== "number" || payload.exp <= now) {
      return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
    }
    if (payload.exp - payload.iat > 660) return "'Expiration time' claim ('exp') is too far in the future";
    return null;
  }

  /** POST /app/installations/{id}/access_tokens: a new token, valid for tokenLifetimeMs. */
  createToken(): Record<string, unknown> {
    const token = `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`;
    const expiresAt = this.now() + (this.options.tokenLifetimeMs ?? 3_600_000);
    this.tokens.set(token, expiresAt);
    return {
      token,
      expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
      permissions: PERMISSIONS,
      repository_selection: "all",
    };
  }

  appJson(urls: Urls): Record<string, unknown> {
    return {
      id: this.options.id,
      slug: this.options.slug,
      client_id: `Iv1.${this.options.id.toString(16).padStart(16, "0")}`,
      node_id: Buffer.from(`A_${this.options.id}`).toString("base64"),
      owner: userJson(this.owner, urls),
      name: this.options.slug,
      description: "modelguard test App",
      external_url: "https://example.com",
      html_url: `${urls.web}/apps/${this.options.slug}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      permissions: PERMISSIONS,
      events: [],
    };
  }

  installationJson(account: FakeUser, urls: Urls): Record<string, unknown> {
    const id = this.options.installationId;
    return {
      id,
      account: userJson(account, urls),
      access_tokens_url: `${urls.api}/app/installations/${id}/access_tokens`,
      repositories_url: `${urls.api}/installation/repositories`,
      html_url: `${urls.web}/settings/installations/${id}`,
      app_id: this.options.id,
      app_slug: this.options.slug,
      target_id: account.id,
      target_type: account.type === "Organization" ? "Organization" : "User",
      permissions: PERMISSIONS,
      events: [],
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      single_file_name: null,
      repository_selection: "all",
      suspended_by: null,
      suspended_at: null,
    };
  }
}

const PERMISSIONS = {
  contents: "write",
  issues: "write",
  pull_requests: "write",
  actions: "write",
  deployments: "write",
  metadata: "read",
};
