import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { CsvColumnPasses } from "../../src/data/csvColumnPasses.js";
import { loadTable, scanTable } from "../../src/data/loadTable.js";
import { resolveLoadOptions } from "../../src/data/loadOptions.js";
import { cellText, type ColumnType, type Table } from "../../src/data/table.js";
import { rng } from "../helpers/random.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

/** Every chunk's columns as plain data: name, type and each cell's text. */
function cells(chunks: Table[]): { rows: number; columns: { name: string; type: string; cells: unknown[] }[] }[] {
  return chunks.map((t) => ({
    rows: t.rowCount,
    columns: t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      cells: Array.from({ length: t.rowCount }, (_, r) => cellText(c, r)),
    })),
  }));
}

async function collect(chunks: AsyncIterable<Table>): Promise<Table[]> {
  const out: Table[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const TYPES: ColumnType[] = ["integer", "number", "string", "category", "boolean", "datetime"];

/** A CSV of mixed cells (numbers, text, blanks, cells of no type) that no column type reads everywhere. */
function randomCsv(seed: number, columns: number, rows: number): string {
  const r = rng(seed);
  const cell = () => {
    const u = r();
    if (u < 0.1) return "";
    if (u < 0.4) return String(Math.floor(r() * 20) - 5);
    if (u < 0.6) return (r() * 100).toFixed(2);
    if (u < 0.7) return ["true", "false"][Math.floor(r() * 2)]!;
    if (u < 0.8) return `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    if (u < 0.9) return `"a, ""b"""`;
    return ["x", "y", "NA"][Math.floor(r() * 3)]!;
  };
  const lines = [Array.from({ length: columns }, (_, k) => `c${k}`).join(",")];
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: columns }, cell).join(","));
  return lines.join("\n") + "\n";
}

test("each pass gives the chunks scanTable gives for those columns and forced types, pass after pass, plain or gzip", async () => {
  for (let seed = 1; seed <= 6; seed++) {
    const r = rng(100 + seed);
    const columns = 2 + Math.floor(r() * 8);
    const rows = seed === 1 ? 0 : Math.floor(r() * 40);
    const text = randomCsv(seed, columns, rows);
    for (const file of [tempFile("x.csv", text), tempFile("x.csv.gz", gzipSync(text))]) {
      const passes = await CsvColumnPasses.open(file, resolveLoadOptions(file));
      assert.deepEqual(
        passes.names,
        Array.from({ length: columns }, (_, k) => `c${k}`),
      );
      for (let pass = 0; pass < 4; pass++) {
        const sources = [...Array(columns).keys()].filter(() => r() < 0.5);
        const types = sources.map(() => TYPES[Math.floor(r() * TYPES.length)]!);
        const chunkRows = 1 + Math.floor(r() * 10);
        const got = await collect(passes.scan(sources, types, chunkRows));
        const byName = new Map(sources.map((k, j) => [`c${k}`, types[j]!]));
        const want = await collect(scanTable(file, { columns: [...byName.keys()], types: byName, chunkRows }));
        assert.deepEqual(cells(got), cells(want), `seed ${seed} pass ${pass} ${file}`);
      }
    }
  }
});

test("a pass of no columns counts the rows: one chunk per chunk of rows, as for a column", async () => {
  const file = tempFile("rows.csv", "a,b\n1,2\n3,4\n5,6\n");
  const passes = await CsvColumnPasses.open(file, resolveLoadOptions(file));
  assert.deepEqual(
    (await collect(passes.scan([], []))).map((t) => [t.rowCount, t.columns.length]),
    [[3, 0]],
  );
});

test("the header's errors are scanTable's: a repeated name, an empty file", async () => {
  const repeated = tempFile("twice.csv", "a,b,a\n1,2,3\n");
  await rejectsWith(
    CsvColumnPasses.open(repeated, resolveLoadOptions(repeated)),
    "input",
    /column name 'a' appears twice in the header, as fields 1 and 3/,
  );
  await rejectsWith(collect(scanTable(repeated)), "input", /column name 'a' appears twice in the header/);
  const empty = tempFile("empty.csv", "");
  await rejectsWith(CsvColumnPasses.open(empty, resolveLoadOptions(empty)), "input", /the file is empty/);
});

test("each load is loadTable's table of those columns, their types inferred or forced, between scans, plain or gzip", async () => {
  for (let seed = 1; seed <= 6; seed++) {
    const r = rng(200 + seed);
    const columns = 2 + Math.floor(r() * 8);
    const rows = seed === 1 ? 0 : Math.floor(r() * 40);
    const text = randomCsv(seed, columns, rows);
    for (const file of [tempFile("x.csv", text), tempFile("x.csv.gz", gzipSync(text))]) {
      const passes = await CsvColumnPasses.open(file, resolveLoadOptions(file));
      for (let pass = 0; pass < 4; pass++) {
        const sources = [...Array(columns).keys()].filter(() => r() < 0.5);
        const forced = new Map(sources.filter(() => r() < 0.3).map((k) => [`c${k}`, TYPES[k % TYPES.length]!]));
        const got =
          pass % 2 === 0
            ? await passes.load(sources, forced)
            : await passes.load(sources, forced.size ? forced : undefined);
        const want = await loadTable(file, { columns: sources.map((k) => `c${k}`), types: forced });
        assert.deepEqual(got, want, `seed ${seed} pass ${pass} ${file}`);
        if (pass === 1)
          await collect(
            passes.scan(
              sources,
              sources.map(() => "string"),
            ),
          );
      }
    }
  }
});

test("a load past the inference sample re-reads as text a column a later cell does not fit, as loadTable does", async () => {
  const lines = ["a,b,c,d"];
  for (let i = 0; i < 10_050; i++) lines.push(`${i},${i === 10_020 ? "late" : i % 3},x${i % 5},${i * 0.5}`);
  const file = tempFile("late.csv", lines.join("\n") + "\n");
  const passes = await CsvColumnPasses.open(file, resolveLoadOptions(file));
  for (const sources of [[0, 1, 2, 3], [1], [0, 3], [1, 2]]) {
    const names = sources.map((k) => "abcd"[k]!);
    const got = await passes.load(sources);
    assert.deepEqual(got, await loadTable(file, { columns: names }), names.join());
    assert.deepEqual(
      await passes.load(sources, new Map([["b", "integer"]])),
      await loadTable(file, { columns: names, types: { b: "integer" } }),
    );
  }
  assert.equal((await passes.load([1])).columns[0]!.type, "category");
});

test("passes of two files that share read buffers give each file's tables, loads and scans by turns", async () => {
  const a = tempFile("a.csv", randomCsv(31, 7, 30));
  const b = tempFile("b.csv.gz", gzipSync(randomCsv(32, 3, 12)));
  const first = await CsvColumnPasses.open(a, resolveLoadOptions(a));
  const second = await CsvColumnPasses.open(b, resolveLoadOptions(b), first);
  const r = rng(33);
  for (let turn = 0; turn < 8; turn++) {
    const [passes, file, columns] = turn % 2 === 0 ? [first, a, 7] : [second, b, 3];
    const sources = [...Array(columns).keys()].filter(() => r() < 0.6);
    const names = sources.map((k) => `c${k}`);
    if (turn % 3 === 2) {
      const got = await collect(
        passes.scan(
          sources,
          sources.map(() => "string"),
        ),
      );
      const types = new Map(names.map((name) => [name, "string" as const]));
      assert.deepEqual(cells(got), cells(await collect(scanTable(file, { columns: names, types }))), `turn ${turn}`);
    } else assert.deepEqual(await passes.load(sources), await loadTable(file, { columns: names }), `turn ${turn}`);
  }
});

test("a file written to or replaced between passes is an input error, not rows of two files in one result", async () => {
  const text = "a,b,c\n1,2,3\n4,5,6\n";
  for (const change of ["append", "replace"] as const) {
    const file = tempFile("changing.csv", text);
    const passes = await CsvColumnPasses.open(file, resolveLoadOptions(file));
    assert.equal(cells(await collect(passes.scan([0], ["integer"])))[0]!.rows, 2);
    if (change === "append") appendFileSync(file, "7,8,9\n");
    else {
      // Same size, another file: a new inode renamed over the path.
      writeFileSync(`${file}.new`, text.replace("4,5,6", "4,5,7"));
      renameSync(`${file}.new`, file);
    }
    await rejectsWith(collect(passes.scan([1], ["integer"])), "input", /changed while it was being read/);
    await rejectsWith(passes.load([2]), "input", /changed while it was being read/);
  }
  // Removed between passes: the same error. Missing from the start: the loader's own error, as scanTable's.
  const gone = tempFile("gone.csv", text);
  const passes = await CsvColumnPasses.open(gone, resolveLoadOptions(gone));
  unlinkSync(gone);
  await rejectsWith(collect(passes.scan([0], ["integer"])), "input", /changed while it was being read/);
  const scanError = await collect(scanTable(gone)).then(
    () => assert.fail("scanTable read a missing file"),
    (e: Error) => e.message,
  );
  await rejectsWith(CsvColumnPasses.open(gone, resolveLoadOptions(gone)), "input", new RegExp(escape(scanError)));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
