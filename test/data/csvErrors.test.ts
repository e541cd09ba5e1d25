import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTable, readColumnNames, scanTable, type LoadOptions } from "../../src/data/loadTable.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

async function drain(path: string): Promise<void> {
  for await (const chunk of scanTable(path, { chunkRows: 2 })) void chunk;
}

async function drainWith(path: string, options: LoadOptions): Promise<void> {
  for await (const chunk of scanTable(path, { ...options, chunkRows: 2 })) void chunk;
}

test("ragged row with too few fields: line, row and the column that gets no value", async () => {
  // the quoted line break makes the ragged record start on line 5
  const path = tempFile("few.csv", 'a,b,c\n1,2,3\n4,"x\ny",6\n7,8\n9,10,11\n');
  const e = await rejectsWith(
    loadTable(path),
    "input",
    /, line 5, row 2, column 'c': the row has 2 fields, the header has 3/,
    {
      file: path,
      line: 5,
      row: 2,
      column: "c",
    },
  );
  assert.match(e.message, new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, line 5`));
  assert.match(e.hint!, /one field per header column/);
  assert.match(e.message, /column 'c' gets no value/);
  await rejectsWith(drain(path), "input", /line 5, row 2, column 'c': the row has 2 fields/);
});

test("ragged row with too many fields names the last column and suggests quoting", async () => {
  const path = tempFile("many.csv", "a,b\n1,2\n3,4,5,6\n");
  const e = await rejectsWith(
    loadTable(path),
    "input",
    /, line 3, row 1, column 'b': the row has 4 fields, the header has 2 \(extra fields after the last column\)/,
    {
      file: path,
      line: 3,
      row: 1,
      column: "b",
    },
  );
  assert.match(e.hint!, /Quote values that contain the delimiter ','/);
});

test("ragged last line without a line end", async () => {
  const path = tempFile("lastfew.csv", "a,b\n1,2\n3");
  await rejectsWith(loadTable(path), "input", /line 3, row 1, column 'b': the row has 1 field, the header has 2/, {
    file: path,
    line: 3,
    row: 1,
    column: "b",
  });
});

test("unterminated quote: the line where the quote opened", async () => {
  const path = tempFile("open.csv", 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
  const e = await rejectsWith(loadTable(path), "input", /quoted field that opens on line 3 is never closed/, {
    file: path,
    line: 3,
    row: 1,
    column: "b",
  });
  assert.match(e.hint!, /Close the quote/);
});

test("text after a closing quote", async () => {
  const path = tempFile("after.csv", 'a,b\n1,"x"y\n');
  await rejectsWith(loadTable(path), "input", /text follows the closing quote/, {
    file: path,
    line: 2,
    row: 0,
    column: "b",
  });
});

test("bytes that are not UTF-8: line and column, and the advice to re-encode", async () => {
  const latin1 = Buffer.concat([
    Buffer.from("name,city\nBo,Oslo\n"),
    Buffer.from('"multi\nline",'),
    Buffer.from([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e]), // "München" in Latin-1
    Buffer.from("\n"),
  ]);
  const path = tempFile("latin1.csv", latin1);
  const e = await rejectsWith(loadTable(path), "input", /not valid UTF-8 \(0xFC/, {
    file: path,
    line: 4,
    row: 1,
    column: "city",
  });
  assert.match(e.hint!, /Re-encode the file as UTF-8/);
  // even in a column that is not loaded: the file is not UTF-8
  await rejectsWith(loadTable(path, { columns: ["name"] }), "input", /not valid UTF-8/);
  const header = tempFile("latin1-header.csv", Buffer.from([0x6e, 0xe4, 0x6d, 0x65, 0x0a, 0x31, 0x0a]));
  await rejectsWith(loadTable(header), "input", /header field 1 is not valid UTF-8/, { file: header, line: 1 });
});

test("an empty file (0 bytes or only whitespace) is an error", async () => {
  for (const content of ["", "\n\n", "  \r\n\t\n"]) {
    const path = tempFile("empty.csv", content);
    const e = await rejectsWith(loadTable(path), "input", /the file is empty \(no header row\)/);
    assert.equal(e.location?.file, path);
    await rejectsWith(readColumnNames(path), "input", /the file is empty/);
  }
});

test("duplicate column names name both positions", async () => {
  const path = tempFile("dup.csv", "id,age,name,age\n1,2,x,3\n");
  const e = await rejectsWith(
    loadTable(path),
    "input",
    /column name 'age' appears twice in the header, as fields 2 and 4/,
    {
      file: path,
      line: 1,
      column: "age",
    },
  );
  assert.match(e.hint!, /Rename one/);
  await rejectsWith(readColumnNames(path), "input", /appears twice/);
});

test("an empty header name is an error (also after blank lines)", async () => {
  const path = tempFile("noname.csv", "\n\na,,c\n1,2,3\n");
  await rejectsWith(loadTable(path), "input", /header field 2 is empty/, { file: path, line: 3 });
});

test("file problems and bad options", async () => {
  await rejectsWith(loadTable("/nonexistent/dir/data.csv"), "input", /no such file/, {
    file: "/nonexistent/dir/data.csv",
  });
  await rejectsWith(loadTable("data.xlsx"), "usage", /cannot tell the data format from the extension '.xlsx'/);
  const path = tempFile("opts.csv", "a\n1\n");
  await rejectsWith(loadTable(path, { delimiter: ";;" }), "usage", /one ASCII character/);
  await rejectsWith(loadTable(path, { delimiter: '"' }), "usage", /one ASCII character/);
  await rejectsWith(
    loadTable(path, { types: { a: "decimal" as unknown as "number" } }),
    "usage",
    /unknown column type 'decimal' for column 'a'/,
  );
});

test("a field longer than maxFieldBytes is an error naming file, line, row and column; at the limit it loads", async () => {
  const long = "x".repeat(1001);
  const cases: [string, number, string][] = [
    [`a,b\n1,2\n3,${long}\n`, 3, "b"], // unquoted
    [`a,b\n1,2\n"${long}",4\n`, 3, "a"], // quoted
    [`a,b\n1,2\n"x\n${long}",4\n`, 3, "a"], // quoted, over two lines: the line where the quote opens
  ];
  for (const [content, line, column] of cases) {
    const path = tempFile("long.csv", content);
    for (const load of [loadTable, drainWith]) {
      const e = await rejectsWith(load(path, { maxFieldBytes: 1000 }), "input", /field is longer/, {
        file: path,
        line,
        row: 1,
        column,
      });
      assert.equal(e.message, `${path}, line ${line}, row 1, column '${column}': the field is longer than 1000 bytes`);
      assert.match(e.hint!, /maxFieldBytes/);
    }
  }
  const t = await loadTable(tempFile("limit.csv", `a,b\n1,"${"y".repeat(1000)}"\n2,${"z".repeat(1000)}\n`), {
    maxFieldBytes: 1000,
  });
  assert.equal(t.rowCount, 2);
  await rejectsWith(loadTable(tempFile("opt.csv", "a\n1\n"), { maxFieldBytes: 0 }), "usage", /maxFieldBytes/);
});

test("a field longer than the default 16 MiB is an error, also when it spans many read chunks", async () => {
  const big = "7".repeat((16 << 20) + 1);
  for (const [content, column] of [
    [`a,b\n1,2\n3,${big}\n4,5\n`, "b"],
    [`a,b\n1,2\n"${big}\n",5\n`, "a"],
    [`a,b\n1,2\n"never closed,${big}\n`, "a"],
  ] as const) {
    const path = tempFile("huge.csv", content);
    const e = await rejectsWith(loadTable(path), "input", /the field is longer than 16 MiB/, {
      file: path,
      line: 3,
      row: 1,
      column,
    });
    assert.match(e.hint!, /quote that is never closed/);
  }
});
