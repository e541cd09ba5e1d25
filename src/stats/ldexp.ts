/**
 * x * 2^e with a single rounding, like C's ldexp/scalbn, also when the result is subnormal or when 2^e alone would
 * overflow or underflow a double (x = 2^100, e = -1100 gives 2^-1000, not 0 as x * Math.pow(2, e) would).
 *
 * Convention: musl's scalbn: large |e| is applied in exact steps of 2^1023 or 2^-969 so that only the last
 * multiplication rounds; powers of two come from a table (Math.pow(2, e) costs ~40 ns in V8).
 *
 * Example: ldexp(0.75, 4) -> 12
 */
export function ldexp(x: number, e: number): number {
  if (e > 1023) {
    x *= TWO_P1023;
    e -= 1023;
    if (e > 1023) {
      x *= TWO_P1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    // Keep the final exponent below -53 so that only the last multiplication rounds.
    x *= TWO_M969;
    e += 969;
    if (e < -1022) {
      x *= TWO_M969;
      e += 969;
      if (e < -1022) e = -1022;
    }
  }
  return x * POW2[e + 1022]!;
}

const TWO_P1023 = Math.pow(2, 1023);
const TWO_M969 = Math.pow(2, -969);
/** POW2[e + 1022] = 2^e for -1022 <= e <= 1023. */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => Math.pow(2, i - 1022));
