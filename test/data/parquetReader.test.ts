import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parquetWriteBuffer } from "hyparquet-writer";
import { loadTable, readColumnNames, scanTable } from "../../src/data/loadTable.js";
import type { Table } from "../../src/data/table.js";
import { column, rejectsWith, tempFile, texts } from "./tempFiles.js";

const fixture = fileURLToPath(new URL("../../fixtures/data/types.parquet", import.meta.url));

function writeParquet(name: string, options: Parameters<typeof parquetWriteBuffer>[0]): string {
  return tempFile(name, new Uint8Array(parquetWriteBuffer(options)));
}

test("Parquet fixture: schema types, nulls, NaN, INT64 beyond 2^53, timestamps", async () => {
  const t = await loadTable(fixture);
  assert.equal(t.rowCount, 6);
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type]),
    [
      ["id", "integer"],
      ["account", "string"],
      ["score", "number"],
      ["flag", "boolean"],
      ["color", "category"],
      ["city", "string"],
      ["seen", "datetime"],
    ],
  );
  assert.deepEqual(texts(t, "id"), ["1", "2", "3", "4", "5", "6"]);
  assert.deepEqual(texts(t, "account"), ["9007199254740993", "2", null, "4", "5", "6"]);
  const score = column(t, "score");
  assert.ok(score.kind === "numeric");
  assert.deepEqual(Array.from(score.valid), [1, 0, 1, 1, 1, 1]);
  assert.ok(Number.isNaN(score.values[2]), "a stored NaN is a valid NaN");
  assert.deepEqual([score.values[0], score.values[3], score.values[4]], [0.5, -1.25, 1e300]);
  assert.deepEqual(texts(t, "flag"), ["true", "false", null, "true", "true", "false"]);
  assert.deepEqual(texts(t, "color"), ["red", "green", "red", null, "green", "red"]);
  assert.deepEqual(texts(t, "city"), ["Oslo", "Zürich", "東京", "Lima", "Pune", "Nuuk"]);
  assert.deepEqual(texts(t, "seen"), [
    "2024-01-31T10:00:00.000Z",
    null,
    "1970-01-01T00:00:00.000Z",
    "1969-12-31T23:59:59.000Z",
    "2030-06-01T00:00:00.123Z",
    "1970-01-02T00:00:00.000Z",
  ]);
  assert.deepEqual(await readColumnNames(fixture), ["id", "account", "score", "flag", "color", "city", "seen"]);
});

test("Parquet round trip through hyparquet-writer, many row groups; scanTable chunks match", async () => {
  const n = 2345;
  const ints = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : i - 1000));
  const doubles = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : i / 7));
  const cats = Array.from({ length: n }, (_, i) => ["a", "b", "c", "d"][i % 4]!);
  const ids = Array.from({ length: n }, (_, i) => `user-${i}`);
  const bigs = Array.from({ length: n }, (_, i) => BigInt(i) * 1000n);
  const path = writeParquet("rt.parquet", {
    rowGroupSize: 500,
    columnData: [
      { name: "int", data: ints, type: "INT32" },
      { name: "double", data: doubles, type: "DOUBLE" },
      { name: "cat", data: cats, type: "STRING" },
      { name: "id", data: ids, type: "STRING" },
      { name: "big", data: bigs, type: "INT64" },
    ],
  });
  const t = await loadTable(path);
  assert.equal(t.rowCount, n);
  assert.deepEqual(
    t.columns.map((c) => c.type),
    ["integer", "number", "category", "string", "integer"],
  );
  assert.deepEqual(
    texts(t, "int"),
    ints.map((v) => (v === null ? null : String(v))),
  );
  const d = column(t, "double");
  assert.ok(d.kind === "numeric");
  doubles.forEach((v, i) => (v === null ? assert.equal(d.valid[i], 0) : assert.equal(d.values[i], v)));
  assert.deepEqual(texts(t, "id"), ids);
  assert.deepEqual(texts(t, "big"), bigs.map(String));

  const chunks: Table[] = [];
  for await (const chunk of scanTable(path, { chunkRows: 700 })) chunks.push(chunk);
  assert.deepEqual(
    chunks.map((c) => c.rowCount),
    [700, 700, 700, 245],
  );
  for (const c of t.columns) {
    assert.deepEqual(
      chunks.flatMap((chunk) => texts(chunk, c.name)),
      texts(t, c.name),
      c.name,
    );
    for (const chunk of chunks) assert.equal(column(chunk, c.name).type, c.type);
  }
});

test("Parquet: columns subset and forced types (invalid entries for values that do not fit)", async () => {
  const path = writeParquet("forced.parquet", {
    columnData: [
      { name: "x", data: [1.0, 2.5, null, 4], type: "DOUBLE" },
      { name: "s", data: ["1", "two", "3", null], type: "STRING" },
      { name: "flag", data: [1, 0, 1, 2], type: "INT32" },
      { name: "skip", data: ["a", "b", "c", "d"], type: "STRING" },
    ],
  });
  const t = await loadTable(path, {
    columns: ["x", "s", "flag"],
    types: { x: "integer", s: "number", flag: "boolean" },
  });
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type]),
    [
      ["x", "integer"],
      ["s", "number"],
      ["flag", "boolean"],
    ],
  );
  const x = column(t, "x");
  assert.ok(x.kind === "numeric");
  assert.deepEqual([...x.invalid], [[1, "2.5"]]);
  const s = column(t, "s");
  assert.ok(s.kind === "numeric");
  assert.deepEqual([...s.invalid], [[1, "two"]]);
  assert.deepEqual(texts(t, "s"), ["1", "two", "3", null]);
  const flag = column(t, "flag");
  assert.ok(flag.kind === "numeric");
  assert.deepEqual([...flag.invalid], [[3, "2"]]);
  assert.deepEqual(texts(t, "flag"), ["true", "false", "true", "2"]);
});

test("Parquet: a nested column is an error when wanted and skipped otherwise; a non-Parquet file is an error", async () => {
  const path = writeParquet("nested.parquet", {
    columnData: [
      { name: "a", data: [1, 2], type: "INT32" },
      { name: "v", data: [{ k: 1 }, { k: [2, 3] }], type: "VARIANT" },
    ],
  });
  await rejectsWith(loadTable(path), "input", /column 'v': a nested Parquet column/, { file: path, column: "v" });
  const t = await loadTable(path, { columns: ["a"] });
  assert.deepEqual(texts(t, "a"), ["1", "2"]);
  const bogus = tempFile("bogus.parquet", "a,b\n1,2\n");
  await rejectsWith(loadTable(bogus), "input", /not a readable Parquet file/, { file: bogus });
});
