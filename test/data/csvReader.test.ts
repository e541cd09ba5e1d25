import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadTable, readColumnNames } from "../../src/data/loadTable.js";
import { column, tempFile, texts } from "./tempFiles.js";

test('RFC 4180: quoted fields, "" escapes, delimiters and line breaks inside quotes', async () => {
  const path = tempFile(
    "rfc.csv",
    'id,text,note\n1,"a, b","say ""hi"""\n2,"line one\nline two",plain\n3,"crlf\r\ninside",""\n4,,"x"\n',
  );
  const t = await loadTable(path);
  assert.equal(t.rowCount, 4);
  assert.deepEqual(texts(t, "id"), ["1", "2", "3", "4"]);
  assert.deepEqual(texts(t, "text"), ["a, b", "line one\nline two", "crlf\r\ninside", null]);
  assert.deepEqual(texts(t, "note"), ['say "hi"', "plain", null, "x"]);
});

test("a quote in the middle of an unquoted field is literal text", async () => {
  const t = await loadTable(tempFile("q.csv", 'a,b\n5" tall,x\n6,y\n'));
  assert.deepEqual(texts(t, "a"), ['5" tall', "6"]);
});

test("final line with or without a line end, blank lines and a blank final line", async () => {
  for (const content of ["a,b\n1,2\n3,4", "a,b\n1,2\n3,4\n", "a,b\n1,2\n3,4\n\n", "a,b\n\n1,2\n\n\n3,4\r\n\r\n"]) {
    const t = await loadTable(tempFile("lines.csv", content));
    assert.equal(t.rowCount, 2, JSON.stringify(content));
    assert.deepEqual(texts(t, "b"), ["2", "4"], JSON.stringify(content));
  }
});

test("a final quoted field without a line end", async () => {
  const t = await loadTable(tempFile("endq.csv", 'a,b\n1,"x\ny"'));
  assert.deepEqual(texts(t, "b"), ["x\ny"]);
});

test("UTF-8 byte order mark and CRLF line ends", async () => {
  const t = await loadTable(tempFile("bom.csv", "\uFEFFname,age\r\nÅsa,31\r\nBo,40\r\n"));
  assert.deepEqual(await readColumnNames(tempFile("bom2.csv", "\uFEFFname,age\r\n")), ["name", "age"]);
  assert.deepEqual(
    t.columns.map((c) => c.name),
    ["name", "age"],
  );
  assert.deepEqual(texts(t, "name"), ["Åsa", "Bo"]);
  assert.equal(column(t, "age").type, "integer");
  assert.deepEqual(texts(t, "age"), ["31", "40"]);
});

test("old Mac CR line ends", async () => {
  const t = await loadTable(tempFile("cr.csv", "a,b\r1,2\r3,4\r"));
  assert.deepEqual(texts(t, "a"), ["1", "3"]);
});

test('delimiter ";" and tab (.tsv implies tab)', async () => {
  const semi = await loadTable(tempFile("semi.csv", 'a;b\n1,5;"x;y"\n2,5;z\n'), { delimiter: ";" });
  assert.deepEqual(texts(semi, "a"), ["1,5", "2,5"]);
  assert.deepEqual(texts(semi, "b"), ["x;y", "z"]);
  const tsv = await loadTable(tempFile("tab.tsv", 'a\tb\n1\thello world\n2\t"q\tq"\n'));
  assert.deepEqual(texts(tsv, "b"), ["hello world", "q\tq"]);
  assert.equal(column(tsv, "a").type, "integer");
  const txt = await loadTable(tempFile("tab.txt", "a\tb\n1\t2\n"), { delimiter: "\t" });
  assert.deepEqual(texts(txt, "b"), ["2"]);
  const pipe = await loadTable(tempFile("pipe.data", "a|b\n1|2\n"), { format: "csv", delimiter: "|" });
  assert.deepEqual(texts(pipe, "b"), ["2"]);
});

test("Unicode column names and values", async () => {
  const t = await loadTable(tempFile("uni.csv", 'température,名前,"emoji 🎉"\n21.5,太郎,🎈\n19,花子,🎉\n'));
  assert.deepEqual(
    t.columns.map((c) => c.name),
    ["température", "名前", "emoji 🎉"],
  );
  assert.deepEqual(texts(t, "名前"), ["太郎", "花子"]);
  assert.deepEqual(texts(t, "emoji 🎉"), ["🎈", "🎉"]);
});

test("a single-row file", async () => {
  const t = await loadTable(tempFile("one.csv", "a,b,c\n1,x,2024-01-01\n"));
  assert.equal(t.rowCount, 1);
  assert.deepEqual(
    t.columns.map((c) => c.type),
    ["integer", "string", "datetime"],
  );
});

test("a header-only file gives a 0-row table of number columns (no value at all: numeric, all missing)", async () => {
  for (const content of ["a,b\n", "a,b"]) {
    const t = await loadTable(tempFile("header.csv", content));
    assert.equal(t.rowCount, 0);
    assert.deepEqual(
      t.columns.map((c) => [c.name, c.type]),
      [
        ["a", "number"],
        ["b", "number"],
      ],
    );
    const a = column(t, "a");
    assert.ok(a.kind === "numeric" && a.values.length === 0);
  }
});

test("a 10,000-column file loads", async () => {
  const names = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
  const rows = [0, 1, 2].map((r) => names.map((_, i) => String(i * 10 + r)).join(","));
  const t = await loadTable(tempFile("wide.csv", [names.join(","), ...rows].join("\n") + "\n"));
  assert.equal(t.columns.length, 10_000);
  assert.equal(t.rowCount, 3);
  assert.deepEqual(texts(t, "c9999"), ["99990", "99991", "99992"]);
  assert.deepEqual(await readColumnNames(tempFile("wide2.csv", names.join(",") + "\n")), names);
});

test("numbers parsed while scanning equal Number(text) bit for bit", async () => {
  const values: string[] = [];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 5000; i++) {
    const digits = 1 + Math.floor(rand() * 19);
    let s = "";
    for (let k = 0; k < digits; k++) s += Math.floor(rand() * 10);
    const point = Math.floor(rand() * (digits + 1));
    let text = s.slice(0, point) + (point < digits ? "." + s.slice(point) : "");
    if (text.startsWith(".")) text = "0" + text;
    if (rand() < 0.3) text = "-" + text;
    if (rand() < 0.1) text += `e${Math.floor(rand() * 40) - 20}`;
    values.push(text);
  }
  const t = await loadTable(tempFile("nums.csv", "x,y\n" + values.map((v) => `${v},${v}`).join("\n") + "\n"));
  const x = column(t, "x");
  assert.ok(x.kind === "numeric" && x.type === "number");
  values.forEach((v, i) => assert.ok(Object.is(x.values[i], Number(v)), `${v}: ${x.values[i]} vs ${Number(v)}`));
});

test("integers: negative, zero, -0, 15+ digits", async () => {
  const t = await loadTable(
    tempFile("ints.csv", "n\n-5\n0\n-0\n123456789012345\n9007199254740991\n-9007199254740991\n+7\n"),
  );
  const n = column(t, "n");
  assert.ok(n.kind === "numeric" && n.type === "integer");
  assert.deepEqual(Array.from(n.values), [-5, 0, -0, 123456789012345, 9007199254740991, -9007199254740991, 7]);
  assert.ok(Object.is(n.values[2], -0));
});

test("spaces around numbers, booleans and dates are ignored; text keeps them", async () => {
  const t = await loadTable(tempFile("spaces.csv", "a,b,c,d\n 1 , true,2024-01-01 , x \n2,FALSE , 2024-01-02,y\n"));
  assert.equal(column(t, "a").type, "integer");
  assert.equal(column(t, "b").type, "boolean");
  assert.equal(column(t, "c").type, "datetime");
  assert.deepEqual(texts(t, "a"), ["1", "2"]);
  assert.deepEqual(texts(t, "d"), [" x ", "y"]);
});

test("a literal NaN stays distinct from a missing cell when NaN is not an NA string", async () => {
  // in a one-column file a blank line is skipped (as pandas does): a missing cell is written ""
  const t = await loadTable(tempFile("nan.csv", 'x\n1.5\nnan\n""\n\n2\n'), { naValues: [""] });
  const x = column(t, "x");
  assert.ok(x.kind === "numeric" && x.type === "number");
  assert.deepEqual(Array.from(x.valid), [1, 1, 0, 1]);
  assert.ok(Number.isNaN(x.values[1]) && Number.isNaN(x.values[2]));
  const dflt = column(await loadTable(tempFile("nan2.csv", 'x\n1.5\nnan\n""\n2\n')), "x");
  assert.ok(dflt.kind === "numeric");
  assert.deepEqual(Array.from(dflt.valid), [1, 0, 0, 1]);
});

test("the RFC 4180 fixture", async () => {
  const path = fileURLToPath(new URL("../../fixtures/data/rfc4180.csv", import.meta.url));
  const t = await loadTable(path);
  assert.equal(t.rowCount, 3);
  assert.deepEqual(texts(t, "quote"), ['a "quoted" word', "plain", "comma, inside"]);
  assert.deepEqual(texts(t, "multiline"), ["line one\r\nline two", null, "tab\there"]);
  assert.deepEqual(texts(t, "empty"), [null, null, null]);
  assert.equal(column(t, "empty").type, "number");
  assert.deepEqual(texts(t, "unicode"), ["Zürich, CH", "東京", "emoji 🎉"]);
});
