import { test } from "node:test";
import assert from "node:assert/strict";
import { loadDataSides } from "../../src/drift/loadDataSides.js";
import { tempFile } from "../data/tempFiles.js";

test("two bad files give the reference's error, whichever load fails first", async () => {
  // The reference's bad row is at its end and the current's on line 3: the current's load fails first.
  const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${i % 7}`);
  const reference = tempFile("ref.csv", ["a,b", ...rows, "1"].join("\n") + "\n");
  const current = tempFile("cur.csv", ["a,b", "1,2", "3"].join("\n") + "\n");
  for (let run = 0; run < 3; run++)
    await assert.rejects(loadDataSides(reference, current, {}), (e: Error) => {
      assert.match(e.message, /ref\.csv, line 200002/);
      return true;
    });
  await assert.rejects(loadDataSides(current, reference, {}), /cur\.csv, line 3/);
});
