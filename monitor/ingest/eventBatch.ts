import { eventTimeOf } from "./eventTime.js";
import type { FeatureLayout } from "./featureLayout.js";

/**
 * A parsed ingest batch, column-ready: for each event and each reference feature a status byte and a number (the value
 * of a numeric feature, the interned code of a categorical one), the prediction the same way, and the unknown feature
 * names in order. `WindowState.addBatch` reads it straight into the window's accumulators; there is no object per
 * event. Batches are pooled per layout (`obtainBatch` / `release`), so steady ingest allocates no new typed arrays.
 *
 * The meaning of each status is what `WindowState.addEvent` did with a parsed JSON object:
 * - ABSENT: the key was not in `features` (counted missing, and reported as `missing_values`);
 * - VALUE: a number for a numeric feature; a string, number or boolean (as `String(v)`) for a categorical one;
 * - NULL: `null` (counted missing, not reported);
 * - INVALID: a wrong type: a string or boolean for a numeric feature, an object or array anywhere.
 */
export const ABSENT = 0;
export const VALUE = 1;
export const NULL = 2;
export const INVALID = 3;

/**
 * The prediction: absent or null; a number; a string (its intern code); a boolean (0 or 1; counted as the category
 * "true" / "false"); an object or array (ignored); a string with a lone surrogate escape (invalid: counted as a missing
 * prediction and an invalid value, never as a class, see setPrediction).
 */
export const PREDICTION_MISSING = 0;
export const PREDICTION_NUMBER = 1;
export const PREDICTION_STRING = 2;
export const PREDICTION_BOOLEAN = 3;
export const PREDICTION_OTHER = 4;
export const PREDICTION_INVALID = 5;

/** The longest event `id` kept, in UTF-8 bytes: a longer one is INVALID (a join key, not a payload). */
export const MAX_ID_BYTES = 256;

/** The parts of an event besides features, prediction and ts: the join key and the positive-class probability. */
export interface EventKeyFields {
  id?: unknown;
  probability?: unknown;
  probabilities?: unknown;
}

/**
 * A lone UTF-16 surrogate (JSON's "\ud800" escape): not text UTF-8 can hold, so a key with one would come back from
 * the label join's file as U+FFFD, another key (two such ids would even become one).
 */
export const LONE_SURROGATE = /\p{Cs}/u;

/**
 * An event's `id` as the join key: a string of 1 to MAX_ID_BYTES UTF-8 bytes as is, a safe integer as its decimal
 * text (so `7` and `"7"` are the same key: label files often carry ids as text); with the status it gets (ABSENT for
 * undefined, NULL for null, INVALID for anything else: booleans, fractions, objects, over-long or empty strings, strings with a lone surrogate).
 */
export function idOf(id: unknown): { status: number; id: string | null } {
  if (id === undefined) return { status: ABSENT, id: null };
  if (id === null) return { status: NULL, id: null };
  if (typeof id === "string") {
    const ok =
      id.length > 0 &&
      id.length <= MAX_ID_BYTES &&
      Buffer.byteLength(id, "utf8") <= MAX_ID_BYTES &&
      !LONE_SURROGATE.test(id);
    return ok ? { status: VALUE, id } : { status: INVALID, id: null };
  }
  if (typeof id === "number" && Number.isSafeInteger(id)) return { status: VALUE, id: String(id) };
  return { status: INVALID, id: null };
}

/** A probability as posted: VALUE for a number in [0, 1]; the status and NaN otherwise. */
function probabilityOf(p: unknown): { status: number; p: number } {
  if (p === undefined) return { status: ABSENT, p: NaN };
  if (p === null) return { status: NULL, p: NaN };
  if (typeof p === "number" && p >= 0 && p <= 1) return { status: VALUE, p };
  return { status: INVALID, p: NaN };
}

/**
 * The positive-class probability of an event: `probability` when it is there (not null), else
 * `probabilities[positiveClass]` (an object without that class gives ABSENT: a multi-class model has none); a
 * `probabilities` that is not an object is INVALID.
 */
export function positiveProbabilityOf(
  probability: unknown,
  probabilities: unknown,
  positiveClass: string,
): { status: number; p: number } {
  if (probability !== undefined && probability !== null) return probabilityOf(probability);
  if (probabilities === undefined) return probabilityOf(probability);
  if (probabilities === null) return { status: NULL, p: NaN };
  if (typeof probabilities !== "object" || Array.isArray(probabilities)) return { status: INVALID, p: NaN };
  if (!Object.prototype.hasOwnProperty.call(probabilities, positiveClass)) return { status: ABSENT, p: NaN };
  return probabilityOf((probabilities as Record<string, unknown>)[positiveClass]);
}

/** Distinct values interned per categorical feature (and for the prediction); rarer ones are kept per batch. */
export const MAX_CATEGORY_CODES = 1024;
/** Unknown feature names interned on top of the reference's names. */
const MAX_UNKNOWN_NAME_CODES = 256;
/** Bytes of raw (as sent) keys remembered per intern table. */
const MAX_KEY_BYTES = 64 * 1024;
/** Batches kept for reuse per layout, and the largest (in events) worth keeping. */
const POOL_SIZE = 8;
const POOL_MAX_CAPACITY = 1 << 16;

/**
 * Strings interned to dense codes 0, 1, 2, ..., looked up either by the string or, without making a string, by the raw
 * UTF-8 bytes it was sent as (an open-addressed FNV-1a table over remembered byte keys). Bounded: at most `maxCodes`
 * codes and `maxCodes` byte keys of at most MAX_KEY_BYTES in all, so a high-cardinality column cannot grow it.
 */
export class InternTable {
  readonly strings: string[] = [];
  private readonly byString = new Map<string, number>();
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly keyHash: Int32Array;
  private readonly keyStart: Int32Array;
  private readonly keyLength: Int32Array;
  private readonly keyCode: Int32Array;
  private keyBytes = Buffer.alloc(0);
  private keyBytesUsed = 0;
  private keys = 0;

  constructor(readonly maxCodes: number) {
    let size = 16;
    while (size < maxCodes * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.keyHash = new Int32Array(maxCodes);
    this.keyStart = new Int32Array(maxCodes);
    this.keyLength = new Int32Array(maxCodes);
    this.keyCode = new Int32Array(maxCodes);
  }

  get size(): number {
    return this.strings.length;
  }

  /** The code of `s`, interning it while there is room; -1 when the table is full and `s` is not in it. */
  codeOf(s: string): number {
    const code = this.byString.get(s);
    if (code !== undefined) return code;
    if (this.strings.length >= this.maxCodes) return -1;
    this.byString.set(s, this.strings.length);
    this.strings.push(s);
    return this.strings.length - 1;
  }

  /** The code remembered for the raw bytes `buf[start, end)`, or -1. */
  codeOfBytes(buf: Uint8Array, start: number, end: number): number {
    const h = fnv1a(buf, start, end);
    const len = end - start;
    const bytes = this.keyBytes;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.table[i]!;
      if (slot === 0) return -1;
      const k = slot - 1;
      if (this.keyHash[k] !== h || this.keyLength[k] !== len) continue;
      let at = this.keyStart[k]!;
      let j = start;
      while (j < end && bytes[at] === buf[j]) {
        at++;
        j++;
      }
      if (j === end) return this.keyCode[k]!;
    }
  }

  /** Remembers that the raw bytes `buf[start, end)` stand for `code` (while there is room). */
  rememberBytes(buf: Uint8Array, start: number, end: number, code: number): void {
    const len = end - start;
    if (code < 0 || this.keys >= this.maxCodes || this.keyBytesUsed + len > MAX_KEY_BYTES) return;
    if (this.keyBytesUsed + len > this.keyBytes.length) {
      const grown = Buffer.alloc(Math.min(MAX_KEY_BYTES, Math.max(256, (this.keyBytesUsed + len) * 2)));
      this.keyBytes.copy(grown, 0, 0, this.keyBytesUsed);
      this.keyBytes = grown;
    }
    const h = fnv1a(buf, start, end);
    const k = this.keys++;
    this.keyHash[k] = h;
    this.keyStart[k] = this.keyBytesUsed;
    this.keyLength[k] = len;
    this.keyCode[k] = code;
    this.keyBytes.set(buf.subarray(start, end), this.keyBytesUsed);
    this.keyBytesUsed += len;
    let i = h & this.mask;
    while (this.table[i] !== 0) i = (i + 1) & this.mask;
    this.table[i] = k + 1;
  }
}

function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

/**
 * What every batch of one layout shares: the feature names (codes 0..n-1 are the layout's features, higher codes
 * unknown names), one intern table per categorical feature and one for categorical predictions, and the batch pool.
 */
export class BatchEncoding {
  readonly width: number;
  readonly names: InternTable;
  readonly categories: (InternTable | null)[];
  readonly prediction = new InternTable(MAX_CATEGORY_CODES);
  /** 0 untested, 1 numeric, 2 categorical, per feature code. */
  readonly kinds: Uint8Array;
  /**
   * The UTF-8 bytes of each feature name that JSON writes as is (no quote, backslash or control character), else
   * null; the reader matches a key against them without decoding it.
   */
  readonly plainNames: (Buffer | null)[];
  /** The feature codes of the last event's first keys, in order (-1: none or unknown): the next event's likely keys. */
  readonly keyOrder = new Int32Array(64).fill(-1);
  readonly pool: EventBatch[] = [];
  /** The class `probabilities` is read at, and its UTF-8 bytes when JSON writes it as is (else null: slow path). */
  readonly positiveClass: string;
  readonly plainPositiveClass: Buffer | null;

  constructor(readonly layout: FeatureLayout) {
    this.positiveClass = layout.positiveClass ?? "1";
    const pc = Buffer.from(this.positiveClass, "utf8");
    const plainPc = pc.toString("utf8") === this.positiveClass && !pc.some((b) => b < 32 || b === 34 || b === 92);
    this.plainPositiveClass = plainPc ? pc : null;
    this.width = layout.names.length;
    this.names = new InternTable(this.width + MAX_UNKNOWN_NAME_CODES);
    layout.names.forEach((name, i) => {
      this.names.codeOf(name);
      const bytes = Buffer.from(name, "utf8");
      // A name with a lone surrogate has no UTF-8 form; it can only arrive escaped, and escaped keys go by string.
      if (bytes.toString("utf8") === name) this.names.rememberBytes(bytes, 0, bytes.length, i);
    });
    this.plainNames = layout.names.map((name) => {
      const bytes = Buffer.from(name, "utf8");
      const plain = bytes.toString("utf8") === name && !bytes.some((b) => b < 32 || b === 34 || b === 92);
      return plain ? bytes : null;
    });
    this.kinds = Uint8Array.from(layout.kinds, (k) => (k === "numeric" ? 1 : k === "categorical" ? 2 : 0));
    this.categories = layout.kinds.map((k) => (k === "categorical" ? new InternTable(MAX_CATEGORY_CODES) : null));
  }
}

const encodings = new WeakMap<FeatureLayout, BatchEncoding>();

export function encodingOf(layout: FeatureLayout): BatchEncoding {
  let e = encodings.get(layout);
  if (!e) encodings.set(layout, (e = new BatchEncoding(layout)));
  return e;
}

/** An empty batch for `layout`, reused from the pool when one is free. */
export function obtainBatch(layout: FeatureLayout): EventBatch {
  const encoding = encodingOf(layout);
  const b = encoding.pool.pop();
  if (!b) return new EventBatch(encoding);
  b.reuse();
  return b;
}

/** A batch of the events of parsed JSON objects (arrays, the file source, tests). */
export function batchOfEvents(
  layout: FeatureLayout,
  events: readonly ({ features: Record<string, unknown>; prediction?: unknown; ts?: unknown } & EventKeyFields)[],
): EventBatch {
  const b = obtainBatch(layout);
  for (const e of events) b.appendObject(e.features, e.prediction, e.ts, e);
  return b;
}

export class EventBatch {
  length = 0;
  readonly width: number;
  status: Uint8Array;
  values: Float64Array;
  predictionStatus: Uint8Array;
  predictionValues: Float64Array;
  /** Each event's `ts` in ms since the epoch (eventTimeOf); NaN when absent or not a usable time. */
  ts: Float64Array;
  /** Each event's `id` as a join key (idOf: a string, an integer as its decimal text), null when not VALUE. */
  readonly ids: (string | null)[] = [];
  /** What the `id` was: ABSENT, VALUE, NULL or INVALID (counted by the label join; the event itself still counts). */
  idStatus: Uint8Array;
  /** The positive class's probability (positiveProbabilityOf), NaN when not VALUE. */
  positiveProbability: Float64Array;
  /** What the probability was: ABSENT, VALUE, NULL or INVALID. */
  probabilityStatus: Uint8Array;
  /** Unknown feature names in the order seen, each once per event, with the event it came in. */
  readonly unknownEvent: number[] = [];
  readonly unknownName: string[] = [];
  /** Category values past the intern tables' bound: code -1 - k stands for extra[k]. */
  readonly extra: string[] = [];
  private capacity: number;
  private released = false;

  constructor(
    readonly encoding: BatchEncoding,
    capacity = 1024,
  ) {
    this.width = encoding.width;
    this.capacity = capacity;
    this.status = new Uint8Array(capacity * this.width);
    this.values = new Float64Array(capacity * this.width);
    this.predictionStatus = new Uint8Array(capacity);
    this.predictionValues = new Float64Array(capacity);
    this.ts = new Float64Array(capacity);
    this.idStatus = new Uint8Array(capacity);
    this.positiveProbability = new Float64Array(capacity);
    this.probabilityStatus = new Uint8Array(capacity);
  }

  /** Starts a new event, every feature ABSENT and no prediction; returns its index. */
  begin(): number {
    if (this.released) throw new Error("EventBatch used after release");
    const e = this.length;
    if (e === this.capacity) this.grow();
    const row = e * this.width;
    for (let k = row; k < row + this.width; k++) this.status[k] = ABSENT;
    this.predictionStatus[e] = PREDICTION_MISSING;
    this.ts[e] = NaN;
    this.ids[e] = null;
    this.idStatus[e] = ABSENT;
    this.positiveProbability[e] = NaN;
    this.probabilityStatus[e] = ABSENT;
    this.length = e + 1;
    return e;
  }

  /** Drops the last event (begun by `begin`), e.g. when the fast parser hands its line to JSON.parse. */
  dropLast(): void {
    const e = --this.length;
    while (this.unknownEvent.length > 0 && this.unknownEvent[this.unknownEvent.length - 1] === e) {
      this.unknownEvent.pop();
      this.unknownName.pop();
    }
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const status = new Uint8Array(cap * this.width);
    status.set(this.status);
    const values = new Float64Array(cap * this.width);
    values.set(this.values);
    const ps = new Uint8Array(cap);
    ps.set(this.predictionStatus);
    const pv = new Float64Array(cap);
    pv.set(this.predictionValues);
    const ts = new Float64Array(cap);
    ts.set(this.ts);
    const idStatus = new Uint8Array(cap);
    idStatus.set(this.idStatus);
    const positiveProbability = new Float64Array(cap);
    positiveProbability.set(this.positiveProbability);
    const probabilityStatus = new Uint8Array(cap);
    probabilityStatus.set(this.probabilityStatus);
    Object.assign(this, {
      status,
      values,
      predictionStatus: ps,
      predictionValues: pv,
      ts,
      idStatus,
      positiveProbability,
      probabilityStatus,
      capacity: cap,
    });
  }

  /** The code of a category value of feature `f` (or of the prediction, f = -1), interned when there is room. */
  categoryCode(f: number, s: string): number {
    const table = f < 0 ? this.encoding.prediction : this.encoding.categories[f]!;
    const code = table.codeOf(s);
    if (code >= 0) return code;
    this.extra.push(s);
    return -this.extra.length;
  }

  /** The category value behind a code of feature `f` (or of the prediction, f = -1). */
  category(f: number, code: number): string {
    if (code < 0) return this.extra[-1 - code]!;
    return (f < 0 ? this.encoding.prediction : this.encoding.categories[f]!).strings[code]!;
  }

  /** Records an unknown feature name of event `e` (the last one), once per event; false when there are too many. */
  noteUnknown(e: number, name: string): boolean {
    let n = 0;
    for (let k = this.unknownEvent.length - 1; k >= 0 && this.unknownEvent[k] === e; k--) {
      if (this.unknownName[k] === name) return true;
      if (++n >= 32) return false;
    }
    this.unknownEvent.push(e);
    this.unknownName.push(name);
    return true;
  }

  /** Appends one event given as a parsed JSON object: the reference semantics the fast parser reproduces. */
  appendObject(features: Record<string, unknown>, prediction: unknown, ts?: unknown, keys?: EventKeyFields): void {
    const e = this.begin();
    this.ts[e] = eventTimeOf(ts);
    if (keys) {
      const id = idOf(keys.id);
      this.idStatus[e] = id.status;
      this.ids[e] = id.id;
      const p = positiveProbabilityOf(keys.probability, keys.probabilities, this.encoding.positiveClass);
      this.probabilityStatus[e] = p.status;
      this.positiveProbability[e] = p.p;
    }
    const { names, kinds } = this.encoding;
    const w = this.width;
    for (const key in features) {
      const f = names.codeOf(key);
      if (f < 0 || f >= w) {
        // for-in yields each key once.
        this.unknownEvent.push(e);
        this.unknownName.push(key);
        continue;
      }
      const kind = kinds[f];
      if (kind === 0) continue;
      const v = features[key];
      const k = e * w + f;
      if (v === null || v === undefined) this.status[k] = NULL;
      else if (kind === 1) {
        if (typeof v === "number") {
          this.status[k] = VALUE;
          this.values[k] = v;
        } else this.status[k] = INVALID;
      } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
        this.status[k] = VALUE;
        this.values[k] = this.categoryCode(f, typeof v === "string" ? v : String(v));
      } else this.status[k] = INVALID;
    }
    this.setPrediction(e, prediction);
  }

  /**
   * Sets the prediction of event e from a JSON value. A class name with a lone surrogate escape is INVALID, as an id
   * with one is: the label join keeps text predictions in UTF-8, which would bring it back as U+FFFD, another class.
   */
  setPrediction(e: number, prediction: unknown): void {
    if (prediction === undefined || prediction === null) this.predictionStatus[e] = PREDICTION_MISSING;
    else if (typeof prediction === "number") {
      this.predictionStatus[e] = PREDICTION_NUMBER;
      this.predictionValues[e] = prediction;
    } else if (typeof prediction === "string" && LONE_SURROGATE.test(prediction)) {
      this.predictionStatus[e] = PREDICTION_INVALID;
    } else if (typeof prediction === "string") {
      this.predictionStatus[e] = PREDICTION_STRING;
      this.predictionValues[e] = this.categoryCode(-1, prediction);
    } else if (typeof prediction === "boolean") {
      this.predictionStatus[e] = PREDICTION_BOOLEAN;
      this.predictionValues[e] = prediction ? 1 : 0;
    } else this.predictionStatus[e] = PREDICTION_OTHER;
  }

  /** The prediction of event e as the JSON value it was (objects and arrays, which are ignored, as null). */
  prediction(e: number): number | string | boolean | null {
    const st = this.predictionStatus[e];
    const v = this.predictionValues[e]!;
    if (st === PREDICTION_NUMBER) return v;
    if (st === PREDICTION_STRING) return this.category(-1, v);
    if (st === PREDICTION_BOOLEAN) return v === 1;
    return null;
  }

  /** Replaces every number, string or boolean prediction p by fn(p) (absent, null and ignored ones stay as they are). */
  mapPredictions(fn: (p: unknown) => unknown): void {
    const ps = this.predictionStatus;
    for (let e = 0; e < this.length; e++) {
      const st = ps[e];
      if (st === PREDICTION_NUMBER || st === PREDICTION_STRING || st === PREDICTION_BOOLEAN)
        this.setPrediction(e, fn(this.prediction(e)));
    }
  }

  /** Returns the batch to its layout's pool (it must not be used afterwards; releasing twice is harmless). */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.length = 0;
    this.ids.length = 0;
    this.unknownEvent.length = 0;
    this.unknownName.length = 0;
    this.extra.length = 0;
    const pool = this.encoding.pool;
    if (pool.length < POOL_SIZE && this.capacity <= POOL_MAX_CAPACITY) pool.push(this);
  }

  /** Taken from the pool again. */
  reuse(): void {
    this.released = false;
  }
}
