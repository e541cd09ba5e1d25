import { test } from "node:test";
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { formatTable, formatTableLines, joinLines, outParts, processIOFor, type CliIO } from "../../src/cli/io.js";

/** io.out as the CLI's and runCli's: a line break is added unless the text ends with one. */
function capture(): { io: CliIO; calls: string[]; text: () => string } {
  const calls: string[] = [];
  const io: CliIO = { out: (t) => void calls.push(t), err: () => {} };
  return { io, calls, text: () => calls.map((t) => (t.endsWith("\n") ? t : t + "\n")).join("") };
}

test("outParts writes what io.out of the joined text would, in parts that end at line breaks", () => {
  // 3 MB of lines, blank ones and one very long one among them, given as small pieces.
  const lines = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? "" : `row ${i} ${"x".repeat(i % 90)}`));
  lines[30_000] = "y".repeat(2_000_000);
  const whole = lines.join("\n");
  const { io, calls, text } = capture();
  outParts(io, joinLines(lines));
  assert.ok(calls.length > 2, `${calls.length} parts`);
  assert.ok(calls.slice(0, -1).every((c) => c.endsWith("\n")));
  assert.equal(text(), whole + "\n");
  // Text that already ends with a line break gets no other, as with io.out.
  const ending = capture();
  outParts(ending.io, ["a\n", "b\n"]);
  assert.equal(ending.text(), "a\nb\n");
});

test("inside a workflow each part is made inert line by line, as the whole text would be", () => {
  const lines = Array.from({ length: 40_000 }, (_, i) => (i % 1000 === 0 ? `::warning::${i}` : `line ${i} ##[group]`));
  const stream = new PassThrough();
  let written = "";
  stream.on("data", (d: Buffer) => (written += d.toString()));
  const io = processIOFor({ GITHUB_ACTIONS: "true" }, stream, new PassThrough());
  outParts(io, joinLines(lines));
  const expected = new PassThrough();
  let whole = "";
  expected.on("data", (d: Buffer) => (whole += d.toString()));
  processIOFor({ GITHUB_ACTIONS: "true" }, expected, new PassThrough()).out(lines.join("\n"));
  assert.equal(written, whole);
  assert.ok(!written.split("\n").some((l) => l.startsWith("::")));
});

test("formatTableLines makes each row as it writes it and gives formatTable's lines", () => {
  const rows: (string | number)[][] = [
    ["a", 1.5, "x"],
    ["bbbb", -2, "yy"],
    ["c", Infinity, ""],
  ];
  const asked: number[] = [];
  const lines = [...formatTableLines(["name", "value", "note"], rows.length, (i) => (asked.push(i), rows[i]!))];
  assert.equal(lines.join("\n"), formatTable(["name", "value", "note"], rows));
  assert.deepEqual(asked, [0, 1, 2, 0, 1, 2]);
  assert.equal(lines[2], "a       1.5000  x");
  assert.deepEqual([...formatTableLines(["h"], 0, () => [])], ["h", "-"]);
});
