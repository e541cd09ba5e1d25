import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  callGitHub,
  createGitHubClient,
  escapeMarkdown,
  formatBytes,
  formatDuration,
  formatMetric
} from "./chunk-J6QFQCEU.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/registry/modelCard.ts
var MAX_CARD_BYTES = 1024 * 1024;
var SHA256 = /^[0-9a-f]{64}$/;
function parseModelCard(text, name, version, where) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw badCard(where, `not JSON: ${e.message}`);
  }
  const c = v;
  if (!c || typeof c !== "object" || c.kind !== "modelguard.model-card" || c.version !== 1 || c.name !== name || c.model_version !== version || !Array.isArray(c.assets) || !c.assets.every(
    (a) => typeof a === "object" && a !== null && typeof a.name === "string" && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(a.name) && typeof a.sha256 === "string" && SHA256.test(a.sha256) && Number.isInteger(a.bytes) && a.bytes >= 0
  ) || !c.assets.some((a) => a.name === "model.onnx")) {
    throw badCard(where, `not the model card of ${name} v${version}`);
  }
  return c;
}
function badCard(where, why) {
  return new ModelguardError(
    "registry",
    `${where}: ${why}`,
    "a version's card.json lists the sha256 of its assets; without a valid one nothing of the version can be verified"
  );
}
function renderModelCard(card) {
  const e = escapeMarkdown;
  const code = (s) => `<code>${e(s)}</code>`;
  const num = (x) => formatMetric(x);
  const lines = [];
  lines.push(`## ${e(card.name)} v${card.model_version}`, "");
  const facts = [
    ["tag", code(card.tag)],
    ["created", `${e(card.created_at)}${card.created_by ? ` by ${e(card.created_by)}` : ""}`],
    ["task", card.task ? e(card.task) : "–"],
    [
      "previous production",
      card.previous_production === null ? "none (first version)" : `v${card.previous_production}`
    ]
  ];
  if (card.reason) facts.push(["reason", e(card.reason)]);
  if (card.git.commit) facts.push(["git commit", code(card.git.commit)]);
  if (card.git.ref) facts.push(["git ref", e(card.git.ref)]);
  if (card.git.pull_request !== null) facts.push(["pull request", `&#35;${card.git.pull_request}`]);
  if (card.git.run_url) facts.push(["workflow run", e(card.git.run_url)]);
  lines.push("| | |", "|---|---|", ...facts.map(([k, v]) => `| ${k} | ${v} |`), "");
  if (card.metrics.length > 0) {
    lines.push("### Metrics", "", "| metric | value |", "|---|---:|");
    for (const m of card.metrics) lines.push(`| ${e(m.name)} | ${num(m.value)} |`);
    lines.push("");
  }
  const c = card.comparison;
  if (c) {
    const against = c.baseline_version !== null ? `v${c.baseline_version}` : e(c.baseline);
    lines.push(
      "### Comparison with production",
      "",
      `Verdict **${e(c.verdict)}** against ${against}: ${e(c.reason)}`,
      "",
      `| metric | baseline | candidate | delta | ${Math.round(c.confidence * 100)}% interval | gate |`,
      "|---|---:|---:|---:|---|---|"
    );
    for (const m of c.metrics) {
      const ci = m.ci ? `[${formatMetric(m.ci[0])}, ${formatMetric(m.ci[1])}]` : "–";
      lines.push(
        `| ${e(m.name)} | ${num(m.baseline)} | ${num(m.candidate)} | ${num(m.delta)} | ${ci} | ${m.status ? e(m.status) : "–"} |`
      );
    }
    lines.push(
      "",
      c.paired ? "Intervals: paired bootstrap on the same rows." : "Aggregate metrics only: no intervals.",
      ""
    );
  }
  const t = card.training;
  if (t) {
    lines.push("### Training", "", `Command: ${code(t.command)}`, "");
    lines.push(
      `Ran ${e(t.start)} to ${e(t.end)} (${formatDuration(t.duration_ms)}), exit code ${t.exit_code}` + (t.peak_memory_bytes !== null ? `, peak memory ${formatBytes(t.peak_memory_bytes)}` : "") + ".",
      ""
    );
    const env = Object.entries(t.environment).map(([k, v]) => `${e(k)} ${e(String(v))}`);
    if (env.length > 0) lines.push(`Environment: ${env.join(", ")}.`, "");
  }
  if (card.data.length > 0) {
    lines.push("### Data", "", "| role | file | sha256 |", "|---|---|---|");
    for (const d of card.data) lines.push(`| ${e(d.role)} | ${e(d.path)} | ${code(d.sha256)} |`);
    lines.push("");
  }
  lines.push("### Assets", "", "| file | bytes | sha256 |", "|---|---:|---|");
  for (const a of card.assets) lines.push(`| ${e(a.name)} | ${a.bytes} | ${code(a.sha256)} |`);
  lines.push(
    "",
    "<sub>Written by modelguard. `card.json` holds the same facts; downloads are verified against it.</sub>",
    ""
  );
  return lines.join("\n");
}

// src/registry/modelVersionSpec.ts
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var MAX_VERSION_NUMBER = 999999;
function checkModelName(name, what = "the model name") {
  if (!NAME.test(name) || name.endsWith(".lock") || name.endsWith(".") || name.includes("..")) {
    throw new ModelguardError(
      "usage",
      `${what} must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, got ${JSON.stringify(
        name.slice(0, 80)
      )}`,
      "e.g. --name churn-classifier (the name becomes part of git tags and file names)"
    );
  }
  return name;
}
function parseModelVersionSpec(spec) {
  const at = spec.indexOf("@");
  const name = checkModelName(at < 0 ? spec : spec.slice(0, at));
  if (at < 0) return { name, version: "production" };
  const v = spec.slice(at + 1);
  if (v === "production") return { name, version: "production" };
  const m = /^v([1-9][0-9]{0,5})$/.exec(v);
  if (!m) {
    throw new ModelguardError(
      "usage",
      `'${spec.slice(0, 80)}': the version after '@' must be vN (e.g. v3) or 'production'`,
      `e.g. ${name}@v3, ${name}@production, or ${name} (production)`
    );
  }
  return { name, version: Number(m[1]) };
}
function versionTag(name, n) {
  return `modelguard/${name}/v${n}`;
}
function deploymentEnvironment(name) {
  return `model/${name}`;
}

// src/registry/productionPointer.ts
var MAX_MOVES = 1e3;
function emptyPointer(name) {
  return { kind: "modelguard.production", version: 1, name, production: null, moves: [] };
}
function movePointer(p, move) {
  return { ...p, production: move.to, moves: [...p.moves, move].slice(-MAX_MOVES) };
}
function parsePointer(text, name, where) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw corrupt(where, `not JSON: ${e.message}`);
  }
  const p = v;
  if (!p || typeof p !== "object" || p.kind !== "modelguard.production" || p.version !== 1 || p.name !== name || !(p.production === null || Number.isInteger(p.production) && p.production > 0) || !Array.isArray(p.moves) || !p.moves.every(isMove)) {
    throw corrupt(where, `not the production pointer of '${name}'`);
  }
  return p;
}
function isMove(m) {
  const x = m;
  return typeof x === "object" && x !== null && (x.kind === "promote" || x.kind === "set-production") && (x.from === null || Number.isInteger(x.from)) && Number.isInteger(x.to) && typeof x.at === "string" && (x.by === null || typeof x.by === "string") && (x.reason === null || typeof x.reason === "string");
}
function corrupt(where, why) {
  return new ModelguardError(
    "registry",
    `${where}: ${why}`,
    "the registry's production pointer was edited by hand or damaged; restore it from its history (git log of the registry branch, or a backup of the directory)"
  );
}

// src/registry/GitHubModelRegistry.ts
var REGISTRY_BRANCH = "modelguard-registry";
var MAX_RELEASE_PAGES = 20;
var MAX_NOTES_CHARS = 12e4;
var CONTENTS_PERMISSION = "contents: write";
var GitHubModelRegistry = class {
  constructor(client, owner, repo, target = null) {
    this.client = client;
    this.owner = owner;
    this.repo = repo;
    this.target = target;
    this.uri = `github:${owner}/${repo}`;
  }
  client;
  owner;
  repo;
  target;
  uri;
  releases = /* @__PURE__ */ new Map();
  call(action, fn, permission = "contents: read") {
    return callGitHub({ action: `${action} in ${this.owner}/${this.repo}`, permission }, fn);
  }
  async listVersions(name) {
    const prefix = `modelguard/${name}/v`;
    const out = [];
    for (let page = 1; page <= MAX_RELEASE_PAGES; page++) {
      const r = await this.call(
        "list releases",
        () => this.client.request("GET /repos/{owner}/{repo}/releases", {
          owner: this.owner,
          repo: this.repo,
          per_page: 100,
          page
        })
      );
      const items = r.data;
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
          url: rel.html_url
        });
      }
      if (items.length < 100) break;
    }
    return out.sort((a, b) => a.version - b.version);
  }
  async release(name, version) {
    const tag = versionTag(name, version);
    if (this.releases.has(tag)) return this.releases.get(tag);
    try {
      const r = await this.client.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
        owner: this.owner,
        repo: this.repo,
        tag
      });
      const rel = r.data;
      this.releases.set(tag, rel);
      return rel;
    } catch (e) {
      if (e.status === 404) return null;
      return this.call(`read the release ${tag}`, () => Promise.reject(e));
    }
  }
  async createVersion(name, card, assets, notes) {
    let rel;
    try {
      const r = await this.client.request("POST /repos/{owner}/{repo}/releases", {
        owner: this.owner,
        repo: this.repo,
        tag_name: card.tag,
        name: `${name} v${card.model_version}`,
        body: notes.length > MAX_NOTES_CHARS ? notes.slice(0, MAX_NOTES_CHARS) + "\n\n(truncated: see card.json)" : notes,
        make_latest: "false",
        ...this.target ? { target_commitish: this.target } : {}
      });
      rel = r.data;
    } catch (e) {
      const data = e;
      if (data.status === 422 && (data.response?.data?.errors ?? []).some((x) => x.code === "already_exists")) {
        return "exists";
      }
      return this.call(`create the release ${card.tag}`, () => Promise.reject(e), CONTENTS_PERMISSION);
    }
    const files = [...assets, { name: "card.json", bytes: Buffer.from(JSON.stringify(card, null, 2) + "\n") }];
    const uploaded = [];
    for (const f of files) {
      const r = await this.call(
        `upload ${f.name} to the release ${card.tag}`,
        () => this.client.request({
          method: "POST",
          url: rel.upload_url,
          name: f.name,
          data: f.bytes,
          headers: { "content-type": "application/octet-stream", "content-length": f.bytes.length }
        }),
        CONTENTS_PERMISSION
      );
      uploaded.push(r.data);
    }
    this.releases.set(card.tag, { ...rel, assets: uploaded });
    return "created";
  }
  async readCard(name, version) {
    const rel = await this.release(name, version);
    const asset = rel?.assets.find((a) => a.name === "card.json");
    if (!rel || !asset) return null;
    if (asset.size > MAX_CARD_BYTES) {
      throw new ModelguardError(
        "registry",
        `card.json of ${rel.tag_name} is ${asset.size} bytes, not a model card`,
        ""
      );
    }
    const bytes = await this.download(rel, asset, MAX_CARD_BYTES);
    return parseModelCard(bytes.toString("utf8"), name, version, `card.json of the release ${rel.tag_name}`);
  }
  async readAsset(name, version, asset, maxBytes) {
    const rel = await this.release(name, version);
    const stored = rel?.assets.find((a) => a.name === asset.name);
    if (!rel || !stored) {
      throw new ModelguardError(
        "registry",
        `${asset.name} is missing from the release ${versionTag(name, version)} of ${this.owner}/${this.repo}, though its card lists it`,
        "an asset was deleted from the release; promote the model again"
      );
    }
    if (stored.size > maxBytes) {
      throw new ModelguardError(
        "registry",
        `${asset.name} of ${rel.tag_name} is ${stored.size} bytes, but its card says ${asset.bytes}: refusing to use it`,
        "the asset was replaced after the version was stored; promote a fresh version"
      );
    }
    return this.download(rel, stored, maxBytes);
  }
  async download(rel, asset, maxBytes) {
    const r = await this.call(
      `download ${asset.name} of the release ${rel.tag_name}`,
      () => this.client.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        owner: this.owner,
        repo: this.repo,
        asset_id: asset.id,
        headers: { accept: "application/octet-stream" }
      })
    );
    const data = r.data;
    const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.isBuffer(data) ? data : Buffer.from(typeof data === "string" ? data : JSON.stringify(data));
    if (bytes.length > maxBytes) {
      throw new ModelguardError(
        "registry",
        `${asset.name} of ${rel.tag_name} is larger than its card says: refusing it`,
        ""
      );
    }
    return bytes;
  }
  pointerPath(name) {
    return `${name}.production.json`;
  }
  async readPointer(name) {
    const path = this.pointerPath(name);
    let data;
    try {
      const r = await this.client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: this.owner,
        repo: this.repo,
        path,
        ref: REGISTRY_BRANCH
      });
      data = r.data;
    } catch (e) {
      if (e.status === 404) return { pointer: emptyPointer(name), revision: null };
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
  async readPointerIfChanged(name, etag) {
    const path = this.pointerPath(name);
    let r;
    try {
      r = await this.client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: this.owner,
        repo: this.repo,
        path,
        ref: REGISTRY_BRANCH,
        ...etag ? { headers: { "if-none-match": etag } } : {}
      });
    } catch (e) {
      const status = e.status;
      if (status === 304) return "unchanged";
      if (status === 404) return { state: { pointer: emptyPointer(name), revision: null }, etag: null };
      return this.call(`read ${path} on the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e));
    }
    const data = r.data;
    const where = `${path} on the branch ${REGISTRY_BRANCH} of ${this.owner}/${this.repo}`;
    if (data.type !== "file" || data.encoding !== "base64" || typeof data.content !== "string") {
      throw new ModelguardError("registry", `${where} is not a file GitHub serves inline`, "");
    }
    const text = Buffer.from(data.content, "base64").toString("utf8");
    return {
      state: { pointer: parsePointer(text, name, where), revision: data.sha },
      etag: typeof r.headers.etag === "string" ? r.headers.etag : null
    };
  }
  async writePointer(name, next, revision) {
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
        ...revision !== null ? { sha: revision } : {}
      });
      return "written";
    } catch (e) {
      const status = e.status;
      if (status === 409 || status === 422 && revision === null) return "conflict";
      return this.call(`move the production pointer of ${name}`, () => Promise.reject(e), CONTENTS_PERMISSION);
    }
  }
  /** The pointer branch, created from the default branch's head the first time (losing that race is fine). */
  async ensureRegistryBranch() {
    try {
      await this.client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${REGISTRY_BRANCH}`
      });
      return;
    } catch (e) {
      if (e.status !== 404) {
        return this.call(`read the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e));
      }
    }
    const repo = await this.call(
      "read the repository",
      () => this.client.request("GET /repos/{owner}/{repo}", { owner: this.owner, repo: this.repo })
    );
    const head = await this.call(
      "read the default branch",
      () => this.client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${repo.data.default_branch}`
      })
    );
    try {
      await this.client.request("POST /repos/{owner}/{repo}/git/refs", {
        owner: this.owner,
        repo: this.repo,
        ref: `refs/heads/${REGISTRY_BRANCH}`,
        sha: head.data.object.sha
      });
    } catch (e) {
      if (e.status === 422) return;
      return this.call(`create the branch ${REGISTRY_BRANCH}`, () => Promise.reject(e), CONTENTS_PERMISSION);
    }
  }
  /**
   * The deployment of the new production to `model/NAME` (state success), and the previous production's deployments
   * marked inactive. A deployment that cannot be made is a warning: production has already moved.
   */
  async productionMoved(name, from, to) {
    const environment = deploymentEnvironment(name);
    const warnings = [];
    let deployment;
    try {
      const d = await this.call(
        `create a deployment of ${to.tag}`,
        () => this.client.request("POST /repos/{owner}/{repo}/deployments", {
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
            assets: to.assets.map((a) => ({ name: a.name, sha256: a.sha256, bytes: a.bytes }))
          }
        }),
        "deployments: write"
      );
      const id = d.data.id;
      if (typeof id !== "number") {
        warnings.push(`GitHub did not create a deployment of ${to.tag}: ${JSON.stringify(d.data).slice(0, 200)}`);
      } else {
        const s = await this.call(
          `set the deployment status of ${to.tag}`,
          () => this.client.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
            owner: this.owner,
            repo: this.repo,
            deployment_id: id,
            state: "success",
            environment,
            description: `production is ${name} v${to.model_version}`.slice(0, 140),
            auto_inactive: false
          }),
          "deployments: write"
        );
        deployment = { id, environment, url: s.data.url ?? null };
      }
      if (from) await this.deactivate(name, environment, from.model_version, id);
    } catch (e) {
      warnings.push(`production moved, but the deployment to ${environment} failed: ${e.message}`);
    }
    return { ...deployment ? { deployment } : {}, warnings };
  }
  async deactivate(name, environment, version, except) {
    const r = await this.call(
      `list the deployments to ${environment}`,
      () => this.client.request("GET /repos/{owner}/{repo}/deployments", {
        owner: this.owner,
        repo: this.repo,
        environment,
        per_page: 100
      })
    );
    for (const d of r.data) {
      const p = d.payload;
      if (d.id === except || !p || p.modelguard !== 1 || p.name !== name || p.version !== `v${version}`) continue;
      await this.call(
        `mark the deployment of ${name} v${version} inactive`,
        () => this.client.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
          owner: this.owner,
          repo: this.repo,
          deployment_id: d.id,
          state: "inactive",
          environment,
          description: `replaced as production of ${name}`
        }),
        "deployments: write"
      );
    }
  }
};

// src/registry/openModelRegistry.ts
import { homedir } from "node:os";
import { join as join2 } from "node:path";

// src/registry/DirectoryModelRegistry.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var LOCK_WAIT_MS = 1e4;
var STALE_LOCK_MS = 6e4;
var MAX_POINTER_BYTES = 1024 * 1024;
var DirectoryModelRegistry = class {
  uri;
  root;
  constructor(dir) {
    this.uri = dir;
    this.root = resolve(dir);
  }
  modelDir(name) {
    return join(this.root, name);
  }
  async listVersions(name) {
    let entries;
    try {
      entries = await readdir(this.modelDir(name));
    } catch (e) {
      if (e.code === "ENOENT") return [];
      throw this.ioError(`cannot list ${this.modelDir(name)}`, e);
    }
    const out = [];
    for (const entry of entries) {
      const m = /^v([1-9][0-9]{0,5})$/.exec(entry);
      if (!m) continue;
      const dir = join(this.modelDir(name), entry);
      const card = await stat(join(dir, "card.json")).catch(() => null);
      out.push({
        version: Number(m[1]),
        tag: `modelguard/${name}/${entry}`,
        complete: card !== null,
        created_at: card ? card.mtime.toISOString() : null,
        url: dir
      });
    }
    return out.sort((a, b) => a.version - b.version);
  }
  async createVersion(name, card, assets, notes) {
    const final = join(this.modelDir(name), `v${card.model_version}`);
    if (await stat(final).catch(() => null)) return "exists";
    const tmp = join(this.modelDir(name), `.tmp-v${card.model_version}-${randomBytes(6).toString("hex")}`);
    try {
      await mkdir(tmp, { recursive: true });
      for (const a of assets) await writeFile(join(tmp, a.name), a.bytes);
      await writeFile(join(tmp, "README.md"), notes);
      await writeFile(join(tmp, "card.json"), JSON.stringify(card, null, 2) + "\n");
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      throw this.ioError(`cannot write version ${card.model_version} of ${name} under ${this.uri}`, e);
    }
    try {
      await rename(tmp, final);
      return "created";
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      const code = e.code;
      if (code === "ENOTEMPTY" || code === "EEXIST") return "exists";
      throw this.ioError(`cannot store version ${card.model_version} of ${name} under ${this.uri}`, e);
    }
  }
  async readCard(name, version) {
    const path = join(this.modelDir(name), `v${version}`, "card.json");
    const text = await this.readBounded(path, MAX_CARD_BYTES);
    return text === null ? null : parseModelCard(text.toString("utf8"), name, version, path);
  }
  async readAsset(name, version, asset, maxBytes) {
    const path = join(this.modelDir(name), `v${version}`, asset.name);
    const bytes = await this.readBounded(path, maxBytes);
    if (bytes === null) {
      throw new ModelguardError(
        "registry",
        `${path} is missing, though the card of ${name} v${version} lists it`,
        "the version was damaged after it was stored; promote the model again"
      );
    }
    return bytes;
  }
  async readPointer(name) {
    const path = this.pointerPath(name);
    const bytes = await this.readBounded(path, MAX_POINTER_BYTES);
    if (bytes === null) return { pointer: emptyPointer(name), revision: null };
    return { pointer: parsePointer(bytes.toString("utf8"), name, path), revision: digest(bytes) };
  }
  async writePointer(name, next, revision) {
    const path = this.pointerPath(name);
    await mkdir(this.modelDir(name), { recursive: true });
    const release = await this.lock(`${path}.lock`);
    try {
      const current = await this.readBounded(path, MAX_POINTER_BYTES);
      if ((current === null ? null : digest(current)) !== revision) return "conflict";
      const tmp = `${path}.tmp-${randomBytes(6).toString("hex")}`;
      const fh = await open(tmp, "wx");
      try {
        await fh.writeFile(JSON.stringify(next, null, 2) + "\n");
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
      return "written";
    } catch (e) {
      throw this.ioError(`cannot move the production pointer ${path}`, e);
    } finally {
      await release();
    }
  }
  async productionMoved() {
    return { warnings: [] };
  }
  pointerPath(name) {
    return join(this.modelDir(name), "production.json");
  }
  /** An exclusive lock file (O_EXCL), waited for up to LOCK_WAIT_MS; one older than STALE_LOCK_MS is taken over. */
  async lock(path) {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (; ; ) {
      try {
        const fh = await open(path, "wx");
        await fh.writeFile(`${process.pid}
`);
        await fh.close();
        return () => rm(path, { force: true });
      } catch (e) {
        if (e.code !== "EEXIST") throw this.ioError(`cannot create the lock ${path}`, e);
      }
      const held = await stat(path).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ModelguardError(
          "registry",
          `the production pointer is locked by ${path} for more than ${LOCK_WAIT_MS / 1e3} s`,
          `another promotion is running; if none is, delete ${path}`
        );
      }
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    }
  }
  /** The file's bytes, null when it does not exist; over maxBytes, or not a file, is a registry error. */
  async readBounded(path, maxBytes) {
    const st = await stat(path).catch((e) => {
      if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
      throw this.ioError(`cannot read ${path}`, e);
    });
    if (st === null) return null;
    if (!st.isFile())
      throw new ModelguardError("registry", `${path} is not a file`, "the registry directory was altered");
    if (st.size > maxBytes) {
      throw new ModelguardError(
        "registry",
        `${path} is ${st.size} bytes, more than the ${maxBytes} allowed`,
        "the registry directory was altered, or the file is not what the registry stored"
      );
    }
    try {
      return await readFile(path);
    } catch (e) {
      throw this.ioError(`cannot read ${path}`, e);
    }
  }
  ioError(what, e) {
    return new ModelguardError(
      "registry",
      `${what}: ${e.message}`,
      `check that ${this.uri} is a writable directory`
    );
  }
};
function digest(b) {
  return createHash("sha256").update(b).digest("hex");
}

// src/registry/openModelRegistry.ts
var OWNER_REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function openModelRegistry(uri, env) {
  const given = uri?.trim() || (env.inActions && env.repository ? "github" : "");
  if (given === "") {
    throw new ModelguardError(
      "usage",
      "no model registry: give --registry DIR (a directory) or --registry github:OWNER/REPO",
      "or set `registry:` in modelguard.yml; inside GitHub Actions the current repository is the default"
    );
  }
  if (given !== "github" && !given.startsWith("github:")) return new DirectoryModelRegistry(given);
  const full = given === "github" ? env.repository ?? "" : given.slice("github:".length);
  const m = OWNER_REPO.exec(full);
  if (!m) {
    throw new ModelguardError(
      "usage",
      given === "github" ? "--registry github needs GITHUB_REPOSITORY (set inside GitHub Actions)" : `'${given.slice(0, 120)}' is not github:OWNER/REPO`,
      "e.g. --registry github:acme/churn-model"
    );
  }
  const owner = m[1];
  const repo = m[2];
  const client = createGitHubClient({
    // An App without an installation id acts for the installation on the registry's repository.
    ...env.app ? { app: env.app.installationId ? env.app : { ...env.app, repository: { owner, repo } } } : { token: env.token ?? "" },
    ...env.apiUrl ? { baseUrl: env.apiUrl } : {},
    ...env.log ? { log: env.log } : {}
  });
  return new GitHubModelRegistry(client, owner, repo, env.targetCommit ?? null);
}
function registryCacheDir(flag, env) {
  if (flag) return flag;
  if (env.RUNNER_TOOL_CACHE) return join2(env.RUNNER_TOOL_CACHE, "modelguard");
  return join2(env.XDG_CACHE_HOME || join2(homedir(), ".cache"), "modelguard");
}

export {
  renderModelCard,
  movePointer,
  MAX_VERSION_NUMBER,
  checkModelName,
  parseModelVersionSpec,
  versionTag,
  deploymentEnvironment,
  GitHubModelRegistry,
  openModelRegistry,
  registryCacheDir
};
