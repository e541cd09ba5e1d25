import type { Command } from "commander";
import { readMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../../monitor/startMonitor.js";
import { githubSenderFromEnv } from "../../../monitor/alerts/githubSender.js";
import { checkDriftColumns, predictionColumnOf } from "../../../monitor/windows/driftMonitor.js";
import type { CliIO } from "../io.js";

/** `modelguard monitor`: runs the drift monitor sidecar until SIGTERM/SIGINT (then flushes, snapshots, exits 0). */
export function registerMonitor(program: Command, io: CliIO, exit: { code: number }): void {
  program
    .command("monitor")
    .description("run the drift monitor sidecar: ingest events, drift per window, alerts to GitHub")
    .option("--config <file>", "monitor config (YAML)", "monitor.yml")
    .option("--check", "validate the config and the reference profile, then exit")
    .action(async (flags: { config: string; check?: boolean }) => {
      const config = readMonitorConfig(flags.config);
      if (flags.check) {
        const { readProfile } = await import("../../profile/profileFile.js");
        const profile = readProfile(config.reference);
        // The same checks a start makes: a drift.columns override or a prediction.column the profile lacks stops it.
        checkDriftColumns(config, profile);
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
          running.shutdown().then(resolve, (e: Error) => {
            io.err(`modelguard monitor: shutdown failed: ${e.message}`);
            exit.code = 1;
            resolve();
          });
        };
        process.on("SIGTERM", stop);
        process.on("SIGINT", stop);
      });
    });
}
