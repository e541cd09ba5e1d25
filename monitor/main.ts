/**
 * Runs the sidecar from a monitor.yml: `node --import tsx monitor/main.ts monitor.yml` (the CLI's `modelguard
 * monitor` does the same). SIGTERM/SIGINT: stop accepting, flush the journal, snapshot, exit 0. SIGHUP: reload the
 * reference (switched at the next window boundary). A bad config, token or
 * `listen` address exits 2 with the message and hint, as the CLI does; a bug of ours exits 70 with its stack.
 */
import { exitCodeForError } from "../src/cli/exitCodeForError.js";
import { processIO } from "../src/cli/io.js";
import { readMonitorConfig } from "./config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "./startMonitor.js";
import { githubSenderFromEnv } from "./alerts/githubSender.js";

const path = process.argv[2] ?? "monitor.yml";
let running: RunningMonitor;
try {
  const config = readMonitorConfig(path);
  running = await startMonitor(config, { sender: githubSenderFromEnv(config, process.env) });
} catch (e) {
  process.exit(exitCodeForError(e, processIO));
}
process.stdout.write(JSON.stringify({ msg: "listening", url: running.url }) + "\n");
const stop = () => {
  running.shutdown().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
// SIGHUP: the reference again (the profile file, or the registry's production now), switched at the next window.
process.on("SIGHUP", () => {
  running.reloadReference().catch((e: Error) => {
    process.stderr.write(JSON.stringify({ msg: "reloading the reference failed", err: e.message }) + "\n");
  });
});
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
