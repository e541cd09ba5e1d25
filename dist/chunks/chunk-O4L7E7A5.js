import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_ASSET_BYTES
} from "./chunk-7DF57UJG.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/registry/pullModelVersion.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function resolveVersion(registry, spec) {
  const { pointer } = await registry.readPointer(spec.name);
  let version;
  if (spec.version === "production") {
    if (pointer.production === null) {
      throw new ModelguardError(
        "registry",
        `${spec.name} has no production version in ${registry.uri}`,
        // The first version is bootstrapped on purpose: a gate that passed with nothing to compare with would let the
        // one model no gate has looked at become production.
        `this is its first version: promote it once (\`modelguard promote --name ${spec.name} --model model.onnx --reason "first model"\`), or compare it with a committed model file; see "Production" in the README`
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

export {
  resolveVersion,
  fetchVerifiedAsset,
  pullModelVersion
};
