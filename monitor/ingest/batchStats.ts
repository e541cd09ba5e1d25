/** What one ingest batch had that the reference did not expect; reported back to the sender. */
export interface BatchStats {
  /** Feature names not in the reference, with how many events carried them. */
  unknown: Map<string, number>;
  /** Reference features absent from an event (one per feature per event). */
  missing: number;
  /** Values of the wrong type (a string for a numeric feature, an object anywhere). */
  invalid: number;
  /** Event time: events whose window had closed (counted, not added). */
  late?: number;
  /** Event time: events without a usable ts, or more than a window ahead of the clock (counted, not added). */
  invalidTs?: number;
}

/**
 * A map of data names (feature names, category values) as a JSON object: without a prototype, so every name, __proto__
 * and constructor included, is an own field, and a lookup of a name that is not there finds nothing.
 */
export function recordOf<V>(map: Iterable<readonly [string, V]>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [k, v] of map) out[k] = v;
  return out;
}
