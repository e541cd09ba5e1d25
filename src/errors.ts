/**
 * Errors are values with a stable code, a message that names where the problem is, and a hint that says what to do.
 * The CLI maps them to exit codes; nothing in the core calls process.exit.
 */
export type ErrorCode =
  | "usage" // bad flags or arguments
  | "input" // a data file cannot be read or parsed
  | "schema" // a schema file is invalid
  | "config" // a config file is invalid
  | "profile" // a profile file is invalid or incompatible
  | "model" // a model file is unreadable or does not fit the data
  | "train" // the user's training command failed or timed out
  | "io" // a file cannot be written
  | "registry" // a model registry is unusable, a version is missing or tampered with, or production moved under us
  | "github"; // a GitHub API call failed, or the Actions context (GITHUB_REPOSITORY, event payload) is unusable

export interface SourceLocation {
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 0-based data row (header excluded), the way reports count rows. */
  row?: number;
  column?: string;
}

export class ModelguardError extends Error {
  override readonly name = "ModelguardError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
  }

  /** Exit code for the CLI: every user error is 2; a failed check is reported as a result, not an error. */
  get exitCode(): number {
    return 2;
  }
}

export function isModelguardError(e: unknown): e is ModelguardError {
  return e instanceof ModelguardError;
}

/**
 * For `.catch` of a faster way that falls back to a plain one on bad input (which then reports the input's error
 * as it always did): null for a ModelguardError; anything else (a bug) is thrown on, not hidden by the fallback.
 */
export function nullOnModelguardError(e: unknown): null {
  if (e instanceof ModelguardError) return null;
  throw e;
}

/** "file.csv, line 12, column 'age'" — the prefix every located message uses. */
export function formatLocation(loc: SourceLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column !== undefined) parts.push(`column '${loc.column}'`);
  return parts.join(", ");
}

/**
 * The message with its location once. Located messages already start with formatLocation(location) and stay as
 * they are; one that starts with its file ("data.csv: ...") gets the rest of the location after the file
 * ("data.csv, line 3: ..."); any other gets the location in front.
 */
export function locatedMessage(message: string, loc: SourceLocation | undefined): string {
  if (!loc) return message;
  const where = formatLocation(loc);
  if (where === "" || message.startsWith(where)) return message;
  if (loc.file && message.startsWith(loc.file)) {
    const rest = message.slice(loc.file.length);
    return rest.startsWith(":") ? `${where}${rest}` : message;
  }
  return `${where}: ${message}`;
}
