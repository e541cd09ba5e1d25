import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  readProfileColumns
} from "./chunk-FN27UHXI.js";
import {
  readResult
} from "./chunk-ZJAEGF6K.js";
import {
  readAssetFile
} from "./chunk-7DF57UJG.js";
import {
  readCalibration
} from "./chunk-DBRIWJPI.js";
import {
  promotionContext,
  registryFromFlags
} from "./chunk-ETIZDIC2.js";
import {
  MAX_VERSION_NUMBER,
  checkModelName,
  movePointer,
  renderModelCard,
  versionTag
} from "./chunk-YFEKVSLM.js";
import {
  numberOption
} from "./chunk-AI5GVDUK.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/registry/promoteModel.ts
import { createHash } from "node:crypto";
var MAX_CREATE_ATTEMPTS = 5;
async function promoteModel(registry, name, files, context, reason) {
  const { pointer, revision } = await registry.readPointer(name);
  const previous = pointer.production;
  const comparison = files.comparison?.document;
  const comparedWith = comparison?.baseline.registry;
  if (comparedWith && comparedWith.name === name && comparedWith.version !== previous) {
    throw new ModelguardError(
      "registry",
      `${files.comparison.path} compares with ${name} v${comparedWith.version}, but production is ${previous === null ? "not set" : `v${previous}`} in ${registry.uri}`,
      `compare the candidate with the current production again (--baseline-model registry:${name}) and promote with that comparison`
    );
  }
  const now = (context.now ?? (() => /* @__PURE__ */ new Date()))();
  const assets = assetsOf(files);
  let card = null;
  const listed = await registry.listVersions(name);
  let next = (listed.at(-1)?.version ?? 0) + 1;
  for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++, next++) {
    if (next > MAX_VERSION_NUMBER) {
      throw new ModelguardError("registry", `${name} has reached v${MAX_VERSION_NUMBER}`, "use a new model name");
    }
    const candidate = buildCard(name, next, files, assets, context, reason, previous, now);
    if (await registry.createVersion(name, candidate, assets, renderModelCard(candidate)) === "created") {
      card = candidate;
      break;
    }
  }
  if (!card) {
    throw new ModelguardError(
      "registry",
      `could not allocate a version number for ${name}: ${MAX_CREATE_ATTEMPTS} numbers in a row were taken by concurrent promotions`,
      "run the promotion again"
    );
  }
  const move = {
    kind: "promote",
    from: previous,
    to: card.model_version,
    at: now.toISOString(),
    by: context.actor,
    reason,
    ...context.runUrl ? { run_url: context.runUrl } : {}
  };
  if (await registry.writePointer(name, movePointer(pointer, move), revision) === "conflict") {
    throw await conflictError(registry, name, card.model_version, previous);
  }
  const fromCard = previous === null ? null : await registry.readCard(name, previous).catch(() => null);
  const notice = await registry.productionMoved(name, fromCard, card);
  return { name, version: card.model_version, tag: card.tag, previous, card, move, notice };
}
async function conflictError(registry, name, created, expected) {
  const { pointer } = await registry.readPointer(name);
  const last = pointer.moves.at(-1);
  const who = last ? ` (${last.kind} v${last.from ?? "–"} -> v${last.to} by ${last.by ?? "unknown"} at ${last.at}${last.reason ? `: ${last.reason}` : ""})` : "";
  return new ModelguardError(
    "registry",
    `production of ${name} moved from ${expected === null ? "none" : `v${expected}`} to ${pointer.production === null ? "none" : `v${pointer.production}`} while v${created} was being promoted${who}; v${created} is stored but is NOT production`,
    `compare v${created} with the new production (--baseline-model registry:${name}), then make it production with \`modelguard registry set-production ${name}@v${created} --reason ...\` if it still wins`
  );
}
function sha256(b) {
  return createHash("sha256").update(b).digest("hex");
}
function assetsOf(files) {
  const out = [{ name: "model.onnx", bytes: files.model.bytes }];
  if (files.metrics) out.push({ name: "metrics.json", bytes: files.metrics.bytes });
  if (files.profile) out.push({ name: "profile.json", bytes: files.profile.bytes });
  if (files.record) out.push({ name: "run.json", bytes: files.record.bytes });
  if (files.comparison) out.push({ name: "comparison.json", bytes: files.comparison.bytes });
  if (files.calibration) out.push({ name: "calibration.json", bytes: files.calibration.bytes });
  return out;
}
function buildCard(name, version, files, assets, context, reason, previous, now) {
  const metrics = files.metrics?.document;
  const comparison = files.comparison?.document;
  const record = files.record?.document;
  const cardAssets = assets.map((a) => ({ name: a.name, sha256: sha256(a.bytes), bytes: a.bytes.length }));
  const data = [];
  if (metrics)
    data.push({ role: "evaluation", path: metrics.data.path, sha256: metrics.data.sha256, rows: metrics.data.rows });
  if (comparison?.data && comparison.data.sha256 !== metrics?.data.sha256) {
    data.push({
      role: "comparison",
      path: comparison.data.path,
      sha256: comparison.data.sha256,
      rows: comparison.data.rows
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
      run_url: context.runUrl
    },
    training: record ? {
      command: record.command,
      start: record.start,
      end: record.end,
      duration_ms: record.duration_ms,
      exit_code: record.exit_code,
      peak_memory_bytes: record.peak_memory_bytes,
      environment: { ...record.environment }
    } : null,
    data,
    assets: cardAssets
  };
}
function cardComparison(c) {
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
      status: m.status
    }))
  };
}
function finite(x) {
  return x !== null && Number.isFinite(x) ? x : null;
}

// src/cli/commands/promote.ts
var MAX_REASON_CHARS = 1e3;
function withRegistryOptions(cmd) {
  return cmd.option(
    "--registry <uri>",
    "a directory, `github` (this repository) or github:OWNER/REPO (default: modelguard.yml's registry:, or this repository in GitHub Actions)"
  ).option("--config <file>", "modelguard.yml with a registry: key (default ./modelguard.yml when it exists)").option("--cache-dir <dir>", "download cache (default $RUNNER_TOOL_CACHE/modelguard or ~/.cache/modelguard)");
}
function reasonOption(raw) {
  const r = raw.trim();
  if (r === "" || r.length > MAX_REASON_CHARS) {
    throw new ModelguardError(
      "usage",
      `--reason must be 1-${MAX_REASON_CHARS} characters`,
      "say why production moves, in one line"
    );
  }
  return r;
}
function registerPromote(program, io) {
  withRegistryOptions(
    program.command("promote").description("store a model as the next version in the registry (with a model card) and make it production").requiredOption("--name <name>", "the model's name in the registry", (v) => checkModelName(v, "--name")).requiredOption("--model <onnx>", "the model file").option("--metrics <file>", "its metrics.json (evaluate -o)").option("--profile <file>", "the reference profile the monitor should use with it").option("--calibration <file>", "calibration.json (modelguard calibrate) for the monitor's estimated performance").option("--record <file>", "the training run record (train --record)").option("--comparison <file>", "its comparison with production (compare --out)").option("--reason <text>", "why it is promoted (recorded with the move)", reasonOption).option(
      "--pull-request <n>",
      "the pull request it came from",
      numberOption("--pull-request", { min: 1, integer: true })
    ).option("--json", "print the result as JSON")
  ).action(async (flags) => {
    const files = { model: { path: flags.model, bytes: readAssetFile(flags.model, "--model") } };
    if (flags.metrics) {
      files.metrics = {
        path: flags.metrics,
        bytes: readAssetFile(flags.metrics, "--metrics"),
        document: readResult(flags.metrics, "modelguard.metrics")
      };
    }
    if (flags.comparison) {
      files.comparison = {
        path: flags.comparison,
        bytes: readAssetFile(flags.comparison, "--comparison"),
        document: readResult(flags.comparison, "modelguard.comparison")
      };
    }
    if (flags.profile) {
      readProfileColumns(flags.profile, () => null);
      files.profile = { path: flags.profile, bytes: readAssetFile(flags.profile, "--profile") };
    }
    if (flags.calibration) {
      readCalibration(flags.calibration);
      files.calibration = { path: flags.calibration, bytes: readAssetFile(flags.calibration, "--calibration") };
    }
    if (flags.record) {
      const bytes = readAssetFile(flags.record, "--record", 16 * 1024 * 1024);
      let doc = null;
      try {
        doc = JSON.parse(bytes.toString("utf8"));
      } catch {
        doc = null;
      }
      if (!doc || doc.kind !== "modelguard.run" || typeof doc.command !== "string" || !Array.isArray(doc.data)) {
        throw new ModelguardError(
          "input",
          `${flags.record} is not a run record`,
          "pass the file `modelguard train --record FILE` wrote",
          {
            file: flags.record
          }
        );
      }
      if (doc.outcome !== void 0 && doc.outcome !== "succeeded") {
        throw new ModelguardError(
          "input",
          `${flags.record} records a training run that did not succeed (${doc.outcome}, exit code ${doc.exit_code})`,
          "promote the model of a successful run, with that run's record",
          { file: flags.record }
        );
      }
      files.record = { path: flags.record, bytes, document: doc };
    }
    const registry = registryFromFlags(flags, io);
    const context = promotionContext();
    if (flags.pullRequest !== void 0) context.pullRequest = flags.pullRequest;
    const r = await promoteModel(registry, flags.name, files, context, flags.reason ?? null);
    for (const w of r.notice.warnings) (io.warning ?? ((m) => io.err(`warning: ${m}`)))(w);
    io.result?.({
      kind: "promotion",
      value: {
        name: r.name,
        version: r.version,
        tag: r.tag,
        previous: r.previous,
        registry: registry.uri,
        metrics: r.card.metrics,
        deployment: r.notice.deployment ?? null,
        warnings: r.notice.warnings
      },
      path: null
    });
    if (flags.json) {
      io.out(
        JSON.stringify(
          {
            name: r.name,
            version: r.version,
            tag: r.tag,
            previous: r.previous,
            registry: registry.uri,
            move: r.move,
            assets: r.card.assets,
            deployment: r.notice.deployment ?? null,
            warnings: r.notice.warnings
          },
          null,
          2
        )
      );
    } else {
      io.out(
        `promoted ${r.name} v${r.version} to production in ${registry.uri} (was ${r.previous === null ? "none" : `v${r.previous}`}); tag ${r.tag}` + (r.notice.deployment ? `; deployed to ${r.notice.deployment.environment} (deployment ${r.notice.deployment.id})` : "")
      );
    }
  });
}

export {
  MAX_REASON_CHARS,
  withRegistryOptions,
  reasonOption,
  registerPromote
};
