/**
 * The fake GitHub's routes for the model registry: releases (create, list, get, get by tag, update), release assets
 * (upload on the uploads host, served by the same server under /uploads like GitHub Enterprise Server's
 * /api/uploads; download through a 302 to /downloads/ID, as GitHub redirects to its object storage), git refs (get,
 * create), the contents API (get, create or update with the previous blob sha: 409 on a stale sha), deployments
 * (create, list) and deployment statuses (create, list). JSON shapes follow GitHub's description, which the fake
 * checks every response against.
 */
import { createHash } from "node:crypto";
import type { FakeGitHubState, FakeRepository, FakeUser } from "./FakeGitHubState.js";
import { userJson, type Urls } from "./githubObjects.js";

export interface FakeAsset {
  id: number;
  name: string;
  bytes: Buffer;
  uploader: FakeUser;
  createdAt: string;
}
export interface FakeRelease {
  id: number;
  repo: FakeRepository;
  tag: string;
  name: string | null;
  body: string | null;
  target: string;
  author: FakeUser;
  makeLatest: string;
  createdAt: string;
  assets: FakeAsset[];
}
export interface FakeFile {
  content: Buffer;
  sha: string;
}
export interface FakeDeployment {
  id: number;
  repo: FakeRepository;
  ref: string;
  sha: string;
  environment: string;
  payload: unknown;
  description: string | null;
  creator: FakeUser;
  createdAt: string;
  statuses: {
    id: number;
    state: string;
    description: string;
    environment: string;
    creator: FakeUser;
    createdAt: string;
  }[];
}

/** The registry-related state of the fake, kept beside FakeGitHubState. */
export class FakeRegistryState {
  readonly releases: FakeRelease[] = [];
  /** "owner/repo" (lowercase) -> ref ("refs/heads/main", "refs/tags/x") -> commit sha. */
  readonly refs = new Map<string, Map<string, string>>();
  /** "owner/repo" (lowercase) -> branch -> path -> file. */
  readonly files = new Map<string, Map<string, Map<string, FakeFile>>>();
  readonly deployments: FakeDeployment[] = [];
  constructor(private readonly state: FakeGitHubState) {}

  refsOf(repo: FakeRepository): Map<string, string> {
    const key = repo.fullName.toLowerCase();
    let m = this.refs.get(key);
    if (!m) {
      m = new Map([[`refs/heads/${repo.defaultBranch}`, sha1(`initial ${repo.fullName}`)]]);
      this.refs.set(key, m);
    }
    return m;
  }

  branchFiles(repo: FakeRepository, branch: string): Map<string, FakeFile> | undefined {
    if (!this.refsOf(repo).has(`refs/heads/${branch}`)) return undefined;
    const key = repo.fullName.toLowerCase();
    let byBranch = this.files.get(key);
    if (!byBranch) this.files.set(key, (byBranch = new Map()));
    let files = byBranch.get(branch);
    if (!files) byBranch.set(branch, (files = new Map()));
    return files;
  }

  /** Replaces an asset's bytes behind the registry's back (tests of tamper detection). */
  tamperAsset(tag: string, name: string, bytes: Buffer): void {
    const a = this.releases.find((r) => r.tag === tag)?.assets.find((x) => x.name === name);
    if (!a) throw new Error(`no asset ${name} in ${tag}`);
    a.bytes = bytes;
  }

  id(): number {
    return this.state.id();
  }
}

export function sha1(s: string | Buffer): string {
  return createHash("sha1").update(s).digest("hex");
}

const nodeId = (p: string, id: number) => `${p}_${Buffer.from(`fake:${id}`).toString("base64url")}`;

function repoApi(repo: FakeRepository, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
}

export function assetJson(a: FakeAsset, rel: FakeRelease, urls: Urls): Record<string, unknown> {
  return {
    id: a.id,
    node_id: nodeId("RA", a.id),
    url: `${repoApi(rel.repo, urls)}/releases/assets/${a.id}`,
    browser_download_url: `${urls.web}/${rel.repo.fullName}/releases/download/${encodeURIComponent(rel.tag)}/${a.name}`,
    name: a.name,
    label: null,
    state: "uploaded",
    content_type: "application/octet-stream",
    size: a.bytes.length,
    digest: `sha256:${createHash("sha256").update(a.bytes).digest("hex")}`,
    download_count: 0,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    uploader: userJson(a.uploader, urls),
  };
}

export function releaseJson(r: FakeRelease, urls: Urls, origin: string): Record<string, unknown> {
  const api = `${repoApi(r.repo, urls)}/releases/${r.id}`;
  return {
    url: api,
    html_url: `${urls.web}/${r.repo.fullName}/releases/tag/${r.tag}`,
    assets_url: `${api}/assets`,
    upload_url: `${origin}/uploads/repos/${r.repo.owner.login}/${r.repo.name}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${repoApi(r.repo, urls)}/tarball/${r.tag}`,
    zipball_url: `${repoApi(r.repo, urls)}/zipball/${r.tag}`,
    id: r.id,
    node_id: nodeId("RE", r.id),
    tag_name: r.tag,
    target_commitish: r.target,
    name: r.name,
    body: r.body,
    draft: false,
    prerelease: false,
    created_at: r.createdAt,
    published_at: r.createdAt,
    author: userJson(r.author, urls),
    assets: r.assets.map((a) => assetJson(a, r, urls)),
  };
}

export function refJson(repo: FakeRepository, ref: string, sha: string, urls: Urls): Record<string, unknown> {
  return {
    ref,
    node_id: nodeId("REF", sha.length),
    url: `${repoApi(repo, urls)}/git/${ref}`,
    object: { type: "commit", sha, url: `${repoApi(repo, urls)}/git/commits/${sha}` },
  };
}

export function contentJson(
  repo: FakeRepository,
  branch: string,
  path: string,
  f: FakeFile,
  urls: Urls,
  withContent: boolean,
) {
  const api = `${repoApi(repo, urls)}/contents/${path}`;
  const json: Record<string, unknown> = {
    type: "file",
    name: path.split("/").pop(),
    path,
    sha: f.sha,
    size: f.content.length,
    url: `${api}?ref=${branch}`,
    html_url: `${urls.web}/${repo.fullName}/blob/${branch}/${path}`,
    git_url: `${repoApi(repo, urls)}/git/blobs/${f.sha}`,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${branch}/${path}`,
    _links: {
      self: `${api}?ref=${branch}`,
      git: `${repoApi(repo, urls)}/git/blobs/${f.sha}`,
      html: `${urls.web}/${repo.fullName}/blob/${branch}/${path}`,
    },
  };
  if (withContent) {
    json.content = f.content.toString("base64").replace(/(.{60})/g, "$1\n");
    json.encoding = "base64";
  }
  return json;
}

export function deploymentJson(d: FakeDeployment, urls: Urls): Record<string, unknown> {
  const api = `${repoApi(d.repo, urls)}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: nodeId("DE", d.id),
    sha: d.sha,
    ref: d.ref,
    task: "deploy",
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userJson(d.creator, urls),
    created_at: d.createdAt,
    updated_at: d.createdAt,
    statuses_url: `${api}/statuses`,
    repository_url: repoApi(d.repo, urls),
    transient_environment: false,
    production_environment: true,
  };
}

export function deploymentStatusJson(d: FakeDeployment, s: FakeDeployment["statuses"][number], urls: Urls) {
  const api = `${repoApi(d.repo, urls)}/deployments/${d.id}`;
  return {
    url: `${api}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId("DES", s.id),
    state: s.state,
    creator: userJson(s.creator, urls),
    description: s.description,
    environment: s.environment,
    target_url: api,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: api,
    repository_url: repoApi(d.repo, urls),
    environment_url: `${urls.web}/${d.repo.fullName}/deployments`,
    log_url: api,
  };
}
