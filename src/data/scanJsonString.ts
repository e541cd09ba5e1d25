/**
 * The JSON string token scanner shared by the JSONL loader (src/data) and the monitor's batch parser: one place that
 * knows what a valid string token is (RFC 8259: the eight short escapes, `\uXXXX`, no raw control characters).
 * Allocation-free, for the hot paths of both: the result is the closing quote's index, or a negative problem code
 * with its position in `jsonStringScan.at`; `jsonStringScan.escaped` says whether the string had any escape.
 */
export const jsonStringScan = { at: 0, escaped: false };

export const STRING_BAD_ESCAPE = -1;
export const STRING_CONTROL_CHARACTER = -2;
export const STRING_UNCLOSED = -3;

const QUOTE = 34;
const BACKSLASH = 92;

/** Scans the string whose opening quote is at `q`, within buf[q, e). Example: on `"a\\nb",` at 0 it returns 5. */
export function scanJsonString(buf: Uint8Array, q: number, e: number): number {
  let escaped = false;
  let p = q + 1;
  while (p < e) {
    const c = buf[p]!;
    if (c === QUOTE) {
      jsonStringScan.escaped = escaped;
      return p;
    }
    if (c === BACKSLASH) {
      escaped = true;
      const n = buf[p + 1];
      if (n === 0x75 /* u */) {
        for (let k = 2; k < 6; k++) {
          if (p + k >= e || !isHexDigit(buf[p + k]!)) return problem(STRING_BAD_ESCAPE, p);
        }
        p += 6;
      } else if (
        n === QUOTE ||
        n === BACKSLASH ||
        n === 0x2f /* / */ ||
        n === 0x62 /* b */ ||
        n === 0x66 /* f */ ||
        n === 0x6e /* n */ ||
        n === 0x72 /* r */ ||
        n === 0x74 /* t */
      )
        p += 2;
      else return problem(STRING_BAD_ESCAPE, p);
      continue;
    }
    if (c < 0x20) return problem(STRING_CONTROL_CHARACTER, p);
    p++;
  }
  return problem(STRING_UNCLOSED, q);
}

function problem(code: number, at: number): number {
  jsonStringScan.at = at;
  return code;
}

function isHexDigit(c: number): boolean {
  const l = c | 32;
  return (c >= 48 && c <= 57) || (l >= 97 && l <= 102);
}
