import { readdirSync, readFileSync } from "node:fs";

/** The environment variable that marks every process a training command starts, so escaped ones can be found. */
export const RUN_ID_VARIABLE = "MODELGUARD_RUN_ID";

export interface ProcessTree {
  /** The process group the command was started in (its shell's pid). */
  pgid: number;
  /** The value of MODELGUARD_RUN_ID given to the command. */
  runId: string;
}

const POLL_MS = 100;
const NUL = Buffer.from([0]);

/**
 * Ends every process a command started that can be reached: its process group, and on Linux the processes that left
 * the group (setsid, double fork) but still carry the run's environment marker. SIGTERM first; SIGKILL to whatever
 * is left after `graceMs`. Resolves as soon as nothing reachable is left, at the latest just after the SIGKILL.
 * A process that cleared its environment (env -i) cannot be found this way, nor anything where /proc is absent: the
 * caller must not wait on such a process (e.g. on pipes it holds).
 */
export async function stopProcessTree(tree: ProcessTree, graceMs: number): Promise<void> {
  const signalAll = (signal: NodeJS.Signals): void => {
    signalGroup(tree.pgid, signal);
    for (const pid of processesWithMarker(tree.runId)) signalProcess(pid, signal);
  };
  const anyLeft = (): boolean => groupExists(tree.pgid) || processesWithMarker(tree.runId).length > 0;
  if (!anyLeft()) return;
  signalAll("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
    if (!anyLeft()) return;
  }
  signalAll("SIGKILL");
}

/**
 * Pids of live processes whose environment has RUN_ID_VARIABLE=runId, from /proc/<pid>/environ (Linux; an empty
 * list elsewhere). Processes of other users are unreadable and skipped; zombies have an empty environ and are not
 * listed (they hold nothing open).
 */
export function processesWithMarker(runId: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  // NUL-delimited on both sides, so OTHER_MODELGUARD_RUN_ID=... does not match; NULs added at the ends stand in for the
  // start and a missing final terminator.
  const needle = Buffer.from(`\0${RUN_ID_VARIABLE}=${runId}\0`);
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`);
      if (Buffer.concat([NUL, environ, NUL]).includes(needle)) found.push(pid);
    } catch {
      // Ended between listing and reading, or another user's process.
    }
  }
  return found;
}

function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: not ours to signal, so there is nothing to wait for either.
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
