// Ctrl-C or a CI cancel reaches modelguard, not the training command in its own process group: modelguard must pass
// the signal on and stop what the command started, or `sleep` (or a GPU job) runs on after the CLI exited.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "mg-train-signal-"));
const pids: number[] = [];
after(() => {
  // Whatever a failed test left running goes here, so the failure does not outlive the test.
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone, as it should be
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

// The CLI as bin/modelguard.js runs it, from the sources (no build).
const CLI =
  'const { main } = await import(process.cwd() + "/src/cli/main.ts"); process.exitCode = await main(process.argv.slice(1));';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    assert.equal((e as NodeJS.ErrnoException).code, "ESRCH");
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const [signal, name] of [
  ["SIGTERM", "sleep"],
  ["SIGINT", "escaped"],
] as const) {
  test(`${signal} to train --run: the command and what it started are stopped, exit 128 + ${osConstants.signals[signal]}`, async () => {
    const sub = join(dir, `${signal}-${name}`);
    const sleepPid = join(dir, `${signal}.sleep.pid`);
    const escapedPid = join(dir, `${signal}.escaped.pid`);
    // One child in the group, one that left it (setsid): both write their pid, the marker that the run started.
    const command = `setsid sleep 78 & echo $! > ${escapedPid}; sleep 77 & echo $! > ${sleepPid}; wait`;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        CLI,
        "--",
        "train",
        "--run",
        command,
        "--cwd",
        dir,
        "--record",
        `${sub}.json`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    await waitFor(
      () => existsSync(sleepPid) && readFileSync(sleepPid, "utf8").trim() !== "",
      20_000,
      "the command to start",
    );
    await waitFor(() => existsSync(escapedPid) && readFileSync(escapedPid, "utf8").trim() !== "", 5_000, "setsid");
    const started = [sleepPid, escapedPid].map((f) => Number(readFileSync(f, "utf8")));
    pids.push(...started);
    assert.ok(started.every(alive));
    child.kill(signal);
    const code = await Promise.race([exited, new Promise<"late">((r) => setTimeout(() => r("late"), 15_000))]);
    assert.equal(code, 128 + osConstants.signals[signal], stderr);
    assert.match(stderr, new RegExp(`received ${signal} and stopped the training command`));
    for (const pid of started) assert.equal(alive(pid), false, `process ${pid} survived modelguard's exit`);
  });
}
