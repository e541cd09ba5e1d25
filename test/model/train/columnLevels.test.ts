import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTable } from "../../../src/data/loadTable.js";
import { getColumn } from "../../../src/data/table.js";
import { columnLevels, compareCodePoints } from "../../../src/model/train/columnLevels.js";
import { tempFile } from "../../data/tempFiles.js";

test("levels sort like np.unique: numbers numerically, text by code point, booleans false < true", async () => {
  const t = await loadTable(
    tempFile("levels.csv", "n,f,s,b\n10,2.5,b,true\n9,-1,B,false\n,2.5,,true\n100,1e3,ä,\n9,0.5,a,false\n"),
  );
  const levels = (name: string) => {
    const l = columnLevels(getColumn(t, name)!);
    return [l.labels, Array.from(l.index)];
  };
  assert.deepEqual(levels("n"), [
    ["9", "10", "100"],
    [1, 0, -1, 2, 0],
  ]);
  assert.deepEqual(levels("f"), [
    ["-1", "0.5", "2.5", "1000"],
    [2, 0, 2, 3, 1],
  ]);
  assert.deepEqual(levels("s"), [
    ["B", "a", "b", "ä"],
    [2, 0, -1, 3, 1],
  ]);
  assert.deepEqual(levels("b"), [
    ["false", "true"],
    [1, 0, 1, -1, 0],
  ]);
});

test("only the given rows count", async () => {
  const t = await loadTable(tempFile("rows.csv", "s\nx\ny\nz\n"));
  const l = columnLevels(getColumn(t, "s")!, Int32Array.of(2, 0));
  assert.deepEqual(l.labels, ["x", "z"]);
  assert.deepEqual(Array.from(l.index), [0, -1, 1]);
});

test("code-point order differs from UTF-16 order above the BMP, and numpy uses code points", () => {
  const astral = "\u{1F600}"; // surrogates D83D DE00
  const high = "\uFF21"; // fullwidth A, above the surrogate range
  assert.ok(astral < high, "JavaScript compares UTF-16 units: the high surrogate D83D sorts first");
  assert.ok(compareCodePoints(astral, high) > 0);
  assert.ok(compareCodePoints("a", "ab") < 0);
  assert.equal(compareCodePoints("same", "same"), 0);
});
