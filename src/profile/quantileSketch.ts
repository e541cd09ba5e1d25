/**
 * A relative-error quantile sketch with logarithmic buckets (the DDSketch construction).
 *
 * A positive value x falls in bucket i = ceil(ln(x) / ln(gamma)), gamma = (1 + a) / (1 - a), covering
 * (gamma^(i-1), gamma^i]; negative values mirror into a second store; |x| below MIN_INDEXABLE counts as zero.
 * Any value inside a bucket is within relative error `a` of the bucket's representative 2 gamma^i / (gamma + 1).
 *
 * Why this sketch: merging adds bucket counts, so merge(sketch(A), sketch(B)) is *identical* to sketch(A u B)
 * whatever the order or sharding. That makes profiles and monitor windows exactly mergeable, which a randomized
 * sketch (KLL, t-digest) does not give. Every bucket is identified by an integer key that is monotone in x, so two
 * sketches with the same accuracy can be compared bucket by bucket without any interpolation.
 *
 * Infinities are not bucketed: the stores are dense runs of counts, and a bucket at the largest double would make a
 * column holding 1 and Infinity some 355,000 counts long. They are two separate counts instead, with keys one past the
 * outermost finite bucket on either side, so they stay ordered values (for KS, PSI bins and Wasserstein) whose value
 * is the infinity itself, not a double near 1.8e308.
 *
 * Example: with a = 0.001, 50.0 and 50.04 share a bucket; 50.0 and 50.2 do not.
 */
export const MIN_INDEXABLE = 1e-300;

export interface SketchJson {
  relative_accuracy: number;
  zero: number;
  positive: { offset: number; counts: number[] };
  negative: { offset: number; counts: number[] };
  /** Values of +Infinity; absent means 0 (profiles written before infinities had their own counts). */
  positive_infinity?: number;
  /** Values of -Infinity; absent means 0. */
  negative_infinity?: number;
}

/**
 * Past this many occupied buckets a store is dense whatever its span: an insertion into a sparse list moves its tail,
 * and a dense run is at most some 700,000 counts (5.6 MB) long.
 */
const SPARSE_MAX_BUCKETS = 4096;

/** The arrays of a store that holds no sparse bucket, shared (capacity 0: the first insertion allocates). */
const NO_KEYS = new Int32Array(0);
const NO_COUNTS = new Uint16Array(0);

/**
 * The bucket counts of one sign: sparse (ascending keys and their counts) while few buckets are occupied far apart,
 * a dense run of counts from log index `offset` once the run would cost no more than the sparse list. Why both: at
 * accuracy 0.001 the values 1..9 span 1,100 buckets but occupy nine, so a dense run per column made a 6-row,
 * 100,000-column profile hold 0.9 GB; a sparse list costs what the data has.
 *
 * The sparse list is two typed arrays with a capacity this class grows (by a quarter): keys as 32-bit integers (a key
 * is at most some 700 million, at accuracy 1e-6; buckets() has always given them as an Int32Array) and counts as
 * 16-bit unsigned integers until a count is not one (past 65,535, a fraction or a negative, from many equal values or
 * a merged or read sketch), when they become doubles. That is 6 bytes a bucket (12 with double counts) plus at most a
 * quarter of slack, where two arrays of JS numbers took 16 plus up to a half: a running profile of 10,000 columns of
 * 1,000 distinct values held some 130 MB of them.
 */
export class Store {
  /** Sparse form (dense === null): keys[0..n) ascending, counts[0..n) theirs. */
  private keys: Int32Array = NO_KEYS;
  private counts: Uint16Array | Float64Array = NO_COUNTS;
  private n = 0;
  /** Dense form: counts of indices offset, offset + 1, ... */
  private dense: Float64Array | null = null;
  private offset = 0;
  /** Dense form: how many of its counts are not 0. */
  private occupied = 0;

  /** add(index, 1), with the common case (a dense run that holds the index) first. */
  addOne(index: number): void {
    const d = this.dense;
    if (d !== null) {
      const j = index - this.offset;
      if (j >= 0 && j < d.length) {
        if (d[j] === 0) this.occupied++;
        d[j]!++;
        return;
      }
    }
    this.add(index, 1);
  }

  add(index: number, n = 1): void {
    if (this.dense) return this.addDense(index, n);
    const keys = this.keys;
    // Values often arrive in order, or repeat the last bucket: check the end before searching.
    let i = this.n;
    if (i > 0 && keys[i - 1]! >= index) i = lowerBound(keys, this.n, index);
    if (i < this.n && keys[i] === index) {
      this.setCount(i, this.counts[i]! + n);
      return;
    }
    this.insertAt(i, index, n);
    this.denseIfDue();
  }

  /**
   * add(keys[j], counts[j]) for j in [from, to), keys ascending without repeats: one pass that merges the two lists
   * from their ends into one, where one add per key moved the list's tail at each insertion. Counts of 0 are skipped.
   */
  addSorted(keys: ArrayLike<number>, counts: ArrayLike<number>, from: number, to: number): void {
    if (this.dense) {
      // One by one (an outlier may turn the run back into a list midway).
      for (let j = from; j < to; j++) if (counts[j] !== 0) this.add(keys[j]!, counts[j]!);
      return;
    }
    // The keys not held yet, to size the list once.
    let fresh = 0;
    for (let i = 0, j = from; j < to; j++) {
      if (counts[j] === 0) continue;
      while (i < this.n && this.keys[i]! < keys[j]!) i++;
      if (i === this.n || this.keys[i] !== keys[j]) fresh++;
    }
    const total = this.n + fresh;
    this.reserve(total);
    for (let j = from; j < to; j++) if (!fitsCount(counts[j]!)) this.widenCounts();
    const k = this.keys;
    // From the ends: the merged list fills the same arrays from position total - 1 down, never over an unread entry.
    let i = this.n - 1;
    let w = total - 1;
    for (let j = to - 1; j >= from; j--) {
      const c = counts[j]!;
      if (c === 0) continue;
      const key = keys[j]!;
      while (i >= 0 && k[i]! > key) {
        k[w] = k[i]!;
        this.counts[w--] = this.counts[i--]!;
      }
      if (i >= 0 && k[i] === key) {
        const sum = this.counts[i--]! + c;
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
  addStore(other: Store): void {
    if (other.dense) other.forEach((i, c) => this.add(i, c));
    else this.addSorted(other.keys, other.counts, 0, other.n);
  }

  /** The sparse list becomes a dense run when it is long, or when the run would cost no more (DENSE_SPAN_FACTOR). */
  private denseIfDue(): void {
    if (this.n > SPARSE_MAX_BUCKETS || (this.n >= DENSE_MIN_BUCKETS && this.span() <= DENSE_SPAN_FACTOR * this.n))
      this.toDense();
  }

  /** Room for `size` sparse buckets: capacity grown by a quarter at least, so that insertions are amortised O(1). */
  private reserve(size: number): void {
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
  private widenCounts(): void {
    if (this.counts instanceof Float64Array) return;
    // The whole capacity: addSorted widens midway, with merged entries past n already written.
    const counts = new Float64Array(this.keys.length);
    counts.set(this.counts);
    this.counts = counts;
  }

  private setCount(i: number, v: number): void {
    if (!fitsCount(v)) this.widenCounts();
    this.counts[i] = v;
  }

  private insertAt(i: number, key: number, v: number): void {
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
  private span(): number {
    return this.n === 0 ? 0 : this.keys[this.n - 1]! - this.keys[0]! + 1;
  }

  private toDense(): void {
    const lo = this.keys[0]!;
    const dense = new Float64Array(this.span());
    for (let i = 0; i < this.n; i++) dense[this.keys[i]! - lo] = this.counts[i]!;
    this.dense = dense;
    this.offset = lo;
    this.occupied = this.n;
    this.keys = NO_KEYS;
    this.counts = NO_COUNTS;
    this.n = 0;
  }

  private toSparse(): void {
    const d = this.dense!;
    let occupied = 0;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) occupied++;
    this.keys = new Int32Array(occupied);
    this.counts = new Uint16Array(occupied);
    this.n = 0;
    for (let i = 0; i < d.length; i++) {
      if (d[i] === 0) continue;
      if (!fitsCount(d[i]!)) this.widenCounts();
      this.keys[this.n] = this.offset + i;
      this.counts[this.n++] = d[i]!;
    }
    this.dense = null;
  }

  private addDense(index: number, n: number): void {
    const d = this.dense!;
    if (index < this.offset || index >= this.offset + d.length) {
      // A far outlier would stretch the run over empty buckets: back to the sparse list while it is short.
      const span = Math.max(index + 1, this.offset + d.length) - Math.min(index, this.offset);
      if (this.occupied < SPARSE_MAX_BUCKETS && span > DENSE_SPAN_FACTOR * (this.occupied + 1)) {
        this.toSparse();
        return this.add(index, n);
      }
      this.grow(index);
    }
    const j = index - this.offset;
    if (this.dense![j] === 0 && n !== 0) this.occupied++;
    this.dense![j]! += n;
  }

  private grow(index: number): void {
    const counts = this.dense!;
    const lo = Math.min(this.offset, index);
    const hi = Math.max(this.offset + counts.length, index + 1);
    // Grow with slack on the side that overflowed, so a sweep of increasing values is amortised O(1).
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
  forEach(f: (index: number, count: number) => void): void {
    if (!this.dense) {
      const { keys, counts } = this;
      for (let i = 0; i < this.n; i++) if (counts[i] !== 0) f(keys[i]!, counts[i]!);
      return;
    }
    const d = this.dense;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) f(this.offset + i, d[i]!);
  }

  /** Same as forEach, in descending index order. */
  forEachDescending(f: (index: number, count: number) => void): void {
    if (!this.dense) {
      const { keys, counts } = this;
      for (let i = this.n - 1; i >= 0; i--) if (counts[i] !== 0) f(keys[i]!, counts[i]!);
      return;
    }
    const d = this.dense;
    for (let i = d.length - 1; i >= 0; i--) if (d[i] !== 0) f(this.offset + i, d[i]!);
  }

  /** Number of buckets this store holds memory for (occupied ones when sparse): what it costs, for tests. */
  get allocatedBuckets(): number {
    return this.dense ? this.dense.length : this.n;
  }

  /** Bytes of the arrays this store holds, its sparse list's spare capacity included: for tests. */
  get allocatedBytes(): number {
    return this.dense ? this.dense.byteLength : this.keys.byteLength + this.counts.byteLength;
  }

  total(): number {
    let n = 0;
    this.forEach((_, c) => (n += c));
    return n;
  }

  /** [first, last] occupied indices, or null when empty. */
  range(): [number, number] | null {
    let first = NaN;
    let last = NaN;
    this.forEach((i) => {
      if (first !== first) first = i;
      last = i;
    });
    return first === first ? [first, last] : null;
  }

  /** The contract's form: a dense run of counts from the first occupied index to the last. */
  toJson(): { offset: number; counts: number[] } {
    const r = this.range();
    if (!r) return { offset: 0, counts: [] };
    // Filled into an array of the final length: Array.from(typed array) grows as it iterates, leaving up to half
    // again as much spare capacity in every column's counts of a wide profile.
    const counts = new Array<number>(r[1] - r[0] + 1).fill(0);
    this.forEach((i, c) => (counts[i - r[0]] = c));
    return { offset: r[0], counts };
  }

  static fromJson(j: { offset: number; counts: number[] } | SketchStoreJson): Store {
    const s = new Store();
    if (j instanceof SketchStoreJson) {
      // Its indices ascend without repeats: the sparse form as it is, at its length (adding them one by one grew the
      // list with spare capacity, in every numeric column of a profile used as a drift reference), made dense where
      // adding them would have.
      const n = j.indices.length;
      if (n === 0) return s;
      s.keys = Int32Array.from(j.indices);
      s.counts = j.values.every(fitsCount) ? Uint16Array.from(j.values) : Float64Array.from(j.values);
      s.n = n;
      s.denseIfDue();
      return s;
    }
    // Read sparsely: a profile's dense runs are mostly zeros when a column has few distinct values.
    for (let i = 0; i < j.counts.length; i++) if (j.counts[i] !== 0) s.add(j.offset + i, j.counts[i]!);
    return s;
  }
}

/** Whether a count is held exactly by a Uint16Array. */
function fitsCount(v: number): boolean {
  return v === (v & 0xffff);
}

/**
 * A sparse list of at least DENSE_MIN_BUCKETS becomes a dense run once the run would be at most DENSE_SPAN_FACTOR
 * times as long as the list; a run that an outlier would stretch past that goes back to a list. A run costs 8 bytes a
 * bucket of its span (plus the slack it grows with), the list 6 an occupied bucket plus up to a quarter of slack (12
 * with counts that are not 16-bit integers): at 1.25 a run costs at most some 1.5 times the list, for adds in O(1)
 * where the list searches and inserts. (It was 2 when the list took 16 bytes a bucket, as two arrays of JS numbers.)
 */
const DENSE_MIN_BUCKETS = 32;
const DENSE_SPAN_FACTOR = 1.25;

/** First position in ascending keys[0..n) whose key is >= index. */
function lowerBound(keys: Int32Array, n: number, index: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A store in a profile held in memory: its occupied buckets only (ascending indices and their counts, arrays of their
 * exact length, one shared instance when empty). A wide profile so costs memory for the buckets its columns occupy,
 * not for the runs between them (values 1..9 at accuracy 0.001 occupy 9 buckets of a run of 1,100). The fields are
 * canonical, so two equal stores compare equal field by field.
 *
 * Written (JSON.stringify calls toJSON) in the form of profile version 2: counts from `offset` on, where a negative
 * entry -n stands for n empty buckets, so a six-value column's store is some 50 bytes rather than a 1,100-count run.
 * `counts`, read in code, is still the dense run of version 1 (what SketchJson promises).
 */
export class SketchStoreJson {
  static readonly EMPTY = new SketchStoreJson([], []);

  constructor(
    readonly indices: readonly number[],
    readonly values: readonly number[],
  ) {}

  static of(store: Store): SketchStoreJson {
    let n = 0;
    store.forEach(() => n++);
    if (n === 0) return SketchStoreJson.EMPTY;
    // Preallocated: arrays grown by push keep up to half again as much capacity, in every column of a wide profile.
    const indices = new Array<number>(n);
    const values = new Array<number>(n);
    let j = 0;
    store.forEach((i, c) => {
      indices[j] = i;
      values[j++] = c;
    });
    return new SketchStoreJson(indices, values);
  }

  /**
   * A store as a profile file holds it: version 1's dense run, or version 2's run with skips (-n for n empty
   * buckets; a 0 is one empty bucket in both). Read sparsely, whatever span the skips cover. The caller has checked
   * the types (the JSON Schema); checkProfile checks the keys' range.
   */
  static fromContract(j: { offset: number; counts: readonly number[] }): SketchStoreJson {
    let n = 0;
    for (const c of j.counts) if (c > 0) n++;
    if (n === 0) return SketchStoreJson.EMPTY;
    const indices = new Array<number>(n);
    const values = new Array<number>(n);
    let key = j.offset;
    let k = 0;
    for (const c of j.counts) {
      if (c > 0) {
        indices[k] = key;
        values[k++] = c;
        key++;
      } else key += c === 0 ? 1 : -c;
    }
    return new SketchStoreJson(indices, values);
  }

  get offset(): number {
    return this.indices[0] ?? 0;
  }

  /** The dense run of version 1: counts of every key from offset to the last occupied one. */
  get counts(): number[] {
    const n = this.indices.length;
    if (n === 0) return [];
    const offset = this.indices[0]!;
    const counts = new Array<number>(this.indices[n - 1]! - offset + 1).fill(0);
    for (let i = 0; i < n; i++) counts[this.indices[i]! - offset] = this.values[i]!;
    return counts;
  }

  /** Profile version 2's form: each gap of empty buckets between two occupied ones is one negative entry. */
  toJSON(): { offset: number; counts: number[] } {
    const n = this.indices.length;
    if (n === 0) return { offset: 0, counts: [] };
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      const gap = i === 0 ? 0 : this.indices[i]! - this.indices[i - 1]! - 1;
      if (gap > 0) counts.push(-gap);
      counts.push(this.values[i]!);
    }
    return { offset: this.indices[0]!, counts };
  }
}

export class QuantileSketch {
  readonly gamma: number;
  private readonly lnGamma: number;
  /** Log index of MIN_INDEXABLE: keys are shifted by it so that every key is a positive distance from zero. */
  private readonly minIndex: number;
  zero = 0;
  positiveInfinity = 0;
  negativeInfinity = 0;
  /** Key of +Infinity (its negation is the key of -Infinity): one past the bucket of the largest double. */
  readonly infinityKey: number;
  private positive = new Store();
  private negative = new Store();

  constructor(readonly relativeAccuracy = 0.001) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) throw new RangeError("relative accuracy must be in (0, 1)");
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.lnGamma = Math.log(this.gamma);
    this.minIndex = this.logIndex(MIN_INDEXABLE);
    this.infinityKey = this.key(Number.MAX_VALUE) + 1;
  }

  private logIndex(abs: number): number {
    return Math.ceil(Math.log(abs) / this.lnGamma);
  }

  /**
   * The bucket's integer key, monotone non-decreasing in x: 0 for zero, positive keys for positive values, negative
   * keys for negative values. Infinite values take +-infinityKey.
   */
  key(x: number): number {
    if (x === Infinity) return this.infinityKey;
    if (x === -Infinity) return -this.infinityKey;
    const abs = Math.abs(x);
    if (abs < MIN_INDEXABLE) return 0;
    const k = this.logIndex(Math.min(abs, Number.MAX_VALUE)) - this.minIndex + 1;
    return x > 0 ? k : -k;
  }

  /** Upper boundary of the bucket with this key (for display; comparisons use keys). */
  keyUpperBound(key: number): number {
    if (key === 0) return 0;
    if (Math.abs(key) >= this.infinityKey) return key > 0 ? Infinity : -Infinity;
    const idx = Math.abs(key) + this.minIndex - 1;
    return key > 0 ? Math.pow(this.gamma, idx) : -Math.pow(this.gamma, idx - 1);
  }

  /** A value that stands for every value of the bucket within the relative accuracy. */
  keyValue(key: number): number {
    if (key === 0) return 0;
    if (Math.abs(key) >= this.infinityKey) return key > 0 ? Infinity : -Infinity;
    const idx = Math.abs(key) + this.minIndex - 1;
    // In logs, so the outermost buckets near Number.MAX_VALUE do not overflow.
    const v = Math.exp(idx * this.lnGamma + Math.log(2 / (this.gamma + 1)));
    return key > 0 ? v : -v;
  }

  /** Adds x n times; NaN adds nothing, as addValues skips it (its key would be NaN, which no store can hold). */
  add(x: number, n = 1): void {
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
  addValues(values: ArrayLike<number>, valid: ArrayLike<number>): void {
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
      const x = values[i]!;
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

  private addFinite(x: number, n: number): void {
    const k = this.key(x);
    if (k === 0) this.zero += n;
    else if (k > 0) this.positive.add(k, n);
    else this.negative.add(-k, n);
  }

  get count(): number {
    return this.zero + this.positiveInfinity + this.negativeInfinity + this.positive.total() + this.negative.total();
  }

  merge(other: QuantileSketch): void {
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
  forEachStored(sign: 1 | -1, f: (index: number, count: number) => void): void {
    (sign === 1 ? this.positive : this.negative).forEach(f);
  }

  /**
   * merge() of a sketch of this accuracy given as its three counts and its stores' occupied buckets as forEachStored
   * lists them: keys[from..mid) with their counts for the positive store, keys[mid..to) for the negative one.
   */
  mergeStored(
    zero: number,
    positiveInfinity: number,
    negativeInfinity: number,
    keys: ArrayLike<number>,
    counts: ArrayLike<number>,
    from: number,
    mid: number,
    to: number,
  ): void {
    this.zero += zero;
    this.positiveInfinity += positiveInfinity;
    this.negativeInfinity += negativeInfinity;
    this.positive.addSorted(keys, counts, from, mid);
    this.negative.addSorted(keys, counts, mid, to);
  }

  /** Occupied buckets in ascending key order: parallel arrays of keys and counts. */
  buckets(): { keys: Int32Array; counts: Float64Array } {
    const keys: number[] = [];
    const counts: number[] = [];
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
  quantileKey(q: number): number {
    return quantileKeyOf(this.buckets(), q);
  }

  quantile(q: number): number {
    const k = this.quantileKey(q);
    return Number.isNaN(k) ? NaN : this.keyValue(k);
  }

  /** quantile(q) for each q, listing the buckets once rather than once per quantile (or not at all, when given). */
  quantiles(qs: readonly number[], buckets = this.buckets()): number[] {
    return qs.map((q) => {
      const k = quantileKeyOf(buckets, q);
      return Number.isNaN(k) ? NaN : this.keyValue(k);
    });
  }

  toJson(): SketchJson {
    return this.json(this.positive.toJson(), this.negative.toJson());
  }

  /**
   * The same document for a profile held in memory: its stores hold the occupied buckets only until written
   * (see SketchStoreJson).
   */
  toProfileJson(): SketchJson {
    return this.json(SketchStoreJson.of(this.positive), SketchStoreJson.of(this.negative));
  }

  /** Number of buckets the two stores hold memory for: O(occupied buckets) while sparse. */
  get allocatedBuckets(): number {
    return this.positive.allocatedBuckets + this.negative.allocatedBuckets;
  }

  private json(positive: SketchJson["positive"], negative: SketchJson["negative"]): SketchJson {
    return {
      relative_accuracy: this.relativeAccuracy,
      zero: this.zero,
      positive,
      negative,
      // Written only when there are some, so profiles without infinities stay as they were.
      ...(this.positiveInfinity !== 0 ? { positive_infinity: this.positiveInfinity } : {}),
      ...(this.negativeInfinity !== 0 ? { negative_infinity: this.negativeInfinity } : {}),
    };
  }

  static fromJson(j: SketchJson): QuantileSketch {
    const s = new QuantileSketch(j.relative_accuracy);
    s.zero = j.zero;
    s.positive = Store.fromJson(j.positive);
    s.negative = Store.fromJson(j.negative);
    s.positiveInfinity = j.positive_infinity ?? 0;
    s.negativeInfinity = j.negative_infinity ?? 0;
    return s;
  }
}

/** Longest run of buckets counted in a scratch array at once (8 MB); a wider batch is added key by key. */
const MAX_SCRATCH_SPAN = 1 << 20;
let keyScratch = new Int32Array(0);
let countScratch = new Float64Array(0);
let occupiedKeys = new Int32Array(0);
let occupiedCounts = new Float64Array(0);

function scratchKeys(n: number): Int32Array {
  if (keyScratch.length < n) keyScratch = new Int32Array(Math.max(n, 2 * keyScratch.length));
  return keyScratch;
}

/**
 * Adds to `store` the keys of one sign (`sign` 1: the positive keys as they are; -1: the negated negative ones) among
 * keys[0..m), which span lo..hi: counted in the scratch run and added as one ascending list of occupied buckets (one
 * merge pass, for a sparse store), or one by one where the span is too wide for the scratch. The scratch is left all
 * zeros.
 */
function addKeys(store: Store, keys: Int32Array, m: number, sign: 1 | -1, lo: number, hi: number): void {
  const span = hi - lo + 1;
  if (span > MAX_SCRATCH_SPAN) {
    for (let j = 0; j < m; j++) {
      const k = keys[j]! * sign;
      if (k > 0) store.addOne(k);
    }
    return;
  }
  if (countScratch.length < span) countScratch = new Float64Array(Math.max(span, 2 * countScratch.length));
  const counts = countScratch;
  for (let j = 0; j < m; j++) {
    const k = keys[j]! * sign;
    if (k > 0) counts[k - lo]!++;
  }
  // The occupied buckets, ascending, into one list the store merges in a pass.
  const most = Math.min(m, span);
  if (occupiedKeys.length < most) {
    occupiedKeys = new Int32Array(Math.max(most, 2 * occupiedKeys.length));
    occupiedCounts = new Float64Array(occupiedKeys.length);
  }
  let n = 0;
  for (let b = 0; b < span; b++) {
    const c = counts[b]!;
    if (c === 0) continue;
    counts[b] = 0;
    occupiedKeys[n] = b + lo;
    occupiedCounts[n++] = c;
  }
  store.addSorted(occupiedKeys, occupiedCounts, 0, n);
}

/** Key of the bucket holding the value of rank floor(q * (n - 1)) among the occupied buckets; NaN when empty. */
function quantileKeyOf({ keys, counts }: { keys: Int32Array; counts: Float64Array }, q: number): number {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return NaN;
  const rank = Math.floor(Math.min(Math.max(q, 0), 1) * (total - 1));
  let seen = 0;
  for (let i = 0; i < keys.length; i++) {
    seen += counts[i]!;
    if (seen > rank) return keys[i]!;
  }
  return keys[keys.length - 1]!;
}
