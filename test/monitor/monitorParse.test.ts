// The fast NDJSON reader (parseBatch) against the reference: JSON.parse per line (parseEvents) and the window update
// the monitor did per parsed object before batches existed (referenceAddEvent below, kept verbatim but for one rule
// added since: a class name with a lone surrogate escape is a missing prediction and an invalid value).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  batchOfEvents,
  encodingOf,
  LONE_SURROGATE,
  obtainBatch,
  VALUE,
  type EventBatch,
} from "../../monitor/ingest/eventBatch.js";
import { parseBatch, parseEvents, type IngestEvent } from "../../monitor/ingest/parseBatch.js";
import type { FeatureLayout } from "../../monitor/ingest/featureLayout.js";
import type { BatchStats } from "../../monitor/ingest/batchStats.js";
import { WindowState } from "../../monitor/windows/windowState.js";
import { seededRandom } from "../../src/stats/seededRandom.js";

const NAMES = ["x", "y", "plan", "größe", 'q"k', "7", "note"];
const KINDS = ["numeric", "numeric", "categorical", "categorical", "numeric", "categorical", "untested"] as const;
const layout: FeatureLayout = {
  names: NAMES,
  kinds: [...KINDS],
  index: new Map(NAMES.map((n, i) => [n, i])),
  accuracy: 0.01,
};

/** WindowState.addEvent as it was before batches: the semantics the batch path must keep. */
function referenceAddEvent(
  w: WindowState,
  features: Record<string, unknown>,
  prediction: unknown,
  batch: BatchStats,
): void {
  w.events++;
  const { index } = w.layout;
  let seen = 0;
  let invalid = 0;
  for (const key in features) {
    const i = index.get(key);
    if (i === undefined) {
      const c = w.unknown.get(key);
      if (c !== undefined) w.unknown.set(key, c + 1);
      else if (w.unknown.size < 100) w.unknown.set(key, 1);
      else w.unknownOther++;
      batch.unknown.set(key, (batch.unknown.get(key) ?? 0) + 1);
      continue;
    }
    seen++;
    const slot = w.slots[i];
    if (!slot) continue;
    const v = features[key];
    if (v === null || v === undefined) slot.missing++;
    else if (slot.kind === "numeric") {
      if (typeof v === "number") slot.add(v);
      else {
        slot.invalid++;
        invalid++;
      }
    } else if (typeof v === "string") slot.add(v);
    else if (typeof v === "number" || typeof v === "boolean") slot.add(String(v));
    else {
      slot.invalid++;
      invalid++;
    }
  }
  if (seen < w.slots.length) {
    for (let i = 0; i < w.slots.length; i++) {
      const slot = w.slots[i];
      if (slot && !Object.prototype.hasOwnProperty.call(features, w.layout.names[i]!)) {
        slot.missing++;
        batch.missing++;
      }
    }
  }
  if (prediction === undefined || prediction === null) w.predictionMissing++;
  else if (typeof prediction === "string" && LONE_SURROGATE.test(prediction)) {
    w.predictionMissing++;
    invalid++;
  } else if (typeof prediction === "number") w.predictionNumeric.add(prediction);
  else if (typeof prediction === "string" || typeof prediction === "boolean")
    w.predictionCategorical.add(String(prediction));
  batch.invalid += invalid;
}

/** Everything a batch says, in plain values (numbers compared with Object.is by deepStrictEqual). */
function dump(b: EventBatch) {
  const kinds = encodingOf(layout).kinds;
  const rows = [];
  for (let e = 0; e < b.length; e++) {
    const features = NAMES.map((_, f) => {
      const k = e * b.width + f;
      const st = b.status[k]!;
      if (kinds[f] === 0) return null;
      if (st !== VALUE) return [st];
      return [st, kinds[f] === 2 ? b.category(f, b.values[k]!) : b.values[k]!];
    });
    const unknown = b.unknownName.filter((_, k) => b.unknownEvent[k] === e);
    rows.push({
      features,
      prediction: [b.predictionStatus[e], b.prediction(e)],
      unknown,
      id: [b.idStatus[e], b.ids[e]],
      probability: [b.probabilityStatus[e], b.positiveProbability[e]],
    });
  }
  return rows;
}

function windowOf(b: EventBatch) {
  const w = new WindowState(layout, 0, 1);
  const stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
  w.addBatch(b, 0, b.length, stats);
  return { w, stats };
}

function referenceWindowOf(events: IngestEvent[]) {
  const w = new WindowState(layout, 0, 1);
  const stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
  for (const e of events) referenceAddEvent(w, e.features, e.prediction, stats);
  return { w, stats };
}

/** parseBatch gives what JSON.parse does: the same error (message and line), or the same events and window. */
function assertAgrees(text: string): void {
  const body = Buffer.from(text);
  const fast = parseBatch(body, layout);
  const slow = parseEvents(body);
  if (!slow.ok) {
    assert.deepEqual(fast, slow, text);
    return;
  }
  assert.ok(fast.ok, `${JSON.stringify(text)}: ${!fast.ok ? fast.message : ""}`);
  const viaObjects = batchOfEvents(layout, slow.events);
  assert.deepEqual(dump(fast.events), dump(viaObjects), text);
  const a = windowOf(fast.events);
  const r = referenceWindowOf(slow.events);
  assert.deepEqual(a.w.toJson(), r.w.toJson(), text);
  assert.deepEqual([...a.w.unknown], [...r.w.unknown], text);
  a.w.slots.forEach((s, i) => {
    if (s?.kind === "categorical") assert.deepEqual([...s.counts], [...(r.w.slots[i] as typeof s).counts], text);
  });
  assert.deepEqual([...a.stats.unknown], [...r.stats.unknown], text);
  assert.equal(a.stats.missing, r.stats.missing, text);
  assert.equal(a.stats.invalid, r.stats.invalid, text);
  fast.events.release();
  viaObjects.release();
}

// ---- Generating event lines: varied spacing, escapes and number spellings, since JSON.parse is the judge. ----

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A JSON number written as given (it may be any valid JSON number text). */
interface RawNumber {
  raw: string;
}
type Value = Json | RawNumber;

function emitter(seed: number) {
  const r = seededRandom(seed);
  const space = () => ["", "", "", " ", "\t", "  ", "\r"][Math.floor(r() * 7)]!;
  const str = (s: string) => {
    let out = JSON.stringify(s);
    // Sometimes escape plain characters too (\u0061, \/), which the fast reader hands to JSON.parse.
    if (r() < 0.15) out = out.replace(/[a-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    if (r() < 0.05) out = out.replace("/", "\\/");
    return out;
  };
  const num = (v: number) => {
    if (!Number.isFinite(v)) return "null";
    const forms = [String(v), v.toExponential(), v.toExponential().toUpperCase().replace("E+", "E")];
    if (Math.abs(v) < 1e15) forms.push(v.toFixed(Math.floor(r() * 8)));
    return forms[Math.floor(r() * forms.length)]!;
  };
  const value = (v: Value): string => {
    if (v === null) return "null";
    if (typeof v === "boolean") return String(v);
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : num(v);
    if (typeof v === "string") return str(v);
    if (Array.isArray(v)) return `[${space()}${v.map((x) => value(x)).join(`${space()},${space()}`)}${space()}]`;
    if ("raw" in v && typeof v.raw === "string" && Object.keys(v).length === 1) return v.raw;
    return object(Object.entries(v as Record<string, Value>));
  };
  const object = (entries: [string, Value][]) =>
    `{${space()}${entries.map(([k, v]) => `${str(k)}${space()}:${space()}${value(v)}`).join(`${space()},${space()}`)}${space()}}`;
  return { value, object, space };
}

const numberText = fc.stringMatching(/^-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?$/);
const anyKey = fc.oneof(
  fc.constantFrom(...NAMES, "color", "0", "12", "4294967295", "__proto__", "é", "", "x ", "nöte"),
  fc.string({ maxLength: 6, unit: "binary" }),
);
const scalar: fc.Arbitrary<Value> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 5e-324, 1.7976931348623157e308, 0.1, 123456789012345680000),
  numberText.map((raw) => ({ raw })),
  fc.string({ maxLength: 8, unit: "binary" }),
  fc.constantFrom("basic", "pro", "team", "1", "true", "", "a\nb", "\u2028", "\ud800", "é"),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Value> },
);
const idValue: fc.Arbitrary<Value> = fc.oneof(
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    1.5,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53) + 1,
    1e21,
    "",
    "a",
    "7",
    "é".repeat(128),
    "é".repeat(129),
  ),
  fc.constantFrom("x".repeat(256), "x".repeat(257), "\ud800", true, null, [1], { a: 1 }),
  fc.string({ maxLength: 300, unit: "binary" }),
  numberText.map((raw) => ({ raw })),
);
const probabilityValue: fc.Arbitrary<Value> = fc.oneof(
  fc.double({ min: -0.5, max: 1.5 }),
  fc.constantFrom(0, -0, 1, 1.0000000000000002, "0.5", null, true, [0.5]),
  numberText.map((raw) => ({ raw })),
);
const probabilitiesValue: fc.Arbitrary<Value> = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom("1", "0", "yes", "__proto__", "1 ", "\u0031"), probabilityValue), { maxLength: 4 })
    .map((entries) => ({ raw: `{${entries.map(([k, v]) => `"${k}":${rawOf(v)}`).join(",")}}` })),
  fc.constantFrom(null, 0.5, "x", [0.5]),
);

/** A probability value as JSON text (raw number texts as they are). */
function rawOf(v: Value): string {
  return v !== null && typeof v === "object" && "raw" in v && typeof v.raw === "string" ? v.raw : JSON.stringify(v);
}

const eventLine = fc
  .record({
    features: fc.array(fc.tuple(anyKey, value), { maxLength: 9 }),
    prediction: fc.option(value, { nil: undefined }),
    others: fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom("id", "ts", "meta", "features", "prediction"), fc.jsonValue({ maxDepth: 2 })),
        fc.tuple(fc.constant("id"), idValue),
        fc.tuple(fc.constantFrom("probability", "probabilities"), probabilityValue),
        fc.tuple(fc.constant("probabilities"), probabilitiesValue),
      ),
      { maxLength: 3 },
    ),
    featuresAt: fc.nat(3),
    seed: fc.nat(),
  })
  .map(({ features, prediction, others, featuresAt, seed }) => {
    const e = emitter(seed);
    const top: [string, Value][] = others.map(([k, v]) => [k, v as Value]);
    const rawFeatures = `${e.space()}${e.object(features)}`;
    top.splice(Math.min(featuresAt, top.length), 0, ["features", { raw: rawFeatures }]);
    if (prediction !== undefined) top.push(["prediction", prediction]);
    return `${e.space()}${e.object(top)}${e.space()}`;
  });
const blankLine = fc.constantFrom("", " ", "\t", "\r", "\u00a0", "\ufeff");

test("parseBatch agrees with JSON.parse on generated NDJSON (values, errors, window updates)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof({ weight: 8, arbitrary: eventLine }, { weight: 1, arbitrary: blankLine }), { maxLength: 12 }),
      fc.boolean(),
      (lines, trailingNewline) => assertAgrees(lines.join("\n") + (trailingNewline ? "\n" : "")),
    ),
    { numRuns: 1500 },
  );
});

test("parseBatch agrees with JSON.parse on damaged lines (the error names the same line)", () => {
  const damage = fc.tuple(
    eventLine,
    fc.nat(),
    fc.constantFrom("delete", "insert", "replace"),
    fc.constantFrom(...'{}[]:,"\\ -+.0123456789eEntrufalsx\u0001\u00e9'),
  );
  fc.assert(
    fc.property(damage, ([line, at, how, ch]) => {
      const i = line.length === 0 ? 0 : at % line.length;
      const bad =
        how === "delete"
          ? line.slice(0, i) + line.slice(i + 1)
          : how === "insert"
            ? line.slice(0, i) + ch + line.slice(i)
            : line.slice(0, i) + ch + line.slice(i + 1);
      assertAgrees(bad);
    }),
    { numRuns: 1500 },
  );
  fc.assert(
    fc.property(fc.array(eventLine, { maxLength: 3 }), damage, (before, [line, at, , ch]) => {
      const i = line.length === 0 ? 0 : at % line.length;
      assertAgrees([...before, line.slice(0, i) + ch + line.slice(i), ...before].join("\n"));
    }),
    { numRuns: 500 },
  );
});

test("parseBatch: numbers are read exactly as JSON.parse reads them", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          numberText,
          fc.double().map((v) => (Number.isFinite(v) ? String(v) : "0")),
        ),
        { minLength: 1 },
      ),
      (xs) => {
        const text = xs.map((x) => `{"features":{"x":${x}}}`).join("\n");
        const parsed = parseBatch(Buffer.from(text), layout);
        assert.ok(parsed.ok);
        xs.forEach((x, e) => assert.ok(Object.is(parsed.events.values[e * layout.names.length]!, JSON.parse(x)), x));
        parsed.events.release();
      },
    ),
    { numRuns: 500 },
  );
});

test("parseBatch: hand-picked edge cases", () => {
  for (const text of [
    '{"features":{"x":1,"x":"a"}}', // duplicate key: the last value wins
    '{"features":{"color":1,"color":2,"0":1,"x":-0}}', // duplicate unknown; integer-like key
    '{"features":{"x":1},"features":{"y":2}}',
    '{"features":{"x":1},"features":3}',
    '{"features":{"plan":1.50,"größe":true,"7":null,"q\\"k":"v"},"prediction":false}',
    '{"features":{"pl\\u0061n":"\\u0074eam","x":1e400,"y":-1e-400}}',
    '{"features":{"note":{"a":[1,{"b":null}]},"x":[1]},"prediction":{"p":1}}',
    '{"features":{}}',
    "{}",
    "[]",
    "null",
    '"x"',
    '{"features":null}',
    '{"features":{"x":01}}',
    '{"features":{"x":1.}}',
    '{"features":{"x":.5}}',
    '{"features":{"x":+1}}',
    '{"features":{"x":1e}}',
    '{"features":{"x":NaN}}',
    '{"features":{"x":1}}x',
    '{"features":{"x":1}',
    '{"features":{"x":"a\tb"}}', // raw control character in a string
    '{"features":{"x":"\\x"}}',
    '{"features":{"plan":"\\ud83d\\ude00"}}',
    "\ufeff" + '{"features":{}}',
    '\n\n{"features":{"x":1}}\n\n',
    '{"features":{"x":1}}\r\n{"features":{"x":2}}\r\n',
    '[{"features":{"x":1}},\n{"features":{"y":2}}]',
    '{"features":' + "[".repeat(200) + "]".repeat(200) + "}",
    '{"features":{"x":1},"meta":' + "[".repeat(200) + "]".repeat(200) + "}",
    '{"features":{' + Array.from({ length: 40 }, (_, i) => `"u${i}":1`).join(",") + "}}",
  ])
    assertAgrees(text);
});

test("a leading UTF-8 byte order mark is skipped: NDJSON and arrays are accepted, line numbers unchanged", () => {
  const bom = "\ufeff";
  const ndjson = bom + '{"features":{"x":1}}\n{"features":{"x":2},"prediction":1}\n';
  const parsed = parseBatch(Buffer.from(ndjson), layout);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
  assert.equal(parsed.events.length, 2);
  parsed.events.release();
  const reference = parseEvents(Buffer.from(ndjson));
  assert.ok(reference.ok && reference.events.length === 2, "parseEvents (the reference) agrees");
  const array = parseBatch(Buffer.from(bom + '[{"features":{"x":1}}]'), layout);
  assert.ok(array.ok && array.events.length === 1, array.ok ? "" : array.message);
  assertAgrees(bom + '[{"features":{"x":1}}]');
  const bad = parseBatch(Buffer.from(bom + '{"features":{"x":1}}\n{"features":}\n'), layout);
  assert.ok(!bad.ok && bad.line === 2, JSON.stringify(bad));
  // Only at the very start: a BOM opening a later line is not JSON.
  const later = parseBatch(Buffer.from('{"features":{"x":1}}\n' + bom + '{"features":{"x":2}}'), layout);
  assert.ok(!later.ok && later.line === 2, JSON.stringify(later));
});

test("intern tables stay bounded: values past the bound are still counted, per batch", () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `{"features":{"plan":"v${i}","k${i}":1}}`).join("\n");
  const parsed = parseBatch(Buffer.from(lines), layout);
  assert.ok(parsed.ok);
  const { w } = windowOf(parsed.events);
  assert.equal((w.slots[2] as { counts: Map<string, number> }).counts.size, 3000);
  assert.equal(w.unknownOther, 2900);
  const encoding = encodingOf(layout);
  assert.ok(encoding.categories[2]!.size <= 1024);
  assert.ok(encoding.names.size <= NAMES.length + 256);
  parsed.events.release();
  // A released batch comes back empty.
  const again = obtainBatch(layout);
  assert.equal(again.length, 0);
  assert.equal(again.unknownName.length, 0);
  assert.equal(again.extra.length, 0);
  again.release();
});

test("id and the positive-class probability: what each spelling gives, on both paths", () => {
  const ABSENT_ = 0;
  const VALUE_ = 1;
  const NULL_ = 2;
  const INVALID_ = 3;
  const cases: [string, [number, string | null], [number, number]][] = [
    ['"id":"a-1","probability":0.25', [VALUE_, "a-1"], [VALUE_, 0.25]],
    ['"id":42,"probabilities":{"0":0.1,"1":0.9}', [VALUE_, "42"], [VALUE_, 0.9]],
    ['"id":"42","probability":0.3,"probabilities":{"1":0.9}', [VALUE_, "42"], [VALUE_, 0.3]],
    ['"id":null,"probability":null,"probabilities":{"1":0.9}', [NULL_, null], [VALUE_, 0.9]],
    ['"id":1.5,"probability":1.2', [INVALID_, null], [INVALID_, NaN]],
    ['"id":true,"probabilities":[0.1,0.9]', [INVALID_, null], [INVALID_, NaN]],
    ['"id":"","probabilities":{"yes":0.9}', [INVALID_, null], [ABSENT_, NaN]],
    [`"id":"${"x".repeat(256)}"`, [VALUE_, "x".repeat(256)], [ABSENT_, NaN]],
    [`"id":"${"x".repeat(257)}"`, [INVALID_, null], [ABSENT_, NaN]],
    [`"id":"${"é".repeat(129)}"`, [INVALID_, null], [ABSENT_, NaN]],
    ['"id":9007199254740993', [INVALID_, null], [ABSENT_, NaN]],
    ['"probabilities":{"1":0.2,"1":0.7}', [ABSENT_, null], [VALUE_, 0.7]],
  ];
  for (const [fields, id, probability] of cases) {
    for (const text of [`{"features":{"x":1},${fields}}`, `[{"features":{"x":1},${fields}}]`]) {
      const parsed = parseBatch(Buffer.from(text), layout);
      assert.ok(parsed.ok, text);
      const b = parsed.events;
      assert.deepEqual([b.idStatus[0], b.ids[0]], id, text);
      assert.deepEqual([b.probabilityStatus[0], b.positiveProbability[0]], probability, text);
      b.release();
      assertAgrees(text);
    }
  }
  // Another positive class reads another entry.
  const other: FeatureLayout = { ...layout, positiveClass: "churn" };
  const parsed = parseBatch(Buffer.from('{"features":{},"probabilities":{"1":0.2,"churn":0.6}}'), other);
  assert.ok(parsed.ok);
  assert.equal(parsed.events.positiveProbability[0], 0.6);
  parsed.events.release();
});
