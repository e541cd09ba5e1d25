import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";
import { loadTable, readColumnNames, scanTable } from "../../src/data/loadTable.js";
import { globToRegExp } from "../../src/data/resolveDataset.js";
import type { Table } from "../../src/data/table.js";
import { column, rejectsWith, texts } from "./tempFiles.js";

const root = mkdtempSync(join(tmpdir(), "modelguard-datasets-"));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

/** Writes files (relative path -> content) under a fresh directory and returns it. */
function tree(files: Record<string, string | Uint8Array>): string {
  const dir = join(root, `d${counter++}`);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

function parquet(columnData: Parameters<typeof parquetWriteBuffer>[0]["columnData"]): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}

test("a Hive-partitioned directory: shards in path order, partition values as typed columns, Spark's marker files skipped", async () => {
  const dir = tree({
    "date=2026-12-02/region=us/part-0.csv": "id,x\n5,0.5\n6,0.25\n",
    "date=2026-12-01/region=eu/part-1.csv": "id,x\n3,1.5\n4,\n",
    "date=2026-12-01/region=eu/part-0.csv": "id,x\n1,2.5\n2,3\n",
    "date=2026-12-01/region=us%2Fwest/part-0.csv": "id,x\n7,8\n",
    "date=2026-12-02/region=__HIVE_DEFAULT_PARTITION__/part-0.csv": "id,x\n9,9\n",
    _SUCCESS: "",
    "date=2026-12-01/region=eu/.part-0.csv.crc": "junk",
    "date=2026-12-01/region=eu/_committed_123": "junk",
  });
  const t = await loadTable(dir);
  assert.equal(t.source, dir);
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type]),
    [
      ["id", "integer"],
      ["x", "number"],
      ["date", "datetime"],
      ["region", "category"],
    ],
  );
  assert.deepEqual(texts(t, "id"), ["1", "2", "3", "4", "7", "9", "5", "6"]);
  assert.deepEqual(texts(t, "x"), ["2.5", "3", "1.5", null, "8", "9", "0.5", "0.25"]);
  assert.deepEqual(texts(t, "date"), [
    ...Array(5).fill("2026-12-01T00:00:00.000Z"),
    ...Array(3).fill("2026-12-02T00:00:00.000Z"),
  ]);
  assert.deepEqual(texts(t, "region"), ["eu", "eu", "eu", "eu", "us/west", null, "us", "us"]);
  assert.deepEqual(await readColumnNames(dir), ["id", "x", "date", "region"]);

  // streamed shard by shard (types from the first shard's sample): the same cells, each chunk labelled with its shard
  const chunks: Table[] = [];
  for await (const chunk of scanTable(dir, { chunkRows: 1 })) chunks.push(chunk);
  assert.equal(chunks.length, 8);
  assert.match(chunks[0]!.source, /date=2026-12-01.region=eu.part-0\.csv$/);
  for (const c of t.columns) {
    assert.deepEqual(
      chunks.flatMap((chunk) => texts(chunk, c.name)),
      texts(t, c.name),
      c.name,
    );
    for (const chunk of chunks) assert.equal(column(chunk, c.name).type, c.type, c.name);
  }

  // only the wanted columns, partition keys included
  const some = await loadTable(dir, { columns: ["x", "region"] });
  assert.deepEqual(
    some.columns.map((c) => c.name),
    ["x", "region"],
  );
});

test("globs: * within a directory, ** across directories, {a,b} alternatives; gzip JSONL shards", async () => {
  const dir = tree({
    "logs/2026/01/a.jsonl.gz": gzipSync('{"k": 1, "s": "a"}\n{"k": 2}\n'),
    "logs/2026/02/b.jsonl": '{"k": 3, "s": "b", "late": true}\n',
    "logs/c.jsonl": '{"k": 4.5, "s": "c"}\n',
    "logs/notes.txt": "not data",
    "other/d.jsonl": '{"k": 99}\n',
  });
  const deep = await loadTable(join(dir, "logs/**/*.jsonl*"));
  // byte order of the paths below logs/: 2026/01/a, 2026/02/b, c
  assert.deepEqual(texts(deep, "k"), ["1", "2", "3", "4.5"]);
  assert.equal(column(deep, "k").type, "number");
  assert.deepEqual(texts(deep, "s"), ["a", null, "b", "c"]);
  // a JSONL key only some shards have is missing in the others
  assert.deepEqual(texts(deep, "late"), [null, null, "true", null]);
  const flat = await loadTable(join(dir, "logs/*.jsonl"));
  assert.deepEqual(texts(flat, "k"), ["4.5"]);
  const alt = await loadTable(join(dir, "{logs,other}/?.jsonl"));
  assert.deepEqual(texts(alt, "k"), ["4.5", "99"]);
  await rejectsWith(loadTable(join(dir, "logs/*.parquet")), "input", /no file matches this glob/);
});

test("Parquet shards: integer and double make number, text dictionaries merge; scanTable forces the first shard's types", async () => {
  const dir = tree({
    "part-0.parquet": parquet([
      { name: "v", data: [1, 2], type: "INT32" },
      { name: "c", data: ["a", "b"], type: "STRING" },
    ]),
    "part-1.parquet": parquet([
      { name: "c", data: ["b", null], type: "STRING" },
      { name: "v", data: [2.5, null], type: "DOUBLE" },
    ]),
  });
  const t = await loadTable(dir);
  assert.deepEqual(texts(t, "v"), ["1", "2", "2.5", null]);
  assert.equal(column(t, "v").type, "number");
  assert.deepEqual(texts(t, "c"), ["a", "b", "b", null]);
  const c = column(t, "c");
  assert.ok(c.kind === "dictionary");
  assert.deepEqual(c.dictionary, ["a", "b"]);
  const chunks: Table[] = [];
  for await (const chunk of scanTable(dir)) chunks.push(chunk);
  // v is integer after the first shard: 2.5 does not fit and is an invalid entry, as in a single file's later chunk
  assert.deepEqual(
    chunks.map((x) => x.columns.map((col) => col.name)),
    [
      ["v", "c"],
      ["v", "c"],
    ],
  );
  const v1 = column(chunks[1]!, "v");
  assert.ok(v1.kind === "numeric");
  assert.equal(v1.type, "integer");
  assert.deepEqual([...v1.invalid], [[0, "2.5"]]);
});

test("shards that disagree are input errors naming the shard and the column", async () => {
  const types = tree({ "a.csv": "id,x\n1,2\n", "b.csv": "id,x\n2,hello\n" });
  await rejectsWith(
    loadTable(types),
    "input",
    /b\.csv, column 'x': the shard's values are (category|string) but .*a\.csv has integer values/,
    { file: join(types, "b.csv"), column: "x" },
  );
  // forcing the type makes the shards agree: the text is an invalid entry
  const forced = await loadTable(types, { types: { x: "number" } });
  assert.deepEqual(texts(forced, "x"), ["2", "hello"]);

  const cols = tree({ "a.csv": "id,x\n1,2\n", "b.csv": "id,y\n2,3\n" });
  await rejectsWith(loadTable(cols), "input", /b\.csv: the shard has a column 'y' that .*a\.csv lacks/);
  await rejectsWith(
    (async () => {
      for await (const _ of scanTable(cols));
    })(),
    "input",
    /b\.csv: the shard has a column 'y' that .*a\.csv lacks/,
  );

  const parse = tree({ "a.csv": "id,x\n1,2\n", "b.csv": 'id,x\n1,2\n2,"3\n' });
  await rejectsWith(loadTable(parse), "input", /b\.csv, line 3/);

  const mixed = tree({ "a.csv": "id\n1\n", "b.jsonl": '{"id": 2}\n' });
  await rejectsWith(
    loadTable(mixed),
    "input",
    /b\.jsonl: a jsonl shard in a dataset whose first shard, .*a\.csv, is csv/,
  );

  const clash = tree({ "k=1/a.csv": "k,x\n1,2\n" });
  await rejectsWith(loadTable(clash), "input", /the column 'k' is also a partition key/);

  const uneven = tree({ "k=1/a.csv": "x\n1\n", "b.csv": "x\n2\n" });
  await rejectsWith(
    loadTable(uneven),
    "input",
    /its partition directories \(k\) differ from those of .*b\.csv \(none\)/,
  );

  const empty = tree({ "README.md": "nothing here", _SUCCESS: "" });
  await rejectsWith(loadTable(empty), "input", /the directory holds no data files/);

  const badPartition = tree({ "n=1/a.csv": "x\n1\n", "n=two/b.csv": "x\n2\n" });
  await rejectsWith(
    loadTable(badPartition, { types: { n: "integer" } }),
    "input",
    /b\.csv: the partition value n=two is not an integer/,
  );
});

test("globToRegExp: the pattern forms the listing understands", () => {
  const cases: [string, string, boolean][] = [
    ["*.parquet", "a.parquet", true],
    ["*.parquet", "x/a.parquet", false],
    ["**/*.jsonl", "a.jsonl", true],
    ["**/*.jsonl", "x/y/a.jsonl", true],
    ["date=2026-12-*/*.csv", "date=2026-12-01/p.csv", true],
    ["date=2026-12-*/*.csv", "date=2026-11-01/p.csv", false],
    ["part-?.csv", "part-1.csv", true],
    ["part-?.csv", "part-10.csv", false],
    ["part-[0-4].csv", "part-3.csv", true],
    ["part-[!0-4].csv", "part-3.csv", false],
    ["{a,b}.csv", "b.csv", true],
    ["a+b(1).csv", "a+b(1).csv", true],
  ];
  for (const [pattern, path, expected] of cases)
    assert.equal(globToRegExp(pattern).test(path), expected, `${pattern} ${path}`);
});
