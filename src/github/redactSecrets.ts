/**
 * Removes tokens from text before it reaches a log line or an error message: the client's own token wherever it
 * appears, and anything shaped like a GitHub token (`ghp_…`, `ghs_…`, `github_pat_…`) or an `Authorization` value.
 *
 * @example redactSecrets("token ghs_abc123…", "ghs_abc123…") === "token [REDACTED]"
 */
export function redactSecrets(text: string, token?: string): string {
  let out = text;
  if (token && token.length >= 4) out = out.split(token).join("[REDACTED]");
  return out
    .replace(/\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{22,})\b/g, "[REDACTED]")
    .replace(
      /\b(authorization["']?\s*[:=]\s*["']?(?:token|bearer|basic)\s+)(?!\[REDACTED\])[^\s"',}]+/gi,
      "$1[REDACTED]",
    );
}
