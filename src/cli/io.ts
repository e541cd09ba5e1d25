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

/**
 * Writes text given in pieces to io.out in parts of about a megabyte, each ending at a line break: the same output as
 * io.out(pieces joined), but a report of 100,000 columns is never one string.
 */
export function outParts(io: CliIO, parts: Iterable<string>): void {
  let pending = "";
  for (const part of parts) {
    pending += part;
    if (pending.length < 1 << 16) continue;
    const cut = pending.lastIndexOf("\n");
    if (cut < 0) continue;
    // With its line break, so io.out adds none.
    io.out(pending.slice(0, cut + 1));
    pending = pending.slice(cut + 1);
  }
  if (pending.length > 0) io.out(pending);
}

/** Lines as pieces of their text joined by line breaks (see outParts). */
export function* joinLines(lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of lines) {
    yield first ? line : "\n" + line;
    first = false;
  }
}

/** A plain-text table with aligned columns; numbers right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  return [...formatTableLines(header, rows.length, (i) => rows[i]!)].join("\n");
}

/**
 * formatTable's lines, row `i` made by `row(i)` when needed (twice: once for the widths, once to write it), so a table
 * of 100,000 rows is not held as rows and cells.
 */
export function* formatTableLines(
  header: string[],
  count: number,
  row: (i: number) => (string | number)[],
): Generator<string> {
  const widths = header.map((h) => h.length);
  const numeric = header.map(() => count > 0);
  for (let i = 0; i < count; i++) {
    const r = row(i);
    for (let k = 0; k < header.length; k++) {
      const c = r[k];
      if (typeof c !== "number") numeric[k] = false;
      widths[k] = Math.max(widths[k]!, (typeof c === "number" ? formatNumber(c) : (c ?? "")).length);
    }
  }
  const line = (r: (string | number)[]) =>
    r
      .map((c, k) => {
        const text = typeof c === "number" ? formatNumber(c) : c;
        return numeric[k] ? text.padStart(widths[k]!) : text.padEnd(widths[k]!);
      })
      .join("  ")
      .trimEnd();
  yield line(header);
  yield widths.map((w) => "-".repeat(w)).join("  ");
  for (let i = 0; i < count; i++) yield line(row(i));
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
