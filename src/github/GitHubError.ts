import { ModelguardError } from "../errors.js";

/** What went wrong with a GitHub call, in the terms a user can act on. */
export type GitHubErrorKind = "permission" | "not_found" | "rate_limited" | "server" | "too_long" | "other";

/**
 * A failed GitHub call as a ModelguardError (code "github"): the kind, the HTTP status (null when no response came
 * back, or when the call was refused before sending) and GitHub's request id for support. It never carries the
 * request, its headers or the token.
 */
export class GitHubError extends ModelguardError {
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    hint: string,
    readonly status: number | null = null,
    readonly requestId?: string,
  ) {
    super("github", message, hint);
  }
}

export function isGitHubError(e: unknown): e is GitHubError {
  return e instanceof GitHubError;
}
