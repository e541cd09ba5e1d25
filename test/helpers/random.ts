/** A small seeded generator (mulberry32) so tests are deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller. */
export function normals(n: number, seed: number, mean = 0, sd = 1): number[] {
  const r = rng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const u = 1 - r();
    const v = r();
    const m = Math.sqrt(-2 * Math.log(u));
    out.push(mean + sd * m * Math.cos(2 * Math.PI * v), mean + sd * m * Math.sin(2 * Math.PI * v));
  }
  return out.slice(0, n);
}
