import { SketchStoreJson, type SketchJson } from "./quantileSketch.js";
import type { ColumnProfile, ReferenceProfile } from "./referenceProfile.js";

interface StoreWire {
  indices: number[];
  values: number[];
}

/**
 * A profile as it crosses between threads. A structured clone keeps data, not classes or prototypes: the columns
 * go as [name, profile] pairs (names are data, never keys of a plain object) and each sketch store as its occupied
 * buckets, revived into the classes on the other side.
 */
export interface TransferableProfile {
  profile: Omit<ReferenceProfile, "columns">;
  columns: [string, ColumnProfile][];
}

export function toTransferable(profile: ReferenceProfile): TransferableProfile {
  const { columns, ...rest } = profile;
  const wire = (s: SketchJson["positive"]): StoreWire => {
    if (s instanceof SketchStoreJson) return { indices: [...s.indices], values: [...s.values] };
    const indices: number[] = [];
    const values: number[] = [];
    s.counts.forEach((c, i) => {
      if (c === 0) return;
      indices.push(s.offset + i);
      values.push(c);
    });
    return { indices, values };
  };
  return {
    profile: rest,
    columns: Object.keys(columns).map((name) => {
      const c = columns[name]!;
      if (c.kind !== "numeric") return [name, c];
      const sketch = { ...c.sketch, positive: wire(c.sketch.positive), negative: wire(c.sketch.negative) };
      return [name, { ...c, sketch: sketch as unknown as SketchJson }];
    }),
  };
}

export function fromTransferable(t: TransferableProfile): ReferenceProfile {
  const columns = Object.create(null) as Record<string, ColumnProfile>;
  const revive = (s: unknown) => {
    const w = s as StoreWire;
    return new SketchStoreJson(w.indices, w.values);
  };
  for (const [name, c] of t.columns) {
    columns[name] =
      c.kind === "numeric"
        ? { ...c, sketch: { ...c.sketch, positive: revive(c.sketch.positive), negative: revive(c.sketch.negative) } }
        : c;
  }
  return { ...t.profile, columns };
}
