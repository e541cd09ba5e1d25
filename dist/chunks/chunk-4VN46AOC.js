import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  GitHubModelRegistry,
  openModelRegistry
} from "./chunk-QDHZ7MH3.js";
import {
  readProfile
} from "./chunk-OW4Q7UEO.js";
import {
  ModelguardError
} from "./chunk-FVTIIIIB.js";

// monitor/reference/ProductionReference.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";

// src/registry/pullModelVersion.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/registry/readAssetFile.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var MAX_ASSET_BYTES = 512 * 1024 * 1024;
function readAssetFile(path, flag, maxBytes = MAX_ASSET_BYTES) {
  const fail = (message, hint = `check the path given to ${flag}`) => new ModelguardError("input", message, hint, { file: path });
  let fd;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = e.code;
    throw fail(
      code === "ENOENT" ? `${flag}: ${path} not found` : `${flag}: cannot read ${path}: ${e.message}`
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fail(`${flag}: ${path} is not a regular file`);
    if (st.size > maxBytes) {
      throw fail(`${flag}: ${path} is ${st.size} bytes, more than the ${maxBytes} a registry asset may be`);
    }
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    throw fail(`${flag}: cannot read ${path}: ${e.message}`);
  } finally {
    closeSync(fd);
  }
}

// src/registry/pullModelVersion.ts
async function resolveVersion(registry, spec) {
  const { pointer } = await registry.readPointer(spec.name);
  let version;
  if (spec.version === "production") {
    if (pointer.production === null) {
      throw new ModelguardError(
        "registry",
        `${spec.name} has no production version in ${registry.uri}`,
        `promote one first: \`modelguard promote --name ${spec.name} --model model.onnx\``
      );
    }
    version = pointer.production;
  } else version = spec.version;
  const card = await registry.readCard(spec.name, version);
  if (!card) {
    throw new ModelguardError(
      "registry",
      `${spec.name} v${version} does not exist in ${registry.uri} (or was never completed)`,
      `list the versions with \`modelguard registry list ${spec.name}\``
    );
  }
  return { name: spec.name, version, production: pointer.production === version, card };
}
async function fetchVerifiedAsset(registry, v, asset, cacheDir) {
  const cachePath = cacheDir ? join(cacheDir, "sha256", asset.sha256) : null;
  if (cachePath) {
    const hit = await readFile(cachePath).catch(() => null);
    if (hit && hit.length === asset.bytes && sha256(hit) === asset.sha256) return { bytes: hit, cached: true };
  }
  if (asset.bytes > MAX_ASSET_BYTES) {
    throw new ModelguardError(
      "registry",
      `${asset.name} of ${v.name} v${v.version} is ${asset.bytes} bytes, over the ${MAX_ASSET_BYTES} limit`,
      ""
    );
  }
  const bytes = await registry.readAsset(v.name, v.version, asset, MAX_ASSET_BYTES);
  const actual = sha256(bytes);
  if (bytes.length !== asset.bytes || actual !== asset.sha256) {
    throw new ModelguardError(
      "registry",
      `${asset.name} of ${v.name} v${v.version} in ${registry.uri} does not match its model card: sha256 ${actual} (${bytes.length} bytes), the card says ${asset.sha256} (${asset.bytes} bytes); refusing to use it`,
      "the asset was replaced or damaged after the version was stored; promote a fresh version, or restore the original file"
    );
  }
  if (cachePath) {
    const tmp = `${cachePath}.tmp-${randomBytes(6).toString("hex")}`;
    try {
      await mkdir(join(cacheDir, "sha256"), { recursive: true });
      await writeFile(tmp, bytes);
      await rename(tmp, cachePath);
    } catch {
      await rm(tmp, { force: true });
    }
  }
  return { bytes, cached: false };
}
async function pullModelVersion(registry, v, outDir, cacheDir) {
  const files = [];
  const fetched = [];
  for (const asset of v.card.assets)
    fetched.push({ asset, ...await fetchVerifiedAsset(registry, v, asset, cacheDir) });
  try {
    await mkdir(outDir, { recursive: true });
    for (const f of fetched) {
      const path = join(outDir, f.asset.name);
      await writeFile(path, f.bytes);
      files.push({ name: f.asset.name, path, sha256: f.asset.sha256, cached: f.cached });
    }
    await writeFile(join(outDir, "card.json"), JSON.stringify(v.card, null, 2) + "\n");
  } catch (e) {
    throw new ModelguardError("io", `cannot write into ${outDir}: ${e.message}`, "check -o");
  }
  return { files };
}
function sha256(b) {
  return createHash("sha256").update(b).digest("hex");
}

// monitor/reference/ProductionReference.ts
var ProductionReference = class _ProductionReference {
  constructor(name, registry, dir) {
    this.name = name;
    this.registry = registry;
    this.dir = dir;
  }
  name;
  registry;
  dir;
  etag = null;
  current = null;
  /** The registry and model a monitor config names; the token comes from GITHUB_TOKEN, as the alert sender's does. */
  static fromConfig(config, env) {
    const r = config.referenceRegistry;
    const token = env.GITHUB_TOKEN?.trim();
    const repository = config.github.repository ?? env.GITHUB_REPOSITORY;
    const apiUrl = config.github.apiUrl ?? env.GITHUB_API_URL;
    const registry = openModelRegistry(r.registry, {
      ...token ? { token } : {},
      ...repository ? { repository } : {},
      ...apiUrl ? { apiUrl } : {},
      inActions: false
    });
    return new _ProductionReference(r.name, registry, join2(config.state, "reference"));
  }
  /** Loads production; a model without one is a config error (the monitor has nothing to compare with). */
  async load() {
    const version = await this.pointerVersion(true);
    if (version === null) {
      throw new ModelguardError(
        "config",
        `reference: registry:${this.name}: ${this.name} has no production version in ${this.registry.uri}`,
        `promote one first (modelguard promote --name ${this.name} --model model.onnx --profile profile.json)`
      );
    }
    this.current = await this.fetch(version);
    return this.current;
  }
  /** A new production version since the last load or poll, or null when production has not moved. */
  async poll() {
    const version = await this.pointerVersion(false);
    if (version === null || version === this.current?.version) return null;
    this.current = await this.fetch(version);
    return this.current;
  }
  /** Production's version number; `force` reads it even when the ETag says it has not changed. */
  async pointerVersion(force) {
    if (this.registry instanceof GitHubModelRegistry) {
      const r = await this.registry.readPointerIfChanged(this.name, force ? null : this.etag);
      if (r === "unchanged") return this.current?.version ?? null;
      this.etag = r.etag;
      return r.state.pointer.production;
    }
    return (await this.registry.readPointer(this.name)).pointer.production;
  }
  async fetch(version) {
    const v = await resolveVersion(this.registry, { name: this.name, version });
    const asset = v.card.assets.find((a) => a.name === "profile.json");
    if (!asset) {
      throw new ModelguardError(
        "registry",
        `${this.name} v${version} in ${this.registry.uri} has no profile.json: the monitor has no reference for it`,
        `promote with --profile (modelguard profile --data train.csv -o profile.json), or point production at a version that has one`
      );
    }
    const { bytes } = await fetchVerifiedAsset(this.registry, v, asset, join2(this.dir, "cache"));
    mkdirSync(this.dir, { recursive: true });
    const path = join2(this.dir, `${this.name}-v${version}.profile.json`);
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
    return { version, profile: readProfile(path), path };
  }
};

export {
  MAX_ASSET_BYTES,
  readAssetFile,
  resolveVersion,
  fetchVerifiedAsset,
  pullModelVersion,
  ProductionReference
};
