import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, renameSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { inferColumnType } from "../../src/data/inferColumnType.js";
import { JsonlColumnPasses } from "../../src/data/jsonlColumnPasses.js";
import { INFERENCE_ROWS, loadTable, scanTable } from "../../src/data/loadTable.js";
import { resolveLoadOptions, type ResolvedLoadOptions } from "../../src/data/loadOptions.js";
import { cellText, type ColumnType, type Table } from "../../src/data/table.js";
import { rng } from "../helpers/random.js";
import { settledMemory } from "../helpers/settledMemory.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

/** The passes of a file, whatever its first record's width. */
async function openAll(file: string, options: ResolvedLoadOptions): Promise<JsonlColumnPasses> {
  return (await JsonlColumnPasses.openWide(file, options, 0))!;
}

/** Each column of a table (or of chunks, rows joined) as plain data: name, type and each cell's text. */
function cells(tables: Table[]): { rows: number; columns: Map<string, { types: Set<string>; cells: unknown[] }> } {
  const columns = new Map<string, { types: Set<string>; cells: unknown[] }>();
  let rows = 0;
  for (const t of tables) {
    for (const c of t.columns) {
      let entry = columns.get(c.name);
      if (!entry) columns.set(c.name, (entry = { types: new Set(), cells: Array<unknown>(rows).fill(null) }));
      entry.types.add(c.type);
      for (let r = 0; r < t.rowCount; r++) entry.cells.push(cellText(c, r));
    }
    rows += t.rowCount;
    for (const entry of columns.values()) while (entry.cells.length < rows) entry.cells.push(null);
  }
  return { rows, columns };
}

async function collect(chunks: AsyncIterable<Table>): Promise<Table[]> {
  const out: Table[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

type Kind = "integer" | "number" | "boolean" | "datetime" | "category" | "text" | "mixed" | "quoted";
const KINDS: Kind[] = ["integer", "number", "boolean", "datetime", "category", "text", "mixed", "quoted"];

function value(kind: Kind, r: () => number): unknown {
  switch (kind) {
    case "integer":
      return Math.floor(r() * 40) - 5;
    case "number":
      return Math.round(r() * 1e4) / 100;
    case "boolean":
      return r() < 0.5;
    case "datetime":
      return `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    case "category":
      return ["x", "y", "z", "NA"][Math.floor(r() * 4)];
    case "text":
      return `t ${Math.floor(r() * 1e6)} "q"`;
    case "mixed":
      // numbers and words: the type rule counts distinct values, which the sample keeps only for such columns
      return r() < 0.5 ? Math.floor(r() * 30) : ["a", "b", "c"][Math.floor(r() * 3)];
    case "quoted":
      return String(Math.floor(r() * 5));
  }
}

/**
 * Random JSON Lines: keys in any order per record, some absent or null, a key with an escape, and now and then a key
 * first seen late in the file.
 */
function randomJsonl(seed: number, keys: number, rows: number): { text: string; names: string[]; kinds: Kind[] } {
  const r = rng(seed);
  const names = Array.from({ length: keys }, (_, k) => (k === 1 ? "tab\tkey" : `k${k}`));
  const kinds = names.map(() => KINDS[Math.floor(r() * KINDS.length)]!);
  const firstRow = names.map(() => (r() < 0.15 ? Math.floor(r() * rows) : 0));
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const entries: [string, unknown][] = [];
    for (let k = 0; k < keys; k++) {
      if (i < firstRow[k]! || r() < 0.1) continue;
      entries.push([names[k]!, r() < 0.05 ? null : value(kinds[k]!, r)]);
    }
    entries.sort(() => r() - 0.5);
    lines.push(JSON.stringify(Object.fromEntries(entries)));
    if (r() < 0.05) lines.push("");
  }
  return { text: lines.join("\n") + "\n", names, kinds };
}

test("each load is loadTable's table of those keys, types inferred or forced; each scan scanTable's cells", async () => {
  for (let seed = 1; seed <= 8; seed++) {
    const r = rng(200 + seed);
    const keys = 2 + Math.floor(r() * 10);
    const rows = 1 + Math.floor(r() * 60);
    const { text } = randomJsonl(seed, keys, rows);
    for (const file of [tempFile("x.jsonl", text), tempFile("x.jsonl.gz", gzipSync(text))]) {
      const passes = await openAll(file, resolveLoadOptions(file));
      const whole = await loadTable(file);
      assert.deepEqual(
        passes.names,
        whole.columns.map((c) => c.name),
        "the keys in order of first appearance",
      );
      for (let pass = 0; pass < 4; pass++) {
        const block: string[] = passes.names.filter(() => r() < 0.5);
        block.reverse();
        const forced = new Map<string, ColumnType>(block.filter(() => r() < 0.3).map((n) => [n, "string"]));
        const load = await passes.load([...block, "not a key"], forced);
        const expected = await loadTable(file, { columns: [...block, "not a key"], types: forced });
        assert.deepEqual(cells([load]), cells([expected]), `seed ${seed}, ${file}, load of ${block.join(" ")}`);
        assert.deepEqual(
          load.columns.map((c) => c.name),
          expected.columns.map((c) => c.name),
        );
        const types = new Map<string, ColumnType>(block.map((n) => [n, "integer"]));
        const scan = await collect(passes.scan(block, types, 7));
        const one = await collect(scanTable(file, { columns: block, types, chunkRows: 7 }));
        assert.deepEqual(cells(scan), cells(one), `seed ${seed}, scan of ${block.join(" ")}`);
      }
    }
  }
});

test("a load past the inference sample types a late key from all its values, and re-reads as text", async () => {
  const lines: string[] = [];
  for (let i = 0; i < INFERENCE_ROWS + 40; i++) {
    const row: Record<string, unknown> = { a: i % 7, b: i === INFERENCE_ROWS + 5 ? "oops" : i % 3 };
    if (i > INFERENCE_ROWS + 10) row.late = i / 4;
    lines.push(JSON.stringify(row));
  }
  const file = tempFile("late.jsonl", lines.join("\n"));
  const passes = await openAll(file, resolveLoadOptions(file));
  for (const block of [["late"], ["b", "late"], ["a", "b", "late"]]) {
    const load = await passes.load(block);
    assert.deepEqual(cells([load]), cells([await loadTable(file, { columns: block })]), block.join(" "));
  }
  const late = await passes.load(["late", "b"]);
  assert.deepEqual(
    late.columns.map((c) => [c.name, c.type]),
    [
      ["b", "category"],
      ["late", "number"],
    ],
  );
});

test("the first read fails where loadTable fails: a nested value in a column it loads, a bad line, an empty key", async () => {
  const nested = tempFile("nested.jsonl", '{"a": 1, "b": 2}\n{"a": 2, "b": {"x": 1}}\n');
  await rejectsWith(openAll(nested, resolveLoadOptions(nested)), "input", /key 'b' holds a nested/);
  // left out of the load, as loadTable leaves it out
  const some = await openAll(nested, resolveLoadOptions(nested, { columns: ["a"] }));
  assert.deepEqual(some.names, ["a", "b"]);
  assert.deepEqual(cells([await some.load(["a"])]), cells([await loadTable(nested, { columns: ["a"] })]));
  const bad = tempFile("bad.jsonl", '{"a": 1}\n{"a": 2,}\n');
  const message = await loadTable(bad).then(
    () => assert.fail("loadTable must refuse it"),
    (e: Error) => e.message,
  );
  const refused = await rejectsWith(openAll(bad, resolveLoadOptions(bad)), "input", /line 2/);
  assert.equal(refused.message, message);
  const empty = tempFile("emptykey.jsonl", '{"a": 1, "": 2}\n');
  await rejectsWith(openAll(empty, resolveLoadOptions(empty)), "input", /empty string/);
});

test("a file written to or replaced between passes is an input error", async () => {
  const { text } = randomJsonl(9, 4, 10);
  const file = tempFile("changing.jsonl", text);
  const passes = await openAll(file, resolveLoadOptions(file));
  await passes.load(passes.names.slice(0, 2));
  appendFileSync(file, '{"k0": 1}\n');
  await rejectsWith(passes.load(passes.names.slice(2)), "input", /changed while it was being read/);
  const again = await openAll(file, resolveLoadOptions(file));
  const other = tempFile("other.jsonl", text);
  renameSync(other, file);
  await rejectsWith(collect(again.scan(["k0"], new Map([["k0", "integer"]]))), "input", /changed while/);
  // a scan forces every type: a key without one is the caller's mistake
  writeFileSync(file, text);
  const fresh = await openAll(file, resolveLoadOptions(file));
  await assert.rejects(collect(fresh.scan(["k0", "k2"], new Map([["k0", "integer"]]))), /no type for column k2/);
});

test("JSONL types are inferColumnType's of each key's values in loadTable and scanTable (distinct values kept where needed)", async () => {
  for (let seed = 1; seed <= 30; seed++) {
    const r = rng(300 + seed);
    const { text } = randomJsonl(seed + 50, 2 + Math.floor(r() * 8), 1 + Math.floor(r() * 300));
    const file = tempFile("types.jsonl", text);
    const table = await loadTable(file);
    // scanTable fixes each type from the sample, where loadTable's builders still decide category or string
    const [chunk] = await collect(scanTable(file));
    assert.deepEqual(
      chunk!.columns.map((c) => [c.name, c.type]),
      table.columns.map((c) => [c.name, c.type]),
      `seed ${seed}: scanTable's types`,
    );
    const records = text
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => new Map(Object.entries(JSON.parse(l) as object)));
    for (const c of table.columns) {
      const values = records.map((m) => {
        const v: unknown = m.get(c.name);
        return v === undefined || v === null ? null : String(v);
      });
      assert.equal(c.type, inferColumnType(values), `seed ${seed}, column ${c.name}`);
    }
  }
});

test("openWide reads no further than the first record of a file that starts narrow", async () => {
  // A bad line 3 is not reached: the file is left to one pass, which reports it.
  const narrow = tempFile("narrow.jsonl", '{"a": 1, "b": 2}\n{"a": 3, "b": 4, "c": 5}\n{"a": oops}\n');
  assert.equal(await JsonlColumnPasses.openWide(narrow, resolveLoadOptions(narrow), 2), null);
  await rejectsWith(JsonlColumnPasses.openWide(narrow, resolveLoadOptions(narrow), 1), "input", /line 3/);
  const wide = tempFile("wide.jsonl", '{"a": 1, "b": 2, "c": 0}\n{"d": 3}\n');
  assert.deepEqual((await JsonlColumnPasses.openWide(wide, resolveLoadOptions(wide), 2))?.names, ["a", "b", "c", "d"]);
});

test("passes that share with another file's read by turns with them: the same tables, one read buffer, one string per shared key", async () => {
  const keys = 100_000;
  const random = rng(31);
  // Two files of the same keys (escaped ones among them) and one of their own; shuffled differently.
  const names = Array.from({ length: keys }, (_, i) => (i % 1000 === 7 ? `k\\u00e9${i}` : `k${i}`));
  const record = (order: string[], extra: string) =>
    `{${[...order.map((n) => `"${n}":${(random() * 100).toFixed(2)}`), `"${extra}":"x"`].join(",")}}\n`;
  const shuffled = [...names].sort(() => random() - 0.5);
  const a = tempFile("share-a.jsonl", record(names, "onlyA") + record(names, "onlyA"));
  const b = tempFile("share-b.jsonl", record(shuffled, "onlyB") + record(shuffled, "onlyB"));
  const optionsA = resolveLoadOptions(a);
  const optionsB = resolveLoadOptions(b);
  const passesA = (await JsonlColumnPasses.openWide(a, optionsA, 0))!;
  const before = await settledMemory();
  const shared = (await JsonlColumnPasses.openWide(b, optionsB, 0, passesA))!;
  const between = await settledMemory();
  const own = (await JsonlColumnPasses.openWide(b, optionsB, 0))!;
  const after = await settledMemory();
  const heapShared = between.heapUsed - before.heapUsed;
  const heapOwn = after.heapUsed - between.heapUsed;
  const buffersShared = between.arrayBuffers - before.arrayBuffers;
  const buffersOwn = after.arrayBuffers - between.arrayBuffers;
  // Some 2.4 MB of key strings, and the 4 MB read buffer with a record's cell arrays (0.8 MB), not made again.
  assert.ok(heapOwn - heapShared > 1.5e6, `heap: ${heapShared} shared, ${heapOwn} own`);
  assert.ok(buffersOwn - buffersShared > 4e6, `array buffers: ${buffersShared} shared, ${buffersOwn} own`);
  assert.deepEqual(shared.names, own.names);
  // Loads by turns, as drift's blocks run them: each the table of its own file.
  const block = names.slice(0, 300).map((n) => JSON.parse(`"${n}"`) as string);
  for (const extra of [["onlyA"], ["onlyB"]]) {
    const wanted = [...block, ...extra];
    const fromA = cells([await passesA.load(wanted)]);
    const fromShared = cells([await shared.load(wanted)]);
    const fromOwn = cells([await own.load(wanted)]);
    assert.deepEqual(fromShared, fromOwn);
    assert.deepEqual(fromA, cells([await loadTable(a, { columns: wanted })]));
  }
});
