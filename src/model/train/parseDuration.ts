import { ModelguardError } from "../../errors.js";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "2h", "90m", "1h30m", "45s", "500ms" or a bare number of seconds -> milliseconds. */
export function parseDuration(text: string, flag = "duration"): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    matched = re.lastIndex;
  }
  if (matched !== t.length || matched === 0 || !(total > 0)) {
    throw new ModelguardError("usage", `${flag} must be a duration like 90s, 30m, 2h or 1h30m, got '${text}'`);
  }
  return total;
}
