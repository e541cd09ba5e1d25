import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = mkdtempSync(join(tmpdir(), "modelguard-bin-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const launcher = fileURLToPath(new URL("../../bin/modelguard.js", import.meta.url));

/** A package directory with the launcher and these files of a build (path under build/src/cli -> text). */
function packageWith(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  mkdirSync(join(root, "bin"), { recursive: true });
  mkdirSync(join(root, "build/src/cli"), { recursive: true });
  copyFileSync(launcher, join(root, "bin/modelguard.js"));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, "build/src/cli", file), text);
  return join(root, "bin/modelguard.js");
}

function run(bin: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MAIN = `export async function main(argv) { console.log("main " + argv.join(" ")); return 3; }\n`;
const HEAP = `export function sizeHeapForCommand(argv) { console.log("sized for " + argv[0]); }\n`;

test("the launcher sizes the heap for the command, then runs main with the arguments and its exit code", () => {
  const r = run(packageWith("built", { "main.js": MAIN, "heapForCommand.js": HEAP }), "drift", "--json");
  assert.deepEqual(r, { code: 3, stdout: "sized for drift\nmain drift --json\n", stderr: "" });
});

test("without a build, or with one from older sources, the launcher says to build, exit 2, no stack trace", () => {
  const none = run(packageWith("none", {}), "--version");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^modelguard: the CLI is not built yet\. Run `npm run build`/);
  const stale = run(packageWith("stale", { "main.js": MAIN }), "--version");
  assert.equal(stale.code, 2);
  assert.match(stale.stderr, /^modelguard: the CLI is built from older sources\. Run `npm run build`/);
  assert.doesNotMatch(none.stderr + stale.stderr, /\n\s+at /);
});
