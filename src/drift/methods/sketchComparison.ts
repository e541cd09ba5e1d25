import type { SketchReader } from "../../profile/packedSketch.js";
import { sketchBins } from "../../profile/buildProfile.js";
import { toSketch } from "../columnSample.js";
import type { NumericSample } from "./driftMethod.js";

/** Both sides as sketches of one accuracy: the reference's when it is a sketch, else the current's, else the default. */
export function sketchPair(
  ref: NumericSample,
  cur: NumericSample,
  fallbackAccuracy = 0.001,
): [SketchReader, SketchReader] {
  const accuracy =
    ref.form === "sketch"
      ? ref.sketch.relativeAccuracy
      : cur.form === "sketch"
        ? cur.sketch.relativeAccuracy
        : fallbackAccuracy;
  return [toSketch(ref, accuracy), toSketch(cur, accuracy)];
}

/**
 * The two cumulative distributions evaluated at every occupied bucket boundary of either side, in key order.
 * Exact at the boundaries; inside a bucket the true CDFs are unknown, bounded by the bucket's mass.
 */
export function cdfsAtBuckets(
  a: SketchReader,
  b: SketchReader,
): { keys: number[]; fa: number[]; fb: number[]; maxMass: number } {
  const ba = a.buckets();
  const bb = b.buckets();
  const na = sum(ba.counts);
  const nb = sum(bb.counts);
  const keys: number[] = [];
  const fa: number[] = [];
  const fb: number[] = [];
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let maxMass = 0;
  while (i < ba.keys.length || j < bb.keys.length) {
    const ka = i < ba.keys.length ? ba.keys[i]! : Infinity;
    const kb = j < bb.keys.length ? bb.keys[j]! : Infinity;
    const k = Math.min(ka, kb);
    let ma = 0;
    let mb = 0;
    if (ka === k) {
      ma = ba.counts[i]! / na;
      ca += ba.counts[i++]!;
    }
    if (kb === k) {
      mb = bb.counts[j]! / nb;
      cb += bb.counts[j++]!;
    }
    // An infinity is one exact value, not a bucket of unknown spread: its mass adds no uncertainty.
    if (Math.abs(k) !== a.infinityKey) maxMass = Math.max(maxMass, ma, mb);
    keys.push(k);
    fa.push(ca / na);
    fb.push(cb / nb);
  }
  return { keys, fa, fb, maxMass };
}

/** Reference bins (bucket keys) and proportions: the profile's own when it was built for this bin count. */
export function referenceKeyBins(
  ref: NumericSample,
  refSketch: SketchReader,
  bins: number,
): { keys: number[]; proportions: number[] } {
  if (ref.form === "sketch" && ref.bins && ref.bins.count === bins) return ref.bins;
  const b = sketchBins(refSketch, bins);
  return { keys: b.keys, proportions: b.proportions };
}

/** Proportions of a sketch's mass in bins (.., k0], (k0, k1], ..., (k_last, ..). */
export function proportionsInKeyBins(sketch: SketchReader, keys: readonly number[]): number[] {
  const { keys: bk, counts } = sketch.buckets();
  const out = new Array<number>(keys.length + 1).fill(0);
  const total = sum(counts);
  let b = 0;
  for (let i = 0; i < bk.length; i++) {
    while (b < keys.length && bk[i]! > keys[b]!) b++;
    out[b]! += counts[i]! / total;
  }
  return out;
}

function sum(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
