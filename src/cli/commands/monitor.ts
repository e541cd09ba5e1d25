import type { Command } from "commander";
import { readMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../../monitor/startMonitor.js";
import { githubSenderFromEnv } from "../../../monitor/alerts/githubSender.js";
import { checkDriftColumns, predictionColumnOf } from "../../../monitor/windows/driftMonitor.js";
import type { CliIO } from "../io.js";
import { ModelguardError } from "../../errors.js";
import { stringifyContract } from "../../contracts/contractJson.js";
import type { ReplayResult } from "../../../monitor/replay/replayPredictionLog.js";

/** `modelguard monitor`: runs the drift monitor sidecar until SIGTERM/SIGINT (then flushes, snapshots, exits 0). */
export function registerMonitor(program: Command, io: CliIO, exit: { code: number }): void {
  const monitor = program
    .command("monitor")
    // `monitor replay --config x`: options after `replay` are replay's own.
    .enablePositionalOptions()
    .description("run the drift monitor sidecar: ingest events, drift per window, alerts to GitHub")
    .option("--config <file>", "monitor config (YAML)", "monitor.yml")
    .option("--check", "validate the config and the reference profile, then exit")
    .action(async (flags: { config: string; check?: boolean }) => {
      const config = readMonitorConfig(flags.config);
      if (flags.check) {
        const { readProfile } = await import("../../profile/profileFile.js");
        // A registry reference: production's profile, fetched and verified as a start would.
        const production = config.referenceRegistry
          ? await (
              await import("../../../monitor/reference/ProductionReference.js")
            ).ProductionReference.fromConfig(config, process.env).load()
          : null;
        const profile = production ? production.profile : readProfile(config.reference);
        // estimation: its calibration (the file, or production's) read and checked as a start would.
        const { loadEstimator } = await import("../../../monitor/performance/loadEstimator.js");
        loadEstimator(config, production?.calibration ?? null);
        // The same checks a start makes: a drift.columns override or a prediction.column the profile lacks stops it.
        checkDriftColumns(config, profile);
        // And the ingest token: an anonymous config on an address others can reach would not start.
        const { ingestAuthFromEnv } = await import("../../../monitor/ingest/ingestAuth.js");
        ingestAuthFromEnv(config, process.env, { warn: () => {} });
        const predictions = predictionColumnOf(config, profile);
        io.out(
          `${flags.config}: ok (model ${config.model}, ${Object.keys(profile.columns).length} reference columns` +
            `${predictions === null ? ", no prediction drift" : `, predictions vs '${predictions}'`})`,
        );
        return;
      }
      const running = await startMonitor(config, { sender: githubSenderFromEnv(config, process.env) });
      io.err(`modelguard monitor: listening on ${running.url}`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGTERM", stop);
          process.off("SIGINT", stop);
          process.off("SIGHUP", reload);
          running.shutdown().then(resolve, (e: Error) => {
            io.err(`modelguard monitor: shutdown failed: ${e.message}`);
            exit.code = 1;
            resolve();
          });
        };
        // SIGHUP: the reference again (the profile file, or the registry's production), from the next window.
        const reload = () => {
          running.reloadReference().then(
            (to) => io.err(`modelguard monitor: ${to === null ? "reference unchanged" : `reference reloaded: ${to}`}`),
            (e: Error) => io.err(`modelguard monitor: reloading the reference failed: ${e.message}`),
          );
        };
        process.on("SIGTERM", stop);
        process.on("SIGINT", stop);
        process.on("SIGHUP", reload);
      });
    });
  registerMonitorReplay(monitor, io);
}

/**
 * `modelguard monitor replay --config monitor.yml --from log.jsonl[.gz]`: historical traffic through the monitor's
 * windows and alert policy. A dry run unless `--send`: it prints what would have been alerted, window by window.
 */
function registerMonitorReplay(monitor: Command, io: CliIO): void {
  monitor
    .command("replay")
    .description("run a prediction log through the monitor's windows and alert policy (dry run unless --send)")
    .option("--config <file>", "monitor config (YAML)", "monitor.yml")
    .requiredOption("--from <file>", "prediction log: JSONL, one event per line ({ts, features, prediction?}); .gz too")
    .option("--json", "print the replay (windows and alerts) as JSON on stdout")
    .option("--send", "send the alerts to GitHub (GITHUB_TOKEN), in order; without it nothing is sent")
    .action(async (flags: { config: string; from: string; json?: boolean; send?: boolean }) => {
      const config = readMonitorConfig(flags.config);
      const { replayPredictionLog } = await import("../../../monitor/replay/replayPredictionLog.js");
      let sender = null;
      if (flags.send) {
        sender = githubSenderFromEnv(config, process.env);
        if (!sender)
          throw new ModelguardError(
            "usage",
            "monitor replay --send needs a GitHub token: GITHUB_TOKEN is not set",
            "set GITHUB_TOKEN (and github.repository in the config), or leave out --send for a dry run",
          );
      }
      const r = await replayPredictionLog(config, { from: flags.from, sender });
      if (flags.json) return io.out(stringifyContract(r, 2));
      io.out(formatReplay(r));
    });
}

/** The replay for a terminal: one line per window, the alerts under the window that decided them. */
function formatReplay(r: ReplayResult): string {
  const lines = [
    `replay of ${r.from} for model ${r.model}: ${r.events} events in ${r.windows.length} closed windows` +
      (r.model_version ? ` against production ${r.model_version}` : "") +
      (r.sent ? "" : " (dry run: nothing sent)"),
  ];
  const extra = [
    r.malformed.count ? `${r.malformed.count} malformed lines skipped (first: line ${r.malformed.first[0]!.line})` : "",
    r.late_events ? `${r.late_events} late events` : "",
    r.invalid_ts ? `${r.invalid_ts} events without a usable ts` : "",
    r.open_events ? `${r.open_events} events in a window still open at the end` : "",
  ].filter(Boolean);
  if (extra.length) lines.push(`  ${extra.join("; ")}`);
  const byWindow = new Map<number, ReplayResult["alerts"]>();
  for (const a of r.alerts) byWindow.set(a.window, [...(byWindow.get(a.window) ?? []), a]);
  for (const w of r.windows) {
    const verdict = w.dataset_drifted === null ? "not tested" : w.dataset_drifted ? "DRIFT" : "ok";
    const drifted = w.drifted_features.length
      ? ` (${w.drifted_features.map((f) => JSON.stringify(f)).join(", ")})`
      : "";
    lines.push(`window ${w.window}  ${w.started_at} .. ${w.closed_at}  ${w.events} events  ${verdict}${drifted}`);
    for (const a of byWindow.get(w.window) ?? [])
      lines.push(`  -> ${r.sent ? "sent" : "would"} ${a.kind}: ${a.method} ${a.path}`);
  }
  if (r.alerts.length === 0) lines.push("no alerts");
  if (r.unsent?.length) lines.push(`not sent: ${r.unsent.join(", ")}${r.send_error ? ` (${r.send_error})` : ""}`);
  return lines.join("\n");
}
