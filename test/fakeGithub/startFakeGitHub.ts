/**
 * A fake GitHub REST API on a real HTTP server (127.0.0.1, ephemeral port) for tests of everything that talks to
 * GitHub: the github/ module, the Action harness and the drift monitor.
 *
 * Every request is checked against GitHub's published OpenAPI description (see openApiValidator.ts): an unknown
 * method + path, an undeclared or mistyped path/query parameter, a body that does not match the operation's schema
 * (or has a field the operation does not define) or a missing `Authorization` header (when a token is configured)
 * gets a 400 with a JSON body naming the problems, and is recorded in `violations`. The fake's own 2xx responses are
 * checked against the documented response schema the same way, so tests also prove the fake answers in GitHub's
 * shape. Tests assert `fake.violations` is empty.
 *
 * Implemented: GET /user (a user token's account; an installation token such as GITHUB_TOKEN gets GitHub's 403
 * "Resource not accessible by integration", see `actor`); GET /repos/{o}/{r}; issue comments (list with paging, get, create, update); issues (list with
 * state/labels/creator/since/sort/direction and paging, get, create, update); workflow dispatch (with
 * `return_run_details`, or as a server that predates it: see `workflowRunDetails`) and repository dispatch; the pull
 * requests of a commit (head or merge commit, see FakeGitHubState.mergePullRequest); releases, assets, refs, contents
 * (with ETag and 304 for If-None-Match) and deployments (registryRoutes.ts). Any other operation of the description answers 404 and is listed in `unhandled`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  FakeGitHubState,
  GITHUB_ACTIONS_BOT,
  type FakeIssue,
  type FakeRepository,
  type FakeUser,
  type WorkflowDispatch,
} from "./FakeGitHubState.js";
import {
  commentJson,
  issueJson,
  privateUserJson,
  pullRequestSimpleJson,
  repositoryJson,
  type Urls,
} from "./githubObjects.js";
import { openApiValidator, type MatchedOperation } from "./openApiValidator.js";
import { APP_OPERATIONS, FakeApp, type FakeAppOptions } from "./appRoutes.js";
import {
  FakeRegistryState,
  contentJson,
  deploymentJson,
  deploymentStatusJson,
  refJson,
  releaseJson,
  assetJson,
  sha1,
  type FakeRelease,
} from "./registryRoutes.js";

export type Permission = "issues" | "pull-requests" | "actions" | "contents" | "deployments";
export type Access = "none" | "read" | "write";

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Matched against the request path (after the API prefix, without the query string); any when omitted. */
  path?: RegExp | string;
  /** How many matching requests fail (default 1). */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  /** JSON body (default: GitHub's body for the status); a string is sent as it is. */
  body?: unknown;
}

export interface Fault extends FaultSpec {
  /** How many requests this fault has answered. */
  hits: number;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received (including any API prefix). */
  url: string;
  /** Path after the API prefix. */
  path: string;
  operationId: string | null;
  query: Record<string, string>;
  body: unknown;
  status: number;
  fault: boolean;
  /** How the request authenticated: `token`/`bearer` with the configured token, `wrong`, or `none`. */
  auth: "token" | "bearer" | "wrong" | "none";
  userAgent: string | undefined;
}

export interface Violation {
  kind: "request" | "response";
  method: string;
  url: string;
  problems: string[];
}

export interface FakeGitHubOptions {
  /** When set, every request must send it (`Authorization: token|Bearer <token>`); it acts as `actor`. */
  token?: string;
  /**
   * Who the token acts as: what it writes is authored by this login (default "github-actions[bot]"). A login ending
   * in `[bot]` is an installation token (GITHUB_TOKEN, a GitHub App's), which GitHub refuses `GET /user` with 403
   * "Resource not accessible by integration"; any other login is a user token, and `GET /user` answers its account.
   */
  actor?: string;
  faults?: FaultSpec[];
  /** API prefix, e.g. "/api/v3" to look like GitHub Enterprise Server. */
  basePath?: string;
  /** Root of html_url values (default https://github.com). */
  webUrl?: string;
  /** The token's permissions (default: write on everything); a write without it gets GitHub's 403. */
  permissions?: Partial<Record<Permission, Access>>;
  /** Repositories to create up front, as "owner/name". */
  repositories?: string[];
  /** Delay before answering each request, so overlapping requests can be observed in `stats`. */
  latencyMs?: number;
  /**
   * How workflow dispatches treat `return_run_details: true`: `returned` (default; github.com since 2026-02: 200 with
   * `{workflow_run_id, run_url, html_url}`), `ignored` (a server that predates the parameter and ignores unknown
   * keys: 204), `refused` (one that validates keys: GitHub's 422 "not a permitted key", nothing dispatched).
   */
  workflowRunDetails?: "returned" | "ignored" | "refused";
  /**
   * A GitHub App: its JWT is accepted on the App routes (GET /app, GET /repos/{o}/{r}/installation, POST
   * /app/installations/{id}/access_tokens), the installation tokens those hand out everywhere else until they expire
   * (then 401), and what they write is authored by `<slug>[bot]` (unless `actor` says otherwise). `token` may still
   * be set: it is accepted too.
   */
  app?: FakeAppOptions;
  /** Overrides the `html_url` of dispatched runs (tests of clients that must not trust it blindly). */
  runHtmlUrl?: (fullName: string, runId: number) => string;
}

export interface FakeGitHub {
  /** API base URL to give the client, e.g. http://127.0.0.1:4567 (with basePath when configured). */
  url: string;
  /** The token requests must carry (undefined: any or none). */
  token: string | undefined;
  /** Most requests (and most writes) that were being handled at the same time. */
  stats: { maxConcurrentRequests: number; maxConcurrentWrites: number };
  state: FakeGitHubState;
  /** Releases, refs, files on branches and deployments (see registryRoutes.ts). */
  registry: FakeRegistryState;
  requests: RecordedRequest[];
  violations: Violation[];
  /** Operations of the description the fake does not implement that were called (answered 404). */
  unhandled: string[];
  /** Conditional requests (If-None-Match) answered 304 Not Modified. */
  readonly notModified: number;
  /** With `app`: the App (its tokens, `expireTokens()`); else null. */
  app: FakeApp | null;
  injectFault(spec: FaultSpec): Fault;
  /** Drops every fault not yet used up (e.g. between tests). */
  clearFaults(): void;
  close(): Promise<void>;
}

const DOCS = "https://docs.github.com/rest";
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** GitHub's limit on issue and comment bodies, in characters. */
export const MAX_BODY_CHARS = 65536;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

interface Ctx {
  op: MatchedOperation;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  user: FakeUser;
  urls: Urls;
  origin: string;
  rawUrl: URL;
  rawBytes: Buffer;
  accept: string;
  ifNoneMatch: string | undefined;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const validator = openApiValidator();
  const state = new FakeGitHubState();
  const registry = new FakeRegistryState(state);
  const app = options.app ? new FakeApp(options.app, state) : null;
  const actor = options.actor ? state.user(options.actor) : app ? app.bot : GITHUB_ACTIONS_BOT;
  for (const r of options.repositories ?? []) state.addRepository(r);
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const unhandled: string[] = [];
  const faults: Fault[] = [];
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const permissions: Record<Permission, Access> = {
    issues: "write",
    "pull-requests": "write",
    actions: "write",
    contents: "write",
    deployments: "write",
    ...options.permissions,
  };
  let requestCounter = 0;
  let conditionalHits = 0;
  const stats = { maxConcurrentRequests: 0, maxConcurrentWrites: 0 };
  let inFlight = 0;
  let writesInFlight = 0;

  const injectFault = (spec: FaultSpec): Fault => {
    const f: Fault = { times: 1, ...spec, hits: 0 };
    faults.push(f);
    return f;
  };
  for (const f of options.faults ?? []) injectFault(f);

  const server = createServer((req, res) => {
    const write = req.method !== "GET" && req.method !== "HEAD";
    inFlight++;
    if (write) writesInFlight++;
    stats.maxConcurrentRequests = Math.max(stats.maxConcurrentRequests, inFlight);
    stats.maxConcurrentWrites = Math.max(stats.maxConcurrentWrites, writesInFlight);
    res.on("close", () => {
      inFlight--;
      if (write) writesInFlight--;
    });
    handle(req, res).catch((e: unknown) => {
      violations.push({
        kind: "response",
        method: req.method ?? "?",
        url: req.url ?? "?",
        problems: [`the fake itself failed: ${(e as Error).stack ?? String(e)}`],
      });
      if (!res.headersSent) send(res, 500, { message: "fake GitHub failed", documentation_url: DOCS });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBytes = await readBody(req);
    const rawBody = rawBytes.toString("utf8");
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const method = (req.method ?? "GET").toUpperCase();
    const rawUrl = new URL(req.url ?? "/", "http://fake.invalid");
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const urls: Urls = { api: origin + basePath, web: options.webUrl ?? "https://github.com" };
    const appAuth = app?.authOf(req.headers.authorization) ?? null;
    const auth =
      appAuth?.kind === "jwt"
        ? "bearer"
        : appAuth?.kind === "installation"
          ? "token"
          : authOf(req.headers.authorization, app ? (options.token ?? "") : options.token);
    const record: RecordedRequest = {
      method,
      url: req.url ?? "/",
      path: rawUrl.pathname,
      operationId: null,
      query: Object.fromEntries(rawUrl.searchParams),
      body: undefined,
      status: 0,
      fault: false,
      auth,
      userAgent: req.headers["user-agent"],
    };
    requests.push(record);
    const reply = (r: Reply, fault = false): void => {
      record.status = r.status;
      record.fault = fault;
      send(res, r.status, r.body, { "x-github-request-id": `FAKE:${++requestCounter}`, ...r.headers });
    };

    if (basePath && !(rawUrl.pathname === basePath || rawUrl.pathname.startsWith(basePath + "/"))) {
      const problems = [`request path ${rawUrl.pathname} is outside the API prefix ${basePath}`];
      violations.push({ kind: "request", method, url: record.url, problems });
      return reply({ status: 400, body: { message: "Request does not conform to GitHub's REST API", problems } });
    }
    // Object storage, where asset downloads are redirected (not part of the API).
    const download = /^\/downloads\/(\d+)$/.exec(rawUrl.pathname);
    if (download) {
      const asset = registry.releases.flatMap((r) => r.assets).find((a) => a.id === Number(download[1]));
      record.status = asset ? 200 : 404;
      res.writeHead(record.status, { "content-type": "application/octet-stream" });
      res.end(asset ? asset.bytes : undefined);
      return;
    }
    // The uploads host (uploads.github.com), served here under /uploads.
    const upload = rawUrl.pathname.startsWith("/uploads/");
    const path = upload ? rawUrl.pathname.slice("/uploads".length) : rawUrl.pathname.slice(basePath.length) || "/";
    record.path = path;
    const check = validator.checkRequest({
      method,
      pathname: path,
      query: rawUrl.searchParams,
      contentType: req.headers["content-type"],
      rawBody,
    });
    record.operationId = check.operation?.operationId ?? null;
    record.body = check.body ?? (rawBody === "" ? undefined : rawBody);
    const problems = [...check.problems];
    if (options.token !== undefined && auth === "none") {
      problems.push("the Authorization header is missing (a token is configured)");
    }
    if (check.operation && upload !== (check.operation.operationId === "repos/upload-release-asset")) {
      problems.push(upload ? "only asset uploads go to the uploads host" : "asset uploads go to the uploads host");
    }
    if (problems.length > 0 || !check.operation) {
      violations.push({ kind: "request", method, url: record.url, problems });
      return reply({
        status: 400,
        body: { message: "Request does not conform to GitHub's REST API description", problems },
      });
    }
    if (appAuth && check.operation && APP_OPERATIONS.has(check.operation.operationId)) {
      // GitHub's answers: the App routes take the App's JWT and nothing else.
      if (appAuth.kind !== "jwt") {
        const message = appAuth.kind === "bad-jwt" ? appAuth.message : "A JSON web token could not be decoded";
        return reply({ status: 401, body: { message, documentation_url: DOCS, status: "401" } });
      }
    } else if (appAuth?.kind === "jwt" || appAuth?.kind === "bad-jwt") {
      const message = "A JSON web token could not be decoded";
      return reply({ status: 401, body: { message, documentation_url: DOCS, status: "401" } });
    } else if (auth === "wrong") {
      return reply({ status: 401, body: { message: "Bad credentials", documentation_url: DOCS, status: "401" } });
    }

    const fault = faults.find(
      (f) =>
        f.hits < (f.times ?? 1) &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.path || (typeof f.path === "string" ? new RegExp(f.path) : f.path).test(path)),
    );
    if (fault) {
      fault.hits++;
      return reply(faultReply(fault), true);
    }

    const op = check.operation;
    const ctx: Ctx = {
      op,
      query: check.query,
      body: (check.body ?? {}) as Record<string, unknown>,
      user: actor,
      urls,
      origin,
      rawUrl,
      rawBytes,
      accept: String(req.headers.accept ?? ""),
      ifNoneMatch: typeof req.headers["if-none-match"] === "string" ? req.headers["if-none-match"] : undefined,
    };
    let r: Reply;
    try {
      r = route(ctx);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      r = { status: e.status, body: e.body, headers: e.headers };
    }
    const responseProblems = validator.checkResponse(op, r.status, r.body);
    if (responseProblems.length > 0) {
      violations.push({ kind: "response", method, url: record.url, problems: responseProblems });
    }
    reply(r);
  }

  function route(ctx: Ctx): Reply {
    const p = ctx.op.pathParams;
    switch (ctx.op.operationId) {
      case "users/get-authenticated": {
        if (ctx.user.type === "Bot") {
          throw new HttpError(403, {
            message: "Resource not accessible by integration",
            documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
            status: "403",
          });
        }
        return { status: 200, body: privateUserJson(ctx.user, ctx.urls, "2020-01-01T00:00:00Z") };
      }
      case "repos/get": {
        const repo = repository(p);
        const open = state.issues.filter((i) => i.repo === repo && i.state === "open").length;
        return { status: 200, body: repositoryJson(repo, open, ctx.urls) };
      }
      case "issues/list-comments": {
        const issue = issueOf(repository(p), p);
        const since = typeof ctx.query.since === "string" ? ctx.query.since : undefined;
        const items = state.comments
          .filter((c) => c.issue === issue && (!since || c.updatedAt >= normalizeTime(since)))
          .sort((a, b) => a.id - b.id);
        return paginate(ctx, items, (c) => commentJson(c, ctx.urls));
      }
      case "issues/get-comment": {
        const c = commentOf(repository(p), p);
        return { status: 200, body: commentJson(c, ctx.urls) };
      }
      case "issues/create-comment": {
        const issue = issueOf(repository(p), p);
        requireWrite(
          issue.pullRequest ? ["pull-requests", "issues"] : ["issues"],
          "issues/comments#create-an-issue-comment",
        );
        const body = checkedBody(ctx.body.body, "IssueComment", "issues/comments#create-an-issue-comment");
        const c = state.createComment(issue, body, ctx.user);
        const json = commentJson(c, ctx.urls);
        return { status: 201, body: json, headers: { location: String(json.url) } };
      }
      case "issues/update-comment": {
        const c = commentOf(repository(p), p);
        requireWrite(
          c.issue.pullRequest ? ["pull-requests", "issues"] : ["issues"],
          "issues/comments#update-an-issue-comment",
        );
        c.body = checkedBody(ctx.body.body, "IssueComment", "issues/comments#update-an-issue-comment");
        c.updatedAt = state.tick();
        return { status: 200, body: commentJson(c, ctx.urls) };
      }
      case "issues/list-for-repo": {
        const repo = repository(p);
        const q = ctx.query;
        const wantState = (q.state as string | undefined) ?? "open";
        const labels = typeof q.labels === "string" && q.labels !== "" ? q.labels.split(",").map((s) => s.trim()) : [];
        const since = typeof q.since === "string" ? normalizeTime(q.since) : undefined;
        const sortKey = (q.sort as string | undefined) ?? "created";
        const dir = (q.direction as string | undefined) ?? "desc";
        const items = state.issues
          .filter(
            (i) =>
              i.repo === repo &&
              (wantState === "all" || i.state === wantState) &&
              labels.every((l) => i.labels.some((x) => x.toLowerCase() === l.toLowerCase())) &&
              (!since || i.updatedAt >= since) &&
              (typeof q.creator !== "string" || i.user.login.toLowerCase() === q.creator.toLowerCase()),
          )
          .sort((a, b) => {
            const ka = sortKey === "updated" ? a.updatedAt : sortKey === "comments" ? commentCount(a) : a.createdAt;
            const kb = sortKey === "updated" ? b.updatedAt : sortKey === "comments" ? commentCount(b) : b.createdAt;
            const c = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
            return dir === "asc" ? c : -c;
          });
        return paginate(ctx, items, (i) => issueJson(i, commentCount(i), ctx.urls));
      }
      case "issues/get": {
        const issue = issueOf(repository(p), p);
        return { status: 200, body: issueJson(issue, commentCount(issue), ctx.urls) };
      }
      case "issues/create": {
        const repo = repository(p);
        requireWrite(["issues"], "issues/issues#create-an-issue");
        const b = ctx.body;
        const issue = state.addIssue(repo.fullName, {
          title: String(b.title),
          body: b.body === undefined ? null : checkedBody(b.body, "Issue", "issues/issues#create-an-issue"),
          labels: labelNames(b.labels),
          user: ctx.user.login,
        });
        const json = issueJson(issue, 0, ctx.urls);
        return { status: 201, body: json, headers: { location: String(json.url) } };
      }
      case "issues/update": {
        const repo = repository(p);
        const issue = issueOf(repo, p);
        requireWrite(issue.pullRequest ? ["pull-requests", "issues"] : ["issues"], "issues/issues#update-an-issue");
        const b = ctx.body;
        if (b.title !== undefined && b.title !== null) issue.title = String(b.title);
        if (b.body !== undefined) {
          issue.body = b.body === null ? null : checkedBody(b.body, "Issue", "issues/issues#update-an-issue");
        }
        if (b.labels !== undefined) issue.labels = labelNames(b.labels).map((l) => state.label(repo, l).name);
        const now = state.tick();
        if (b.state === "closed" && issue.state === "open") {
          issue.state = "closed";
          issue.closedAt = now;
          issue.stateReason = (b.state_reason as FakeIssue["stateReason"] | undefined) ?? "completed";
        } else if (b.state === "open" && issue.state === "closed") {
          issue.state = "open";
          issue.closedAt = null;
          issue.stateReason = "reopened";
        }
        issue.updatedAt = now;
        return { status: 200, body: issueJson(issue, commentCount(issue), ctx.urls) };
      }
      case "actions/create-workflow-dispatch": {
        const repo = repository(p);
        requireWrite(["actions"], "actions/workflows#create-a-workflow-dispatch-event");
        const workflowId = String(p.workflow_id);
        if (repo.workflows && !repo.workflows.includes(workflowId)) {
          throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
        }
        const runDetails = options.workflowRunDetails ?? "returned";
        if (ctx.body.return_run_details !== undefined && runDetails === "refused") {
          // What GitHub answers for a top-level key its schema for the endpoint does not have.
          throw new HttpError(422, {
            message: 'Invalid request.\n\n"return_run_details" is not a permitted key.',
            documentation_url: `${DOCS}/actions/workflows#create-a-workflow-dispatch-event`,
            status: "422",
          });
        }
        const dispatch: WorkflowDispatch = {
          owner: repo.owner.login,
          repo: repo.name,
          workflowId,
          ref: String(ctx.body.ref),
          inputs: (ctx.body.inputs ?? {}) as Record<string, unknown>,
        };
        state.workflowDispatches.push(dispatch);
        if (ctx.body.return_run_details === true && runDetails === "returned") {
          const runId = state.id();
          dispatch.runId = runId;
          const html = options.runHtmlUrl ? options.runHtmlUrl(repo.fullName, runId) : undefined;
          return {
            status: 200,
            body: {
              workflow_run_id: runId,
              run_url: `${ctx.urls.api}/repos/${repo.fullName}/actions/runs/${runId}`,
              html_url: html ?? `${ctx.urls.web}/${repo.fullName}/actions/runs/${runId}`,
            },
          };
        }
        return { status: 204 };
      }
      case "repos/create-dispatch-event": {
        const repo = repository(p);
        requireWrite(["contents"], "repos/repos#create-a-repository-dispatch-event");
        if (Buffer.byteLength(JSON.stringify(ctx.body.client_payload ?? {})) >= 64 * 1024) {
          throw new HttpError(422, {
            message: "client_payload is too large (the JSON payload must be less than 64KB)",
            documentation_url: `${DOCS}/repos/repos#create-a-repository-dispatch-event`,
            status: "422",
          });
        }
        state.repositoryDispatches.push({
          owner: repo.owner.login,
          repo: repo.name,
          eventType: String(ctx.body.event_type),
          clientPayload: (ctx.body.client_payload ?? {}) as Record<string, unknown>,
        });
        return { status: 204 };
      }
      case "repos/list-pull-requests-associated-with-commit": {
        const repo = repository(p);
        const sha = String(p.commit_sha);
        const items = state.issues.filter(
          (i) =>
            i.repo === repo &&
            i.pullRequest !== null &&
            (i.pullRequest.headSha === sha || i.pullRequest.mergeCommitSha === sha),
        );
        return paginate(ctx, items, (i) => pullRequestSimpleJson(i, ctx.urls));
      }
      case "repos/list-releases": {
        const repo = repository(p);
        const items = registry.releases.filter((r) => r.repo === repo).sort((a, b) => b.id - a.id);
        return paginate(ctx, items, (r) => releaseJson(r, ctx.urls, ctx.origin));
      }
      case "repos/get-release-by-tag": {
        const repo = repository(p);
        const r = registry.releases.find((x) => x.repo === repo && x.tag === p.tag);
        if (!r) throw notFound();
        return { status: 200, body: releaseJson(r, ctx.urls, ctx.origin) };
      }
      case "repos/get-release": {
        const r = releaseOf(repository(p), p);
        return { status: 200, body: releaseJson(r, ctx.urls, ctx.origin) };
      }
      case "repos/create-release": {
        const repo = repository(p);
        requireWrite(["contents"], "releases/releases#create-a-release");
        const b = ctx.body;
        const tag = String(b.tag_name);
        const refs = registry.refsOf(repo);
        if (registry.releases.some((r) => r.repo === repo && r.tag === tag)) {
          throw new HttpError(422, {
            message: "Validation Failed",
            errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }],
            documentation_url: `${DOCS}/releases/releases#create-a-release`,
            status: "422",
          });
        }
        const target = typeof b.target_commitish === "string" ? b.target_commitish : repo.defaultBranch;
        if (!refs.has(`refs/tags/${tag}`)) refs.set(`refs/tags/${tag}`, refs.get(`refs/heads/${target}`) ?? target);
        const r: FakeRelease = {
          id: state.id(),
          repo,
          tag,
          name: typeof b.name === "string" ? b.name : null,
          body: typeof b.body === "string" ? b.body : null,
          target,
          author: ctx.user,
          makeLatest: String(b.make_latest ?? "true"),
          createdAt: state.tick(),
          assets: [],
        };
        registry.releases.push(r);
        return { status: 201, body: releaseJson(r, ctx.urls, ctx.origin) };
      }
      case "repos/update-release": {
        const r = releaseOf(repository(p), p);
        requireWrite(["contents"], "releases/releases#update-a-release");
        if (typeof ctx.body.body === "string") r.body = ctx.body.body;
        if (typeof ctx.body.name === "string") r.name = ctx.body.name;
        return { status: 200, body: releaseJson(r, ctx.urls, ctx.origin) };
      }
      case "repos/upload-release-asset": {
        const r = releaseOf(repository(p), p);
        requireWrite(["contents"], "releases/assets#upload-a-release-asset");
        const name = String(ctx.query.name ?? "");
        if (name === "" || r.assets.some((a) => a.name === name)) {
          throw new HttpError(422, {
            message: "Validation Failed",
            errors: [{ resource: "ReleaseAsset", code: "already_exists", field: "name" }],
            documentation_url: `${DOCS}/releases/assets#upload-a-release-asset`,
            status: "422",
          });
        }
        const a = {
          id: state.id(),
          name,
          bytes: Buffer.from(ctx.rawBytes),
          uploader: ctx.user,
          createdAt: state.tick(),
        };
        r.assets.push(a);
        return { status: 201, body: assetJson(a, r, ctx.urls) };
      }
      case "repos/get-release-asset": {
        const repo = repository(p);
        const rel = registry.releases.find((r) => r.repo === repo && r.assets.some((a) => a.id === Number(p.asset_id)));
        const a = rel?.assets.find((x) => x.id === Number(p.asset_id));
        if (!rel || !a) throw notFound();
        if (/application\/octet-stream/.test(ctx.accept)) {
          return { status: 302, headers: { location: `${ctx.origin}/downloads/${a.id}` } };
        }
        return { status: 200, body: assetJson(a, rel, ctx.urls) };
      }
      case "git/get-ref": {
        const repo = repository(p);
        const ref = `refs/${p.ref}`;
        const sha = registry.refsOf(repo).get(ref);
        if (!sha) throw notFound();
        return { status: 200, body: refJson(repo, ref, sha, ctx.urls) };
      }
      case "git/create-ref": {
        const repo = repository(p);
        requireWrite(["contents"], "git/refs#create-a-reference");
        const ref = String(ctx.body.ref);
        const refs = registry.refsOf(repo);
        if (refs.has(ref)) {
          throw new HttpError(422, { message: "Reference already exists", documentation_url: DOCS, status: "422" });
        }
        refs.set(ref, String(ctx.body.sha));
        return { status: 201, body: refJson(repo, ref, String(ctx.body.sha), ctx.urls) };
      }
      case "repos/get-content": {
        const repo = repository(p);
        const branch = typeof ctx.query.ref === "string" ? ctx.query.ref : repo.defaultBranch;
        const f = registry.branchFiles(repo, branch)?.get(String(p.path));
        if (!f) throw notFound();
        // GitHub's conditional requests: the ETag of the file's version, and 304 (no body) when the client has it.
        const etag = `"${f.sha}"`;
        if (
          ctx.ifNoneMatch !== undefined &&
          ctx.ifNoneMatch.split(/\s*,\s*/).some((t) => t.replace(/^W\//, "") === etag)
        ) {
          conditionalHits++;
          return { status: 304, headers: { etag } };
        }
        return { status: 200, body: contentJson(repo, branch, String(p.path), f, ctx.urls, true), headers: { etag } };
      }
      case "repos/create-or-update-file-contents": {
        const repo = repository(p);
        requireWrite(["contents"], "repos/contents#create-or-update-file-contents");
        const branch = typeof ctx.body.branch === "string" ? ctx.body.branch : repo.defaultBranch;
        const files = registry.branchFiles(repo, branch);
        if (!files)
          throw new HttpError(404, { message: `Branch ${branch} not found`, documentation_url: DOCS, status: "404" });
        const path = String(p.path);
        const existing = files.get(path);
        const given = typeof ctx.body.sha === "string" ? ctx.body.sha : undefined;
        if (existing && given === undefined) {
          throw new HttpError(422, {
            message: 'Invalid request.\n\n"sha" wasn\'t supplied.',
            documentation_url: DOCS,
            status: "422",
          });
        }
        if ((existing && given !== existing.sha) || (!existing && given !== undefined)) {
          throw new HttpError(409, {
            message: `${path} does not match ${given ?? ""}`,
            documentation_url: `${DOCS}/repos/contents#create-or-update-file-contents`,
            status: "409",
          });
        }
        const content = Buffer.from(String(ctx.body.content), "base64");
        const f = { content, sha: sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content])) };
        files.set(path, f);
        const commitSha = sha1(`${branch}:${path}:${f.sha}:${state.id()}`);
        registry.refsOf(repo).set(`refs/heads/${branch}`, commitSha);
        return {
          status: existing ? 200 : 201,
          body: {
            content: contentJson(repo, branch, path, f, ctx.urls, false),
            commit: { sha: commitSha, message: String(ctx.body.message) },
          },
        };
      }
      case "repos/create-deployment": {
        const repo = repository(p);
        requireWrite(["deployments"], "deployments/deployments#create-a-deployment");
        const ref = String(ctx.body.ref);
        const refs = registry.refsOf(repo);
        const sha = refs.get(`refs/tags/${ref}`) ?? refs.get(`refs/heads/${ref}`);
        if (!sha) {
          throw new HttpError(422, { message: `No ref found for: ${ref}`, documentation_url: DOCS, status: "422" });
        }
        const d = {
          id: state.id(),
          repo,
          ref,
          sha,
          environment: String(ctx.body.environment ?? "production"),
          payload: ctx.body.payload ?? {},
          description: typeof ctx.body.description === "string" ? ctx.body.description : null,
          creator: ctx.user,
          createdAt: state.tick(),
          statuses: [],
        };
        registry.deployments.push(d);
        return { status: 201, body: deploymentJson(d, ctx.urls) };
      }
      case "repos/list-deployments": {
        const repo = repository(p);
        const env = typeof ctx.query.environment === "string" ? ctx.query.environment : undefined;
        const ref = typeof ctx.query.ref === "string" ? ctx.query.ref : undefined;
        const items = registry.deployments
          .filter((d) => d.repo === repo && (!env || d.environment === env) && (!ref || d.ref === ref))
          .sort((a, b) => b.id - a.id);
        return paginate(ctx, items, (d) => deploymentJson(d, ctx.urls));
      }
      case "repos/create-deployment-status": {
        const repo = repository(p);
        requireWrite(["deployments"], "deployments/statuses#create-a-deployment-status");
        const d = registry.deployments.find((x) => x.repo === repo && x.id === Number(p.deployment_id));
        if (!d) throw notFound();
        const st = {
          id: state.id(),
          state: String(ctx.body.state),
          description: typeof ctx.body.description === "string" ? ctx.body.description : "",
          environment: typeof ctx.body.environment === "string" ? ctx.body.environment : d.environment,
          creator: ctx.user,
          createdAt: state.tick(),
        };
        d.statuses.push(st);
        return { status: 201, body: deploymentStatusJson(d, st, ctx.urls) };
      }
      case "repos/list-deployment-statuses": {
        const repo = repository(p);
        const d = registry.deployments.find((x) => x.repo === repo && x.id === Number(p.deployment_id));
        if (!d) throw notFound();
        return paginate(ctx, [...d.statuses].reverse(), (st) => deploymentStatusJson(d, st, ctx.urls));
      }
      case "apps/get-authenticated":
        if (!app) break;
        return { status: 200, body: app.appJson(ctx.urls) };
      case "apps/get-repo-installation": {
        if (!app) break;
        const repo = repository(p);
        return { status: 200, body: app.installationJson(repo.owner, ctx.urls) };
      }
      case "apps/create-installation-access-token":
        if (!app) break;
        if (Number(p.installation_id) !== app.options.installationId) throw notFound();
        return { status: 201, body: app.createToken() };
    }
    switch (ctx.op.operationId) {
      default:
        unhandled.push(`${ctx.op.method} ${ctx.op.template} (${ctx.op.operationId})`);
        throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    }
  }

  function notFound(): HttpError {
    return new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
  }

  function releaseOf(repo: FakeRepository, p: Record<string, string>): FakeRelease {
    const r = registry.releases.find((x) => x.repo === repo && x.id === Number(p.release_id));
    if (!r) throw notFound();
    return r;
  }

  function repository(p: Record<string, string>): FakeRepository {
    const repo = state.repository(p.owner ?? "", p.repo ?? "");
    if (!repo) throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    return repo;
  }

  function issueOf(repo: FakeRepository, p: Record<string, string>): FakeIssue {
    const issue = state.issue(repo, Number(p.issue_number));
    if (!issue) throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    return issue;
  }

  function commentOf(repo: FakeRepository, p: Record<string, string>) {
    const c = state.comments.find((x) => x.issue.repo === repo && x.id === Number(p.comment_id));
    if (!c) throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    return c;
  }

  function commentCount(i: FakeIssue): number {
    return state.comments.filter((c) => c.issue === i).length;
  }

  /** GitHub's answer to a GITHUB_TOKEN without the permission (e.g. a fork pull request's read-only token). */
  function requireWrite(anyOf: Permission[], doc: string): void {
    if (anyOf.some((p) => permissions[p] === "write")) return;
    throw new HttpError(403, {
      message: "Resource not accessible by integration",
      documentation_url: `${DOCS}/${doc}`,
      status: "403",
    });
  }

  function paginate<T>(ctx: Ctx, items: T[], json: (t: T) => unknown): Reply {
    const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? 30), 1), 100);
    const page = Math.max(Number(ctx.query.page ?? 1), 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const u = new URL(ctx.rawUrl.pathname, ctx.origin);
      for (const [k, v] of ctx.rawUrl.searchParams) if (k !== "page") u.searchParams.set(k, v);
      u.searchParams.set("page", String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, last), "prev"));
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"));
    const body = items.slice((page - 1) * perPage, page * perPage).map(json);
    return { status: 200, body, headers: links.length > 0 ? { link: links.join(", ") } : {} };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    token: options.token,
    stats,
    state,
    registry,
    requests,
    violations,
    unhandled,
    get notModified() {
      return conditionalHits;
    },
    app,
    injectFault,
    clearFaults: () => {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function authOf(header: string | undefined, token: string | undefined): RecordedRequest["auth"] {
  if (!header) return "none";
  const m = /^(token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!m) return "wrong";
  if (token !== undefined && m[2] !== token) return "wrong";
  return (m[1] as string).toLowerCase() === "token" ? "token" : "bearer";
}

/** A body GitHub accepts: not blank and at most 65,536 characters, or GitHub's 422. */
function checkedBody(value: unknown, resource: string, doc: string): string {
  const body = String(value ?? "");
  const fail = (code: string, message: string): never => {
    throw new HttpError(422, {
      message: "Validation Failed",
      errors: [{ resource, code, field: "body", message }],
      documentation_url: `${DOCS}/${doc}`,
      status: "422",
    });
  };
  if (resource === "IssueComment" && body.trim() === "") fail("missing_field", "body cannot be blank");
  if (Array.from(body).length > MAX_BODY_CHARS) {
    fail("custom", `body is too long (maximum is ${MAX_BODY_CHARS} characters)`);
  }
  return body;
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((l) => (typeof l === "string" ? l : (l as { name?: string }).name))
    .filter((l): l is string => typeof l === "string" && l !== "");
}

function normalizeTime(s: string): string {
  const t = Date.parse(s);
  return isNaN(t) ? s : new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function faultReply(f: Fault): Reply {
  const defaults: Record<number, unknown> = {
    401: { message: "Bad credentials", documentation_url: DOCS, status: "401" },
    403: { message: "Resource not accessible by integration", documentation_url: DOCS, status: "403" },
    404: { message: "Not Found", documentation_url: DOCS, status: "404" },
    422: { message: "Validation Failed", errors: [], documentation_url: DOCS, status: "422" },
    429: {
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      documentation_url: DOCS,
      status: "429",
    },
  };
  const headers: Record<string, string> = { ...(f.status === 429 ? { "retry-after": "1" } : {}), ...f.headers };
  return { status: f.status, body: f.body ?? defaults[f.status] ?? { message: "Server Error" }, headers };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const base: Record<string, string> = {
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-used": "1",
    "x-ratelimit-resource": "core",
    "x-github-media-type": "github.v3; format=json",
  };
  if (status === 204 || body === undefined) {
    res.writeHead(status, { ...base, ...headers });
    res.end();
    return;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...base,
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large for the fake"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
