import { callGitHub } from "../github/classifyGitHubError.js";
import type { GitHubClient } from "../github/createGitHubClient.js";
import { ModelguardError } from "../errors.js";
import { MAX_CARD_BYTES, parseModelCard, type CardAsset, type ModelCard } from "./modelCard.js";
import type { ListedVersion, ModelRegistry, NewAsset, PointerState, RegistryNotice } from "./ModelRegistry.js";
import { deploymentEnvironment, versionTag } from "./modelVersionSpec.js";
import { emptyPointer, parsePointer, type ProductionPointer } from "./productionPointer.js";

/** The branch that holds the production pointers (one small JSON file per model), apart from the code's branches. */
export const REGISTRY_BRANCH = "modelguard-registry";
/** Releases listed at most (pages of 100): far more than a registry's versions, small enough to bound a listing. */
const MAX_RELEASE_PAGES = 20;
/** GitHub refuses release notes over 125,000 characters. */
const MAX_NOTES_CHARS = 120_000;
const CONTENTS_PERMISSION = "contents: write";

interface Release {
  id: number;
  tag_name: string;
  html_url: string;
  upload_url: string;
  created_at: string;
  assets: { id: number; name: string; size: number; state?: string; browser_download_url: string }[];
}

/**
 * The registry as GitHub releases of one repository: version N of NAME is the release tagged `modelguard/NAME/vN`
 * (created with make_latest "false", so the repository's own latest release stays its own), its assets the model
 * files and card.json, its notes the card in Markdown. The production pointer of NAME is `NAME.production.json` on
 * the branch `modelguard-registry`, replaced through the contents API with the blob sha it was read at: GitHub
 * answers 409 when someone else replaced it first, which is the compare-and-swap. Each move of production is also a
 * deployment to the environment `model/NAME`.
 */
export class GitHubModelRegistry implements ModelRegistry {
  readonly uri: string;
  private readonly releases = new Map<string, Release | null>();

  constructor(
    private readonly client: GitHubClient,
    readonly owner: string,
    readonly repo: string,
    private readonly target: string | null = null,
  ) {
    this.uri = `github:${owner}/${repo}`;
  }

  private call<T>(action: string, fn: () => Promise<T>, permission = "contents: read"): Promise<T> {
    return callGitHub({ action: `${action} in ${this.owner}/${this.repo}`, permission }, fn);
  }

  async listVersions(name: string): Promise<ListedVersion[]> {
    const prefix = `modelguard/${name}/v`;
    const out: ListedVersion[] = [];
    for (let page = 1; page <= MAX_RELEASE_PAGES; page++) {
      const r = await this.call("list releases", () =>
        this.client.request("GET /repos/{owner}/{repo}/releases", {
          owner: this.owner,
          repo: this.repo,
          per_page: 100,
          page,
        }),
      );
      const items = r.data as unknown as Release[];
      for (const rel of items) {
        if (!rel.tag_name.startsWith(prefix)) continue;
        const m = /^[1-9][0-9]{0,5}$/.exec(rel.tag_name.slice(prefix.length));
        if (!m) continue;
        this.releases.set(rel.tag_name, rel);
        out.push({
          version: Number(m[0]),
          tag: rel.tag_name,
          complete: rel.assets.some((a) => a.name === "card.json"),
          created_at: rel.created_at,
          url: rel.html_url,
        });
      }
      if (items.length < 100) break;
    }
    return out.sort((a, b) => a.version - b.version);
  }

  private async release(name: string, version: number): Promise<Release | null> {
    const tag = versionTag(name, version);
    if (this.releases.has(tag)) return this.releases.get(tag)!;
    try {
      const r = await this.client.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
        owner: this.owner,
        repo: this.repo,
        tag,
      });
      const rel = r.data as unknown as Release;
      this.releases.set(tag, rel);
      return rel;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return null;
      return this.call(`read the release ${tag}`, () => Promise.reject(e));
    }
  }

  async createVersion(name: string, card: ModelCard, assets: NewAsset[], notes: string): Promise<"created" | "exists"> {
    let rel: Release;
    try {
      const r = await this.client.request("POST /repos/{owner}/{repo}/releases", {
        owner: this.owner,
        repo: this.repo,
        tag_name: card.tag,
        name: `${name} v${card.model_version}`,
        body:
          notes.length > MAX_NOTES_CHARS ? notes.slice(0, MAX_NOTES_CHARS) + "\n\n(truncated: see card.json)" : notes,
        make_latest: "false",
        ...(this.target ? { target_commitish: this.target } : {}),
      });
      rel = r.data as unknown as Release;
    } catch (e) {
      const data = e as { status?: number; response?: { data?: { errors?: { code?: string; field?: string }[] } } };
      if (data.status === 422 && (data.response?.data?.errors ?? []).some((x) => x.code === "already_exists")) {
        return "exists";
      }
      return this.call(`create the release ${card.tag}`, () => Promise.reject(e), CONTENTS_PERMISSION);
    }
    // card.json last: a release without it is an unfinished version, which readers skip.
    const files = [...assets, { name: "card.json", bytes: Buffer.from(JSON.stringify(card, null, 2) + "\n") }];
    const uploaded: Release["assets"] = [];
    for (const f of files) {
      const r = await this.call(
        `upload ${f.name} to the release ${card.tag}`,
        () =>
          this.client.request({
            method: "POST",
            url: rel.upload_url,
            name: f.name,
            data: f.bytes,
            headers: { "content-type": "application/octet-stream", "content-length": f.bytes.length },
          }),
        CONTENTS_PERMISSION,
      );
      uploaded.push(r.data as Release["assets"][number]);
    }
    this.releases.set(card.tag, { ...rel, assets: uploaded });
    return "created";
  }

  async readCard(name: string, version: number): Promise<ModelCard | null> {
    const rel = await this.release(name, version);
    const asset = rel?.assets.find((a) => a.name === "card.json");
    if (!rel || !asset) return null;
    if (asset.size > MAX_CARD_BYTES) {
      throw new ModelguardError(
        "registry",
        `card.json of ${rel.tag_name} is ${asset.size} bytes, not a model card`,
        "",
      );
    }
    const bytes = await this.download(rel, asset, MAX_CARD_BYTES);
    return parseModelCard(bytes.toString("utf8"), name, version, `card.json of the release ${rel.tag_name}`);
  }

  async readAsset(name: string, version: number, asset: CardAsset, maxBytes: number): Promise<Buffer> {
    const rel = await this.release(name, version);
    const stored = rel?.assets.find((a) => a.name === asset.name);
    if (!rel || !stored) {
      throw new ModelguardError(
        "registry",
        `${asset.name} is missing from the release ${versionTag(name, version)} of ${this.owner}/${this.repo}, though its card lists it`,
        "an asset was deleted from the release; promote the model again",
      );
    }
    if (stored.size > maxBytes) {
      throw new ModelguardError(
        "registry",
        `${asset.name} of ${rel.tag_name} is ${stored.size} bytes, but its card says ${asset.bytes}: refusing to use it`,
        "the asset was replaced after the version was stored; promote a fresh version",
      );
    }
    return this.download(rel, stored, maxBytes);
  }

  private async download(rel: Release, asset: Release["assets"][number], maxBytes: number): Promise<Buffer> {
    const r = await this.call(`download ${asset.name} of the release ${rel.tag_name}`, () =>
      this.client.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        owner: this.owner,
        repo: this.repo,
        asset_id: asset.id,
        headers: { accept: "application/octet-stream" },
      }),
    );
    const data = r.data as unknown;
    const bytes =
      data instanceof ArrayBuffer
        ? Buffer.from(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(typeof data === "string" ? data : JSON.stringify(data));
    if (bytes.length > maxBytes) {
      throw new ModelguardError(
        "registry",
        `${asset.name} of ${rel.tag_name} is larger than its card says: refusing it`,
        "",
      );
    }
    return bytes;
  }

  private pointerPath(name: string): string {
    return `${name}.production.json`;
  }

  async readPointer(name: string): Promise<PointerState> {
    const path = this.pointerPath(name);
    let data: { content?: string; encoding?: string; sha: string; type?: string };
    try {
      const r = await this.client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: this.owner,
        repo: this.repo,
        path,
        ref: REGISTRY_BRANCH,
      });
      data = r.data as typeof data;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return { pointer: emptyPointer(name), revision: null };
      return this.call(`read ${path} on the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e));
    }
    const where = `${path} on the branch ${REGISTRY_BRANCH} of ${this.owner}/${this.repo}`;
    if (data.type !== "file" || data.encoding !== "base64" || typeof data.content !== "string") {
      throw new ModelguardError("registry", `${where} is not a file GitHub serves inline`, "");
    }
    const text = Buffer.from(data.content, "base64").toString("utf8");
    return { pointer: parsePointer(text, name, where), revision: data.sha };
  }

  /**
   * The pointer, unless it is still the version `etag` names: a conditional request (If-None-Match), which GitHub
   * answers 304 without counting it against the rate limit. What a poller (the monitor following production) uses.
   */
  async readPointerIfChanged(
    name: string,
    etag: string | null,
  ): Promise<{ state: PointerState; etag: string | null } | "unchanged"> {
    const path = this.pointerPath(name);
    let r;
    try {
      r = await this.client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: this.owner,
        repo: this.repo,
        path,
        ref: REGISTRY_BRANCH,
        ...(etag ? { headers: { "if-none-match": etag } } : {}),
      });
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 304) return "unchanged";
      if (status === 404) return { state: { pointer: emptyPointer(name), revision: null }, etag: null };
      return this.call(`read ${path} on the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e));
    }
    const data = r.data as { content?: string; encoding?: string; sha: string; type?: string };
    const where = `${path} on the branch ${REGISTRY_BRANCH} of ${this.owner}/${this.repo}`;
    if (data.type !== "file" || data.encoding !== "base64" || typeof data.content !== "string") {
      throw new ModelguardError("registry", `${where} is not a file GitHub serves inline`, "");
    }
    const text = Buffer.from(data.content, "base64").toString("utf8");
    return {
      state: { pointer: parsePointer(text, name, where), revision: data.sha },
      etag: typeof r.headers.etag === "string" ? r.headers.etag : null,
    };
  }

  async writePointer(name: string, next: ProductionPointer, revision: string | null): Promise<"written" | "conflict"> {
    if (revision === null) await this.ensureRegistryBranch();
    const last = next.moves.at(-1);
    const message = `modelguard: ${name} production ${last?.from ? `v${last.from}` : "none"} -> v${next.production}`;
    try {
      await this.client.request("PUT /repos/{owner}/{repo}/contents/{path}", {
        owner: this.owner,
        repo: this.repo,
        path: this.pointerPath(name),
        message,
        content: Buffer.from(JSON.stringify(next, null, 2) + "\n").toString("base64"),
        branch: REGISTRY_BRANCH,
        ...(revision !== null ? { sha: revision } : {}),
      });
      return "written";
    } catch (e) {
      const status = (e as { status?: number }).status;
      // 409: the file's sha is no longer `revision`; 422: it was created meanwhile and no sha was given.
      if (status === 409 || (status === 422 && revision === null)) return "conflict";
      return this.call(`move the production pointer of ${name}`, () => Promise.reject(e), CONTENTS_PERMISSION);
    }
  }

  /** The pointer branch, created from the default branch's head the first time (losing that race is fine). */
  private async ensureRegistryBranch(): Promise<void> {
    try {
      await this.client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${REGISTRY_BRANCH}`,
      });
      return;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) {
        return this.call(`read the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e));
      }
    }
    const repo = await this.call("read the repository", () =>
      this.client.request("GET /repos/{owner}/{repo}", { owner: this.owner, repo: this.repo }),
    );
    const head = await this.call("read the default branch", () =>
      this.client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${repo.data.default_branch}`,
      }),
    );
    try {
      await this.client.request("POST /repos/{owner}/{repo}/git/refs", {
        owner: this.owner,
        repo: this.repo,
        ref: `refs/heads/${REGISTRY_BRANCH}`,
        sha: head.data.object.sha,
      });
    } catch (e) {
      if ((e as { status?: number }).status === 422) return; // created meanwhile
      return this.call(`create the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e), CONTENTS_PERMISSION);
    }
  }

  /**
   * The deployment of the new production to `model/NAME` (state success), and the previous production's deployments
   * marked inactive. A deployment that cannot be made is a warning: production has already moved.
   */
  async productionMoved(name: string, from: ModelCard | null, to: ModelCard): Promise<RegistryNotice> {
    const environment = deploymentEnvironment(name);
    const warnings: string[] = [];
    let deployment: RegistryNotice["deployment"];
    try {
      const d = await this.call(
        `create a deployment of ${to.tag}`,
        () =>
          this.client.request("POST /repos/{owner}/{repo}/deployments", {
            owner: this.owner,
            repo: this.repo,
            ref: to.tag,
            environment,
            auto_merge: false,
            required_contexts: [],
            production_environment: true,
            description: `${name} v${to.model_version}`.slice(0, 140),
            payload: {
              modelguard: 1,
              name,
              version: `v${to.model_version}`,
              tag: to.tag,
              assets: to.assets.map((a) => ({ name: a.name, sha256: a.sha256, bytes: a.bytes })),
            },
          }),
        "deployments: write",
      );
      const id = (d.data as { id?: number }).id;
      if (typeof id !== "number") {
        warnings.push(`GitHub did not create a deployment of ${to.tag}: ${JSON.stringify(d.data).slice(0, 200)}`);
      } else {
        const s = await this.call(
          `set the deployment status of ${to.tag}`,
          () =>
            this.client.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
              owner: this.owner,
              repo: this.repo,
              deployment_id: id,
              state: "success",
              environment,
              description: `production is ${name} v${to.model_version}`.slice(0, 140),
              auto_inactive: false,
            }),
          "deployments: write",
        );
        deployment = { id, environment, url: (s.data as { url?: string }).url ?? null };
      }
      if (from) await this.deactivate(name, environment, from.model_version, id);
    } catch (e) {
      warnings.push(`production moved, but the deployment to ${environment} failed: ${(e as Error).message}`);
    }
    return { ...(deployment ? { deployment } : {}), warnings };
  }

  private async deactivate(name: string, environment: string, version: number, except: number | undefined) {
    const r = await this.call(`list the deployments to ${environment}`, () =>
      this.client.request("GET /repos/{owner}/{repo}/deployments", {
        owner: this.owner,
        repo: this.repo,
        environment,
        per_page: 100,
      }),
    );
    for (const d of r.data as { id: number; payload: unknown }[]) {
      const p = d.payload as { modelguard?: number; version?: string; name?: string } | null;
      if (d.id === except || !p || p.modelguard !== 1 || p.name !== name || p.version !== `v${version}`) continue;
      await this.call(
        `mark the deployment of ${name} v${version} inactive`,
        () =>
          this.client.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
            owner: this.owner,
            repo: this.repo,
            deployment_id: d.id,
            state: "inactive",
            environment,
            description: `replaced as production of ${name}`,
          }),
        "deployments: write",
      );
    }
  }
}
