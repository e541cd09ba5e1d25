import type { Command } from "commander";
import type { ComparisonResult } from "../../compare/comparisonResult.js";
import { ModelguardError } from "../../errors.js";
import type { MetricsDocument } from "../../model/evaluate/metricsDocument.js";
import type { RunRecord } from "../../model/train/runTraining.js";
import { readProfileColumns } from "../../profile/readProfileColumns.js";
import { readCalibration } from "../../performance/cbpe/calibrationFile.js";
import { checkModelName } from "../../registry/modelVersionSpec.js";
import { promoteModel, type PromotionFiles } from "../../registry/promoteModel.js";
import { readAssetFile } from "../../registry/readAssetFile.js";
import type { CliIO } from "../io.js";
import { numberOption } from "../options.js";
import { promotionContext, registryFromFlags, type RegistryFlags } from "../registryFromFlags.js";
import { readResult } from "./report.js";

interface PromoteFlags extends RegistryFlags {
  name: string;
  model: string;
  metrics?: string;
  profile?: string;
  calibration?: string;
  record?: string;
  comparison?: string;
  reason?: string;
  pullRequest?: number;
  json?: boolean;
}

/** A reason is one line in a record and a card; longer is a paste mistake. */
export const MAX_REASON_CHARS = 1000;

export function withRegistryOptions(cmd: Command): Command {
  return cmd
    .option(
      "--registry <uri>",
      "a directory, `github` (this repository) or github:OWNER/REPO (default: modelguard.yml's registry:, or this repository in GitHub Actions)",
    )
    .option("--config <file>", "modelguard.yml with a registry: key (default ./modelguard.yml when it exists)")
    .option("--cache-dir <dir>", "download cache (default $RUNNER_TOOL_CACHE/modelguard or ~/.cache/modelguard)");
}

export function reasonOption(raw: string): string {
  const r = raw.trim();
  if (r === "" || r.length > MAX_REASON_CHARS) {
    throw new ModelguardError(
      "usage",
      `--reason must be 1-${MAX_REASON_CHARS} characters`,
      "say why production moves, in one line",
    );
  }
  return r;
}

export function registerPromote(program: Command, io: CliIO): void {
  withRegistryOptions(
    program
      .command("promote")
      .description("store a model as the next version in the registry (with a model card) and make it production")
      .requiredOption("--name <name>", "the model's name in the registry", (v) => checkModelName(v, "--name"))
      .requiredOption("--model <onnx>", "the model file")
      .option("--metrics <file>", "its metrics.json (evaluate -o)")
      .option("--profile <file>", "the reference profile the monitor should use with it")
      .option("--calibration <file>", "calibration.json (modelguard calibrate) for the monitor's estimated performance")
      .option("--record <file>", "the training run record (train --record)")
      .option("--comparison <file>", "its comparison with production (compare --out)")
      .option("--reason <text>", "why it is promoted (recorded with the move)", reasonOption)
      .option(
        "--pull-request <n>",
        "the pull request it came from",
        numberOption("--pull-request", { min: 1, integer: true }),
      )
      .option("--json", "print the result as JSON"),
  ).action(async (flags: PromoteFlags) => {
    const files: PromotionFiles = { model: { path: flags.model, bytes: readAssetFile(flags.model, "--model") } };
    if (flags.metrics) {
      files.metrics = {
        path: flags.metrics,
        bytes: readAssetFile(flags.metrics, "--metrics"),
        document: readResult<MetricsDocument>(flags.metrics, "modelguard.metrics"),
      };
    }
    if (flags.comparison) {
      files.comparison = {
        path: flags.comparison,
        bytes: readAssetFile(flags.comparison, "--comparison"),
        document: readResult<ComparisonResult>(flags.comparison, "modelguard.comparison"),
      };
    }
    if (flags.profile) {
      // Checked column by column, keeping nothing: only its bytes are published.
      readProfileColumns(flags.profile, () => null);
      files.profile = { path: flags.profile, bytes: readAssetFile(flags.profile, "--profile") };
    }
    if (flags.calibration) {
      readCalibration(flags.calibration);
      files.calibration = { path: flags.calibration, bytes: readAssetFile(flags.calibration, "--calibration") };
    }
    if (flags.record) {
      const bytes = readAssetFile(flags.record, "--record", 16 * 1024 * 1024);
      let doc: RunRecord | null = null;
      try {
        doc = JSON.parse(bytes.toString("utf8")) as RunRecord;
      } catch {
        doc = null;
      }
      if (!doc || doc.kind !== "modelguard.run" || typeof doc.command !== "string" || !Array.isArray(doc.data)) {
        throw new ModelguardError(
          "input",
          `${flags.record} is not a run record`,
          "pass the file `modelguard train --record FILE` wrote",
          {
            file: flags.record,
          },
        );
      }
      if (doc.outcome !== undefined && doc.outcome !== "succeeded") {
        // Records written before `outcome` existed are of successful runs only (a failed run wrote none).
        throw new ModelguardError(
          "input",
          `${flags.record} records a training run that did not succeed (${doc.outcome}, exit code ${doc.exit_code})`,
          "promote the model of a successful run, with that run's record",
          { file: flags.record },
        );
      }
      files.record = { path: flags.record, bytes, document: doc };
    }
    const registry = registryFromFlags(flags, io);
    const context = promotionContext();
    if (flags.pullRequest !== undefined) context.pullRequest = flags.pullRequest;
    const r = await promoteModel(registry, flags.name, files, context, flags.reason ?? null);
    for (const w of r.notice.warnings) (io.warning ?? ((m: string) => io.err(`warning: ${m}`)))(w);
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
        warnings: r.notice.warnings,
      },
      path: null,
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
            warnings: r.notice.warnings,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(
        `promoted ${r.name} v${r.version} to production in ${registry.uri} (was ${r.previous === null ? "none" : `v${r.previous}`}); tag ${r.tag}` +
          (r.notice.deployment
            ? `; deployed to ${r.notice.deployment.environment} (deployment ${r.notice.deployment.id})`
            : ""),
      );
    }
  });
}
