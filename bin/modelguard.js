#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds it through the `prepare` script.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../build/src/cli/main.js", import.meta.url);
const heap = new URL("../build/src/cli/heapForCommand.js", import.meta.url);
const built = existsSync(fileURLToPath(entry));
if (!built || !existsSync(fileURLToPath(heap))) {
  console.error(
    `modelguard: the CLI is ${built ? "built from older sources" : "not built yet"}. Run \`npm run build\` (npm ci does it for you).`,
  );
  process.exit(2);
}
const argv = process.argv.slice(2);
// Before the command's modules load: the heap's young generation is sized from the start.
const { sizeHeapForCommand } = await import(heap.href);
sizeHeapForCommand(argv);
const { main } = await import(entry.href);
process.exitCode = await main(argv);
