import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ModelguardError } from "../../src/errors.js";
import { readCalibration } from "../../src/performance/cbpe/calibrationFile.js";
import type { CbpeCalibration } from "../../src/performance/cbpe/buildCbpeCalibration.js";
import { readMetricsDocument } from "../../src/compare/readMetricsDocument.js";
import type { MetricsDocument } from "../../src/model/evaluate/metricsDocument.js";
import { readProfile } from "../../src/profile/profileFile.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { GitHubModelRegistry } from "../../src/registry/GitHubModelRegistry.js";
import type { ModelRegistry } from "../../src/registry/ModelRegistry.js";
import { openModelRegistry } from "../../src/registry/openModelRegistry.js";
import { fetchVerifiedAsset, resolveVersion } from "../../src/registry/pullModelVersion.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import { monitorGitHubAuth } from "../config/monitorGitHubAuth.js";

/** One production version as the monitor uses it: its number, its profile, and the file the profile was kept in. */
export interface ProductionVersion {
  version: number;
  profile: ReferenceProfile;
  /** The verified profile, written under the state directory (what `reference` names in window reports). */
  path: string;
  /** The profile's sha256 as the version's model card records it (what it was verified against). */
  sha256: string;
  /** Its calibration.json (promoted with --calibration), verified the same way; null when it has none. */
  calibration: CbpeCalibration | null;
  /** Its metrics.json (promoted with --metrics), verified the same way: what realized performance is judged against. */
  metrics: MetricsDocument | null;
}

/**
 * Follows the production version of a model in a registry (`reference: registry:NAME`): loads production's profile
 * (verified against its model card, cached by sha256), and `poll()` answers a new production version when the pointer
 * moved. On GitHub the poll is a conditional request (If-None-Match with the pointer file's ETag): an unchanged
 * pointer costs a 304, which GitHub does not count against the rate limit.
 */
export class ProductionReference {
  private etag: string | null = null;
  current: ProductionVersion | null = null;

  constructor(
    readonly name: string,
    readonly registry: ModelRegistry,
    private readonly dir: string,
  ) {}

  /** The registry and model a monitor config names; credentials as the alert sender's (github.app, else GITHUB_TOKEN). */
  static fromConfig(config: MonitorConfig, env: NodeJS.ProcessEnv): ProductionReference {
    const r = config.referenceRegistry!;
    const repository = config.github.repository ?? env.GITHUB_REPOSITORY;
    const apiUrl = config.github.apiUrl ?? env.GITHUB_API_URL;
    // Only a GitHub registry needs credentials (a directory registry works without an App's key at hand).
    const github = r.registry === "github" || r.registry.startsWith("github:");
    const registry = openModelRegistry(r.registry, {
      ...(github ? monitorGitHubAuth(config, env) : {}),
      ...(repository ? { repository } : {}),
      ...(apiUrl ? { apiUrl } : {}),
      inActions: false,
    });
    return new ProductionReference(r.name, registry, join(config.state, "reference"));
  }

  /** Loads production; a model without one is a config error (the monitor has nothing to compare with). */
  async load(): Promise<ProductionVersion> {
    const version = await this.pointerVersion(true);
    if (version === null) {
      throw new ModelguardError(
        "config",
        `reference: registry:${this.name}: ${this.name} has no production version in ${this.registry.uri}`,
        `promote one first (modelguard promote --name ${this.name} --model model.onnx --profile profile.json)`,
      );
    }
    this.current = await this.fetch(version);
    return this.current;
  }

  /** A new production version since the last load or poll, or null when production has not moved. */
  async poll(): Promise<ProductionVersion | null> {
    const version = await this.pointerVersion(false);
    if (version === null || version === this.current?.version) return null;
    this.current = await this.fetch(version);
    return this.current;
  }

  /**
   * Version `version` of the model, verified against its card like production's (a fleet member loads the version
   * its fleet recorded, which may not be production any more).
   */
  version(version: number): Promise<ProductionVersion> {
    return this.fetch(version);
  }

  /** Production's version number; `force` reads it even when the ETag says it has not changed. */
  private async pointerVersion(force: boolean): Promise<number | null> {
    if (this.registry instanceof GitHubModelRegistry) {
      const r = await this.registry.readPointerIfChanged(this.name, force ? null : this.etag);
      if (r === "unchanged") return this.current?.version ?? null;
      this.etag = r.etag;
      return r.state.pointer.production;
    }
    return (await this.registry.readPointer(this.name)).pointer.production;
  }

  private async fetch(version: number): Promise<ProductionVersion> {
    const v = await resolveVersion(this.registry, { name: this.name, version });
    const asset = v.card.assets.find((a) => a.name === "profile.json");
    if (!asset) {
      throw new ModelguardError(
        "registry",
        `${this.name} v${version} in ${this.registry.uri} has no profile.json: the monitor has no reference for it`,
        `promote with --profile (modelguard profile --data train.csv -o profile.json), or point production at a version that has one`,
      );
    }
    const path = await this.keep(v, asset, `${this.name}-v${version}.profile.json`);
    const calibrationAsset = v.card.assets.find((a) => a.name === "calibration.json");
    const calibration = calibrationAsset
      ? readCalibration(await this.keep(v, calibrationAsset, `${this.name}-v${version}.calibration.json`))
      : null;
    const metricsAsset = v.card.assets.find((a) => a.name === "metrics.json");
    const metrics = metricsAsset
      ? readMetricsDocument(await this.keep(v, metricsAsset, `${this.name}-v${version}.metrics.json`))
      : null;
    return { version, profile: readProfile(path), path, sha256: asset.sha256, calibration, metrics };
  }

  /** Fetches an asset verified against the card and keeps it under the state directory as `file`; returns its path. */
  private async keep(
    v: Awaited<ReturnType<typeof resolveVersion>>,
    asset: Parameters<typeof fetchVerifiedAsset>[2],
    file: string,
  ): Promise<string> {
    const { bytes } = await fetchVerifiedAsset(this.registry, v, asset, join(this.dir, "cache"));
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, file);
    // Renamed into place: a crash never leaves half a file under the name a restart would read.
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
    return path;
  }
}
