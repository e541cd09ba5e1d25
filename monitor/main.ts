/**
 * Runs the sidecar from a monitor.yml: `node --import tsx monitor/main.ts monitor.yml` (the CLI's `modelguard
 * monitor` does the same). SIGTERM/SIGINT: stop accepting, flush the journal, snapshot, exit 0.
 */
import { readMonitorConfig } from "./monitorConfig.js";
import { startMonitor } from "./startMonitor.js";
import { githubSenderFromEnv } from "./githubSender.js";

const path = process.argv[2] ?? "monitor.yml";
const config = readMonitorConfig(path);
const running = await startMonitor(config, { sender: githubSenderFromEnv(config, process.env) });
process.stdout.write(JSON.stringify({ msg: "listening", url: running.url }) + "\n");
const stop = () => {
  running.shutdown().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
