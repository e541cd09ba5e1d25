import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { inferColumnType } from "../../src/data/inferColumnType.js";
import { readColumnNames, scanTable } from "../../src/data/loadTable.js";
import type { Table } from "../../src/data/table.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

// The header is parsed into typed offsets and checked by sorting the names; the messages are those of a walk through
// the names in file order that stops at the first empty or repeated one.

test("the repeat earliest in the file is reported, with the first field of its name", async () => {
  // sorted, 'a' comes first, but 'b' repeats first in the file
  const path = tempFile("dups.csv", "b,a,b,a,b\n1,2,3,4,5\n");
  await rejectsWith(readColumnNames(path), "input", /column name 'b' appears twice in the header, as fields 1 and 3/, {
    file: path,
    line: 1,
    column: "b",
  });
  const three = tempFile("three.csv", "x,y,z,y,x,y\n");
  await rejectsWith(readColumnNames(three), "input", /column name 'y' appears twice in the header, as fields 2 and 4/);
});

test("an empty name and a repeat: whichever comes first in the file", async () => {
  await rejectsWith(readColumnNames(tempFile("e1.csv", "a,a,\n")), "input", /'a' appears twice.*fields 1 and 2/);
  await rejectsWith(readColumnNames(tempFile("e2.csv", "a,,a\n")), "input", /header field 2 is empty/);
  await rejectsWith(readColumnNames(tempFile("e3.csv", ",a,a\n")), "input", /header field 1 is empty/);
  // two empty names are not a repeat
  await rejectsWith(readColumnNames(tempFile("e4.csv", "a,,b,\n")), "input", /header field 2 is empty/);
});

test("header names: quotes, escapes, a byte order mark at the start of a name, UTF-8", async () => {
  const bom = "\uFEFF";
  const path = tempFile("names.csv", `${bom}id,"say ""hi""","a,b",${bom}x,"${bom}y",é€😀\n1,2,3,4,5,6\n`);
  // as a TextDecoder per name read them: the file's byte order mark and one at the start of each name are dropped
  assert.deepEqual(await readColumnNames(path), ["id", 'say "hi"', "a,b", "x", "y", "é€😀"]);
  const bad = tempFile("bad.csv", Buffer.concat([Buffer.from("a,b"), Buffer.from([0xff]), Buffer.from(",c\n")]));
  await rejectsWith(readColumnNames(bad), "input", /header field 2 is not valid UTF-8/, { file: bad, line: 1 });
  // text after a closing quote is skipped, whatever its bytes
  const after = tempFile("after.csv", Buffer.concat([Buffer.from('"a"'), Buffer.from([0xff]), Buffer.from(",b\n")]));
  assert.deepEqual(await readColumnNames(after), ["a", "b"]);
});

test("a 30,000-name header without a repeat reads every name; one repeat at the end is found", async () => {
  const names = Array.from({ length: 30_000 }, (_, i) => `feature_${(i * 7919) % 30_000}`);
  assert.deepEqual(await readColumnNames(tempFile("many.csv", names.join(",") + "\n")), names);
  const path = tempFile("manydup.csv", [...names, names[12_345]].join(",") + "\n");
  await rejectsWith(readColumnNames(path), "input", /appears twice in the header, as fields 12346 and 30001/);
});

/**
 * The sample keeps distinct values only for columns whose cells stop being all numbers, all booleans or all
 * datetimes, and reads the sample again for them: the types must still be inferColumnType's on the whole column.
 */
test("property: sample types equal inferColumnType of each column's texts (cells of every class, mixed)", async () => {
  const cell = fc.oneof(
    fc.constantFrom("", "NA", "nan", " 7 ", "true", "False", "2024-01-02", "2024-01-02T03:04:05Z", "x", "y", "zz"),
    fc.integer({ min: -50, max: 50 }).map(String),
    fc.integer({ min: 0, max: 9 }).map((n) => `${n}.5`),
    fc.constantFrom("12345678901234567890", "-99999999999999999999"),
  );
  // each column draws its cells from a few of the kinds, so that pure columns and late breaks both occur
  const column = fc
    .tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 }))
    .chain(([kinds, breakAt]) =>
      fc
        .array(fc.integer({ min: 0, max: kinds.length - 1 }), { minLength: 1, maxLength: 40 })
        .map((picks) => picks.map((p, r) => (r < breakAt ? kinds[0]! : kinds[p]!))),
    );
  await fc.assert(
    fc.asyncProperty(fc.array(column, { minLength: 1, maxLength: 6 }), async (cols) => {
      const rows = Math.max(...cols.map((c) => c.length));
      const grid = cols.map((c) => Array.from({ length: rows }, (_, r) => c[r % c.length]!));
      const lines = [grid.map((_, k) => `c${k}`).join(",")];
      for (let r = 0; r < rows; r++) lines.push(grid.map((c) => c[r]!).join(","));
      // a one-column file's empty line would be skipped: such a row is written as a quoted empty field
      const path = tempFile("mixed.csv", lines.map((l) => (l === "" ? '""' : l)).join("\n") + "\n");
      const chunks: Table[] = [];
      for await (const chunk of scanTable(path)) chunks.push(chunk);
      const types = chunks[0]!.columns.map((c) => c.type);
      assert.deepEqual(
        types,
        grid.map((c) => inferColumnType(c)),
      );
    }),
    { numRuns: 150 },
  );
});
