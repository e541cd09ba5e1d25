import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/profile/quantileSketch.ts
var MIN_INDEXABLE = 1e-300;
var Store = class _Store {
  offset = 0;
  counts = new Float64Array(0);
  add(index, n = 1) {
    if (this.counts.length === 0) {
      this.offset = index;
      this.counts = new Float64Array(64);
    } else if (index < this.offset || index >= this.offset + this.counts.length) {
      this.grow(index);
    }
    this.counts[index - this.offset] += n;
  }
  grow(index) {
    const lo = Math.min(this.offset, index);
    const hi = Math.max(this.offset + this.counts.length, index + 1);
    const span = hi - lo;
    const slack = Math.max(64, span >> 1);
    const newLo = index < this.offset ? lo - slack : lo;
    const newHi = index >= this.offset + this.counts.length ? hi + slack : hi;
    const next = new Float64Array(newHi - newLo);
    next.set(this.counts, this.offset - newLo);
    this.counts = next;
    this.offset = newLo;
  }
  /** [first, last] occupied indices, or null when empty. */
  range() {
    let a = 0;
    while (a < this.counts.length && this.counts[a] === 0) a++;
    if (a === this.counts.length) return null;
    let b = this.counts.length - 1;
    while (this.counts[b] === 0) b--;
    return [this.offset + a, this.offset + b];
  }
  get(index) {
    const i = index - this.offset;
    return i >= 0 && i < this.counts.length ? this.counts[i] : 0;
  }
  toJson() {
    const r = this.range();
    if (!r) return { offset: 0, counts: [] };
    const counts = new Array(r[1] - r[0] + 1);
    for (let i = 0; i < counts.length; i++) counts[i] = this.counts[r[0] - this.offset + i];
    return { offset: r[0], counts };
  }
  static fromJson(j) {
    const s = new _Store();
    s.offset = j.offset;
    s.counts = Float64Array.from(j.counts);
    return s;
  }
};
var QuantileSketch = class _QuantileSketch {
  constructor(relativeAccuracy = 1e-3) {
    this.relativeAccuracy = relativeAccuracy;
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) throw new RangeError("relative accuracy must be in (0, 1)");
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.lnGamma = Math.log(this.gamma);
    this.minIndex = this.logIndex(MIN_INDEXABLE);
    this.infinityKey = this.key(Number.MAX_VALUE) + 1;
  }
  relativeAccuracy;
  gamma;
  lnGamma;
  /** Log index of MIN_INDEXABLE: keys are shifted by it so that every key is a positive distance from zero. */
  minIndex;
  zero = 0;
  positiveInfinity = 0;
  negativeInfinity = 0;
  /** Key of +Infinity (its negation is the key of -Infinity): one past the bucket of the largest double. */
  infinityKey;
  positive = new Store();
  negative = new Store();
  logIndex(abs) {
    return Math.ceil(Math.log(abs) / this.lnGamma);
  }
  /**
   * The bucket's integer key, monotone non-decreasing in x: 0 for zero, positive keys for positive values, negative
   * keys for negative values. Infinite values take +-infinityKey.
   */
  key(x) {
    if (x === Infinity) return this.infinityKey;
    if (x === -Infinity) return -this.infinityKey;
    const abs = Math.abs(x);
    if (abs < MIN_INDEXABLE) return 0;
    const k = this.logIndex(Math.min(abs, Number.MAX_VALUE)) - this.minIndex + 1;
    return x > 0 ? k : -k;
  }
  /** Upper boundary of the bucket with this key (for display; comparisons use keys). */
  keyUpperBound(key) {
    if (key === 0) return 0;
    if (Math.abs(key) >= this.infinityKey) return key > 0 ? Infinity : -Infinity;
    const idx = Math.abs(key) + this.minIndex - 1;
    return key > 0 ? Math.pow(this.gamma, idx) : -Math.pow(this.gamma, idx - 1);
  }
  /** A value that stands for every value of the bucket within the relative accuracy. */
  keyValue(key) {
    if (key === 0) return 0;
    if (Math.abs(key) >= this.infinityKey) return key > 0 ? Infinity : -Infinity;
    const idx = Math.abs(key) + this.minIndex - 1;
    const v = Math.exp(idx * this.lnGamma + Math.log(2 / (this.gamma + 1)));
    return key > 0 ? v : -v;
  }
  add(x, n = 1) {
    if (x === Infinity) this.positiveInfinity += n;
    else if (x === -Infinity) this.negativeInfinity += n;
    else this.addFinite(x, n);
  }
  addFinite(x, n) {
    const k = this.key(x);
    if (k === 0) this.zero += n;
    else if (k > 0) this.positive.add(k, n);
    else this.negative.add(-k, n);
  }
  get count() {
    let n = this.zero + this.positiveInfinity + this.negativeInfinity;
    for (const c of this.positive.counts) n += c;
    for (const c of this.negative.counts) n += c;
    return n;
  }
  merge(other) {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new RangeError(`cannot merge sketches of accuracy ${this.relativeAccuracy} and ${other.relativeAccuracy}`);
    }
    this.zero += other.zero;
    this.positiveInfinity += other.positiveInfinity;
    this.negativeInfinity += other.negativeInfinity;
    for (const [mine, theirs] of [
      [this.positive, other.positive],
      [this.negative, other.negative]
    ]) {
      const r = theirs.range();
      if (!r) continue;
      for (let i = r[0]; i <= r[1]; i++) {
        const c = theirs.get(i);
        if (c !== 0) mine.add(i, c);
      }
    }
  }
  /** Occupied buckets in ascending key order: parallel arrays of keys and counts. */
  buckets() {
    const keys = [];
    const counts = [];
    if (this.negativeInfinity !== 0) {
      keys.push(-this.infinityKey);
      counts.push(this.negativeInfinity);
    }
    const neg = this.negative.range();
    if (neg) {
      for (let i = neg[1]; i >= neg[0]; i--) {
        const c = this.negative.get(i);
        if (c === 0) continue;
        keys.push(-i);
        counts.push(c);
      }
    }
    if (this.zero !== 0) {
      keys.push(0);
      counts.push(this.zero);
    }
    const pos = this.positive.range();
    if (pos) {
      for (let i = pos[0]; i <= pos[1]; i++) {
        const c = this.positive.get(i);
        if (c === 0) continue;
        keys.push(i);
        counts.push(c);
      }
    }
    if (this.positiveInfinity !== 0) {
      keys.push(this.infinityKey);
      counts.push(this.positiveInfinity);
    }
    return { keys: Int32Array.from(keys), counts: Float64Array.from(counts) };
  }
  /** Key of the bucket holding the value of rank floor(q * (n - 1)) (0-based, ascending). */
  quantileKey(q) {
    return quantileKeyOf(this.buckets(), q);
  }
  quantile(q) {
    const k = this.quantileKey(q);
    return Number.isNaN(k) ? NaN : this.keyValue(k);
  }
  /** quantile(q) for each q, listing the buckets once rather than once per quantile. */
  quantiles(qs) {
    const buckets = this.buckets();
    return qs.map((q) => {
      const k = quantileKeyOf(buckets, q);
      return Number.isNaN(k) ? NaN : this.keyValue(k);
    });
  }
  toJson() {
    return {
      relative_accuracy: this.relativeAccuracy,
      zero: this.zero,
      positive: this.positive.toJson(),
      negative: this.negative.toJson(),
      // Written only when there are some, so profiles without infinities stay as they were.
      ...this.positiveInfinity !== 0 ? { positive_infinity: this.positiveInfinity } : {},
      ...this.negativeInfinity !== 0 ? { negative_infinity: this.negativeInfinity } : {}
    };
  }
  static fromJson(j) {
    const s = new _QuantileSketch(j.relative_accuracy);
    s.zero = j.zero;
    s.positive = Store.fromJson(j.positive);
    s.negative = Store.fromJson(j.negative);
    s.positiveInfinity = j.positive_infinity ?? 0;
    s.negativeInfinity = j.negative_infinity ?? 0;
    return s;
  }
};
function quantileKeyOf({ keys, counts }, q) {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return NaN;
  const rank = Math.floor(Math.min(Math.max(q, 0), 1) * (total - 1));
  let seen = 0;
  for (let i = 0; i < keys.length; i++) {
    seen += counts[i];
    if (seen > rank) return keys[i];
  }
  return keys[keys.length - 1];
}

export {
  QuantileSketch
};
