/**
 * GitHub-shaped JSON for the fake's state: every field GitHub's OpenAPI description requires for the objects the
 * fake returns (simple-user, issue-comment, issue, full-repository), with URLs built the way GitHub builds them.
 * The fake checks each response against the description, so a missing or mistyped field here shows up as a
 * violation in tests.
 */
import type { FakeComment, FakeIssue, FakeLabel, FakeRepository, FakeUser } from "./FakeGitHubState.js";

export interface Urls {
  /** API root, e.g. `http://127.0.0.1:4567` or `http://127.0.0.1:4567/api/v3`. */
  api: string;
  /** Web root for html_url, e.g. `https://github.com`. */
  web: string;
}

const REACTIONS = { total_count: 0, "+1": 0, "-1": 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 };

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`fake:${id}`).toString("base64url")}`;
}

export function userJson(u: FakeUser, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type === "Bot" ? "BOT" : u.type === "Organization" ? "O" : "U", u.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: u.type === "Bot" ? `${urls.web}/apps/${u.login.replace(/\[bot\]$/, "")}` : `${urls.web}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /user` for a user token: the account with its private fields (GitHub's private-user). */
export function privateUserJson(u: FakeUser, urls: Urls, createdAt: string): Record<string, unknown> {
  return {
    ...userJson(u, urls),
    user_view_type: "private",
    name: null,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: createdAt,
    updated_at: createdAt,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

function repoApi(repo: FakeRepository, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
}

export function labelJson(l: FakeLabel, repo: FakeRepository, urls: Urls): Record<string, unknown> {
  return {
    id: l.id,
    node_id: nodeId("LA", l.id),
    url: `${repoApi(repo, urls)}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  };
}

function authorAssociation(user: FakeUser, repo: FakeRepository): string {
  if (user.type === "Bot") return "NONE";
  return user.login.toLowerCase() === repo.owner.login.toLowerCase() ? "OWNER" : "CONTRIBUTOR";
}

export function commentJson(c: FakeComment, urls: Urls): Record<string, unknown> {
  const repo = c.issue.repo;
  const kind = c.issue.pullRequest ? "pull" : "issues";
  return {
    id: c.id,
    node_id: nodeId("IC", c.id),
    url: `${repoApi(repo, urls)}/issues/comments/${c.id}`,
    html_url: `${urls.web}/${repo.fullName}/${kind}/${c.issue.number}#issuecomment-${c.id}`,
    body: c.body,
    user: userJson(c.user, urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${repoApi(repo, urls)}/issues/${c.issue.number}`,
    author_association: authorAssociation(c.user, repo),
    performed_via_github_app: null,
    reactions: { url: `${repoApi(repo, urls)}/issues/comments/${c.id}/reactions`, ...REACTIONS },
  };
}

export function issueJson(i: FakeIssue, commentCount: number, urls: Urls): Record<string, unknown> {
  const repo = i.repo;
  const api = `${repoApi(repo, urls)}/issues/${i.number}`;
  const web = `${urls.web}/${repo.fullName}/${i.pullRequest ? "pull" : "issues"}/${i.number}`;
  const json: Record<string, unknown> = {
    id: i.id,
    node_id: nodeId(i.pullRequest ? "PR" : "I", i.id),
    url: api,
    repository_url: repoApi(repo, urls),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: userJson(i.user, urls),
    labels: i.labels.map((name) => {
      const l = repo.labels.get(name.toLowerCase());
      return l ? labelJson(l, repo, urls) : name;
    }),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: commentCount,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_by: null,
    author_association: authorAssociation(i.user, repo),
    reactions: { url: `${api}/reactions`, ...REACTIONS },
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
  };
  if (i.pullRequest) {
    const pulls = `${repoApi(repo, urls)}/pulls/${i.number}`;
    json.draft = false;
    json.pull_request = {
      url: pulls,
      html_url: web,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      merged_at: null,
    };
  }
  return json;
}

/**
 * A pull request as list endpoints return it (GitHub's pull-request-simple), e.g. the pull requests of a commit. The
 * base is the repository's default branch; head and base name the repository (a fork's head names the base's too:
 * the fake keeps no fork repositories).
 */
export function pullRequestSimpleJson(i: FakeIssue, urls: Urls): Record<string, unknown> {
  const pr = i.pullRequest!;
  const repo = i.repo;
  const api = `${repoApi(repo, urls)}/pulls/${i.number}`;
  const issueApi = `${repoApi(repo, urls)}/issues/${i.number}`;
  const web = `${urls.web}/${repo.fullName}/pull/${i.number}`;
  // The `repository` schema (not full-repository) still lists has_downloads as required.
  const repoJson = { ...repositoryJson(repo, 0, urls), has_downloads: true };
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    repo: repoJson,
    sha,
    user: userJson(repo.owner, urls),
  });
  return {
    url: api,
    id: i.id,
    node_id: nodeId("PR", i.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(repo, urls)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${repoApi(repo, urls)}/statuses/${pr.headSha}`,
    number: i.number,
    state: i.state,
    locked: false,
    title: i.title,
    user: userJson(i.user, urls),
    body: i.body,
    labels: [],
    milestone: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: pr.mergedAt ?? null,
    merge_commit_sha: pr.mergeCommitSha ?? null,
    assignee: null,
    head: side(pr.headRef, pr.headSha),
    base: side(repo.defaultBranch, "f".repeat(40)),
    _links: {
      self: { href: api },
      html: { href: web },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi(repo, urls)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi(repo, urls)}/statuses/${pr.headSha}` },
    },
    author_association: authorAssociation(i.user, repo),
    auto_merge: null,
  };
}

export function repositoryJson(repo: FakeRepository, openIssues: number, urls: Urls): Record<string, unknown> {
  const api = repoApi(repo, urls);
  const host = new URL(urls.web).host;
  const templated: Record<string, string> = {
    archive_url: "/{archive_format}{/ref}",
    assignees_url: "/assignees{/user}",
    blobs_url: "/git/blobs{/sha}",
    branches_url: "/branches{/branch}",
    collaborators_url: "/collaborators{/collaborator}",
    comments_url: "/comments{/number}",
    commits_url: "/commits{/sha}",
    compare_url: "/compare/{base}...{head}",
    contents_url: "/contents/{+path}",
    git_commits_url: "/git/commits{/sha}",
    git_refs_url: "/git/refs{/sha}",
    git_tags_url: "/git/tags{/sha}",
    issue_comment_url: "/issues/comments{/number}",
    issue_events_url: "/issues/events{/number}",
    issues_url: "/issues{/number}",
    keys_url: "/keys{/key_id}",
    labels_url: "/labels{/name}",
    milestones_url: "/milestones{/number}",
    notifications_url: "/notifications{?since,all,participating}",
    pulls_url: "/pulls{/number}",
    releases_url: "/releases{/id}",
    statuses_url: "/statuses/{sha}",
    trees_url: "/git/trees{/sha}",
    contributors_url: "/contributors",
    deployments_url: "/deployments",
    downloads_url: "/downloads",
    events_url: "/events",
    forks_url: "/forks",
    hooks_url: "/hooks",
    languages_url: "/languages",
    merges_url: "/merges",
    stargazers_url: "/stargazers",
    subscribers_url: "/subscribers",
    subscription_url: "/subscription",
    tags_url: "/tags",
    teams_url: "/teams",
  };
  return {
    id: repo.id,
    node_id: nodeId("R", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: userJson(repo.owner, urls),
    private: repo.private,
    visibility: repo.private ? "private" : "public",
    html_url: `${urls.web}/${repo.fullName}`,
    description: null,
    fork: false,
    url: api,
    ...Object.fromEntries(Object.entries(templated).map(([k, suffix]) => [k, api + suffix])),
    git_url: `git://${host}/${repo.fullName}.git`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    clone_url: `${urls.web}/${repo.fullName}.git`,
    svn_url: `${urls.web}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    size: 0,
    default_branch: repo.defaultBranch,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: openIssues,
    open_issues_count: openIssues,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    topics: [],
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    network_count: 0,
    subscribers_count: 0,
  };
}
