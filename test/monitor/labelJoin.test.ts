// The label join on its own (no server): its snapshot form reads back to the same state and the same behaviour, and a
// damaged one is refused naming the field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { idOf, INVALID, obtainBatch, VALUE } from "../../monitor/ingest/eventBatch.js";
import type { FeatureLayout } from "../../monitor/ingest/featureLayout.js";
import { LabelJoin } from "../../monitor/labels/labelJoin.js";
import type { JoinedRows } from "../../monitor/performance/joinedRowsSink.js";

const layout: FeatureLayout = { names: ["x"], kinds: ["numeric"], index: new Map([["x", 0]]), accuracy: 0.01 };
const config = { maxDelayMs: 1000, maxPending: 10, positiveClass: "1", source: null };

function batchOf(events: { id: unknown; prediction: unknown; probability?: number }[]) {
  const b = obtainBatch(layout);
  for (const e of events) b.appendObject({ x: 1 }, e.prediction, undefined, e);
  return b;
}

function recorder() {
  const rows: unknown[][] = [];
  return {
    rows,
    sink: {
      addJoined(r: JoinedRows) {
        for (let i = 0; i < r.length; i++)
          rows.push([r.window[i], r.prediction[i], r.probability[i], r.label[i], r.at]);
      },
    },
  };
}

test("label join: the snapshot form reads back to the same state, and the loaded join behaves the same", () => {
  const a = new LabelJoin(config);
  const b1 = batchOf([
    { id: "p", prediction: "yes", probability: 0.8 },
    { id: 2, prediction: 1.5 },
    { id: "held", prediction: false },
    { id: true, prediction: 1 },
  ]);
  a.eventsAdded(b1, 0, 2, { index: 3, start: 60_000 }, 100, "v2");
  a.eventsAdded(b1, 2, 4, { index: -1, start: 120_000 }, 100, "v2");
  b1.release();
  a.labelsArrived({ ids: ["held", "early", "2"], labels: [1, "no", 0.5] }, 200);
  a.windowClosed(60_000, 3, 250);
  a.sourcePosition = { dev: "1", ino: "2", offset: 30, line: 2 };
  const text = JSON.stringify(a.toJson());
  const b = new LabelJoin(config);
  b.load(JSON.parse(text));
  assert.equal(JSON.stringify(b.toJson()), text);
  assert.equal(b.counts.invalid_ids, 1);
  assert.deepEqual([b.waitingEvents, b.waitingLabels], [1, 1]);
  // The same inputs give the same rows from the original and the loaded one.
  const ra = recorder();
  const rb = recorder();
  a.setSink(ra.sink);
  b.setSink(rb.sink);
  for (const j of [a, b]) {
    j.labelsArrived({ ids: ["p"], labels: ["yes"] }, 300);
    j.windowClosed(120_000, 4, 400);
    const late = batchOf([{ id: "early", prediction: "no" }]);
    j.eventsAdded(late, 0, 1, { index: 5, start: 180_000 }, 500, null);
    late.release();
  }
  assert.deepEqual(ra.rows, rb.rows);
  assert.deepEqual(ra.rows, [
    [3, "yes", 0.8, "yes", 300],
    [4, false, NaN, 1, 400],
    [5, "no", NaN, "no", 500],
  ]);
  // Past max_delay everything still waiting is dropped and counted.
  b.expire(100 + 1000);
  assert.deepEqual([b.waitingEvents, b.waitingLabels, b.counts.unmatched_events], [0, 0, 0]);
});

test("label join: a damaged snapshot part is refused naming the field", () => {
  const good = new LabelJoin(config).toJson();
  const cases: [unknown, RegExp][] = [
    [null, /labels is not an object/],
    [{ ...good, counts: { ...good.counts, matched: -1 } }, /labels\.counts\.matched is not a count/],
    [{ ...good, events: { ...good.events, id: ["a"] } }, /labels\.events: its lists differ in length/],
    [{ ...good, labels: { id: [], t: [] } }, /labels\.labels\.label is not a list/],
  ];
  for (const [json, message] of cases) assert.throws(() => new LabelJoin(config).load(json), message);
});

test("idOf: a string with a lone surrogate is not a join key (UTF-8, the join file's encoding, cannot hold it); pairs are", () => {
  for (const id of ["\ud800", "a\udfffb", "\udc00\ud800"]) assert.equal(idOf(id).status, INVALID, JSON.stringify(id));
  assert.deepEqual(idOf("😀-1"), { status: VALUE, id: "😀-1" });
});
