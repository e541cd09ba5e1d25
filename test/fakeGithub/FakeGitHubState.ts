/**
 * The in-memory world of the fake GitHub: repositories, issues and pull requests (one number sequence per
 * repository, as on GitHub), issue comments, labels, and the dispatches it received. Tests seed it directly
 * (`state.addComment(...)`) and read it back to assert what the client did.
 *
 * Timestamps come from a fake clock that advances one second per change, so "newest" is well defined and runs are
 * deterministic; ids are global and increasing, as GitHub's are.
 */

export interface FakeUser {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
}

/** The user GITHUB_TOKEN acts as. */
export const GITHUB_ACTIONS_BOT: FakeUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeRepository {
  id: number;
  owner: FakeUser;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  labels: Map<string, FakeLabel>;
  /** Workflow files that accept workflow_dispatch; `undefined` accepts any workflow id. */
  workflows: string[] | undefined;
  nextNumber: number;
}

export interface FakeIssue {
  id: number;
  repo: FakeRepository;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "reopened" | "not_planned" | "duplicate" | null;
  labels: string[];
  user: FakeUser;
  /** Pull requests are issues with a `pull_request` key in the issues API. */
  pullRequest: {
    headRepoFullName: string;
    headRef: string;
    headSha: string;
    /** Set by mergePullRequest: the commit the merge made on the base branch. */
    mergeCommitSha?: string;
    mergedAt?: string;
  } | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface FakeComment {
  id: number;
  issue: FakeIssue;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowDispatch {
  owner: string;
  repo: string;
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  /** The run id the dispatch answered with (only when asked for `return_run_details` and it was returned). */
  runId?: number;
}

export interface RepositoryDispatch {
  owner: string;
  repo: string;
  eventType: string;
  clientPayload: Record<string, unknown>;
}

export class FakeGitHubState {
  readonly repositories = new Map<string, FakeRepository>();
  readonly issues: FakeIssue[] = [];
  readonly comments: FakeComment[] = [];
  readonly workflowDispatches: WorkflowDispatch[] = [];
  readonly repositoryDispatches: RepositoryDispatch[] = [];
  private readonly users = new Map<string, FakeUser>([[GITHUB_ACTIONS_BOT.login, GITHUB_ACTIONS_BOT]]);
  private nextId = 1000;
  private clock = Date.parse("2024-01-01T00:00:00Z");

  /** The next timestamp of the fake clock (ISO 8601, second resolution like GitHub's). */
  tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  id(): number {
    return ++this.nextId;
  }

  /** A user by login (created on first use; logins ending in `[bot]` are bots). */
  user(login: string): FakeUser {
    let u = this.users.get(login);
    if (!u) {
      u = { login, id: this.id(), type: login.endsWith("[bot]") ? "Bot" : "User" };
      this.users.set(login, u);
    }
    return u;
  }

  addRepository(
    fullName: string,
    opts: { private?: boolean; defaultBranch?: string; workflows?: string[]; organization?: boolean } = {},
  ): FakeRepository {
    const [owner, name, extra] = fullName.split("/");
    if (!owner || !name || extra !== undefined) throw new Error(`repository must be "owner/name", got ${fullName}`);
    const existing = this.repositories.get(fullName.toLowerCase());
    if (existing) return existing;
    const ownerUser = this.user(owner);
    if (opts.organization) ownerUser.type = "Organization";
    const repo: FakeRepository = {
      id: this.id(),
      owner: ownerUser,
      name,
      fullName,
      private: opts.private ?? false,
      defaultBranch: opts.defaultBranch ?? "main",
      createdAt: this.tick(),
      labels: new Map(),
      workflows: opts.workflows,
      nextNumber: 1,
    };
    this.repositories.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** A repository by "owner/name" (GitHub's names are case-insensitive). */
  repository(owner: string, name: string): FakeRepository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase());
  }

  label(repo: FakeRepository, name: string): FakeLabel {
    let l = repo.labels.get(name.toLowerCase());
    if (!l) {
      l = { id: this.id(), name, color: "ededed", description: null };
      repo.labels.set(name.toLowerCase(), l);
    }
    return l;
  }

  addIssue(
    fullName: string,
    opts: {
      title: string;
      body?: string | null;
      labels?: string[];
      user?: string;
      state?: "open" | "closed";
      pullRequest?: boolean | { headRepoFullName?: string; headRef?: string; headSha?: string };
    },
  ): FakeIssue {
    const repo = this.addRepository(fullName);
    const now = this.tick();
    const pr = opts.pullRequest;
    const issue: FakeIssue = {
      id: this.id(),
      repo,
      number: repo.nextNumber++,
      title: opts.title,
      body: opts.body ?? null,
      state: opts.state ?? "open",
      stateReason: opts.state === "closed" ? "completed" : null,
      labels: (opts.labels ?? []).map((l) => this.label(repo, l).name),
      user: opts.user ? this.user(opts.user) : GITHUB_ACTIONS_BOT,
      pullRequest: pr
        ? {
            headRepoFullName: (typeof pr === "object" && pr.headRepoFullName) || repo.fullName,
            headRef: (typeof pr === "object" && pr.headRef) || "feature",
            headSha: (typeof pr === "object" && pr.headSha) || "0123456789abcdef0123456789abcdef01234567",
          }
        : null,
      createdAt: now,
      updatedAt: now,
      closedAt: opts.state === "closed" ? now : null,
    };
    this.issues.push(issue);
    return issue;
  }

  /** A pull request (an issue with a `pull_request` key), opened by `user` (default "octocat"). */
  addPullRequest(
    fullName: string,
    opts: {
      title?: string;
      body?: string;
      user?: string;
      headRepoFullName?: string;
      headRef?: string;
      headSha?: string;
    } = {},
  ): FakeIssue {
    return this.addIssue(fullName, {
      title: opts.title ?? "Update the model",
      body: opts.body ?? null,
      user: opts.user ?? "octocat",
      pullRequest: {
        headRepoFullName: opts.headRepoFullName ?? fullName,
        ...(opts.headRef ? { headRef: opts.headRef } : {}),
        ...(opts.headSha ? { headSha: opts.headSha } : {}),
      },
    });
  }

  /** Merges a pull request: closed, with the merge commit `sha` on the base branch (what a push event then carries). */
  mergePullRequest(fullName: string, number: number, sha: string): FakeIssue {
    const repo = this.addRepository(fullName);
    const pr = this.issue(repo, number);
    if (!pr?.pullRequest) throw new Error(`${fullName}#${number} is not a pull request`);
    const now = this.tick();
    pr.pullRequest.mergeCommitSha = sha;
    pr.pullRequest.mergedAt = now;
    pr.state = "closed";
    pr.stateReason = "completed";
    pr.closedAt = now;
    pr.updatedAt = now;
    return pr;
  }

  issue(repo: FakeRepository, number: number): FakeIssue | undefined {
    return this.issues.find((i) => i.repo === repo && i.number === number);
  }

  addComment(fullName: string, issueNumber: number, opts: { body: string; user?: string }): FakeComment {
    const repo = this.repositories.get(fullName.toLowerCase());
    const issue = repo && this.issue(repo, issueNumber);
    if (!issue) throw new Error(`no issue ${fullName}#${issueNumber}`);
    return this.createComment(issue, opts.body, opts.user ? this.user(opts.user) : GITHUB_ACTIONS_BOT);
  }

  createComment(issue: FakeIssue, body: string, user: FakeUser): FakeComment {
    const now = this.tick();
    const c: FakeComment = { id: this.id(), issue, body, user, createdAt: now, updatedAt: now };
    this.comments.push(c);
    issue.updatedAt = now;
    return c;
  }

  /** The comments of an issue or pull request, oldest first (GitHub's order). */
  commentsOf(fullName: string, issueNumber: number): FakeComment[] {
    return this.comments.filter(
      (c) => c.issue.repo.fullName.toLowerCase() === fullName.toLowerCase() && c.issue.number === issueNumber,
    );
  }

  /** The issues (not pull requests) of a repository. */
  issuesOf(fullName: string): FakeIssue[] {
    return this.issues.filter(
      (i) => i.repo.fullName.toLowerCase() === fullName.toLowerCase() && i.pullRequest === null,
    );
  }
}
