import type { ColumnSample, ExactNumericSample } from "./columnSample.js";

/**
 * Drift samples as the worker posts them: the small exact numeric samples copied into one buffer, the rest as they
 * are. Why: a wide file (100,000 columns of 6 rows) made 100,000 sample objects, each over its own transferred
 * buffer, for the structured clone to walk and the main thread to rebuild; one buffer and an offsets array cost
 * about what the values do. Large samples keep their own buffer, transferred without a copy (a tall column copied
 * would double the worker's peak).
 */
export interface PackedSamples {
  names: string[];
  /** Per column: its start in `values` when packed, -1 when the sample is in `other`. */
  starts: Float64Array;
  /** Per column: the packed sample's length and missing count (unused when not packed). */
  lengths: Float64Array;
  missing: Float64Array;
  values: Float64Array;
  /** Samples that are not packed: [column index, sample]. */
  other: [number, ColumnSample][];
}

/** A numeric sample of at most this many values is copied into the shared buffer (64 KB). */
export const PACK_MAX_VALUES = 8192;

export function packSamples(samples: Map<string, ColumnSample>): { packed: PackedSamples; transfer: ArrayBuffer[] } {
  const n = samples.size;
  const names: string[] = [];
  const starts = new Float64Array(n).fill(-1);
  const lengths = new Float64Array(n);
  const missing = new Float64Array(n);
  const other: [number, ColumnSample][] = [];
  let total = 0;
  for (const s of samples.values()) if (isPackable(s)) total += s.sorted.length;
  const values = new Float64Array(total);
  const transfer: ArrayBuffer[] = [values.buffer];
  let at = 0;
  let i = 0;
  for (const [name, s] of samples) {
    names.push(name);
    if (isPackable(s)) {
      values.set(s.sorted, at);
      starts[i] = at;
      lengths[i] = s.sorted.length;
      missing[i] = s.missing;
      at += s.sorted.length;
    } else {
      other.push([i, s]);
      // A large exact sample (the type guard above narrowed `s` as if every exact sample were packed).
      const big = s as ColumnSample;
      if (big.kind === "numeric" && big.form === "exact") transfer.push(big.sorted.buffer as ArrayBuffer);
    }
    i++;
  }
  transfer.push(starts.buffer, lengths.buffer, missing.buffer);
  return { packed: { names, starts, lengths, missing, values, other }, transfer };
}

/** The samples again, in column order; packed ones are views into the one shared buffer. */
export function unpackSamples(p: PackedSamples): Map<string, ColumnSample> {
  const others = new Map(p.other);
  const out = new Map<string, ColumnSample>();
  for (let i = 0; i < p.names.length; i++) {
    const start = p.starts[i]!;
    if (start < 0) {
      out.set(p.names[i]!, others.get(i)!);
      continue;
    }
    const sorted = p.values.subarray(start, start + p.lengths[i]!);
    out.set(p.names[i]!, { kind: "numeric", form: "exact", sorted, missing: p.missing[i]! });
  }
  return out;
}

function isPackable(s: ColumnSample): s is ExactNumericSample {
  return s.kind === "numeric" && s.form === "exact" && s.sorted.length <= PACK_MAX_VALUES;
}
