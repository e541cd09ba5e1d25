// A fleet member as its own process, for the kill -9 test: starts the monitor of the config named in argv[2] on a free
// port with fast timers, prints {"url": ...} on stdout once it listens, and runs until killed.
import { pino } from "pino";
import { readMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../../monitor/startMonitor.js";

const config = readMonitorConfig(process.argv[2]!);
const m = await startMonitor(config, {
  port: 0,
  env: {},
  sender: null,
  logger: pino({ level: "error" }, pino.destination(2)),
  tickIntervalMs: 100,
});
process.stdout.write(JSON.stringify({ url: m.url }) + "\n");
process.on("SIGTERM", () => void m.shutdown().then(() => process.exit(0)));
