// `npm run bench -- <name> [args]`: each benchmark prints ratios against a peer measured in the same run.
import { spawnSync } from "node:child_process";
import { benchCompare } from "./compare.js";
import { benchDrift } from "./drift.js";
import { benchEvaluate } from "./evaluate.js";
import { benchMonitor } from "./monitor.js";
import { benchParquet } from "./parquet.js";
import { benchProfile } from "./profile.js";

const benches: Record<string, (args: string[]) => void | Promise<void>> = {
  compare: benchCompare,
  drift: benchDrift,
  evaluate: benchEvaluate,
  monitor: benchMonitor,
  parquet: benchParquet,
  profile: benchProfile,
};
const [name, ...args] = process.argv.slice(2);
const selected = name ? [name] : Object.keys(benches);
for (const n of selected) {
  const run = benches[n];
  if (!run) {
    console.error(`unknown benchmark '${n}'; available: ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
  // Benchmarks time the built CLI, as users run it.
  const build = spawnSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  await run(args);
}
