import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { stringifyContract } from "../../src/contracts/contractJson.js";
import type { Column, Table } from "../../src/data/table.js";
import { ModelguardError } from "../../src/errors.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { mergeProfiles } from "../../src/profile/mergeProfiles.js";
import { profileChunks } from "../../src/profile/profileChunks.js";
import { RunningProfile } from "../../src/profile/runningProfile.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

const T0 = "2026-01-01T00:00:00.000Z";

/** What RunningProfile replaces: each chunk's profile merged into the profile so far, in order. */
function mergedProfile(chunks: Table[]): ReferenceProfile {
  return chunks
    .map((c) => buildProfile(c, { createdAt: T0 }))
    .reduce((a, b) => ({ ...mergeProfiles(a, b, { consume: true }), created_at: T0 }));
}

function runningProfile(chunks: Table[]): ReferenceProfile {
  const running = new RunningProfile({ createdAt: T0 });
  for (const c of chunks) running.add(c);
  return running.profile();
}

// Values that exercise the sketch (zero, both signs, far apart, infinities), the moments' scaling (near 1e300 and
// 1e-160) and missing cells.
const numericValue = fc.oneof(
  fc.constantFrom(null, 0, -0, Infinity, -Infinity, 1e300, -1e300, 1e-160, 3, -7),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const word = fc.oneof(fc.constant(null), fc.constantFrom("a", "b", "ccc", "déjà", ""));

/**
 * Columns a chunk may have, by name (names that are data: "__proto__", "constructor", integer-like "7" and "0", which
 * an object orders first): numbers or integers (the type widens), categories or strings (category + string is
 * text), a boolean column, and a datetime one.
 */
function chunkOf(rows: number) {
  const numbers = fc.array(numericValue, { minLength: rows, maxLength: rows });
  const integers = fc.array(fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 50 })), {
    minLength: rows,
    maxLength: rows,
  });
  const words = fc.array(word, { minLength: rows, maxLength: rows });
  const flags = fc.array(fc.constantFrom(null, 0, 1), { minLength: rows, maxLength: rows });
  const column = (name: string): fc.Arbitrary<Column> => {
    switch (name) {
      case "x":
      case "__proto__":
        return numbers.map((v) => numericColumn(name, v, "number"));
      case "7":
      case "constructor":
        return fc.oneof(
          integers.map((v) => numericColumn(name, v, "integer")),
          numbers.map((v) => numericColumn(name, v, "number")),
        );
      case "0":
        return fc.oneof(
          words.map((v) => dictionaryColumn(name, v, "category")),
          words.map((v) => dictionaryColumn(name, v, "string")),
        );
      case "b":
        return flags.map((v) => numericColumn(name, v, "boolean"));
      default:
        return integers.map((v) =>
          numericColumn(name, v === null ? v : v.map((x) => (x === null ? x : x * 8.64e7)), "datetime"),
        );
    }
  };
  return fc
    .subarray(["x", "__proto__", "7", "constructor", "0", "b", "t"], { minLength: 1 })
    .chain((names) => fc.tuple(...names.map(column)))
    .map((columns) => ({ ...table(columns), rowCount: rows, source: `chunk of ${rows}` }));
}

const chunks = fc.array(
  fc.integer({ min: 1, max: 12 }).chain((rows) => chunkOf(rows)),
  { minLength: 1, maxLength: 5 },
);

test("a running profile is, byte for byte, the chunks' profiles merged in order (property)", () => {
  fc.assert(
    fc.property(chunks, (cs) => {
      assert.equal(stringifyContract(runningProfile(cs)), stringifyContract(mergedProfile(cs)));
    }),
    { numRuns: 300 },
  );
});

test("a running profile's parts let each column go as it is written, and leave it empty", () => {
  const running = new RunningProfile({ createdAt: T0 });
  running.add(table([numericColumn("x", [1, 2]), dictionaryColumn("c", ["u", null])]));
  running.add(table([numericColumn("x", [2.5]), numericColumn("y", [4])]));
  const { fields, columns } = running.parts();
  assert.equal(fields.rows, 3);
  assert.deepEqual(fields.sources, ["test", "test"]);
  const names = [...columns].map(([name, c]) => `${name}:${c.kind}:${c.count}:${c.missing}`);
  assert.deepEqual(names, ["x:numeric:3:0", "c:categorical:1:2", "y:numeric:1:2"]);
  assert.deepEqual(Object.keys(running.profile().columns), []);
});

test("a column numeric in one chunk and categorical in a later one is mergeProfiles' error", () => {
  const running = new RunningProfile();
  running.add(table([numericColumn("x", [1, 2])]));
  assert.throws(
    () => running.add(table([dictionaryColumn("x", ["u", "v"])])),
    (e: unknown) =>
      e instanceof ModelguardError &&
      /column 'x' is numeric \(integer\) in one profile and categorical/.test(e.message),
  );
});

test("profileChunks stops the stream of chunks when a chunk cannot be taken in, as for-await does (its file closed)", async () => {
  let closed = false;
  async function* chunks(): AsyncGenerator<Table> {
    try {
      yield table([numericColumn("x", [1, 2])]);
      yield table([dictionaryColumn("x", ["u", "v"])]);
      yield table([numericColumn("x", [3])]);
    } finally {
      closed = true;
    }
  }
  await assert.rejects(profileChunks(chunks(), {}), /column 'x' is numeric/);
  assert.equal(closed, true);
});
