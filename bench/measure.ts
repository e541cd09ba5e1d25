import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Measurement {
  seconds: number;
  /** User + system CPU time of the command and its children (every thread). */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
}

// Python's getrusage(RUSAGE_CHILDREN) gives the child's peak RSS; Node has no equivalent for child processes.
const WRAPPER = `
import resource, subprocess, sys, time, json
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)
dt = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(json.dumps({"seconds": dt, "cpu": u.ru_utime + u.ru_stime, "rss_kb": u.ru_maxrss, "code": r.returncode}) + "\\n")
sys.stdout.buffer.write(r.stdout)
`;

/** Runs a command once, returning wall time, peak resident memory and stdout. */
export function measure(argv: string[], env: NodeJS.ProcessEnv = process.env): Measurement {
  const r = spawnSync("/usr/bin/python3", ["-c", WRAPPER, ...argv], { env, maxBuffer: 1 << 30, encoding: "utf8" });
  const lines = r.stderr.trim().split("\n");
  const stats = JSON.parse(lines[lines.length - 1]!) as { seconds: number; cpu: number; rss_kb: number; code: number };
  if (stats.code !== 0 && stats.code !== 1) {
    throw new Error(`${argv.join(" ")} exited with ${stats.code}:\n${lines.slice(0, -1).join("\n")}`);
  }
  return { seconds: stats.seconds, cpuSeconds: stats.cpu, peakRssMb: stats.rss_kb / 1024, stdout: r.stdout };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface ProcessSample {
  /** Resident memory now, and its peak so far (VmHWM), in MB. */
  rssMb: number;
  peakRssMb: number;
  /** User + system CPU time the process has used, in seconds: all its threads, and its main thread alone. */
  cpuSeconds: number;
  mainThreadCpuSeconds: number;
}

/** Memory and CPU time of a running process, from Linux's /proc. */
export function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return {
    rssMb: kb("VmRSS") / 1024,
    peakRssMb: kb("VmHWM") / 1024,
    cpuSeconds: cpuSecondsOf(`/proc/${pid}/stat`),
    mainThreadCpuSeconds: cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`),
  };
}

/**
 * Fields 14 and 15 of a /proc stat file (counted past the parenthesised command name) are utime and stime, in clock
 * ticks of USER_HZ, which Linux fixes at 100 for this interface.
 */
function cpuSecondsOf(path: string): number {
  const stat = readFileSync(path, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
