import { createHash } from "node:crypto";
import type { ComparisonResult } from "../compare/comparisonResult.js";
import { ModelguardError } from "../errors.js";
import type { MetricsDocument } from "../model/evaluate/metricsDocument.js";
import type { RunRecord } from "../model/train/runTraining.js";
import { renderModelCard, type CardAsset, type CardComparison, type ModelCard } from "./modelCard.js";
import type { ModelRegistry, NewAsset, RegistryNotice } from "./ModelRegistry.js";
import { MAX_VERSION_NUMBER, versionTag } from "./modelVersionSpec.js";
import { movePointer, type ProductionMove } from "./productionPointer.js";

/** Who is moving production and from where: filled from the Actions environment or git by the CLI. */
export interface PromotionContext {
  actor: string | null;
  commit: string | null;
  ref: string | null;
  pullRequest: number | null;
  runUrl: string | null;
  now?: () => Date;
}

/** The files of a new version, read and checked by the caller; `bytes` are stored exactly as given. */
export interface PromotionFiles {
  model: { path: string; bytes: Buffer };
  metrics?: { path: string; bytes: Buffer; document: MetricsDocument };
  profile?: { path: string; bytes: Buffer; data?: { path: string; sha256: string; rows: number } };
  record?: { path: string; bytes: Buffer; document: RunRecord };
  comparison?: { path: string; bytes: Buffer; document: ComparisonResult };
  /** calibration.json (`modelguard calibrate`): what the monitor's estimated performance needs. */
  calibration?: { path: string; bytes: Buffer };
}

export interface PromotionResult {
  name: string;
  version: number;
  tag: string;
  previous: number | null;
  card: ModelCard;
  move: ProductionMove;
  notice: RegistryNotice;
}

/** How many version numbers a promotion tries when concurrent promotions keep taking the next one. */
const MAX_CREATE_ATTEMPTS = 5;

/**
 * Stores the files as version N = last + 1 of `name`, with a model card, then makes it production with a
 * compare-and-swap of the pointer read before the version was created. A promotion never wins silently over another:
 *
 * - the comparison (when given) must be against the current production: one against another version is refused
 *   before anything is stored;
 * - if production moves between the read and the swap, the new version stays stored but is not production, and the
 *   error says which version won, who moved it and how to proceed (compare again, then `registry set-production`).
 */
export async function promoteModel(
  registry: ModelRegistry,
  name: string,
  files: PromotionFiles,
  context: PromotionContext,
  reason: string | null,
): Promise<PromotionResult> {
  const { pointer, revision } = await registry.readPointer(name);
  const previous = pointer.production;
  const comparison = files.comparison?.document;
  const comparedWith = comparison?.baseline.registry;
  if (comparedWith && comparedWith.name === name && comparedWith.version !== previous) {
    throw new ModelguardError(
      "registry",
      `${files.comparison!.path} compares with ${name} v${comparedWith.version}, but production is ${
        previous === null ? "not set" : `v${previous}`
      } in ${registry.uri}`,
      `compare the candidate with the current production again (--baseline-model registry:${name}) and promote with that comparison`,
    );
  }

  const now = (context.now ?? (() => new Date()))();
  const assets = assetsOf(files);
  let card: ModelCard | null = null;
  const listed = await registry.listVersions(name);
  let next = (listed.at(-1)?.version ?? 0) + 1;
  for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++, next++) {
    if (next > MAX_VERSION_NUMBER) {
      throw new ModelguardError("registry", `${name} has reached v${MAX_VERSION_NUMBER}`, "use a new model name");
    }
    const candidate = buildCard(name, next, files, assets, context, reason, previous, now);
    if ((await registry.createVersion(name, candidate, assets, renderModelCard(candidate))) === "created") {
      card = candidate;
      break;
    }
  }
  if (!card) {
    throw new ModelguardError(
      "registry",
      `could not allocate a version number for ${name}: ${MAX_CREATE_ATTEMPTS} numbers in a row were taken by concurrent promotions`,
      "run the promotion again",
    );
  }

  const move: ProductionMove = {
    kind: "promote",
    from: previous,
    to: card.model_version,
    at: now.toISOString(),
    by: context.actor,
    reason,
    ...(context.runUrl ? { run_url: context.runUrl } : {}),
  };
  if ((await registry.writePointer(name, movePointer(pointer, move), revision)) === "conflict") {
    throw await conflictError(registry, name, card.model_version, previous);
  }
  const fromCard = previous === null ? null : await registry.readCard(name, previous).catch(() => null);
  const notice = await registry.productionMoved(name, fromCard, card);
  return { name, version: card.model_version, tag: card.tag, previous, card, move, notice };
}

/** What happened when production moved under a promotion, read back from the pointer's history. */
async function conflictError(
  registry: ModelRegistry,
  name: string,
  created: number,
  expected: number | null,
): Promise<ModelguardError> {
  const { pointer } = await registry.readPointer(name);
  const last = pointer.moves.at(-1);
  const who = last
    ? ` (${last.kind} v${last.from ?? "–"} -> v${last.to} by ${last.by ?? "unknown"} at ${last.at}${
        last.reason ? `: ${last.reason}` : ""
      })`
    : "";
  return new ModelguardError(
    "registry",
    `production of ${name} moved from ${expected === null ? "none" : `v${expected}`} to ${
      pointer.production === null ? "none" : `v${pointer.production}`
    } while v${created} was being promoted${who}; v${created} is stored but is NOT production`,
    `compare v${created} with the new production (--baseline-model registry:${name}), then make it production with \`modelguard registry set-production ${name}@v${created} --reason ...\` if it still wins`,
  );
}

function sha256(b: Buffer): string {
  return createHash("sha256").update(b).digest("hex");
}

function assetsOf(files: PromotionFiles): NewAsset[] {
  const out: NewAsset[] = [{ name: "model.onnx", bytes: files.model.bytes }];
  if (files.metrics) out.push({ name: "metrics.json", bytes: files.metrics.bytes });
  if (files.profile) out.push({ name: "profile.json", bytes: files.profile.bytes });
  if (files.record) out.push({ name: "run.json", bytes: files.record.bytes });
  if (files.comparison) out.push({ name: "comparison.json", bytes: files.comparison.bytes });
  if (files.calibration) out.push({ name: "calibration.json", bytes: files.calibration.bytes });
  return out;
}

function buildCard(
  name: string,
  version: number,
  files: PromotionFiles,
  assets: NewAsset[],
  context: PromotionContext,
  reason: string | null,
  previous: number | null,
  now: Date,
): ModelCard {
  const metrics = files.metrics?.document;
  const comparison = files.comparison?.document;
  const record = files.record?.document;
  const cardAssets: CardAsset[] = assets.map((a) => ({ name: a.name, sha256: sha256(a.bytes), bytes: a.bytes.length }));
  const data: ModelCard["data"] = [];
  if (metrics)
    data.push({ role: "evaluation", path: metrics.data.path, sha256: metrics.data.sha256, rows: metrics.data.rows });
  if (comparison?.data && comparison.data.sha256 !== metrics?.data.sha256) {
    data.push({
      role: "comparison",
      path: comparison.data.path,
      sha256: comparison.data.sha256,
      rows: comparison.data.rows,
    });
  }
  if (files.profile?.data) data.push({ role: "reference profile", ...files.profile.data });
  for (const d of record?.data ?? []) data.push({ role: "training", path: d.path, sha256: d.sha256, bytes: d.bytes });
  return {
    kind: "modelguard.model-card",
    version: 1,
    name,
    model_version: version,
    tag: versionTag(name, version),
    created_at: now.toISOString(),
    created_by: context.actor,
    reason,
    previous_production: previous,
    task: metrics?.task ?? comparison?.task ?? null,
    metrics: metrics ? Object.entries(metrics.metrics).map(([n, value]) => ({ name: n, value: finite(value) })) : [],
    comparison: comparison ? cardComparison(comparison) : null,
    git: {
      commit: context.commit ?? record?.git_commit ?? null,
      ref: context.ref,
      pull_request: context.pullRequest,
      run_url: context.runUrl,
    },
    training: record
      ? {
          command: record.command,
          start: record.start,
          end: record.end,
          duration_ms: record.duration_ms,
          exit_code: record.exit_code,
          peak_memory_bytes: record.peak_memory_bytes,
          environment: { ...record.environment },
        }
      : null,
    data,
    assets: cardAssets,
  };
}

function cardComparison(c: ComparisonResult): CardComparison {
  return {
    verdict: c.verdict,
    reason: c.reason,
    baseline: c.baseline.source,
    baseline_version: c.baseline.registry?.version ?? null,
    paired: c.paired,
    confidence: c.confidence,
    metrics: c.metrics.map((m) => ({
      name: m.name,
      baseline: finite(m.baseline),
      candidate: finite(m.candidate),
      delta: finite(m.delta),
      ci: m.ci && Number.isFinite(m.ci[0]) && Number.isFinite(m.ci[1]) ? [m.ci[0], m.ci[1]] : null,
      status: m.status,
    })),
  };
}

/** JSON has no infinities: a card keeps null for a value that is not finite. */
function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
