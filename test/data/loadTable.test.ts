import { test } from "node:test";
import assert from "node:assert/strict";
import { INFERENCE_ROWS, loadTable, scanTable } from "../../src/data/loadTable.js";
import { cellText, type Table } from "../../src/data/table.js";
import { column, tempFile, texts } from "./tempFiles.js";

/** A CSV whose columns hold `cell(name, row)`; rows past the inference sample differ in some columns. */
function mixedCsv(rows: number): { path: string; expected: Map<string, (string | null)[]> } {
  const after = (row: number) => row >= INFERENCE_ROWS + 500;
  const cells: Record<string, (row: number) => string> = {
    int_then_text: (r) => (r === INFERENCE_ROWS + 700 ? "oops" : String(r)),
    int_then_decimal: (r) => (after(r) && r % 3 === 0 ? `${r}.25` : String(r)),
    int_then_bigint: (r) => (r === rows - 1 ? "12345678901234567890" : String(r * 1000)),
    number_then_text: (r) => (r === rows - 2 ? "n/a?" : `${r}.5`),
    bool_then_text: (r) => (after(r) && r % 1000 === 0 ? "maybe" : r % 2 ? "true" : "False"),
    date_then_text: (r) => (r === rows - 1 ? "2024-13-45" : `2024-01-${String((r % 28) + 1).padStart(2, "0")}`),
    empty_then_numbers: (r) => (after(r) ? String(r % 7) : ""),
    empty_then_text: (r) => (after(r) ? `id-${r}` : ""),
    category_stays: (r) => ["red", "green", "blue"][r % 3]!,
    steady: (r) => String(r * 2),
  };
  const names = Object.keys(cells);
  const lines = [names.join(",")];
  const expected = new Map<string, (string | null)[]>(names.map((n) => [n, []]));
  for (let r = 0; r < rows; r++) {
    const row = names.map((n) => cells[n]!(r));
    lines.push(row.join(","));
    names.forEach((n, k) => expected.get(n)!.push(row[k] === "" ? null : row[k]!));
  }
  return { path: tempFile("mixed.csv", lines.join("\n") + "\n"), expected };
}

test("cells after row 10,000 that do not fit the inferred type: the column still comes out right", async () => {
  const rows = INFERENCE_ROWS + 2000;
  const { path, expected } = mixedCsv(rows);
  const t = await loadTable(path);
  assert.equal(t.rowCount, rows);
  const types = Object.fromEntries(t.columns.map((c) => [c.name, c.type]));
  assert.deepEqual(types, {
    int_then_text: "string",
    int_then_decimal: "number",
    int_then_bigint: "string",
    number_then_text: "string",
    bool_then_text: "category", // true / False / maybe: 3 repeating values
    date_then_text: "category", // 29 repeating values
    empty_then_numbers: "integer",
    empty_then_text: "string",
    category_stays: "category",
    steady: "integer",
  });
  // text columns hold exactly the file's text, so nothing was rounded or lost
  for (const name of [
    "int_then_text",
    "int_then_bigint",
    "number_then_text",
    "bool_then_text",
    "date_then_text",
    "empty_then_text",
  ])
    assert.deepEqual(texts(t, name), expected.get(name), name);
  const dec = column(t, "int_then_decimal");
  assert.ok(dec.kind === "numeric");
  expected.get("int_then_decimal")!.forEach((v, r) => assert.equal(dec.values[r], Number(v)));
  const late = column(t, "empty_then_numbers");
  assert.ok(late.kind === "numeric");
  expected.get("empty_then_numbers")!.forEach((v, r) => {
    if (v === null) assert.equal(late.valid[r], 0);
    else assert.equal(late.values[r], Number(v));
  });
  for (const c of t.columns)
    if (c.kind === "numeric") assert.equal(c.invalid.size, 0, `${c.name} has no invalid cells`);
});

test("scanTable keeps the sample's types: later cells that do not fit become invalid entries", async () => {
  const rows = INFERENCE_ROWS + 2000;
  const { path, expected } = mixedCsv(rows);
  const chunks: Table[] = [];
  for await (const chunk of scanTable(path, { chunkRows: 3000 })) chunks.push(chunk);
  assert.deepEqual(
    chunks.map((c) => c.rowCount),
    [3000, 3000, 3000, 3000],
  );
  for (const chunk of chunks)
    assert.deepEqual(
      chunk.columns.map((c) => c.type),
      // the two columns without a value in the sample read on to their first values: integers, and ids
      ["integer", "integer", "integer", "number", "boolean", "datetime", "integer", "string", "category", "integer"],
    );
  const last = chunks[3]!;
  const intText = column(last, "int_then_text");
  assert.ok(intText.kind === "numeric");
  assert.deepEqual([...intText.invalid], [[INFERENCE_ROWS + 700 - 9000, "oops"]]);
  const big = column(last, "int_then_bigint");
  assert.ok(big.kind === "numeric");
  assert.deepEqual([...big.invalid], [[2999, "12345678901234567890"]]);
  assert.equal(big.valid[2999], 0);
  assert.ok(Number.isNaN(big.values[2999]));
  const late = column(last, "empty_then_numbers");
  assert.ok(late.kind === "numeric" && late.invalid.size === 0);
  assert.deepEqual(
    Array.from({ length: 3000 }, (_, i) => cellText(late, i)),
    expected.get("empty_then_numbers")!.slice(9000),
  );
});

test("scanTable chunks reassemble to the values of loadTable", async () => {
  const lines = ["id,x,flag,when,color,name"];
  for (let r = 0; r < 2503; r++)
    lines.push(
      [
        r,
        r % 11 === 0 ? "" : (r * 0.37).toFixed(3),
        r % 2 ? "true" : "false",
        `2023-03-${String((r % 28) + 1).padStart(2, "0")}T0${r % 10}:00:00Z`,
        ["red", "green", "blue", "NA"][r % 4],
        `"person, ${r}"`,
      ].join(","),
    );
  const path = tempFile("reassemble.csv", lines.join("\n"));
  const whole = await loadTable(path);
  const chunks: Table[] = [];
  for await (const chunk of scanTable(path, { chunkRows: 400 })) chunks.push(chunk);
  assert.equal(chunks.length, 7);
  assert.equal(
    chunks.reduce((n, c) => n + c.rowCount, 0),
    whole.rowCount,
  );
  for (const c of whole.columns) {
    const joined = chunks.flatMap((chunk) => texts(chunk, c.name));
    assert.deepEqual(joined, texts(whole, c.name), c.name);
    for (const chunk of chunks) assert.equal(column(chunk, c.name).type, c.type, c.name);
  }
  const xs = column(whole, "x");
  assert.ok(xs.kind === "numeric" && xs.type === "number");
  const chunkValues = chunks.flatMap((chunk) => {
    const x = column(chunk, "x");
    return x.kind === "numeric" ? Array.from(x.values) : [];
  });
  assert.deepEqual(chunkValues, Array.from(xs.values));
});

test("scanTable of a header-only file yields one 0-row table; default chunks", async () => {
  const chunks: Table[] = [];
  for await (const chunk of scanTable(tempFile("h.csv", "a,b\n"))) chunks.push(chunk);
  assert.equal(chunks.length, 1);
  assert.equal(chunks[0]!.rowCount, 0);
  assert.deepEqual(
    chunks[0]!.columns.map((c) => c.name),
    ["a", "b"],
  );
});

test("forced types: cells that do not parse become invalid entries, never errors or fallbacks", async () => {
  const path = tempFile(
    "forced.csv",
    "n,i,b,d,c,s\n1.5,1,true,2024-01-01,10,x\nabc,2.0,0,yesterday,20,y\n,2.5,maybe,2024-02-30,10,\n3,9007199254740993,1,2024-03-01T10:00:00Z,30,z\n",
  );
  const t = await loadTable(path, {
    types: { n: "number", i: "integer", b: "boolean", d: "datetime", c: "category", s: "string", absent: "integer" },
  });
  const n = column(t, "n");
  assert.ok(n.kind === "numeric" && n.type === "number");
  assert.deepEqual([...n.invalid], [[1, "abc"]]);
  assert.deepEqual(Array.from(n.valid), [1, 0, 0, 1]);
  assert.ok(Number.isNaN(n.values[1]));
  assert.equal(cellText(n, 1), "abc");
  const i = column(t, "i");
  assert.ok(i.kind === "numeric" && i.type === "integer");
  assert.deepEqual(
    [...i.invalid],
    [
      [2, "2.5"],
      [3, "9007199254740993"],
    ],
  );
  assert.deepEqual(Array.from(i.values.slice(0, 2)), [1, 2]);
  const b = column(t, "b");
  assert.ok(b.kind === "numeric" && b.type === "boolean");
  assert.deepEqual(Array.from(b.values.slice(0, 2)), [1, 0]);
  assert.equal(b.values[3], 1);
  assert.deepEqual([...b.invalid], [[2, "maybe"]]);
  const d = column(t, "d");
  assert.ok(d.kind === "numeric" && d.type === "datetime");
  assert.deepEqual(
    [...d.invalid],
    [
      [1, "yesterday"],
      [2, "2024-02-30"],
    ],
  );
  assert.equal(d.values[3], Date.UTC(2024, 2, 1, 10));
  const c = column(t, "c");
  assert.ok(c.kind === "dictionary" && c.type === "category");
  assert.deepEqual(texts(t, "c"), ["10", "20", "10", "30"]);
  const s = column(t, "s");
  assert.equal(s.type, "string");
  assert.deepEqual(texts(t, "s"), ["x", "y", null, "z"]);
  assert.equal(t.columns.length, 6, "a forced type for a column the file lacks adds nothing");
});

test("NA strings: pandas' defaults, a custom list, and numeric NA values", async () => {
  const path = tempFile("na.csv", "x,y\n1,a\nNA,N/A\n#N/A,b\n-999,NULL\nnull,None\n<NA>,nan\n4,-999\n");
  const dflt = await loadTable(path);
  assert.deepEqual(texts(dflt, "x"), ["1", null, null, "-999", null, null, "4"]);
  assert.deepEqual(texts(dflt, "y"), ["a", null, "b", null, null, null, "-999"]);
  const custom = await loadTable(path, { naValues: ["-999", "NA"] });
  assert.equal(column(custom, "x").type, "string", "#N/A is text now");
  assert.deepEqual(texts(custom, "y"), ["a", "N/A", "b", "NULL", "None", "nan", null]);
  const numeric = await loadTable(tempFile("na2.csv", "x\n1\n-999\n2.5\n"), { naValues: ["-999"] });
  assert.deepEqual(texts(numeric, "x"), ["1", null, "2.5"]);
  const none = await loadTable(tempFile("na3.csv", "x,y\n1,\n2,a\n"), { naValues: [] });
  assert.deepEqual(texts(none, "y"), ["", "a"]);
});

test("columns: only those are loaded, in file order; names the file lacks are ignored", async () => {
  const path = tempFile("cols.csv", 'a,b,c,d\n1,"x,y",2024-01-01,true\n2,z,2024-01-02,false\n');
  const t = await loadTable(path, { columns: ["d", "a", "nope"] });
  assert.deepEqual(
    t.columns.map((c) => c.name),
    ["a", "d"],
  );
  assert.deepEqual(texts(t, "a"), ["1", "2"]);
  assert.deepEqual(texts(t, "d"), ["true", "false"]);
  const none = await loadTable(path, { columns: [] });
  assert.equal(none.columns.length, 0);
  assert.equal(none.rowCount, 2);
});

test("a skipped column is not decoded: text in it cannot make a loaded column fall back", async () => {
  const path = tempFile("skip.csv", "a,b\n1,x\n2,not-a-number\n");
  const t = await loadTable(path, { columns: ["a"], types: { b: "integer" } });
  assert.deepEqual(
    t.columns.map((c) => c.name),
    ["a"],
  );
});

test("category vs string is decided on the whole column by loadTable", async () => {
  // 10,000 rows of 3 values, then 3,000 distinct ids: no longer a category
  const lines = ["v"];
  for (let r = 0; r < INFERENCE_ROWS; r++) lines.push(["a", "b", "c"][r % 3]!);
  for (let r = 0; r < 3000; r++) lines.push(`id-${r}`);
  const t = await loadTable(tempFile("cat.csv", lines.join("\n")));
  assert.equal(column(t, "v").type, "string");
  const chunks: string[] = [];
  for await (const chunk of scanTable(tempFile("cat2.csv", lines.join("\n")), { chunkRows: 5000 }))
    chunks.push(column(chunk, "v").type);
  assert.deepEqual(chunks, ["category", "category", "category"]);
});

test("scanTable chunks hold at most chunkCells cells: rows per chunk = max(1, chunkCells / columns)", async () => {
  const names = Array.from({ length: 10 }, (_, i) => `c${i}`);
  const csvLines = [names.join(",")];
  const jsonLines: string[] = [];
  for (let r = 0; r < 25; r++) {
    csvLines.push(names.map((_, i) => String(r * i)).join(","));
    jsonLines.push(JSON.stringify(Object.fromEntries(names.map((n, i) => [n, r * i]))));
  }
  for (const path of [tempFile("cells.csv", csvLines.join("\n")), tempFile("cells.jsonl", jsonLines.join("\n"))]) {
    const sizes = async (options: { chunkRows?: number; chunkCells?: number }) => {
      const rows: number[] = [];
      for await (const chunk of scanTable(path, options)) rows.push(chunk.rowCount);
      return rows;
    };
    assert.deepEqual(await sizes({ chunkCells: 100 }), [10, 10, 5], path);
    assert.deepEqual(await sizes({ chunkCells: 100, chunkRows: 4 }), [4, 4, 4, 4, 4, 4, 1], path);
    assert.deepEqual(await sizes({ chunkCells: 3 }), Array<number>(25).fill(1), path);
  }
});

test("a column of NaN and empty cells is a number column with every cell missing, in loadTable and scanTable", async () => {
  const lines = ["id,x,late"];
  for (let r = 0; r < INFERENCE_ROWS + 300; r++)
    lines.push(`${r},${["NaN", "", "nan", "NA"][r % 4]},${r > INFERENCE_ROWS ? "w" + (r % 3) : ""}`);
  const path = tempFile("allnan.csv", lines.join("\n"));
  const whole = await loadTable(path);
  const x = column(whole, "x");
  assert.ok(x.kind === "numeric" && x.type === "number");
  assert.equal(
    x.valid.reduce((n, v) => n + v, 0),
    0,
  );
  assert.equal(column(whole, "late").type, "category");
  for await (const chunk of scanTable(path, { chunkRows: 4000 })) {
    assert.deepEqual(
      chunk.columns.map((c) => c.type),
      ["integer", "number", "category"],
    );
    assert.ok(texts(chunk, "x").every((t) => t === null));
  }
  const jsonl = tempFile(
    "allnan.jsonl",
    lines
      .slice(1, 50)
      .map((l) => `{"x": null, "y": "${l.split(",")[1]}"}`)
      .join("\n"),
  );
  const tables = [await loadTable(jsonl)];
  for await (const chunk of scanTable(jsonl)) tables.push(chunk);
  for (const t of tables)
    assert.deepEqual(
      t.columns.map((c) => c.type),
      ["number", "number"],
    );
});
