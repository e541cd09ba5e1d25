import { ModelguardError } from "../../errors.js";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The longest duration a flag takes unless it says otherwise: long enough for any CI job, short of nonsense. */
export const MAX_DURATION_MS = 30 * UNITS.d!;

/**
 * "2h", "90m", "1h30m", "45s", "500ms" or a bare number of seconds -> milliseconds, within [minMs, maxMs] (default
 * 1 ms to 30 days); a value outside is a usage error naming the flag and the range.
 */
export function parseDuration(
  text: string,
  flag = "duration",
  { minMs = 1, maxMs = MAX_DURATION_MS }: { minMs?: number; maxMs?: number } = {},
): number {
  const t = text.trim();
  let total = 0;
  if (/^\d+(\.\d+)?$/.test(t)) total = Number(t) * 1000;
  else {
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
    let matched = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      total += Number(m[1]) * UNITS[m[2]!]!;
      matched = re.lastIndex;
    }
    if (matched !== t.length || matched === 0) total = NaN;
  }
  if (!(total > 0)) {
    throw new ModelguardError("usage", `${flag} must be a duration like 90s, 30m, 2h or 1h30m, got '${text}'`);
  }
  if (total < minMs || total > maxMs) {
    throw new ModelguardError(
      "usage",
      `${flag} must be between ${formatDuration(minMs)} and ${formatDuration(maxMs)}, got '${text}'`,
    );
  }
  return total;
}

/** 2592000000 -> "30d", 90000 -> "1m30s", 1 -> "1ms": the largest units first, as parseDuration reads them. */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const unit of ["d", "h", "m", "s", "ms"]) {
    const size = UNITS[unit]!;
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join("") : "0ms";
}
