import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageChannel } from "node:worker_threads";
import type { ColumnSample } from "../../src/drift/columnSample.js";
import { PACK_MAX_VALUES, packSamples, unpackSamples, type PackedSamples } from "../../src/drift/packedSamples.js";

function wideSamples(columns: number): Map<string, ColumnSample> {
  const samples = new Map<string, ColumnSample>();
  for (let i = 0; i < columns; i++) {
    const sorted = Float64Array.from([i % 7, i % 7, 3 + (i % 5), 10]).sort();
    samples.set(`c${i}`, { kind: "numeric", form: "exact", sorted, missing: i % 3 });
  }
  return samples;
}

/** Posts the message through a real port, as the worker does, transferring the listed buffers. */
function postThrough(packed: PackedSamples, transfer: ArrayBuffer[]): Promise<PackedSamples> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once("message", (m: PackedSamples) => {
      port1.close();
      port2.close();
      resolve(m);
    });
    port1.postMessage(packed, transfer);
  });
}

test("a wide table's samples cross to the main thread in one buffer, not one object and buffer per column", async () => {
  const columns = 10_000;
  const samples = wideSamples(columns);
  const want = [...samples].map(([name, s]) => [name, s.kind === "numeric" && s.form === "exact" ? [...s.sorted] : s]);
  const { packed, transfer } = packSamples(samples);
  // The values buffer and three per-column arrays: what crosses does not grow with the number of columns.
  assert.equal(transfer.length, 4);
  assert.equal(packed.other.length, 0);
  assert.equal(packed.values.length, 4 * columns);
  const got = unpackSamples(await postThrough(packed, transfer));
  assert.deepEqual([...got.keys()], [...samples.keys()]);
  const back = [...got].map(([name, s]) => [name, s.kind === "numeric" && s.form === "exact" ? [...s.sorted] : s]);
  assert.deepEqual(back, want);
  assert.deepEqual(
    [...got.values()].map((s) => (s.kind === "numeric" ? s.missing : -1)),
    [...samples.values()].map((_, i) => i % 3),
  );
});

test("large numeric samples keep their own buffer; categorical and skipped samples pass as they are, in order", async () => {
  const big = new Float64Array(PACK_MAX_VALUES + 1).map((_, i) => i);
  const samples = new Map<string, ColumnSample>([
    ["__proto__", { kind: "categorical", counts: new Map([["a", 2]]), count: 2, missing: 1 }],
    ["big", { kind: "numeric", form: "exact", sorted: big, missing: 0 }],
    ["small", { kind: "numeric", form: "exact", sorted: Float64Array.from([1, 2]), missing: 4 }],
    ["empty", { kind: "numeric", form: "exact", sorted: new Float64Array(0), missing: 3 }],
    ["when", { kind: "skipped", type: "datetime", reason: "datetime columns are not tested" }],
  ]);
  const { packed, transfer } = packSamples(samples);
  assert.equal(transfer.length, 5);
  assert.ok(transfer.includes(big.buffer as ArrayBuffer));
  const got = unpackSamples(await postThrough(packed, transfer));
  assert.deepEqual([...got.keys()], ["__proto__", "big", "small", "empty", "when"]);
  assert.deepEqual(got.get("__proto__"), { kind: "categorical", counts: new Map([["a", 2]]), count: 2, missing: 1 });
  const b = got.get("big")!;
  assert.ok(b.kind === "numeric" && b.form === "exact" && b.sorted.length === PACK_MAX_VALUES + 1);
  assert.equal(b.sorted[PACK_MAX_VALUES], PACK_MAX_VALUES);
  assert.deepEqual(got.get("small"), { kind: "numeric", form: "exact", sorted: Float64Array.from([1, 2]), missing: 4 });
  assert.deepEqual(got.get("empty"), { kind: "numeric", form: "exact", sorted: new Float64Array(0), missing: 3 });
  assert.equal(got.get("when")!.kind, "skipped");
});
