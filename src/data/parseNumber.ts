/**
 * Decimal number parsing straight from bytes, the hot path of every CSV load.
 *
 * Grammar (ASCII): `[+-]? (digits [. digits?]? | . digits) ([eE] [+-]? digits)?`, plus `inf`, `infinity` and
 * `nan` in any case with an optional sign. No surrounding whitespace, no hex, no digit separators.
 *
 * The result is the correctly rounded double, bit for bit what `Number(text)` returns for the same text:
 * - fast path (Clinger): at most 15 significant digits, so the digits form an exact integer m < 2^53, and a decimal
 *   exponent e with |e| <= 22, so 10^|e| is an exact double; then m * 10^e or m / 10^-e is a single correctly
 *   rounded IEEE operation. When m has fewer than 15 digits, exponents a little above 22 still qualify: m * 10^(e-22)
 *   stays an exact integer below 10^15 and is then multiplied by 1e22.
 * - otherwise the (ASCII) text is handed to `Number()`.
 *
 * Example: parseNumberBytes(Buffer.from("-1.5e3"), 0, 6) === -1500
 */

/** 10^0 .. 10^22, every one exactly representable as a double. */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

const MAX_FAST_DIGITS = 15;

/**
 * Parses bytes[start, end) as a decimal number. Returns NaN when the bytes are not a number in the grammar above,
 * and also for a NaN literal ("nan", "NaN"): use `isNanLiteralBytes` to tell the two apart (only needed when the
 * result is NaN, which keeps the common path to one comparison).
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  if (p >= end) return NaN;
  let c = bytes[p]!;
  let negative = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    if (++p >= end) return NaN;
    c = bytes[p]!;
  }
  let mantissa = 0;
  let significant = 0; // digits counted from the first non-zero one
  let digits = 0; // all mantissa digits, to reject "." and "e5"
  let exponent = 0; // decimal exponent adjustment from fraction digits
  // integer part
  while (c >= 48 && c <= 57) {
    if (mantissa !== 0 || c !== 48) {
      significant++;
      if (significant <= 17) mantissa = mantissa * 10 + (c - 48);
    }
    digits++;
    if (++p >= end) {
      c = -1;
      break;
    }
    c = bytes[p]!;
  }
  // fraction
  if (c === 46 /* . */) {
    if (++p < end) {
      c = bytes[p]!;
      while (c >= 48 && c <= 57) {
        if (mantissa !== 0 || c !== 48) {
          significant++;
          if (significant <= 17) mantissa = mantissa * 10 + (c - 48);
        }
        exponent--;
        digits++;
        if (++p >= end) {
          c = -1;
          break;
        }
        c = bytes[p]!;
      }
    } else {
      c = -1;
    }
  }
  if (digits === 0) return parseSpecial(bytes, p, end, negative);
  // exponent
  if (c === 101 /* e */ || c === 69 /* E */) {
    if (++p >= end) return NaN;
    c = bytes[p]!;
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      if (++p >= end) return NaN;
      c = bytes[p]!;
    }
    if (c < 48 || c > 57) return NaN;
    // saturate far beyond any exponent a double has, and beyond any fraction adjustment (one per digit of a field,
    // which is at most 1 GiB): a saturated exponent still overflows or underflows after the adjustment, as Number()
    // does; a lower cap (it was 100,000) lets "0.<150,000 zeros>1e1500010" come out as 1 instead of Infinity
    let e = 0;
    while (c >= 48 && c <= 57) {
      if (e < 1e12) e = e * 10 + (c - 48);
      if (++p >= end) {
        c = -1;
        break;
      }
      c = bytes[p]!;
    }
    exponent += expNegative ? -e : e;
  }
  if (p !== end) return NaN;
  if (significant <= MAX_FAST_DIGITS) {
    let value: number;
    if (mantissa === 0) value = 0;
    else if (exponent === 0) value = mantissa;
    else if (exponent > 0 && exponent <= 22) value = mantissa * POW10[exponent]!;
    else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent]!;
    else if (exponent > 22 && exponent <= 22 + MAX_FAST_DIGITS - significant)
      value = mantissa * POW10[exponent - 22]! * 1e22;
    else return Number(asciiText(bytes, start, end));
    return negative ? -value : value;
  }
  return Number(asciiText(bytes, start, end));
}

/** inf, infinity, nan (any case) after an optional sign; anything else is NaN. */
function parseSpecial(bytes: Uint8Array, p: number, end: number, negative: boolean): number {
  const n = end - p;
  if (n === 3) {
    const a = bytes[p]! | 32;
    const b = bytes[p + 1]! | 32;
    const c = bytes[p + 2]! | 32;
    if (a === 105 && b === 110 && c === 102) return negative ? -Infinity : Infinity; // inf
    return NaN; // nan, or not a number at all
  }
  if (n === 8 && lowerEquals(bytes, p, "infinity")) return negative ? -Infinity : Infinity;
  return NaN;
}

/** True for "nan" in any case with an optional sign: the one text that is a number and parses to NaN. */
export function isNanLiteralBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let p = start;
  if (p < end && (bytes[p] === 45 || bytes[p] === 43)) p++;
  return end - p === 3 && lowerEquals(bytes, p, "nan");
}

function lowerEquals(bytes: Uint8Array, p: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if ((bytes[p + i]! | 32) !== lower.charCodeAt(i)) return false;
  return true;
}

/** bytes[start, end) as a string, one char per byte; only used on ASCII text. One flat string, however long. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}

/**
 * Parses `text` with the grammar above. Returns null when it is not a number; NaN only for a NaN literal.
 * Example: parseNumber("1e-3") === 0.001; parseNumber("-inf") === -Infinity; parseNumber("1,5") === null
 */
export function parseNumber(text: string): number | null {
  const bytes = Buffer.from(text, "utf8");
  const v = parseNumberBytes(bytes, 0, bytes.length);
  if (v === v) return v;
  return isNanLiteralBytes(bytes, 0, bytes.length) ? NaN : null;
}
