import { QuantileSketch, SketchStoreJson, type SketchJson } from "./quantileSketch.js";
import type { ColumnProfile, NumericProfile, ReferenceProfile } from "./referenceProfile.js";

/**
 * What a profile that passed its JSON Schema must also satisfy to be one `modelguard profile` could have written:
 * every column's count, missing and invalid add up to the rows, sketch and frequency counts add up to the count,
 * sketch keys lie in the range the accuracy can index, PSI bins match their keys. Returns the first problem as
 * "path: what is wrong" (the path in the schema messages' dotted form), or null.
 */
export function checkProfile(p: ReferenceProfile): string | null {
  for (const name of Object.keys(p.columns)) {
    const problem = checkColumn(p, p.columns[name]!);
    if (problem !== null) return `columns.${name}.${problem}`;
  }
  return null;
}

/** checkProfile of one column, against the profile's fields (rows, sketch_accuracy, bins): "field: what", or null. */
export function checkColumn(
  p: Pick<ReferenceProfile, "rows" | "sketch_accuracy" | "bins">,
  c: ColumnProfile,
): string | null {
  if (c.count + c.missing + c.invalid !== p.rows)
    return `count: count ${c.count} + missing ${c.missing} + invalid ${c.invalid} is not the profile's ${p.rows} rows`;
  if (c.kind === "numeric") return checkNumeric(p, c);
  if (c.kind === "categorical") {
    const { values, counts } = c.frequencies;
    if (values.length !== counts.length)
      return `frequencies.counts: ${counts.length} counts for ${values.length} values`;
    if (c.distinct !== values.length) return `distinct: ${c.distinct}, but frequencies lists ${values.length} values`;
    if (new Set(values).size !== values.length) return "frequencies.values: a value is listed twice";
    const total = counts.reduce((a, b) => a + b, 0);
    if (total !== c.count) return `frequencies.counts: they add up to ${total}, not the count ${c.count}`;
  }
  if (c.kind === "text" && c.min_length !== null && c.max_length !== null && c.min_length > c.max_length)
    return `min_length: ${c.min_length} is above max_length ${c.max_length}`;
  return null;
}

function checkNumeric(
  p: Pick<ReferenceProfile, "rows" | "sketch_accuracy" | "bins">,
  c: NumericProfile,
): string | null {
  const s = c.sketch;
  if (s.relative_accuracy !== p.sketch_accuracy)
    return `sketch.relative_accuracy: ${s.relative_accuracy}, but the profile's sketch_accuracy is ${p.sketch_accuracy}`;
  if (c.infinite > c.count) return `infinite: ${c.infinite} is above the count ${c.count}`;
  const finite = c.count - c.infinite;
  const maxKey = new QuantileSketch(s.relative_accuracy).key(Number.MAX_VALUE);
  for (const side of ["positive", "negative"] as const) {
    const keys = storeKeys(s[side]);
    if (keys === null) continue;
    if (keys.first < 1) return `sketch.${side}.offset: ${keys.first} is below 1`;
    if (keys.last > maxKey)
      return `sketch.${side}: keys ${keys.first}..${keys.last} pass the largest key ${maxKey} of accuracy ${s.relative_accuracy}`;
  }
  // Profiles written before infinities had their own counts keep them in the outermost buckets, and have neither field.
  if (s.positive_infinity !== undefined || s.negative_infinity !== undefined) {
    const infinities = (s.positive_infinity ?? 0) + (s.negative_infinity ?? 0);
    if (infinities !== c.infinite)
      return `sketch: positive_infinity + negative_infinity is ${infinities}, not the infinite count ${c.infinite}`;
  }
  const total = sketchTotal(s);
  if (total !== c.count) return `sketch: its counts add up to ${total}, not the count ${c.count}`;
  const present = (v: unknown) => v !== null;
  if (present(c.min) !== finite > 0 || present(c.max) !== finite > 0 || present(c.mean) !== finite > 0)
    return `${present(c.min) ? "min" : "max"}: set exactly when there are finite values (here ${finite})`;
  if (present(c.std) !== finite > 1)
    return `std: set exactly when there are two finite values or more (here ${finite})`;
  if (c.min !== null && c.max !== null && c.min > c.max) return `min: ${c.min} is above max ${c.max}`;
  if (c.std !== null && c.std < 0) return `std: ${c.std} is negative`;
  const { keys, edges, proportions } = c.psi_bins;
  if (c.count === 0 ? proportions.length !== 0 : proportions.length !== keys.length + 1)
    return `psi_bins.proportions: ${proportions.length} entries for ${keys.length} keys`;
  if (edges.length !== keys.length) return `psi_bins.edges: ${edges.length} edges for ${keys.length} keys`;
  if (keys.length > p.bins - 1) return `psi_bins.keys: ${keys.length} inner edges for ${p.bins} bins`;
  for (let i = 1; i < keys.length; i++)
    if (!(keys[i]! > keys[i - 1]!)) return `psi_bins.keys: not strictly ascending at index ${i}`;
  return null;
}

/** First and last occupied keys of a store (null when empty), without making a sparse store a dense run. */
function storeKeys(store: SketchJson["positive"]): { first: number; last: number } | null {
  if (store instanceof SketchStoreJson) {
    const n = store.indices.length;
    return n === 0 ? null : { first: store.indices[0]!, last: store.indices[n - 1]! };
  }
  return store.counts.length === 0 ? null : { first: store.offset, last: store.offset + store.counts.length - 1 };
}

function sketchTotal(s: SketchJson): number {
  let total = s.zero + (s.positive_infinity ?? 0) + (s.negative_infinity ?? 0);
  for (const store of [s.positive, s.negative])
    for (const c of store instanceof SketchStoreJson ? store.values : store.counts) total += c;
  return total;
}
