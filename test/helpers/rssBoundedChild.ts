import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface BoundedRun {
  code: number | null;
  out: string;
  /** The last 4,000 characters of stderr. */
  err: string;
  /** The highest resident memory seen (sampled from /proc every 25 ms), in MB. */
  peakMb: number;
}

/**
 * Runs `node --max-old-space-size=256 --import tsx <script> ...args` and kills it (SIGKILL) as soon as its resident
 * memory passes `limitMb` or it runs for 2 minutes: a memory test fails on the limit instead of filling the machine.
 * The script should print its own `process.resourceUsage().maxRSS` too, for what the sampling misses (no /proc).
 *
 * `heapMb: null` leaves V8 its own heap limit, as the CLI runs: a test about garbage V8 has not collected yet needs
 * that, since a small heap cap makes V8 collect sooner and hides it. `nodeArgs` go to node before the script
 * (`--expose-gc`, a young generation held small); a `limitMb` of Infinity only bounds the time.
 */
export async function runRssBounded(
  script: string,
  args: string[],
  limitMb: number,
  { heapMb = 256, nodeArgs = [] }: { heapMb?: number | null; nodeArgs?: readonly string[] } = {},
): Promise<BoundedRun> {
  const heap = heapMb === null ? [] : [`--max-old-space-size=${heapMb}`];
  const child = spawn(process.execPath, [...heap, ...nodeArgs, "--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  let peakMb = 0;
  const watch = setInterval(() => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (rss) peakMb = Math.max(peakMb, Number(rss[1]) / 1024);
      if (peakMb > limitMb) child.kill("SIGKILL");
    } catch {
      // no /proc (macOS), or the child has just exited: its own maxRSS report is checked by the caller
    }
  }, 25);
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearInterval(watch);
  clearTimeout(timeout);
  return { code, out, err, peakMb };
}
