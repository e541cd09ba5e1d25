import {
  ABSENT,
  batchOfEvents,
  encodingOf,
  idOf,
  INVALID,
  NULL,
  obtainBatch,
  PREDICTION_BOOLEAN,
  PREDICTION_NUMBER,
  PREDICTION_OTHER,
  PREDICTION_STRING,
  VALUE,
  type BatchEncoding,
  type EventBatch,
} from "./eventBatch.js";
import type { FeatureLayout } from "./featureLayout.js";
import { jsonStringScan, scanJsonString } from "../../src/data/scanJsonString.js";
import { eventTimeOf } from "./eventTime.js";

/**
 * One event as posted: `{id?, ts?, features: {name: value}, prediction?, probability?, probabilities?}`. `id` is the
 * key its label joins on; `probability` the positive class's probability of a binary classifier, `probabilities`
 * `{class: p}` (read at the layout's positive class).
 */
export interface IngestEvent {
  id?: unknown;
  ts?: unknown;
  features: Record<string, unknown>;
  prediction?: unknown;
  probability?: unknown;
  probabilities?: unknown;
}

export type ParsedBatch =
  { ok: true; events: EventBatch } | { ok: false; message: string; line?: number; index?: number };

export type ParsedEvents =
  { ok: true; events: IngestEvent[] } | { ok: false; message: string; line?: number; index?: number };

/**
 * Parses a request body (a JSON array of events, or NDJSON: one event per line, blank lines ignored) into a batch for
 * `layout`: the answer, errors included, is the one `parseEvents` gives, but NDJSON lines of the usual shape are read
 * in one pass over the bytes straight into the batch's typed arrays (no string per line, no object per event). Any line
 * the fast reader does not take whole (an escape in a key, a duplicate `features`, a syntax error, deep nesting, ...)
 * goes to JSON.parse, which decides. A syntax error names its 1-based line; an event without a `features` object names
 * its line (NDJSON) or array index. The caller releases `events` when done with it.
 */
export function parseBatch(body: Buffer, layout: FeatureLayout): ParsedBatch {
  // Skip what parseEvents skips: characters up to U+0020 (single bytes in UTF-8) and U+FEFF (EF BB BF).
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c <= 32) i++;
    else if (c === 0xef && body[i + 1] === 0xbb && body[i + 2] === 0xbf) i += 3;
    else break;
  }
  if (i === body.length) return { ok: false, message: "empty body: send NDJSON or a JSON array of events" };
  if (body[i] === LBRACKET) {
    const parsed = parseArray(body.toString("utf8"));
    return parsed.ok ? { ok: true, events: batchOfEvents(layout, parsed.events) } : parsed;
  }
  const batch = obtainBatch(layout);
  const encoding = encodingOf(layout);
  let line = 0;
  // A UTF-8 byte order mark (written by some Windows tools) opens the body, not the first event.
  let start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (start <= body.length) {
    let end = body.indexOf(NL, start);
    if (end < 0) end = body.length;
    line++;
    if (!readLine(body, start, end, batch, encoding)) {
      const problem = slowLine(body.toString("utf8", start, end), batch);
      if (problem !== null) {
        batch.release();
        return { ok: false, line, message: `line ${line}: ${problem}` };
      }
    }
    start = end + 1;
  }
  return { ok: true, events: batch };
}

/** A line the fast reader did not take: JSON.parse decides. Returns the problem, or null (added or blank). */
function slowLine(raw: string, batch: EventBatch): string | null {
  if (raw.trim() === "") return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  const problem = checkEvent(v);
  if (problem) return problem;
  const event = v as IngestEvent;
  batch.appendObject(event.features, event.prediction, event.ts, event);
  return null;
}

/**
 * Parses a request body into event objects with JSON.parse: the specification `parseBatch` is tested against (it must
 * give the same events, errors and line numbers). Not on the ingest path.
 */
export function parseEvents(body: Buffer): ParsedEvents {
  const text = body.toString("utf8");
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
  if (i === text.length) return { ok: false, message: "empty body: send NDJSON or a JSON array of events" };
  if (text[i] === "[") return parseArray(text);
  const events: IngestEvent[] = [];
  let line = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    const parsed = parseEventLine(raw);
    if (!parsed.ok) return { ok: false, line, message: `line ${line}: ${parsed.message}` };
    if (parsed.event) events.push(parsed.event);
  }
  return { ok: true, events };
}

/**
 * One line of a JSONL prediction log (the file source): an event, a blank line (null), or why it is malformed. A line
 * accepted here is also accepted by parseBatch as a line of an NDJSON body, which is how the journal stores it.
 */
export function parseEventLine(raw: string): { ok: true; event: IngestEvent | null } | { ok: false; message: string } {
  if (raw.trim() === "") return { ok: true, event: null };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${(e as Error).message}` };
  }
  const problem = checkEvent(v);
  return problem ? { ok: false, message: problem } : { ok: true, event: v as IngestEvent };
}

function parseArray(withBom: string): ParsedEvents {
  // JSON.parse refuses a byte order mark; it holds no newline, so line numbers stay the same without it.
  const text = withBom.charCodeAt(0) === 0xfeff ? withBom.slice(1) : withBom;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : firstBadArrayLine(text);
    return {
      ok: false,
      message: `${line !== undefined ? `line ${line}: ` : ""}invalid JSON: ${message}`,
      ...(line !== undefined ? { line } : {}),
    };
  }
  if (!Array.isArray(v)) return { ok: false, message: "expected a JSON array of events" };
  for (let k = 0; k < v.length; k++) {
    const problem = checkEvent(v[k]);
    if (problem) return { ok: false, index: k, message: `event ${k} (0-based): ${problem}` };
  }
  return { ok: true, events: v as IngestEvent[] };
}

function checkEvent(v: unknown): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "an event must be a JSON object";
  const f = (v as { features?: unknown }).features;
  if (f === null || typeof f !== "object" || Array.isArray(f)) return "an event needs a 'features' object";
  return null;
}

/**
 * Node 20's JSON.parse does not always say where it failed. For the common layout of one element per line, find the
 * first line that is not valid JSON once the array brackets and separating commas are stripped; undefined when the
 * elements span lines (then the message has no line).
 */
function firstBadArrayLine(text: string): number | undefined {
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    let s = lines[k]!.trim();
    if (k === 0 || s.startsWith("[")) s = s.replace(/^\uFEFF?\s*\[/, "");
    s = s
      .replace(/\]\s*$/, "")
      .trim()
      .replace(/,$/, "")
      .trim();
    if (s === "") continue;
    try {
      JSON.parse(s);
    } catch {
      return k + 1;
    }
  }
  return undefined;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let k = 0; k < pos && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

// ---- The fast reader: one NDJSON line of the usual shape, byte by byte, into the batch. ----
//
// Every function takes the line's bytes and a position and returns the position after what it read, or FAIL when the
// text is not exactly of the shape it handles; then the line goes to JSON.parse. It accepts only valid JSON, and for
// what it accepts the batch gets what `appendObject(JSON.parse(line))` would give it (tested against it).

const FAIL = -1;
const NL = 10;
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const MAX_DEPTH = 64;

/** Exact powers of ten: m * 10^k and m / 10^k are correctly rounded for |m| < 2^53 and k <= 22. */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Where readNumber puts numbers nobody keeps (validated and skipped) or keeps as text. */
const scratchNumber = new Float64Array(1);
/** Whether the last string read by readString had a backslash escape. */
let stringEscaped = false;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

function skipSpace(buf: Buffer, p: number, end: number): number {
  while (p < end) {
    const c = buf[p]!;
    if (c !== 32 && c !== 9 && c !== 13) break;
    p++;
  }
  return p;
}

/** From an opening quote to just after the closing one (FAIL for an invalid string); sets stringEscaped. */
function readString(buf: Buffer, p: number, end: number): number {
  const close = scanJsonString(buf, p, end);
  stringEscaped = jsonStringScan.escaped;
  return close < 0 ? FAIL : close + 1;
}

/**
 * Reads the JSON number at p into out[k] and returns the position after it (FAIL when it is not a JSON number): exact
 * digit arithmetic when that is correctly rounded, else Number(text). The value goes into a Float64Array rather than
 * being returned, since returning a double from a call that is not inlined allocates a heap number (16 bytes per value,
 * most of what ingest allocated). The digit loops need no bound check: the byte at `end` is the line's newline (or
 * past the body, undefined), never a digit.
 */
function readNumber(buf: Buffer, p: number, end: number, out: Float64Array, k: number): number {
  const from = p;
  let negative = false;
  if (buf[p] === MINUS) {
    negative = true;
    p++;
  }
  if (p >= end) return FAIL;
  let m = 0;
  let c = buf[p]!;
  let digits = 0;
  if (c === ZERO) {
    p++;
    if (p < end && (c = buf[p]!) >= ZERO && c <= NINE) return FAIL; // no leading zeros
  } else if (c > ZERO && c <= NINE) {
    const intStart = p;
    do {
      m = m * 10 + (c - ZERO);
      p++;
    } while ((c = buf[p]!) >= ZERO && c <= NINE);
    digits = p - intStart;
  } else return FAIL;
  let exp = 0;
  if (p < end && buf[p] === DOT) {
    p++;
    const fracStart = p;
    while ((c = buf[p]!) >= ZERO && c <= NINE) {
      m = m * 10 + (c - ZERO);
      p++;
    }
    if (p === fracStart) return FAIL;
    exp = fracStart - p;
    digits -= exp;
  }
  if (p < end && (buf[p] === 101 || buf[p] === 69)) {
    p++;
    let sign = 1;
    if (buf[p] === MINUS || buf[p] === PLUS) {
      if (buf[p] === MINUS) sign = -1;
      p++;
    }
    const expStart = p;
    let e = 0;
    while ((c = buf[p]!) >= ZERO && c <= NINE) {
      if (e < 100_000) e = e * 10 + (c - ZERO);
      p++;
    }
    if (p === expStart) return FAIL;
    exp += sign * e;
  }
  if (digits <= 15 && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? m / POW10[-exp]! : m * POW10[exp]!;
    out[k] = negative ? -v : v;
  } else out[k] = Number(buf.toString("latin1", from, p));
  return p;
}

function readLiteral(buf: Buffer, p: number, end: number, word: string): number {
  if (p + word.length > end) return FAIL;
  for (let k = 0; k < word.length; k++) if (buf[p + k] !== word.charCodeAt(k)) return FAIL;
  return p + word.length;
}

/** Any JSON value, validated and skipped. */
function skipValue(buf: Buffer, p: number, end: number, depth: number): number {
  if (p >= end) return FAIL;
  const c = buf[p]!;
  if (c === QUOTE) return readString(buf, p, end);
  if (c === MINUS || isDigit(c)) {
    return readNumber(buf, p, end, scratchNumber, 0);
  }
  if (c === 116) return readLiteral(buf, p, end, "true");
  if (c === 102) return readLiteral(buf, p, end, "false");
  if (c === 110) return readLiteral(buf, p, end, "null");
  if (depth >= MAX_DEPTH) return FAIL;
  if (c === LBRACE) {
    p = skipSpace(buf, p + 1, end);
    if (buf[p] === RBRACE) return p + 1;
    for (;;) {
      if (buf[p] !== QUOTE) return FAIL;
      p = readString(buf, p, end);
      if (p === FAIL) return FAIL;
      p = skipSpace(buf, p, end);
      if (buf[p] !== COLON) return FAIL;
      p = skipValue(buf, skipSpace(buf, p + 1, end), end, depth + 1);
      if (p === FAIL) return FAIL;
      p = skipSpace(buf, p, end);
      if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
      else if (buf[p] === RBRACE) return p + 1;
      else return FAIL;
    }
  }
  if (c === LBRACKET) {
    p = skipSpace(buf, p + 1, end);
    if (buf[p] === RBRACKET) return p + 1;
    for (;;) {
      p = skipValue(buf, p, end, depth + 1);
      if (p === FAIL) return FAIL;
      p = skipSpace(buf, p, end);
      if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
      else if (buf[p] === RBRACKET) return p + 1;
      else return FAIL;
    }
  }
  return FAIL;
}

/** The string between a quote at `p` and the quote before `q` (a value readString accepted). */
function stringValue(buf: Buffer, p: number, q: number): string {
  return stringEscaped ? (JSON.parse(buf.toString("utf8", p, q)) as string) : buf.toString("utf8", p + 1, q - 1);
}

/** The intern code of the string at [p, q) (quotes included) in `table`-backed feature f, or the prediction (-1). */
function categoryOfString(batch: EventBatch, encoding: BatchEncoding, f: number, buf: Buffer, p: number, q: number) {
  const table = f < 0 ? encoding.prediction : encoding.categories[f]!;
  if (!stringEscaped) {
    const known = table.codeOfBytes(buf, p + 1, q - 1);
    if (known >= 0) return known;
  }
  const code = batch.categoryCode(f, stringValue(buf, p, q));
  if (!stringEscaped) table.rememberBytes(buf, p + 1, q - 1, code);
  return code;
}

const FEATURES = Buffer.from("features");
const PREDICTION = Buffer.from("prediction");
const TS = Buffer.from("ts");
const ID = Buffer.from("id");
const PROBABILITY = Buffer.from("probability");
const PROBABILITIES = Buffer.from("probabilities");

function sameBytes(buf: Buffer, at: number, word: Buffer): boolean {
  for (let k = 0; k < word.length; k++) if (buf[at + k] !== word[k]) return false;
  return true;
}

/** Just after the closing quote when the string at p (after its opening quote) is exactly `name`; else FAIL. */
function matchName(buf: Buffer, p: number, end: number, name: Buffer | null): number {
  if (name === null) return FAIL;
  const n = name.length;
  if (p + n >= end || buf[p + n] !== QUOTE) return FAIL;
  for (let k = 0; k < n; k++) if (buf[p + k] !== name[k]) return FAIL;
  return p + n + 1;
}

function isArrayIndex(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= ZERO && c <= NINE && /^(?:0|[1-9][0-9]*)$/.test(name) && Number(name) < 4294967295;
}

/** One NDJSON line [start, end) into the batch; false when it must go to JSON.parse (nothing added then). */
function readLine(buf: Buffer, start: number, end: number, batch: EventBatch, encoding: BatchEncoding): boolean {
  const p = skipSpace(buf, start, end);
  if (p === end) return true; // blank
  if (buf[p] !== LBRACE) return false;
  const e = batch.begin();
  if (readEvent(buf, p, end, batch, encoding, e)) return true;
  batch.dropLast();
  return false;
}

function readEvent(buf: Buffer, p: number, end: number, batch: EventBatch, encoding: BatchEncoding, e: number) {
  let sawFeatures = false;
  let sawPrediction = false;
  let sawId = false;
  // `probability` decides when present and not null, else `probabilities`: read both, settle at the end.
  let sawProbability = false;
  let probabilityStatus = ABSENT;
  let probability = NaN;
  let sawProbabilities = false;
  let probabilitiesStatus = ABSENT;
  let probabilities = NaN;
  p = skipSpace(buf, p + 1, end);
  if (buf[p] === RBRACE) return false;
  for (;;) {
    if (buf[p] !== QUOTE) return false;
    const keyStart = p + 1;
    p = readString(buf, p, end);
    if (p === FAIL || stringEscaped) return false;
    const keyLength = p - 1 - keyStart;
    p = skipSpace(buf, p, end);
    if (buf[p] !== COLON) return false;
    p = skipSpace(buf, p + 1, end);
    if (keyLength === 8 && sameBytes(buf, keyStart, FEATURES)) {
      if (sawFeatures || buf[p] !== LBRACE) return false;
      sawFeatures = true;
      p = readFeatures(buf, p, end, batch, encoding, e);
    } else if (keyLength === 10 && sameBytes(buf, keyStart, PREDICTION)) {
      if (sawPrediction) return false;
      sawPrediction = true;
      p = readPrediction(buf, p, end, batch, encoding, e);
    } else if (keyLength === 2 && sameBytes(buf, keyStart, TS)) p = readTs(buf, p, end, batch, e);
    else if (keyLength === 2 && sameBytes(buf, keyStart, ID)) {
      // A repeated id, probability or probabilities goes to JSON.parse (the last one wins there).
      if (sawId) return false;
      sawId = true;
      p = readId(buf, p, end, batch, e);
    } else if (keyLength === 11 && sameBytes(buf, keyStart, PROBABILITY)) {
      if (sawProbability) return false;
      sawProbability = true;
      p = readProbability(buf, p, end);
      probabilityStatus = probabilityRead;
      probability = probabilityOut[0]!;
    } else if (keyLength === 13 && sameBytes(buf, keyStart, PROBABILITIES)) {
      if (sawProbabilities || encoding.plainPositiveClass === null) return false;
      sawProbabilities = true;
      p = readProbabilities(buf, p, end, encoding.plainPositiveClass);
      probabilitiesStatus = probabilityRead;
      probabilities = probabilityOut[0]!;
    } else p = skipValue(buf, p, end, 0);
    if (p === FAIL) return false;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) break;
    else return false;
  }
  const byProbability = probabilityStatus !== ABSENT && probabilityStatus !== NULL;
  batch.probabilityStatus[e] = byProbability || !sawProbabilities ? probabilityStatus : probabilitiesStatus;
  batch.positiveProbability[e] = byProbability ? probability : probabilitiesStatus === VALUE ? probabilities : NaN;
  return sawFeatures && skipSpace(buf, p + 1, end) === end;
}

/** The event's `id`, as idOf makes it: a string or a safe integer (as its decimal text), else NULL or INVALID. */
function readId(buf: Buffer, p: number, end: number, batch: EventBatch, e: number): number {
  const c = buf[p];
  let q: number;
  let id: { status: number; id: string | null };
  if (c === QUOTE) {
    q = readString(buf, p, end);
    if (q === FAIL) return FAIL;
    // Longer than MAX_ID_BYTES even escaped: INVALID without making the string.
    id = q - p - 2 > 6 * 256 ? { status: INVALID, id: null } : idOf(stringValue(buf, p, q));
  } else if (c === MINUS || (c !== undefined && isDigit(c))) {
    q = readNumber(buf, p, end, scratchNumber, 0);
    if (q === FAIL) return FAIL;
    id = idOf(scratchNumber[0]);
  } else if (c === 110) {
    q = readLiteral(buf, p, end, "null");
    id = { status: NULL, id: null };
  } else {
    q = skipValue(buf, p, end, 0);
    id = { status: INVALID, id: null };
  }
  batch.idStatus[e] = id.status;
  batch.ids[e] = id.id;
  return q;
}

/** The status of the last probability readProbability or readProbabilities read (its value in probabilityOut[0]). */
let probabilityRead = ABSENT;
/** Where readProbability and readProbabilities leave the probability (skipValue uses scratchNumber). */
const probabilityOut = new Float64Array(1);

/** A probability value: VALUE for a number in [0, 1], NULL for null, else INVALID; the number in probabilityOut[0]. */
function readProbability(buf: Buffer, p: number, end: number): number {
  const c = buf[p];
  let q: number;
  if (c === MINUS || (c !== undefined && isDigit(c))) {
    q = readNumber(buf, p, end, probabilityOut, 0);
    const v = probabilityOut[0]!;
    probabilityRead = v >= 0 && v <= 1 ? VALUE : INVALID;
    if (probabilityRead !== VALUE) probabilityOut[0] = NaN;
    return q;
  }
  probabilityOut[0] = NaN;
  if (c === 110) {
    probabilityRead = NULL;
    return readLiteral(buf, p, end, "null");
  }
  probabilityRead = INVALID;
  return skipValue(buf, p, end, 0);
}

/**
 * `probabilities: {class: p}` read at the positive class (its plain UTF-8 bytes): that entry's probability (the last
 * one when repeated, as in JSON.parse), ABSENT when the object has no such entry, NULL for null, INVALID when it is not
 * an object. A key with an escape goes to JSON.parse (FAIL).
 */
function readProbabilities(buf: Buffer, p: number, end: number, positiveClass: Buffer): number {
  const c = buf[p];
  if (c === 110) {
    probabilityOut[0] = NaN;
    probabilityRead = NULL;
    return readLiteral(buf, p, end, "null");
  }
  if (c !== LBRACE) {
    probabilityOut[0] = NaN;
    probabilityRead = INVALID;
    return skipValue(buf, p, end, 0);
  }
  let status = ABSENT;
  let value = NaN;
  p = skipSpace(buf, p + 1, end);
  if (buf[p] === RBRACE) {
    probabilityOut[0] = NaN;
    probabilityRead = ABSENT;
    return p + 1;
  }
  for (;;) {
    if (buf[p] !== QUOTE) return FAIL;
    const keyStart = p + 1;
    p = readString(buf, p, end);
    if (p === FAIL || stringEscaped) return FAIL;
    const isPositive = p - 1 - keyStart === positiveClass.length && sameBytes(buf, keyStart, positiveClass);
    p = skipSpace(buf, p, end);
    if (buf[p] !== COLON) return FAIL;
    p = skipSpace(buf, p + 1, end);
    if (isPositive) {
      p = readProbability(buf, p, end);
      status = probabilityRead;
      value = probabilityOut[0]!;
    } else p = skipValue(buf, p, end, 1);
    if (p === FAIL) return FAIL;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) break;
    else return FAIL;
  }
  probabilityRead = status;
  probabilityOut[0] = value;
  return p + 1;
}

/** The event's `ts` (a repeated key overwrites, as in JSON.parse): what eventTimeOf makes of the value. */
function readTs(buf: Buffer, p: number, end: number, batch: EventBatch, e: number): number {
  const c = buf[p];
  let q: number;
  if (c === QUOTE) {
    q = readString(buf, p, end);
    if (q !== FAIL) batch.ts[e] = eventTimeOf(stringValue(buf, p, q));
  } else if (c === MINUS || (c !== undefined && isDigit(c))) {
    q = readNumber(buf, p, end, scratchNumber, 0);
    if (q !== FAIL) batch.ts[e] = eventTimeOf(scratchNumber[0]);
  } else {
    q = skipValue(buf, p, end, 0);
    batch.ts[e] = NaN;
  }
  return q;
}

function readPrediction(buf: Buffer, p: number, end: number, batch: EventBatch, encoding: BatchEncoding, e: number) {
  const c = buf[p];
  if (c === QUOTE) {
    const q = readString(buf, p, end);
    if (q === FAIL) return FAIL;
    // Only an escape can make a lone surrogate: such a string goes the way JSON.parse's would (setPrediction).
    if (stringEscaped) batch.setPrediction(e, stringValue(buf, p, q));
    else {
      batch.predictionStatus[e] = PREDICTION_STRING;
      batch.predictionValues[e] = categoryOfString(batch, encoding, -1, buf, p, q);
    }
    return q;
  }
  if (c === MINUS || (c !== undefined && isDigit(c))) {
    const q = readNumber(buf, p, end, batch.predictionValues, e);
    if (q !== FAIL) batch.predictionStatus[e] = PREDICTION_NUMBER;
    return q;
  }
  if (c === 116 || c === 102) {
    const q = readLiteral(buf, p, end, c === 116 ? "true" : "false");
    if (q === FAIL) return FAIL;
    batch.predictionStatus[e] = PREDICTION_BOOLEAN;
    batch.predictionValues[e] = c === 116 ? 1 : 0;
    return q;
  }
  if (c === 110) return readLiteral(buf, p, end, "null"); // stays PREDICTION_MISSING
  const q = skipValue(buf, p, end, 0);
  if (q !== FAIL) batch.predictionStatus[e] = PREDICTION_OTHER;
  return q;
}

function readFeatures(buf: Buffer, p: number, end: number, batch: EventBatch, encoding: BatchEncoding, e: number) {
  const { names, kinds, width, plainNames, keyOrder } = encoding;
  const row = e * width;
  p = skipSpace(buf, p + 1, end);
  if (buf[p] === RBRACE) return p + 1;
  for (let j = 0; ; j++) {
    if (buf[p] !== QUOTE) return FAIL;
    // Senders keep their key order: try the feature that came j-th in the last event first.
    let f = j < keyOrder.length ? keyOrder[j]! : -1;
    let q = f >= 0 ? matchName(buf, p + 1, end, plainNames[f]!) : FAIL;
    let name: string | null = null;
    if (q === FAIL) {
      q = readString(buf, p, end);
      if (q === FAIL) return FAIL;
      f = stringEscaped ? -1 : names.codeOfBytes(buf, p + 1, q - 1);
      if (f < 0) {
        name = stringValue(buf, p, q);
        f = names.codeOf(name);
        if (f >= 0 && !stringEscaped) names.rememberBytes(buf, p + 1, q - 1, f);
      }
      if (j < keyOrder.length) keyOrder[j] = f < width ? f : -1;
    }
    p = skipSpace(buf, q, end);
    if (buf[p] !== COLON) return FAIL;
    p = skipSpace(buf, p + 1, end);
    if (p >= end) return FAIL;
    if (f < 0 || f >= width) {
      // Unknown: kept once per event in the order first seen, as JSON.parse + for-in gives them, except that for-in
      // lists integer-like keys first: leave those lines to JSON.parse.
      const unknown = name ?? names.strings[f]!;
      if (isArrayIndex(unknown) || !batch.noteUnknown(e, unknown)) return FAIL;
      p = skipValue(buf, p, end, 0);
    } else {
      const kind = kinds[f];
      const k = row + f;
      const c = buf[p]!;
      // A repeated key overwrites: the last value wins, as in JSON.parse.
      if (kind === 1) {
        if (c === MINUS || isDigit(c)) {
          p = readNumber(buf, p, end, batch.values, k);
          batch.status[k] = VALUE;
        } else if (c === 110) {
          p = readLiteral(buf, p, end, "null");
          batch.status[k] = NULL;
        } else {
          p = skipValue(buf, p, end, 0);
          batch.status[k] = INVALID;
        }
      } else if (kind === 2) {
        if (c === QUOTE) {
          const s = p;
          p = readString(buf, p, end);
          if (p === FAIL) return FAIL;
          batch.status[k] = VALUE;
          batch.values[k] = categoryOfString(batch, encoding, f, buf, s, p);
        } else if (c === MINUS || isDigit(c)) {
          p = readNumber(buf, p, end, scratchNumber, 0);
          if (p === FAIL) return FAIL;
          batch.status[k] = VALUE;
          batch.values[k] = batch.categoryCode(f, String(scratchNumber[0]));
        } else if (c === 116 || c === 102) {
          const word = c === 116 ? "true" : "false";
          p = readLiteral(buf, p, end, word);
          batch.status[k] = VALUE;
          batch.values[k] = batch.categoryCode(f, word);
        } else if (c === 110) {
          p = readLiteral(buf, p, end, "null");
          batch.status[k] = NULL;
        } else {
          p = skipValue(buf, p, end, 0);
          batch.status[k] = INVALID;
        }
      } else p = skipValue(buf, p, end, 0);
    }
    if (p === FAIL) return FAIL;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) return p + 1;
    else return FAIL;
  }
}
