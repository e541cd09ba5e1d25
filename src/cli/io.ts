import { writeOutputFile } from "../outputFile.js";
import type { CommandResult } from "./commandResult.js";
import { neutralizeWorkflowCommands } from "./neutralizeWorkflowCommands.js";

/** Where a command writes: stdout for results, stderr for humans' progress and warnings. Swappable in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Told the URL of the PR comment a command created or updated (the Action's `comment-url` output). */
  commentPosted?(url: string): void;
  /**
   * A warning for the run's summary page. The Action gives core.warning, which escapes the message (it quotes
   * GitHub's answers); without it, a command writes the annotation line itself (see workflowWarning).
   */
  warning?(message: string): void;
  /** Given each result a command produced or rendered, as a value (the Action's verdict and outputs come from these). */
  result?(result: CommandResult): void;
}

/**
 * The process's stdout/stderr. Inside a GitHub Actions step (`run: modelguard ...`) the runner reads every output
 * line for workflow commands, and our tables start rows with column names (data): there every line is made inert
 * (neutralizeWorkflowCommands) and a warning is the one annotation we write on purpose.
 */
export function processIOFor(
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): CliIO {
  const inWorkflow = env.GITHUB_ACTIONS === "true";
  const line = (t: string) => {
    const text = t.endsWith("\n") ? t : t + "\n";
    return inWorkflow ? neutralizeWorkflowCommands(text) : text;
  };
  return {
    out: (t) => void stdout.write(line(t)),
    err: (t) => void stderr.write(line(t)),
    warning: (message) => void stderr.write((inWorkflow ? workflowWarning(message) : `warning: ${message}`) + "\n"),
  };
}

export const processIO: CliIO = processIOFor(process.env, process.stdout, process.stderr);

export function writeJsonFile(path: string, value: unknown): void {
  writeOutputFile(path, JSON.stringify(value, null, 2) + "\n");
}

/** A plain-text table with aligned columns; numbers right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number"));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(3);
  return v.toFixed(4);
}

/**
 * `::warning title=modelguard::<message>` with the message escaped the way @actions/core's escapeData does (%, CR and
 * LF encoded), so whatever it quotes stays data on one line and cannot start a workflow command of its own.
 */
export function workflowWarning(message: string): string {
  return `::warning title=modelguard::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}`;
}
