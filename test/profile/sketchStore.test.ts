import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { Store } from "../../src/profile/quantileSketch.js";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-sketch-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const moduleUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href;

/** A store's occupied buckets as [index, count] pairs, ascending. */
function entries(s: Store): [number, number][] {
  const out: [number, number][] = [];
  s.forEach((i, c) => out.push([i, c]));
  return out;
}

/** The same buckets kept in a Map: what every form of a store must list. */
function modelEntries(model: Map<number, number>): [number, number][] {
  return [...model].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
}

const index = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 700_000 }));
// Counts a Uint16Array holds and counts it does not (fractions, past 65,535, 0), as merged or read sketches have.
const count = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 1, max: 1000 }),
  fc.constant(0),
  fc.constant(0.5),
  fc.constant(2 ** 16 - 1),
  fc.constant(2 ** 32 - 1),
  fc.constant(2 ** 40),
);
const op = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), index, n: count }),
  fc.record({ kind: fc.constant("sorted" as const), pairs: fc.array(fc.tuple(index, count), { maxLength: 80 }) }),
  fc.record({ kind: fc.constant("store" as const), pairs: fc.array(fc.tuple(index, count), { maxLength: 80 }) }),
  fc.record({
    kind: fc.constant("run" as const),
    from: fc.integer({ min: 1, max: 5000 }),
    length: fc.integer({ min: 1, max: 300 }),
  }),
);

test("a store lists the buckets a Map of its adds holds, whatever the mix of adds, sorted lists, merged stores and counts (property)", () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const s = new Store();
      const model = new Map<number, number>();
      const put = (i: number, n: number) => model.set(i, (model.get(i) ?? 0) + n);
      for (const o of ops) {
        if (o.kind === "add") {
          s.add(o.index, o.n);
          put(o.index, o.n);
        } else if (o.kind === "run") {
          // Adjacent buckets: what makes a store dense (and an outlier after it, sparse again).
          for (let i = o.from; i < o.from + o.length; i++) {
            s.addOne(i);
            put(i, 1);
          }
        } else {
          const byIndex = new Map<number, number>();
          for (const [i, n] of o.pairs) byIndex.set(i, (byIndex.get(i) ?? 0) + n);
          const sorted = [...byIndex].sort((a, b) => a[0] - b[0]);
          if (o.kind === "sorted") {
            s.addSorted(
              Int32Array.from(sorted, ([i]) => i),
              Float64Array.from(sorted, ([, n]) => n),
              0,
              sorted.length,
            );
          } else {
            const other = new Store();
            for (const [i, n] of sorted) other.add(i, n);
            s.addStore(other);
          }
          for (const [i, n] of sorted) if (n !== 0) put(i, n);
        }
      }
      const want = modelEntries(model);
      assert.deepEqual(entries(s), want);
      const down: [number, number][] = [];
      s.forEachDescending((i, c) => down.push([i, c]));
      assert.deepEqual(down, [...want].reverse());
      assert.equal(
        s.total(),
        want.reduce((t, [, c]) => t + c, 0),
      );
      assert.deepEqual(s.range(), want.length === 0 ? null : [want[0]![0], want.at(-1)![0]]);
      // read back from its contract form, the same buckets
      assert.deepEqual(entries(Store.fromJson(s.toJson())), want);
    }),
    { numRuns: 300 },
  );
});

test("a sparse store's counts become doubles only when one is not a 16-bit unsigned integer", () => {
  const s = new Store();
  s.add(10, 2 ** 16 - 1);
  s.add(500, 3);
  const before = s.allocatedBytes;
  s.add(10, 1);
  assert.deepEqual(entries(s), [
    [10, 2 ** 16],
    [500, 3],
  ]);
  // the same capacity: keys of 4 bytes, counts of 8 rather than 2
  assert.equal(s.allocatedBytes, 2 * before);
});

/**
 * What 2,000 running sketches of 1,000 distinct 4-decimal values each (added 50 at a time, as a running profile's
 * chunks add them; some 660 occupied buckets each, spread over 4,600: sparse) hold, in bytes an occupied bucket:
 * V8's heap and array buffers after full collections, less what they held before the sketches. Measured: 21.1-21.3
 * with the sparse lists as two arrays of JS numbers (8 bytes an element, grown by half again); 7.6-7.7 as an
 * Int32Array of keys and a Uint16Array of counts grown by a quarter (9.9-10.0 with a Uint32Array). The limit sits
 * between.
 */
const BYTES_PER_BUCKET_LIMIT = 14;

test("a sparse store holds under 8 bytes an occupied bucket (typed arrays), not some 21 (arrays of JS numbers)", async () => {
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { QuantileSketch } from ${JSON.stringify(moduleUrl("../../src/profile/quantileSketch.ts"))};
import { settledMemory } from ${JSON.stringify(moduleUrl("../helpers/settledMemory.ts"))};
const held = async () => {
  const m = await settledMemory();
  return m.heapUsed + m.arrayBuffers;
};
const columns = 2000;
const rows = 1000;
const chunk = 50;
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const values = new Float64Array(chunk);
const valid = new Uint8Array(chunk).fill(1);
// warm: the module's scratch arrays exist before the baseline
new QuantileSketch(0.001).addValues(values.map(() => 0.5 + next()), valid);
const before = await held();
const sketches = [];
for (let c = 0; c < columns; c++) sketches.push(new QuantileSketch(0.001));
for (let r = 0; r < rows; r += chunk) {
  for (const s of sketches) {
    for (let i = 0; i < chunk; i++) values[i] = Number((next() * 10).toFixed(4));
    s.addValues(values, valid);
  }
}
const bytes = (await held()) - before;
let buckets = 0;
for (const s of sketches) buckets += s.buckets().keys.length;
console.log(JSON.stringify({ bytesPerBucket: bytes / buckets, buckets, sparse: sketches.every((s) => s.allocatedBuckets === s.buckets().keys.length) }));
`,
  );
  const run = await runRssBounded(script, [], 600, { heapMb: null });
  assert.equal(run.code, 0, run.err);
  const m = JSON.parse(run.out.trim().split("\n").at(-1)!) as {
    bytesPerBucket: number;
    buckets: number;
    sparse: boolean;
  };
  // the case is the sparse form's: every sketch holds its occupied buckets only, some 660 of them
  assert.ok(m.sparse);
  assert.ok(m.buckets > 2000 * 600 && m.buckets < 2000 * 700, `${m.buckets}`);
  assert.ok(m.bytesPerBucket < BYTES_PER_BUCKET_LIMIT, `${m.bytesPerBucket.toFixed(1)} bytes an occupied bucket`);
});
