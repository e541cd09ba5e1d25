import { spawn, execFileSync, type ChildProcessByStdio } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { arch, constants as osConstants, cpus, platform, release, totalmem } from "node:os";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { ModelguardError } from "../../errors.js";
import { setLongTimeout, type LongTimeout } from "../../setLongTimeout.js";
import { readOnnxModelInfo } from "../onnx/readOnnxModelInfo.js";
import { formatDuration } from "./parseDuration.js";
import { RUN_ID_VARIABLE, stopProcessTree } from "./stopProcessTree.js";

export interface RunTrainingOptions {
  command: string;
  cwd?: string;
  timeoutMs?: number;
  /** The model file the command must produce (relative to cwd). */
  model?: string;
  /** Data files to fingerprint in the run record. */
  data?: string[];
  /** Where the child's output goes while it runs; defaults to this process's stdout/stderr. */
  out?: (chunk: Buffer) => void;
  err?: (chunk: Buffer) => void;
  /** Grace between SIGTERM and SIGKILL on timeout. */
  killGraceMs?: number;
}

export interface RunRecord {
  kind: "modelguard.run";
  version: 1;
  command: string;
  cwd: string;
  start: string;
  end: string;
  duration_ms: number;
  /** succeeded; failed (a non-zero exit); timed_out (stopped at --timeout); cancelled (a signal). */
  outcome: RunOutcome;
  /** 0 on success; the command's exit code, 124 on a timeout, 128 + the signal's number when cancelled. */
  exit_code: number;
  /** Why the run failed, with the command's last output lines; absent on success. */
  error?: string;
  /** Highest total resident memory of the command's process tree, sampled every 250 ms (Linux); null elsewhere. */
  peak_memory_bytes: number | null;
  git_commit: string | null;
  data: { path: string; sha256: string; bytes: number }[];
  model: { path: string; sha256: string; bytes: number; inputs: string[]; outputs: string[] } | null;
  environment: { node: string; os: string; arch: string; cpu: string; cpus: number; memory_bytes: number };
}

export type RunOutcome = "succeeded" | "failed" | "timed_out" | "cancelled";

/**
 * The command failed or timed out: the CLI exits with the command's own exit code (124 on timeout, like timeout(1)).
 * `record` is the run record of the failed run, for `--record`: a failed CI run is the one whose facts are needed.
 */
export class TrainingFailedError extends ModelguardError {
  constructor(
    message: string,
    hint: string,
    readonly childExitCode: number,
    readonly record?: RunRecord,
  ) {
    super("train", message, hint);
  }
  override get exitCode(): number {
    return this.childExitCode;
  }
}

const TAIL_LINES = 20;
/** How long to wait for an exit or for the pipes to close once everything reachable was stopped. */
const EXIT_WAIT_MS = 2000;
/** Signals that end modelguard while the command runs, passed on to it first: Ctrl-C, a CI cancel, a closed terminal. */
const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** After a forwarded signal, how long the command gets to stop on its own, and then after SIGTERM (at most). */
const SIGNAL_GRACE_MS = 2000;

/**
 * Runs the user's training command through the shell with the environment passed through, streaming its output live.
 * It runs in its own process group with MODELGUARD_RUN_ID=<random> in its environment, so a timeout (and the end of
 * the command) ends every process it started that can be found, not only the shell: the group, and on Linux the
 * descendants that left it (setsid) but carry the marker; SIGTERM, then SIGKILL after a grace period. Pipes held by
 * a process that could not be found are abandoned, not waited on. On success the model file must exist and parse
 * as ONNX.
 *
 * Being in its own group, the command gets no Ctrl-C or CI cancel of its own: while it runs, SIGINT, SIGTERM and
 * SIGHUP to this process are passed on to its group, everything left after a short grace is stopped like at a
 * timeout, and the run fails with 128 + the signal's number, as a shell would report it.
 */
export async function runTraining(options: RunTrainingOptions): Promise<RunRecord> {
  const cwd = resolve(options.cwd ?? ".");
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new ModelguardError("usage", `--cwd ${cwd} is not a directory`);
  }
  const data = await Promise.all((options.data ?? []).map((p) => fingerprint(resolve(cwd, p), p)));
  const started = new Date();
  const tail = new OutputTail(TAIL_LINES);
  const tree = { pgid: 0, runId: randomBytes(16).toString("hex") };
  let interrupted: NodeJS.Signals | undefined;
  let resolveInterrupted: (stopped: Promise<void>) => void = () => {};
  // Resolves once a forwarded signal has stopped everything reachable; never without a signal.
  const stoppedAfterSignal = new Promise<Promise<void>>((r) => (resolveInterrupted = r)).then((stopped) => stopped);
  const onSignal = (received: NodeJS.Signals): void => {
    // A second signal while stopping changes nothing: the stop below is bounded.
    if (interrupted !== undefined || !child.pid) return;
    interrupted = received;
    const pgid = child.pid;
    try {
      process.kill(-pgid, received);
    } catch {
      // The group is already gone.
    }
    const grace = Math.min(graceMs, SIGNAL_GRACE_MS);
    resolveInterrupted(within(exited, grace).then(() => stopProcessTree({ ...tree, pgid }, grace)));
  };
  // Listening before the command starts: a signal that came between its start and these listeners (this thread
  // descheduled on a busy machine while the command already ran) would end modelguard with the default action and
  // leave the command running. A listener runs only once this synchronous start is done, when `child` exists.
  for (const s of FORWARDED_SIGNALS) process.on(s, onSignal);
  let child: ChildProcessByStdio<null, Readable, Readable>;
  try {
    child = spawn(options.command, {
      cwd,
      env: { ...process.env, [RUN_ID_VARIABLE]: tree.runId },
      shell: true,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    for (const s of FORWARDED_SIGNALS) process.off(s, onSignal);
    throw e;
  }
  const out = options.out ?? ((c: Buffer) => process.stdout.write(c));
  const err = options.err ?? ((c: Buffer) => process.stderr.write(c));
  child.stdout.on("data", (c: Buffer) => {
    out(c);
    tail.push(c);
  });
  child.stderr.on("data", (c: Buffer) => {
    err(c);
    tail.push(c);
  });
  const closed = new Promise<boolean>((resolveClose) => child.once("close", () => resolveClose(true)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, reject) => {
    child.once("error", reject);
    child.once("exit", (c, s) => resolveExit({ code: c, signal: s }));
  });
  const graceMs = options.killGraceMs ?? 5000;

  let peak: number | null = platform() === "linux" ? 0 : null;
  const sampler = setInterval(() => {
    if (peak !== null && child.pid) peak = Math.max(peak, processGroupRss(child.pid));
  }, 250);
  let timedOut = false;
  let timer: LongTimeout | undefined;
  // Resolves once a timeout has fired and everything reachable was stopped; never without a timeout.
  const stoppedAfterTimeout = new Promise<void>((resolveStopped) => {
    if (options.timeoutMs === undefined) return;
    timer = setLongTimeout(() => {
      timedOut = true;
      void stopProcessTree({ ...tree, pgid: child.pid! }, graceMs).then(resolveStopped, resolveStopped);
    }, options.timeoutMs);
  });

  let exit: { code: number | null; signal: NodeJS.Signals | null };
  try {
    try {
      // After a timeout or a signal the shell is dead or dying; should it not report its exit (stuck in the kernel),
      // stop waiting.
      exit =
        (await Promise.race([
          exited,
          stoppedAfterTimeout.then(() => within(exited, EXIT_WAIT_MS)),
          stoppedAfterSignal.then(() => within(exited, EXIT_WAIT_MS)),
        ])) ?? ({ code: null, signal: "SIGKILL" } as const);
    } finally {
      clearInterval(sampler);
      timer?.cancel();
    }
    // A signal that arrived as the command ended still stops what it left, within the same bound.
    if (interrupted !== undefined) await stoppedAfterSignal;
    // Whatever the command left behind goes too: its group, and what escaped the group but carries the run's marker.
    // Only then can the pipes close: a stray background process would otherwise hold our stdout open forever.
    await stopProcessTree({ ...tree, pgid: child.pid! }, interrupted !== undefined ? 0 : graceMs);
    // A descendant nothing could reach (no /proc, or it cleared its environment) may still hold the pipes: after a
    // short wait for the output still in them, stop reading rather than wait for it.
    if (!(await within(closed, EXIT_WAIT_MS))) {
      child.stdout.destroy();
      child.stderr.destroy();
    }
    // A signal that came during the clean-up above: let its stop finish before the handlers go.
    if (interrupted !== undefined) await stoppedAfterSignal;
  } finally {
    for (const s of FORWARDED_SIGNALS) process.off(s, onSignal);
  }
  const { code, signal } = exit;
  const ended = new Date();
  const lastLines = tail.lines();
  const recordOf = (outcome: RunOutcome, exitCode: number, model: RunRecord["model"], error?: string): RunRecord => ({
    kind: "modelguard.run",
    version: 1,
    command: options.command,
    cwd,
    start: started.toISOString(),
    end: ended.toISOString(),
    duration_ms: ended.getTime() - started.getTime(),
    outcome,
    exit_code: exitCode,
    ...(error !== undefined ? { error } : {}),
    peak_memory_bytes: peak,
    git_commit: gitCommit(cwd),
    data,
    model,
    environment: {
      node: process.version,
      os: `${platform()} ${release()}`,
      arch: arch(),
      cpu: cpus()[0]?.model ?? "unknown",
      cpus: cpus().length,
      memory_bytes: totalmem(),
    },
  });
  const failed = (outcome: RunOutcome, message: string, hint: string, exitCode: number) =>
    new TrainingFailedError(message, hint, exitCode, recordOf(outcome, exitCode, null, message));

  if (interrupted !== undefined) {
    throw failed(
      "cancelled",
      `modelguard received ${interrupted} and stopped the training command${lastLines ? `; last output:\n${lastLines}` : ""}`,
      "the run was cancelled (Ctrl-C, a CI cancel or a closed terminal); start it again to train",
      128 + signalNumber(interrupted),
    );
  }
  if (timedOut) {
    throw failed(
      "timed_out",
      `training command timed out after ${formatDuration(options.timeoutMs!)} and was stopped${lastLines ? `; last output:\n${lastLines}` : ""}`,
      "raise --timeout, or make the training faster (a smaller sample for CI?)",
      124,
    );
  }
  const exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
  if (exitCode !== 0) {
    throw failed(
      "failed",
      `training command failed with exit code ${exitCode}${signal ? ` (${signal})` : ""}${lastLines ? `; last output:\n${lastLines}` : ""}`,
      "run the command by hand in the same directory to see the whole error",
      exitCode,
    );
  }

  let model: RunRecord["model"] = null;
  if (options.model) {
    const path = resolve(cwd, options.model);
    if (!existsSync(path)) {
      throw new ModelguardError(
        "model",
        `training finished but did not write the model ${options.model} (looked in ${cwd})`,
        "check --model matches where your script saves the ONNX file (paths are relative to --cwd)",
        { file: path },
      );
    }
    const bytes = readFileSync(path);
    const info = readOnnxModelInfo(bytes, options.model);
    model = {
      path: options.model,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
      inputs: info.inputs.map((i) => i.name),
      outputs: info.outputs.map((o) => o.name),
    };
  }
  return recordOf("succeeded", 0, model);
}

/** The promise's value, or undefined when it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sum of VmRSS over the processes of a process group, from /proc. */
function processGroupRss(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

function gitCommit(cwd: string): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

async function fingerprint(path: string, label: string): Promise<RunRecord["data"][number]> {
  if (!existsSync(path)) {
    throw new ModelguardError(
      "usage",
      `data file not found: ${label}`,
      "--data names files to fingerprint in run.json; check the path",
    );
  }
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: label, sha256: hash.digest("hex"), bytes };
}

/** The signal's number on this platform (SIGUSR1 is 10 on Linux, 30 on macOS), as shells report 128 + n. */
function signalNumber(signal: NodeJS.Signals): number {
  return osConstants.signals[signal] ?? 0;
}

/** Keeps the last N lines of a byte stream. */
class OutputTail {
  private text = "";
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    this.text += chunk.toString("utf8");
    if (this.text.length > 64_000) this.text = this.text.slice(-32_000);
  }
  lines(): string {
    return this.text.trimEnd().split("\n").slice(-this.max).join("\n");
  }
}
