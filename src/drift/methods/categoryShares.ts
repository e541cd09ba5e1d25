import type { CategoricalSample } from "../columnSample.js";

/** Counts and shares of both sides over the union of their categories, in sorted category order. */
export function categoryShares(ref: CategoricalSample, cur: CategoricalSample) {
  const categories = [...new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort();
  const refCounts = Float64Array.from(categories, (c) => ref.counts.get(c) ?? 0);
  const curCounts = Float64Array.from(categories, (c) => cur.counts.get(c) ?? 0);
  const rn = ref.count || 1;
  const cn = cur.count || 1;
  return {
    categories,
    refCounts,
    curCounts,
    ref: refCounts.map((x) => x / rn),
    cur: curCounts.map((x) => x / cn),
  };
}
