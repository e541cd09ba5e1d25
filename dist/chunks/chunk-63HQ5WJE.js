import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/profile/quantileSketch.ts
var MIN_INDEXABLE = 1e-300;
var SPARSE_MAX_BUCKETS = 4096;
var NO_KEYS = new Int32Array(0);
var NO_COUNTS = new Uint16Array(0);
var Store = class _Store {
  /** Sparse form (dense === null): keys[0..n) ascending, counts[0..n) theirs. */
  keys = NO_KEYS;
  counts = NO_COUNTS;
  n = 0;
  /** Dense form: counts of indices offset, offset + 1, ... */
  dense = null;
  offset = 0;
  /** Dense form: how many of its counts are not 0. */
  occupied = 0;
  /** add(index, 1), with the common case (a dense run that holds the index) first. */
  addOne(index) {
    const d = this.dense;
    if (d !== null) {
      const j = index - this.offset;
      if (j >= 0 && j < d.length) {
        if (d[j] === 0) this.occupied++;
        d[j]++;
        return;
      }
    }
    this.add(index, 1);
  }
  add(index, n = 1) {
    if (this.dense) return this.addDense(index, n);
    const keys = this.keys;
    let i = this.n;
    if (i > 0 && keys[i - 1] >= index) i = lowerBound(keys, this.n, index);
    if (i < this.n && keys[i] === index) {
      this.setCount(i, this.counts[i] + n);
      return;
    }
    this.insertAt(i, index, n);
    this.denseIfDue();
  }
  /**
   * add(keys[j], counts[j]) for j in [from, to), keys ascending without repeats: one pass that merges the two lists
   * from their ends into one, where one add per key moved the list's tail at each insertion. Counts of 0 are skipped.
   */
  addSorted(keys, counts, from, to) {
    if (this.dense) {
      for (let j = from; j < to; j++) if (counts[j] !== 0) this.add(keys[j], counts[j]);
      return;
    }
    let fresh = 0;
    for (let i2 = 0, j = from; j < to; j++) {
      if (counts[j] === 0) continue;
      while (i2 < this.n && this.keys[i2] < keys[j]) i2++;
      if (i2 === this.n || this.keys[i2] !== keys[j]) fresh++;
    }
    const total = this.n + fresh;
    this.reserve(total);
    for (let j = from; j < to; j++) if (!fitsCount(counts[j])) this.widenCounts();
    const k = this.keys;
    let i = this.n - 1;
    let w = total - 1;
    for (let j = to - 1; j >= from; j--) {
      const c = counts[j];
      if (c === 0) continue;
      const key = keys[j];
      while (i >= 0 && k[i] > key) {
        k[w] = k[i];
        this.counts[w--] = this.counts[i--];
      }
      if (i >= 0 && k[i] === key) {
        const sum = this.counts[i--] + c;
        if (!fitsCount(sum)) this.widenCounts();
        k[w] = key;
        this.counts[w--] = sum;
      } else {
        k[w] = key;
        this.counts[w--] = c;
      }
    }
    this.n = total;
    this.denseIfDue();
  }
  /** Adds the occupied buckets of `other` (a store of the same accuracy). */
  addStore(other) {
    if (other.dense) other.forEach((i, c) => this.add(i, c));
    else this.addSorted(other.keys, other.counts, 0, other.n);
  }
  /** The sparse list becomes a dense run when it is long, or when the run would cost no more (DENSE_SPAN_FACTOR). */
  denseIfDue() {
    if (this.n > SPARSE_MAX_BUCKETS || this.n >= DENSE_MIN_BUCKETS && this.span() <= DENSE_SPAN_FACTOR * this.n)
      this.toDense();
  }
  /** Room for `size` sparse buckets: capacity grown by a quarter at least, so that insertions are amortised O(1). */
  reserve(size) {
    if (size <= this.keys.length) return;
    const capacity = Math.max(size, this.keys.length + (this.keys.length >> 2) + 4);
    const keys = new Int32Array(capacity);
    keys.set(this.keys.subarray(0, this.n));
    const counts = this.counts instanceof Float64Array ? new Float64Array(capacity) : new Uint16Array(capacity);
    counts.set(this.counts.subarray(0, this.n));
    this.keys = keys;
    this.counts = counts;
  }
  /** Counts as doubles from now on: one did not fit in 16 unsigned bits. */
  widenCounts() {
    if (this.counts instanceof Float64Array) return;
    const counts = new Float64Array(this.keys.length);
    counts.set(this.counts);
    this.counts = counts;
  }
  setCount(i, v) {
    if (!fitsCount(v)) this.widenCounts();
    this.counts[i] = v;
  }
  insertAt(i, key, v) {
    this.reserve(this.n + 1);
    if (!fitsCount(v)) this.widenCounts();
    if (i < this.n) {
      this.keys.copyWithin(i + 1, i, this.n);
      this.counts.copyWithin(i + 1, i, this.n);
    }
    this.keys[i] = key;
    this.counts[i] = v;
    this.n++;
  }
  /** Indices from the first occupied to the last, of the sparse form. */
  span() {
    return this.n === 0 ? 0 : this.keys[this.n - 1] - this.keys[0] + 1;
  }
  toDense() {
    const lo = this.keys[0];
    const dense = new Float64Array(this.span());
    for (let i = 0; i < this.n; i++) dense[this.keys[i] - lo] = this.counts[i];
    this.dense = dense;
    this.offset = lo;
    this.occupied = this.n;
    this.keys = NO_KEYS;
    this.counts = NO_COUNTS;
    this.n = 0;
  }
  toSparse() {
    const d = this.dense;
    let occupied = 0;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) occupied++;
    this.keys = new Int32Array(occupied);
    this.counts = new Uint16Array(occupied);
    this.n = 0;
    for (let i = 0; i < d.length; i++) {
      if (d[i] === 0) continue;
      if (!fitsCount(d[i])) this.widenCounts();
      this.keys[this.n] = this.offset + i;
      this.counts[this.n++] = d[i];
    }
    this.dense = null;
  }
  addDense(index, n) {
    const d = this.dense;
    if (index < this.offset || index >= this.offset + d.length) {
      const span = Math.max(index + 1, this.offset + d.length) - Math.min(index, this.offset);
      if (this.occupied < SPARSE_MAX_BUCKETS && span > DENSE_SPAN_FACTOR * (this.occupied + 1)) {
        this.toSparse();
        return this.add(index, n);
      }
      this.grow(index);
    }
    const j = index - this.offset;
    if (this.dense[j] === 0 && n !== 0) this.occupied++;
    this.dense[j] += n;
  }
  grow(index) {
    const counts = this.dense;
    const lo = Math.min(this.offset, index);
    const hi = Math.max(this.offset + counts.length, index + 1);
    const span = hi - lo;
    const slack = Math.max(64, span >> 1);
    const newLo = index < this.offset ? lo - slack : lo;
    const newHi = index >= this.offset + counts.length ? hi + slack : hi;
    const next = new Float64Array(newHi - newLo);
    next.set(counts, this.offset - newLo);
    this.dense = next;
    this.offset = newLo;
  }
  /** Calls f for each occupied bucket (count not 0), in ascending index order. */
  forEach(f) {
    if (!this.dense) {
      const { keys, counts } = this;
      for (let i = 0; i < this.n; i++) if (counts[i] !== 0) f(keys[i], counts[i]);
      return;
    }
    const d = this.dense;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) f(this.offset + i, d[i]);
  }
  /** Same as forEach, in descending index order. */
  forEachDescending(f) {
    if (!this.dense) {
      const { keys, counts } = this;
      for (let i = this.n - 1; i >= 0; i--) if (counts[i] !== 0) f(keys[i], counts[i]);
      return;
    }
    const d = this.dense;
    for (let i = d.length - 1; i >= 0; i--) if (d[i] !== 0) f(this.offset + i, d[i]);
  }
  /** Number of buckets this store holds memory for (occupied ones when sparse): what it costs, for tests. */
  get allocatedBuckets() {
    return this.dense ? this.dense.length : this.n;
  }
  /** Bytes of the arrays this store holds, its sparse list's spare capacity included: for tests. */
  get allocatedBytes() {
    return this.dense ? this.dense.byteLength : this.keys.byteLength + this.counts.byteLength;
  }
  total() {
    let n = 0;
    this.forEach((_, c) => n += c);
    return n;
  }
  /** [first, last] occupied indices, or null when empty. */
  range() {
    let first = NaN;
    let last = NaN;
    this.forEach((i) => {
      if (first !== first) first = i;
      last = i;
    });
    return first === first ? [first, last] : null;
  }
  /** The contract's form: a dense run of counts from the first occupied index to the last. */
  toJson() {
    const r = this.range();
    if (!r) return { offset: 0, counts: [] };
    const counts = new Array(r[1] - r[0] + 1).fill(0);
    this.forEach((i, c) => counts[i - r[0]] = c);
    return { offset: r[0], counts };
  }
  static fromJson(j) {
    const s = new _Store();
    if (j instanceof SketchStoreJson) {
      const n = j.indices.length;
      if (n === 0) return s;
      s.keys = Int32Array.from(j.indices);
      s.counts = j.values.every(fitsCount) ? Uint16Array.from(j.values) : Float64Array.from(j.values);
      s.n = n;
      s.denseIfDue();
      return s;
    }
    for (let i = 0; i < j.counts.length; i++) if (j.counts[i] !== 0) s.add(j.offset + i, j.counts[i]);
    return s;
  }
};
function fitsCount(v) {
  return v === (v & 65535);
}
var DENSE_MIN_BUCKETS = 32;
var DENSE_SPAN_FACTOR = 1.25;
function lowerBound(keys, n, index) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (keys[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var SketchStoreJson = class _SketchStoreJson {
  constructor(indices, values) {
    this.indices = indices;
    this.values = values;
  }
  indices;
  values;
  static EMPTY = new _SketchStoreJson([], []);
  static of(store) {
    let n = 0;
    store.forEach(() => n++);
    if (n === 0) return _SketchStoreJson.EMPTY;
    const indices = new Array(n);
    const values = new Array(n);
    let j = 0;
    store.forEach((i, c) => {
      indices[j] = i;
      values[j++] = c;
    });
    return new _SketchStoreJson(indices, values);
  }
  /**
   * A store as a profile file holds it: version 1's dense run, or version 2's run with skips (-n for n empty
   * buckets; a 0 is one empty bucket in both). Read sparsely, whatever span the skips cover. The caller has checked
   * the types (the JSON Schema); checkProfile checks the keys' range.
   */
  static fromContract(j) {
    let n = 0;
    for (const c of j.counts) if (c > 0) n++;
    if (n === 0) return _SketchStoreJson.EMPTY;
    const indices = new Array(n);
    const values = new Array(n);
    let key = j.offset;
    let k = 0;
    for (const c of j.counts) {
      if (c > 0) {
        indices[k] = key;
        values[k++] = c;
        key++;
      } else key += c === 0 ? 1 : -c;
    }
    return new _SketchStoreJson(indices, values);
  }
  get offset() {
    return this.indices[0] ?? 0;
  }
  /** The dense run of version 1: counts of every key from offset to the last occupied one. */
  get counts() {
    const n = this.indices.length;
    if (n === 0) return [];
    const offset = this.indices[0];
    const counts = new Array(this.indices[n - 1] - offset + 1).fill(0);
    for (let i = 0; i < n; i++) counts[this.indices[i] - offset] = this.values[i];
    return counts;
  }
  /** Profile version 2's form: each gap of empty buckets between two occupied ones is one negative entry. */
  toJSON() {
    const n = this.indices.length;
    if (n === 0) return { offset: 0, counts: [] };
    const counts = [];
    for (let i = 0; i < n; i++) {
      const gap = i === 0 ? 0 : this.indices[i] - this.indices[i - 1] - 1;
      if (gap > 0) counts.push(-gap);
      counts.push(this.values[i]);
    }
    return { offset: this.indices[0], counts };
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
  /** Adds x n times; NaN adds nothing, as addValues skips it (its key would be NaN, which no store can hold). */
  add(x, n = 1) {
    if (Number.isNaN(x)) return;
    if (x === Infinity) this.positiveInfinity += n;
    else if (x === -Infinity) this.negativeInfinity += n;
    else this.addFinite(x, n);
  }
  /**
   * add(x) for each values[i] where valid[i] is not 0, skipping NaN: the same buckets, faster. A profile spends much
   * of its time here, and value by value a sparse store pays a search (or an insertion) per value: 100 integers span
   * some 2,300 buckets at accuracy 0.001, so such a store stays sparse. Here the keys (computed exactly as key()
   * computes them) are counted in a scratch run first, and each occupied bucket is added once, in ascending order.
   */
  addValues(values, valid) {
    const lnGamma = this.lnGamma;
    const shift = 1 - this.minIndex;
    const keys = scratchKeys(values.length);
    let m = 0;
    let posLo = Infinity;
    let posHi = -Infinity;
    let negLo = Infinity;
    let negHi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      if (valid[i] === 0) continue;
      const x = values[i];
      if (x > 0) {
        if (x === Infinity) this.positiveInfinity++;
        else if (x < MIN_INDEXABLE) this.zero++;
        else {
          const k = Math.ceil(Math.log(x) / lnGamma) + shift;
          keys[m++] = k;
          if (k < posLo) posLo = k;
          if (k > posHi) posHi = k;
        }
      } else if (x < 0) {
        if (x === -Infinity) this.negativeInfinity++;
        else if (x > -MIN_INDEXABLE) this.zero++;
        else {
          const k = Math.ceil(Math.log(-x) / lnGamma) + shift;
          keys[m++] = -k;
          if (k < negLo) negLo = k;
          if (k > negHi) negHi = k;
        }
      } else if (x === 0) this.zero++;
    }
    if (posHi >= posLo) addKeys(this.positive, keys, m, 1, posLo, posHi);
    if (negHi >= negLo) addKeys(this.negative, keys, m, -1, negLo, negHi);
  }
  addFinite(x, n) {
    const k = this.key(x);
    if (k === 0) this.zero += n;
    else if (k > 0) this.positive.add(k, n);
    else this.negative.add(-k, n);
  }
  get count() {
    return this.zero + this.positiveInfinity + this.negativeInfinity + this.positive.total() + this.negative.total();
  }
  merge(other) {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new RangeError(`cannot merge sketches of accuracy ${this.relativeAccuracy} and ${other.relativeAccuracy}`);
    }
    this.zero += other.zero;
    this.positiveInfinity += other.positiveInfinity;
    this.negativeInfinity += other.negativeInfinity;
    this.positive.addStore(other.positive);
    this.negative.addStore(other.negative);
  }
  /** Calls f for each occupied bucket of the positive store (sign 1) or the negative one (-1), by ascending |key|. */
  forEachStored(sign, f) {
    (sign === 1 ? this.positive : this.negative).forEach(f);
  }
  /**
   * merge() of a sketch of this accuracy given as its three counts and its stores' occupied buckets as forEachStored
   * lists them: keys[from..mid) with their counts for the positive store, keys[mid..to) for the negative one.
   */
  mergeStored(zero, positiveInfinity, negativeInfinity, keys, counts, from, mid, to) {
    this.zero += zero;
    this.positiveInfinity += positiveInfinity;
    this.negativeInfinity += negativeInfinity;
    this.positive.addSorted(keys, counts, from, mid);
    this.negative.addSorted(keys, counts, mid, to);
  }
  /** Occupied buckets in ascending key order: parallel arrays of keys and counts. */
  buckets() {
    const keys = [];
    const counts = [];
    if (this.negativeInfinity !== 0) {
      keys.push(-this.infinityKey);
      counts.push(this.negativeInfinity);
    }
    this.negative.forEachDescending((i, c) => {
      keys.push(-i);
      counts.push(c);
    });
    if (this.zero !== 0) {
      keys.push(0);
      counts.push(this.zero);
    }
    this.positive.forEach((i, c) => {
      keys.push(i);
      counts.push(c);
    });
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
  /** quantile(q) for each q, listing the buckets once rather than once per quantile (or not at all, when given). */
  quantiles(qs, buckets = this.buckets()) {
    return qs.map((q) => {
      const k = quantileKeyOf(buckets, q);
      return Number.isNaN(k) ? NaN : this.keyValue(k);
    });
  }
  toJson() {
    return this.json(this.positive.toJson(), this.negative.toJson());
  }
  /**
   * The same document for a profile held in memory: its stores hold the occupied buckets only until written
   * (see SketchStoreJson).
   */
  toProfileJson() {
    return this.json(SketchStoreJson.of(this.positive), SketchStoreJson.of(this.negative));
  }
  /** Number of buckets the two stores hold memory for: O(occupied buckets) while sparse. */
  get allocatedBuckets() {
    return this.positive.allocatedBuckets + this.negative.allocatedBuckets;
  }
  json(positive, negative) {
    return {
      relative_accuracy: this.relativeAccuracy,
      zero: this.zero,
      positive,
      negative,
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
var MAX_SCRATCH_SPAN = 1 << 20;
var keyScratch = new Int32Array(0);
var countScratch = new Float64Array(0);
var occupiedKeys = new Int32Array(0);
var occupiedCounts = new Float64Array(0);
function scratchKeys(n) {
  if (keyScratch.length < n) keyScratch = new Int32Array(Math.max(n, 2 * keyScratch.length));
  return keyScratch;
}
function addKeys(store, keys, m, sign, lo, hi) {
  const span = hi - lo + 1;
  if (span > MAX_SCRATCH_SPAN) {
    for (let j = 0; j < m; j++) {
      const k = keys[j] * sign;
      if (k > 0) store.addOne(k);
    }
    return;
  }
  if (countScratch.length < span) countScratch = new Float64Array(Math.max(span, 2 * countScratch.length));
  const counts = countScratch;
  for (let j = 0; j < m; j++) {
    const k = keys[j] * sign;
    if (k > 0) counts[k - lo]++;
  }
  const most = Math.min(m, span);
  if (occupiedKeys.length < most) {
    occupiedKeys = new Int32Array(Math.max(most, 2 * occupiedKeys.length));
    occupiedCounts = new Float64Array(occupiedKeys.length);
  }
  let n = 0;
  for (let b = 0; b < span; b++) {
    const c = counts[b];
    if (c === 0) continue;
    counts[b] = 0;
    occupiedKeys[n] = b + lo;
    occupiedCounts[n++] = c;
  }
  store.addSorted(occupiedKeys, occupiedCounts, 0, n);
}
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
  SketchStoreJson,
  QuantileSketch
};
