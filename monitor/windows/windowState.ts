import type { CategoricalSample, ColumnSample, SketchNumericSample } from "../../src/drift/columnSample.js";
import { QuantileSketch, type SketchJson } from "../../src/profile/quantileSketch.js";
import {
  ABSENT,
  MAX_CATEGORY_CODES,
  NULL,
  obtainBatch,
  PREDICTION_BOOLEAN,
  PREDICTION_INVALID,
  PREDICTION_MISSING,
  PREDICTION_NUMBER,
  PREDICTION_STRING,
  VALUE,
  type EventBatch,
} from "../ingest/eventBatch.js";
import { recordOf, type BatchStats } from "../ingest/batchStats.js";
import { CbpeSketch, type CbpeSketchJson } from "../../src/performance/cbpe/cbpeSketch.js";
import { addEstimationBatch } from "../performance/estimatedPerformance.js";
import type { FeatureLayout, MeasuredReference } from "../ingest/featureLayout.js";

/**
 * What one window has seen, per feature: numeric features as a quantile sketch plus count/mean/m2 (the profile
 * math, so two windows' states merge into the state of their union), categorical features as value counts. The
 * prediction is kept the same way, numbers in a sketch and anything else in counts.
 */
export class NumericAccumulator {
  readonly kind = "numeric";
  sketch: QuantileSketch;
  count = 0;
  finite = 0;
  mean = 0;
  m2 = 0;
  missing = 0;
  invalid = 0;
  /** Finite values outside the reference's [low, high] (the out-of-range quality signal); 0 without a range. */
  outOfRange = 0;
  private readonly low: number;
  private readonly high: number;
  /** `range`: the reference's finite [min, max] (null: not counted). */
  constructor(
    accuracy: number,
    readonly range: readonly [number, number] | null = null,
  ) {
    this.sketch = new QuantileSketch(accuracy);
    this.low = range ? range[0] : -Infinity;
    this.high = range ? range[1] : Infinity;
  }

  add(x: number): void {
    this.count++;
    this.sketch.add(x);
    if (x === Infinity || x === -Infinity) return;
    if (x < this.low || x > this.high) this.outOfRange++;
    // Welford's update: exact enough to merge with Chan's formula.
    this.finite++;
    const d = x - this.mean;
    this.mean += d / this.finite;
    this.m2 += d * (x - this.mean);
  }

  merge(o: NumericAccumulator): void {
    this.sketch.merge(o.sketch);
    const n = this.finite + o.finite;
    if (n > 0) {
      const d = o.mean - this.mean;
      this.m2 += o.m2 + (d * d * this.finite * o.finite) / n;
      this.mean += (d * o.finite) / n;
    }
    this.finite = n;
    this.count += o.count;
    this.missing += o.missing;
    this.invalid += o.invalid;
    this.outOfRange += o.outOfRange;
  }

  sample(): SketchNumericSample {
    return {
      kind: "numeric",
      form: "sketch",
      sketch: this.sketch,
      count: this.count,
      std0: this.finite > 0 ? Math.sqrt(this.m2 / this.finite) : null,
      missing: this.missing + this.invalid,
      ...(this.range ? { outOfRange: this.outOfRange } : {}),
    };
  }

  toJson(): NumericJson {
    const { count, finite, mean, m2, missing, invalid, outOfRange } = this;
    const out: NumericJson = {
      kind: "numeric",
      count,
      finite,
      mean,
      m2,
      missing,
      invalid,
      sketch: this.sketch.toJson(),
    };
    // Absent when 0: snapshots and fleet partials of windows without out-of-range values read as before.
    if (outOfRange > 0) out.out_of_range = outOfRange;
    return out;
  }

  /**
   * The accumulator a snapshot holds at `path`; throws naming the field when a number is not what toJson writes (a
   * count that is not a non-negative integer, a moment that is not finite, a sketch whose counts do not add up).
   */
  static fromJson(
    j: NumericJson,
    path = "numeric",
    accuracy?: number,
    range: readonly [number, number] | null = null,
  ): NumericAccumulator {
    const count = countAt(j.count, `${path}.count`);
    const finite = countAt(j.finite, `${path}.finite`);
    if (finite > count) throw new Error(`${path}.finite: ${finite} is above the count ${count}`);
    const mean = finiteAt(j.mean, `${path}.mean`);
    const m2 = finiteAt(j.m2, `${path}.m2`);
    if (m2 < 0) throw new Error(`${path}.m2: ${m2} is negative`);
    const sketch = sketchAt(j.sketch, `${path}.sketch`, accuracy);
    if (sketch.count !== count) throw new Error(`${path}.sketch: its counts add up to ${sketch.count}, not ${count}`);
    const a = new NumericAccumulator(sketch.accuracy, range);
    a.sketch = QuantileSketch.fromJson(j.sketch);
    Object.assign(a, { count, finite, mean, m2, missing: countAt(j.missing, `${path}.missing`) });
    a.invalid = countAt(j.invalid, `${path}.invalid`);
    if (j.out_of_range !== undefined) {
      a.outOfRange = countAt(j.out_of_range, `${path}.out_of_range`);
      if (a.outOfRange > finite) throw new Error(`${path}.out_of_range: ${a.outOfRange} is above the finite ${finite}`);
    }
    return a;
  }
}

export class CategoricalAccumulator {
  readonly kind = "categorical";
  counts = new Map<string, number>();
  count = 0;
  missing = 0;
  invalid = 0;

  add(v: string, n = 1): void {
    this.count += n;
    this.counts.set(v, (this.counts.get(v) ?? 0) + n);
  }

  merge(o: CategoricalAccumulator): void {
    for (const [v, c] of o.counts) this.counts.set(v, (this.counts.get(v) ?? 0) + c);
    this.count += o.count;
    this.missing += o.missing;
    this.invalid += o.invalid;
  }

  sample(): CategoricalSample {
    return { kind: "categorical", counts: this.counts, count: this.count, missing: this.missing + this.invalid };
  }

  toJson(): CategoricalJson {
    const entries = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      kind: "categorical",
      count: this.count,
      missing: this.missing,
      invalid: this.invalid,
      values: entries.map((e) => e[0]),
      counts: entries.map((e) => e[1]),
    };
  }

  /** The accumulator a snapshot holds at `path`; throws naming the field when it is not what toJson writes. */
  static fromJson(j: CategoricalJson, path = "categorical"): CategoricalAccumulator {
    const a = new CategoricalAccumulator();
    if (!Array.isArray(j.values) || !Array.isArray(j.counts) || j.values.length !== j.counts.length)
      throw new Error(`${path}.values and ${path}.counts are not two lists of the same length`);
    let total = 0;
    j.values.forEach((v, i) => {
      if (typeof v !== "string") throw new Error(`${path}.values[${i}] is not a string`);
      if (a.counts.has(v)) throw new Error(`${path}.values[${i}]: the value is listed twice`);
      const c = countAt(j.counts[i], `${path}.counts[${i}]`);
      a.counts.set(v, c);
      total += c;
    });
    a.count = countAt(j.count, `${path}.count`);
    if (total !== a.count) throw new Error(`${path}.counts: they add up to ${total}, not the count ${a.count}`);
    a.missing = countAt(j.missing, `${path}.missing`);
    a.invalid = countAt(j.invalid, `${path}.invalid`);
    return a;
  }
}

export interface NumericJson {
  kind: "numeric";
  count: number;
  finite: number;
  mean: number;
  m2: number;
  missing: number;
  invalid: number;
  /** Finite values outside the reference's range (absent: 0). */
  out_of_range?: number;
  sketch: SketchJson;
}
export interface CategoricalJson {
  kind: "categorical";
  count: number;
  missing: number;
  invalid: number;
  values: string[];
  counts: number[];
}

export interface WindowStateJson {
  index: number;
  started_at: number;
  events: number;
  features: Record<string, NumericJson | CategoricalJson>;
  prediction: { numeric: NumericJson; categorical: CategoricalJson; missing: number };
  unknown: Record<string, number>;
  unknown_other: number;
  /** With `estimation`: the window's CBPE sketch and the events without a usable probability (absent before). */
  estimation?: CbpeSketchJson & { missing_probability: number };
  /** The production version the window was measured against, in a fleet following production (absent otherwise). */
  reference?: string;
}

/** Distinct unknown feature names remembered per window; the rest are counted together. */
const MAX_UNKNOWN_NAMES = 100;

/** Scratch for addBatch: counts per intern code, and the codes in order of first appearance. */
const codeCounts = new Float64Array(MAX_CATEGORY_CODES);
const codeOrder = new Int32Array(MAX_CATEGORY_CODES);

/** The first index of the sorted `xs` whose value is >= x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type Accumulator = NumericAccumulator | CategoricalAccumulator | null;

export class WindowState {
  events = 0;
  readonly slots: Accumulator[];
  readonly predictionNumeric: NumericAccumulator;
  readonly predictionCategorical = new CategoricalAccumulator();
  predictionMissing = 0;
  readonly unknown = new Map<string, number>();
  unknownOther = 0;
  /** With `estimation` (the layout's estimator): the CBPE sketch of the events' probabilities, made on first use. */
  cbpe: CbpeSketch | null = null;
  /** Events that carried no usable positive-class probability, while estimating. */
  cbpeMissing = 0;
  /** The fleet's reference this window is measured against (layout.referenceAt), or null: the layout's own. */
  private readonly measured: MeasuredReference | null;
  /** The version of `measured` (or of a partial read back: what it was measured against); null without one. */
  reference: string | null;
  /**
   * A window read back measured against another version than the one this member measures its start against now (that
   * version failed to load after a restart): the events it gets from now on make it mixed (see fromJson).
   */
  private readBack: string | null = null;

  /** The version events added now are measured against (a mixed window's `reference` names two); null without one. */
  get measuredVersion(): string | null {
    return this.measured?.version ?? this.reference;
  }

  constructor(
    readonly layout: FeatureLayout,
    public index: number,
    readonly startedAt: number,
  ) {
    this.measured = layout.referenceAt?.(startedAt) ?? null;
    this.reference = this.measured?.version ?? null;
    const ranges = this.measured ? this.measured.ranges : layout.ranges;
    this.slots = layout.kinds.map((k, i) =>
      k === "numeric"
        ? new NumericAccumulator(layout.accuracy, ranges?.[i] ?? null)
        : k === "categorical"
          ? new CategoricalAccumulator()
          : null,
    );
    this.predictionNumeric = new NumericAccumulator(layout.accuracy);
  }

  /**
   * Adds one event's features (an already-parsed JSON object). Returns the number of type mismatches (a string for a
   * numeric feature, an object anywhere), which count as invalid values of their feature. The one-event form of
   * addBatch, for callers holding objects (the tests' reference path); ingest uses addBatch.
   */
  addEvent(features: Record<string, unknown>, prediction: unknown, batch?: BatchStats): number {
    const one = obtainBatch(this.layout);
    try {
      one.appendObject(features, prediction);
      return this.addBatch(one, 0, 1, batch);
    } finally {
      one.release();
    }
  }

  /**
   * Adds events [from, to) of a parsed batch, feature by feature (each accumulator still sees its values in event
   * order, so the state is the one adding the events one at a time gives). Returns the number of invalid values.
   */
  addBatch(b: EventBatch, from: number, to: number, batch?: BatchStats): number {
    const w = b.width;
    const { status, values } = b;
    const tally = { absent: 0, invalid: 0 };
    for (let f = 0; f < this.slots.length; f++) {
      const slot = this.slots[f];
      if (!slot) continue;
      if (slot.kind === "numeric") {
        for (let k = from * w + f, e = from; e < to; e++, k += w) {
          const st = status[k];
          if (st === VALUE) slot.add(values[k]!);
          else noValue(slot, st, tally);
        }
      } else if (b.extra.length === 0) {
        // Every value has an intern code: count per code, then add each value once, in order of first appearance
        // (the order the per-event adds would have inserted them in).
        const strings = b.encoding.categories[f]!.strings;
        let distinct = 0;
        for (let k = from * w + f, e = from; e < to; e++, k += w) {
          const st = status[k];
          if (st === VALUE) {
            const code = values[k]!;
            const seen = codeCounts[code]!;
            codeCounts[code] = seen + 1;
            if (seen === 0) codeOrder[distinct++] = code;
          } else noValue(slot, st, tally);
        }
        for (let i = 0; i < distinct; i++) {
          const code = codeOrder[i]!;
          slot.add(strings[code]!, codeCounts[code]!);
          codeCounts[code] = 0;
        }
      } else {
        for (let k = from * w + f, e = from; e < to; e++, k += w) {
          const st = status[k];
          if (st === VALUE) slot.add(b.category(f, values[k]!));
          else noValue(slot, st, tally);
        }
      }
    }
    const ps = b.predictionStatus;
    const pv = b.predictionValues;
    for (let e = from; e < to; e++) {
      const st = ps[e];
      if (st === PREDICTION_MISSING) this.predictionMissing++;
      else if (st === PREDICTION_NUMBER) this.predictionNumeric.add(pv[e]!);
      else if (st === PREDICTION_STRING) this.predictionCategorical.add(b.category(-1, pv[e]!));
      else if (st === PREDICTION_BOOLEAN) this.predictionCategorical.add(pv[e] === 1 ? "true" : "false");
      else if (st === PREDICTION_INVALID) {
        // A class name UTF-8 cannot hold (a lone surrogate): missing to the tests, an invalid value to the sender.
        this.predictionMissing++;
        tally.invalid++;
      }
    }
    const estimator = this.measured?.estimator !== undefined ? this.measured.estimator : this.layout.estimator;
    if (estimator) this.cbpeMissing += addEstimationBatch(estimator, (this.cbpe ??= new CbpeSketch()), b, from, to);
    const ue = b.unknownEvent;
    for (let k = lowerBound(ue, from); k < ue.length && ue[k]! < to; k++) {
      const key = b.unknownName[k]!;
      this.noteUnknown(key);
      if (batch) batch.unknown.set(key, (batch.unknown.get(key) ?? 0) + 1);
    }
    this.events += to - from;
    if (this.readBack !== null && to > from) {
      // Neither version's counts alone: the leader finds no single version in it and leaves it out.
      this.reference = `${this.readBack}+${this.measured!.version}`;
      this.readBack = null;
    }
    if (batch) {
      batch.missing += tally.absent;
      batch.invalid += tally.invalid;
    }
    return tally.invalid;
  }

  private noteUnknown(key: string): void {
    const c = this.unknown.get(key);
    if (c !== undefined) this.unknown.set(key, c + 1);
    else if (this.unknown.size < MAX_UNKNOWN_NAMES) this.unknown.set(key, 1);
    else this.unknownOther++;
  }

  /** Merges another window's state into this one (same layout). */
  merge(o: WindowState): void {
    this.events += o.events;
    this.slots.forEach((s, i) => {
      const t = o.slots[i];
      if (s && t && s.kind === t.kind) (s as NumericAccumulator).merge(t as NumericAccumulator);
    });
    this.predictionNumeric.merge(o.predictionNumeric);
    this.predictionCategorical.merge(o.predictionCategorical);
    this.predictionMissing += o.predictionMissing;
    for (const [k, c] of o.unknown) this.unknown.set(k, (this.unknown.get(k) ?? 0) + c);
    this.unknownOther += o.unknownOther;
    if (o.cbpe) (this.cbpe ??= new CbpeSketch()).merge(o.cbpe);
    this.cbpeMissing += o.cbpeMissing;
  }

  /** The current samples for detectDrift. */
  samples(): Map<string, ColumnSample> {
    const out = new Map<string, ColumnSample>();
    this.slots.forEach((s, i) => {
      if (s) out.set(this.layout.names[i]!, s.sample());
    });
    return out;
  }

  toJson(): WindowStateJson {
    // Feature names are data: on a plain object a feature named __proto__ would set the prototype, not a field.
    const features = Object.create(null) as WindowStateJson["features"];
    this.slots.forEach((s, i) => {
      if (s) features[this.layout.names[i]!] = s.toJson();
    });
    return {
      index: this.index,
      started_at: this.startedAt,
      events: this.events,
      features,
      prediction: {
        numeric: this.predictionNumeric.toJson(),
        categorical: this.predictionCategorical.toJson(),
        missing: this.predictionMissing,
      },
      unknown: recordOf(this.unknown),
      unknown_other: this.unknownOther,
      ...(this.cbpe ? { estimation: { ...this.cbpe.toJSON(), missing_probability: this.cbpeMissing } } : {}),
      ...(this.reference !== null ? { reference: this.reference } : {}),
    };
  }

  /**
   * The window a snapshot holds (`window` in it); throws an Error naming the field (`window.features.<name>.count`)
   * when it is not what toJson writes, so a hand-edited negative count or a string for a number is refused.
   */
  static fromJson(layout: FeatureLayout, j: WindowStateJson): WindowState {
    const p = "window";
    const w = new WindowState(layout, countAt(j.index, `${p}.index`), countAt(j.started_at, `${p}.started_at`));
    w.events = countAt(j.events, `${p}.events`);
    if (j.reference !== undefined) {
      if (typeof j.reference !== "string") throw new Error(`${p}.reference is not a string`);
      // What its counts were measured against, even when this member would measure the window otherwise now. If it
      // would, the window is marked mixed once an event is added to it rather than refusing events until that version
      // loads: only this member's share of this one window is lost (as for a member that could not load a switch in
      // time), where refusing would hold or drop its events of every window meanwhile; and a window read back that
      // gets no new event (a closed one waiting to be published) keeps its version.
      w.reference = j.reference;
      if (w.measured && w.measured.version !== j.reference) w.readBack = j.reference;
    }
    if (!isObject(j.features)) throw new Error(`${p}.features is not an object`);
    layout.names.forEach((name, i) => {
      // Own fields only: features.constructor of a snapshot without that feature is Object's, not a feature's.
      if (!Object.hasOwn(j.features, name)) return;
      const f = j.features[name]!;
      const at = `${p}.features.${name}`;
      if (!isObject(f)) throw new Error(`${at} is not an object`);
      w.slots[i] =
        f.kind === "numeric"
          ? NumericAccumulator.fromJson(
              f,
              at,
              layout.accuracy,
              (w.measured ? w.measured.ranges : layout.ranges)?.[i] ?? null,
            )
          : CategoricalAccumulator.fromJson(f, at);
    });
    if (!isObject(j.prediction) || !isObject(j.prediction.numeric) || !isObject(j.prediction.categorical))
      throw new Error(`${p}.prediction is not an object with numeric and categorical`);
    (w as { predictionNumeric: NumericAccumulator }).predictionNumeric = NumericAccumulator.fromJson(
      j.prediction.numeric,
      `${p}.prediction.numeric`,
      layout.accuracy,
    );
    (w as { predictionCategorical: CategoricalAccumulator }).predictionCategorical = CategoricalAccumulator.fromJson(
      j.prediction.categorical,
      `${p}.prediction.categorical`,
    );
    w.predictionMissing = countAt(j.prediction.missing, `${p}.prediction.missing`);
    if (!isObject(j.unknown)) throw new Error(`${p}.unknown is not an object`);
    for (const [k, c] of Object.entries(j.unknown)) w.unknown.set(k, countAt(c, `${p}.unknown.${k}`));
    w.unknownOther = countAt(j.unknown_other, `${p}.unknown_other`);
    if (j.estimation !== undefined) {
      if (!isObject(j.estimation)) throw new Error(`${p}.estimation is not an object`);
      try {
        w.cbpe = CbpeSketch.fromJSON(j.estimation);
      } catch (e) {
        throw new Error(`${p}.estimation: ${(e as Error).message}`);
      }
      w.cbpeMissing = countAt(j.estimation.missing_probability, `${p}.estimation.missing_probability`);
    }
    return w;
  }
}

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `v` as a count (a non-negative safe integer); otherwise an Error naming the snapshot field `path`. */
export function countAt(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    throw new Error(`${path}: ${JSON.stringify(v) ?? "nothing"} is not a non-negative integer`);
  return v;
}

function finiteAt(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new Error(`${path}: ${JSON.stringify(v) ?? "nothing"} is not a finite number`);
  return v;
}

/**
 * Checks a sketch of a snapshot: its accuracy (the profile's, when given), integer key offsets inside the range that
 * accuracy can index, and counts; returns the accuracy and the total count.
 */
function sketchAt(j: SketchJson, path: string, accuracy?: number): { accuracy: number; count: number } {
  if (!isObject(j)) throw new Error(`${path} is not an object`);
  const a = j.relative_accuracy;
  if (typeof a !== "number" || !(a > 0 && a < 1) || (accuracy !== undefined && a !== accuracy))
    throw new Error(`${path}.relative_accuracy: ${JSON.stringify(a) ?? "nothing"} is not the profile's ${accuracy}`);
  let count = countAt(j.zero, `${path}.zero`);
  const maxKey = new QuantileSketch(a).key(Number.MAX_VALUE);
  for (const side of ["positive", "negative"] as const) {
    const store = j[side];
    if (!isObject(store) || !Array.isArray(store.counts)) throw new Error(`${path}.${side} is not a sketch store`);
    if (!Number.isSafeInteger(store.offset)) throw new Error(`${path}.${side}.offset is not an integer`);
    const n = store.counts.length;
    if (n > 0 && (store.offset < 1 || store.offset + n - 1 > maxKey))
      throw new Error(`${path}.${side}: keys ${store.offset}..${store.offset + n - 1} are outside 1..${maxKey}`);
    store.counts.forEach((c, i) => (count += countAt(c, `${path}.${side}.counts[${i}]`)));
  }
  return { accuracy: a, count };
}

/**
 * Counts a feature value that is not there: absent from the event or null (missing to the drift tests; only an absent
 * one counts as a missing value in the batch stats), or of the wrong type (invalid).
 */
function noValue(
  slot: { missing: number; invalid: number },
  st: number | undefined,
  tally: { absent: number; invalid: number },
): void {
  if (st === ABSENT) {
    slot.missing++;
    tally.absent++;
  } else if (st === NULL) slot.missing++;
  else {
    slot.invalid++;
    tally.invalid++;
  }
}
