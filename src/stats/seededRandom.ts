/**
 * A small, fast, seeded pseudo-random generator (mulberry32) returning uniform numbers in [0, 1).
 *
 * Bootstrap intervals must be reproducible: the same seed gives the same resamples on every machine, so a gate's
 * verdict does not change between a PR run and its re-run. Not for cryptography.
 *
 * Example: const r = seededRandom(42); r() -> 0.6011037519201636
 */
/** The largest seed: mulberry32's state is 32 bits, so a larger one would silently repeat a smaller one's stream. */
export const MAX_SEED = 0xffffffff;

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
