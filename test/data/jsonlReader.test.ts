import { test } from "node:test";
import assert from "node:assert/strict";
import { INFERENCE_ROWS, loadTable, readColumnNames, scanTable } from "../../src/data/loadTable.js";
import type { Table } from "../../src/data/table.js";
import { column, rejectsWith, tempFile, texts } from "./tempFiles.js";

test("JSONL round trip: numbers, strings, booleans, null, keys union in order of appearance", async () => {
  const rows = [
    { id: 1, name: "Åsa", score: 0.5, member: true, joined: "2024-01-31" },
    { id: 2, name: 'Bo "the" 2nd\n', score: null, member: false, joined: "2024-02-01T10:00:00Z" },
    { id: 3, score: 1e-7, extra: "late key" },
    { id: 4, name: "😀 emoji", member: true, score: -2 },
  ];
  const path = tempFile("rt.jsonl", rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const t = await loadTable(path);
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type]),
    [
      ["id", "integer"],
      ["name", "string"],
      ["score", "number"],
      ["member", "boolean"],
      ["joined", "datetime"],
      ["extra", "string"],
    ],
  );
  assert.deepEqual(texts(t, "name"), ["Åsa", 'Bo "the" 2nd\n', null, "😀 emoji"]);
  const score = column(t, "score");
  assert.ok(score.kind === "numeric");
  assert.deepEqual(Array.from(score.valid), [1, 0, 1, 1]);
  assert.deepEqual([score.values[0], score.values[2], score.values[3]], [0.5, 1e-7, -2]);
  assert.deepEqual(texts(t, "member"), ["true", "false", null, "true"]);
  assert.deepEqual(texts(t, "joined"), ["2024-01-31T00:00:00.000Z", "2024-02-01T10:00:00.000Z", null, null]);
  assert.deepEqual(texts(t, "extra"), [null, null, "late key", null]);
  assert.deepEqual(await readColumnNames(path), ["id", "name", "score", "member", "joined", "extra"]);
});

test("JSONL escapes, surrogate pairs, ids beyond 2^53, blank lines, CRLF, BOM", async () => {
  const text =
    '\uFEFF{"id": 12345678901234567890, "s": "tab\\there \\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/"}\r\n' +
    "\n   \n" +
    '{"id": 12345678901234567891, "s": "plain"}\r\n';
  const t = await loadTable(tempFile("esc.ndjson", text));
  assert.equal(t.rowCount, 2);
  assert.equal(column(t, "id").type, "string");
  assert.deepEqual(texts(t, "id"), ["12345678901234567890", "12345678901234567891"]);
  assert.deepEqual(texts(t, "s"), ['tab\there é 😀 "q" \\ /', "plain"]);
});

test("JSONL: nested values are an error naming line and key, unless the column is left out", async () => {
  const path = tempFile("nested.jsonl", '{"a": 1, "b": 2}\n\n{"a": 2, "b": {"c": [1, "}"]}}\n');
  const e = await rejectsWith(loadTable(path), "input", /key 'b' holds a nested object/, {
    file: path,
    line: 3,
    row: 1,
    column: "b",
  });
  assert.match(e.hint!, /Flatten/);
  await rejectsWith(loadTable(tempFile("arr.jsonl", '{"tags": ["x"]}\n')), "input", /key 'tags' holds a nested array/);
  const t = await loadTable(path, { columns: ["a"] });
  assert.deepEqual(texts(t, "a"), ["1", "2"]);
  assert.deepEqual(await readColumnNames(path), ["a", "b"]);
});

test("JSONL: malformed JSON names the line", async () => {
  const cases: [string, RegExp][] = [
    ['{"a": 1,}', /expected a quoted key at character 9/],
    ['{"a" 1}', /expected ':' after key 'a'/],
    ['{"a": tru}', /invalid value for key 'a'/],
    ['{"a": 01}', /malformed number for key 'a'/],
    ['{"a": "x}', /a string that opens at character 7 is never closed/],
    ['{"a": "x\ty"}', /a control character inside a string at character 9/],
    ['{"a": "\\u12G4"}', /invalid escape sequence at character 8/],
    ['{"a": 1} x', /text after the closing '}'/],
    ['{"a": "\\q"}', /invalid escape sequence at character 8/],
    ["[1, 2]", /the line is a JSON array, not an object/],
    ["42", /the line is not a JSON object/],
    ['{"a": 1', /expected ',' or '}'/],
  ];
  for (const [line, message] of cases) {
    const path = tempFile("bad.jsonl", `{"a": 0}\n\n${line}\n`);
    const e = await rejectsWith(loadTable(path), "input", message);
    assert.equal(e.location?.line, 3, line);
    assert.equal(e.location?.file, path);
  }
});

test("JSONL: empty file and invalid UTF-8", async () => {
  await rejectsWith(loadTable(tempFile("empty.jsonl", "\n  \n")), "input", /the file is empty \(no JSON objects\)/);
  const bytes = Buffer.concat([Buffer.from('{"a": "ok"}\n{"a": "M'), Buffer.from([0xfc]), Buffer.from('nchen"}\n')]);
  const path = tempFile("latin1.jsonl", bytes);
  const e = await rejectsWith(loadTable(path), "input", /not valid UTF-8/, { file: path, line: 2, column: "a" });
  assert.match(e.hint!, /Re-encode/);
});

test("JSONL: a key first seen after the sample gets its type from all its values; fallback re-reads text", async () => {
  const lines: string[] = [];
  for (let r = 0; r < INFERENCE_ROWS + 300; r++) {
    const row: Record<string, unknown> = { n: r, v: r % 5 };
    if (r >= INFERENCE_ROWS + 100) row.late = r * 0.5;
    if (r === INFERENCE_ROWS + 200) row.v = "five";
    lines.push(JSON.stringify(row));
  }
  const t = await loadTable(tempFile("late.jsonl", lines.join("\n")));
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type]),
    [
      ["n", "integer"],
      ["v", "category"],
      ["late", "number"],
    ],
  );
  const late = column(t, "late");
  assert.ok(late.kind === "numeric");
  assert.equal(late.valid[INFERENCE_ROWS + 99], 0);
  assert.equal(late.values[INFERENCE_ROWS + 100], (INFERENCE_ROWS + 100) * 0.5);
  assert.equal(texts(t, "v")[INFERENCE_ROWS + 200], "five");
  assert.equal(texts(t, "v")[7], "2");

  const chunks: Table[] = [];
  for await (const chunk of scanTable(tempFile("late2.jsonl", lines.join("\n")), { chunkRows: 4000 }))
    chunks.push(chunk);
  assert.deepEqual(
    chunks.map((c) => c.rowCount),
    [4000, 4000, 2300],
  );
  const lastChunk = chunks[2]!;
  assert.equal(column(lastChunk, "late").type, "string", "a key the sample never saw is string in a scan");
  const v = column(lastChunk, "v");
  assert.ok(v.kind === "numeric" && v.type === "integer");
  assert.deepEqual([...v.invalid], [[INFERENCE_ROWS + 200 - 8000, "five"]]);
});

test("JSONL: forced types and the columns option", async () => {
  const path = tempFile("forced.jsonl", '{"a": "1", "b": 2, "c": true}\n{"a": "x", "b": 3.5, "c": 0}\n');
  const t = await loadTable(path, { types: { a: "integer", c: "boolean" }, columns: ["a", "c"] });
  assert.deepEqual(
    t.columns.map((c) => c.name),
    ["a", "c"],
  );
  const a = column(t, "a");
  assert.ok(a.kind === "numeric");
  assert.deepEqual([...a.invalid], [[1, "x"]]);
  assert.deepEqual(texts(t, "c"), ["true", "false"]);
});

test("JSONL: a line longer than maxFieldBytes (default 16 MiB) is an error naming the file and line", async () => {
  const small = tempFile("long.jsonl", `{"a": 1}\n{"a": "${"x".repeat(1000)}"}\n`);
  const e = await rejectsWith(loadTable(small, { maxFieldBytes: 1000 }), "input", /the line is longer/, {
    file: small,
    line: 2,
  });
  assert.equal(e.message, `${small}, line 2: the line is longer than 1000 bytes`);
  assert.match(e.hint!, /maxFieldBytes/);
  assert.equal((await loadTable(small, { maxFieldBytes: 1010 })).rowCount, 2);
  const big = tempFile("huge.jsonl", `{"a": 1}\n\n{"a": "${"x".repeat(16 << 20)}"}\n{"a": 2}\n`);
  await rejectsWith(loadTable(big), "input", /^.*, line 3: the line is longer than 16 MiB$/, { file: big, line: 3 });
  await rejectsWith(readColumnNames(big), "input", /line 3: the line is longer than 16 MiB/);
});

test("JSONL past the sample: scanTable reads on for a key valueless in the sample, and types a mixed one by its distinct values", async () => {
  const lines: string[] = [];
  for (let i = 0; i < INFERENCE_ROWS + 100; i++) {
    const row: Record<string, unknown> = { n: i, v: i >= INFERENCE_ROWS ? "ab"[i % 2] : null, m: [1, 2, "x"][i % 3] };
    row.w = `w${i % 5000}`;
    if (i >= INFERENCE_ROWS + 50) row.late = i;
    lines.push(JSON.stringify(row));
  }
  const path = tempFile("past-sample.jsonl", lines.join("\n") + "\n");
  const types: string[][] = [];
  for await (const chunk of scanTable(path, { chunkRows: 4000 }))
    types.push(chunk.columns.map((c) => `${c.name}:${c.type}`));
  // v: no value in the sample, its values kept from the read-on; m: numbers and a word, 3 distinct values; w: 5,000
  assert.deepEqual(types.at(-1), ["n:integer", "v:category", "m:category", "w:string", "late:string"]);
  assert.deepEqual(types[0], ["n:integer", "v:category", "m:category", "w:string"]);
  const t = await loadTable(path);
  assert.deepEqual(
    t.columns.map((c) => `${c.name}:${c.type}`),
    ["n:integer", "v:category", "m:category", "w:string", "late:integer"],
  );
});
