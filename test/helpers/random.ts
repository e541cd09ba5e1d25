import { seededRandom } from "../../src/stats/seededRandom.js";
/** The same seeded generator as the bootstrap (mulberry32), for reproducible test data. */
export const rng = seededRandom;

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
