import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  readMetricsDocument
} from "./chunk-RHDI7ADI.js";
import {
  fetchVerifiedAsset,
  resolveVersion
} from "./chunk-O4L7E7A5.js";
import {
  readCalibration
} from "./chunk-DBRIWJPI.js";
import {
  GitHubModelRegistry,
  openModelRegistry
} from "./chunk-YFEKVSLM.js";
import {
  githubAppCredentials
} from "./chunk-J6QFQCEU.js";
import {
  readProfile
} from "./chunk-4VXYNFVR.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// monitor/reference/ProductionReference.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// monitor/config/monitorGitHubAuth.ts
function monitorGitHubAuth(config, env) {
  const app = config.github.app;
  if (app) {
    const keyEnv = app.privateKeyEnv;
    return {
      app: githubAppCredentials(
        {
          id: app.id,
          privateKey: keyEnv !== null ? env[keyEnv] ?? "" : void 0,
          privateKeyFile: app.privateKeyFile ?? void 0,
          installationId: app.installationId ?? void 0,
          names: {
            id: `${config.file}: github.app.id`,
            privateKey: keyEnv !== null ? `${config.file}: github.app.private_key_env (the variable ${keyEnv})` : `${config.file}: github.app.private_key_file`,
            installationId: `${config.file}: github.app.installation_id`
          }
        },
        config.github.repository ?? env.GITHUB_REPOSITORY
      )
    };
  }
  const token = env.GITHUB_TOKEN?.trim() ?? "";
  return token === "" ? null : { token };
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
  /** The registry and model a monitor config names; credentials as the alert sender's (github.app, else GITHUB_TOKEN). */
  static fromConfig(config, env) {
    const r = config.referenceRegistry;
    const repository = config.github.repository ?? env.GITHUB_REPOSITORY;
    const apiUrl = config.github.apiUrl ?? env.GITHUB_API_URL;
    const github = r.registry === "github" || r.registry.startsWith("github:");
    const registry = openModelRegistry(r.registry, {
      ...github ? monitorGitHubAuth(config, env) : {},
      ...repository ? { repository } : {},
      ...apiUrl ? { apiUrl } : {},
      inActions: false
    });
    return new _ProductionReference(r.name, registry, join(config.state, "reference"));
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
  /**
   * Version `version` of the model, verified against its card like production's (a fleet member loads the version
   * its fleet recorded, which may not be production any more).
   */
  version(version) {
    return this.fetch(version);
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
    const path = await this.keep(v, asset, `${this.name}-v${version}.profile.json`);
    const calibrationAsset = v.card.assets.find((a) => a.name === "calibration.json");
    const calibration = calibrationAsset ? readCalibration(await this.keep(v, calibrationAsset, `${this.name}-v${version}.calibration.json`)) : null;
    const metricsAsset = v.card.assets.find((a) => a.name === "metrics.json");
    const metrics = metricsAsset ? readMetricsDocument(await this.keep(v, metricsAsset, `${this.name}-v${version}.metrics.json`)) : null;
    return { version, profile: readProfile(path), path, sha256: asset.sha256, calibration, metrics };
  }
  /** Fetches an asset verified against the card and keeps it under the state directory as `file`; returns its path. */
  async keep(v, asset, file) {
    const { bytes } = await fetchVerifiedAsset(this.registry, v, asset, join(this.dir, "cache"));
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, file);
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
    return path;
  }
};

export {
  monitorGitHubAuth,
  ProductionReference
};
