import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ComparisonResult, RegistryVersionRef } from "../compare/comparisonResult.js";
import { isGitSpec, readGitFile } from "../compare/readGitFile.js";
import { ModelguardError } from "../errors.js";
import { parseModelVersionSpec } from "../registry/modelVersionSpec.js";
import { fetchVerifiedAsset, resolveVersion } from "../registry/pullModelVersion.js";
import { MAX_ASSET_BYTES } from "../registry/readAssetFile.js";
import type { CliIO } from "./io.js";
import { cacheDirFromFlags, registryFromFlags, type RegistryFlags } from "./registryFromFlags.js";

/** A model named on the command line, as a local file to evaluate. */
export interface ResolvedModelFile {
  path: string;
  /** How the user named it: the path, git:REF:PATH, or registry:NAME@vN. */
  source: string;
  registry?: RegistryVersionRef;
  /** Removes the temporary copy (for git: and registry: models). */
  cleanup(): void;
}

/**
 * `--baseline-model` / `--candidate-model` values: a path, `git:REF:PATH` (read with git show, as metrics baselines
 * are), or `registry:NAME[@vN]` (production when no version is given; downloaded through the cache and verified
 * against the version's card). Models from git or the registry are written to a temporary file for evaluation.
 */
export async function resolveModelSpec(
  spec: string,
  flag: string,
  flags: RegistryFlags,
  io: CliIO,
): Promise<ResolvedModelFile> {
  if (isGitSpec(spec)) {
    return tempModel(readGitFile(spec, MAX_ASSET_BYTES, flag), spec);
  }
  if (spec.startsWith("registry:")) {
    const parsed = parseModelVersionSpec(spec.slice("registry:".length));
    const registry = registryFromFlags(flags, io);
    const v = await resolveVersion(registry, parsed);
    const asset = v.card.assets.find((a) => a.name === "model.onnx");
    if (!asset) throw new ModelguardError("registry", `${v.name} v${v.version} has no model.onnx`, "");
    const { bytes } = await fetchVerifiedAsset(registry, v, asset, cacheDirFromFlags(flags));
    return {
      ...tempModel(bytes, `registry:${v.name}@v${v.version}`),
      registry: { uri: registry.uri, name: v.name, version: v.version, production: v.production },
    };
  }
  return { path: spec, source: spec, cleanup: () => undefined };
}

function tempModel(bytes: Buffer, source: string): ResolvedModelFile {
  const dir = mkdtempSync(join(tmpdir(), "modelguard-model-"));
  const path = join(dir, "model.onnx");
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new ModelguardError(
      "io",
      `cannot write a temporary copy of ${source}: ${(e as Error).message}`,
      "check TMPDIR",
    );
  }
  return { path, source, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface ModelFlags extends RegistryFlags {
  candidateModel?: string;
  baselineModel?: string;
}

/**
 * Runs a paired comparison with `--candidate-model` / `--baseline-model` resolved to local files first (git: and
 * registry: specs), then names the models in the result as the user did, with the registry version compared with.
 */
export async function withResolvedModels<F extends ModelFlags, R extends { comparison: ComparisonResult }>(
  flags: F,
  io: CliIO,
  run: (flags: F) => Promise<R>,
): Promise<R> {
  const opened: ResolvedModelFile[] = [];
  try {
    const resolved = { ...flags };
    if (flags.candidateModel) {
      opened.push(await resolveModelSpec(flags.candidateModel, "--candidate-model", flags, io));
      resolved.candidateModel = opened.at(-1)!.path;
    }
    const candidate = opened.at(-1);
    let baseline: ResolvedModelFile | undefined;
    if (flags.baselineModel) {
      baseline = await resolveModelSpec(flags.baselineModel, "--baseline-model", flags, io);
      opened.push(baseline);
      resolved.baselineModel = baseline.path;
    }
    const result = await run(resolved);
    const name = (side: ComparisonResult["candidate"], f: ResolvedModelFile | undefined) => {
      if (!f || f.path === f.source) return;
      side.source = f.source;
      if (side.model) side.model = { ...side.model, path: f.source };
      if (f.registry) side.registry = f.registry;
    };
    name(result.comparison.candidate, candidate);
    name(result.comparison.baseline, baseline);
    const r = baseline?.registry;
    if (r) {
      result.comparison.notes.push(
        `baseline: ${r.name} v${r.version} from ${r.uri}${r.production ? " (production)" : " (not production)"}`,
      );
    }
    return result;
  } finally {
    for (const f of opened) f.cleanup();
  }
}
