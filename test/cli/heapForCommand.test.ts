import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const moduleUrl = pathToFileURL(fileURLToPath(new URL("../../src/cli/heapForCommand.ts", import.meta.url))).href;

/**
 * The size of V8's young generation (new space, MB) when a command's heap is sized (tsx's loading may have grown it
 * already), and the most it reaches while objects that survive young collections are made: what makes V8 grow that
 * space (to 2 x 16 MB on 64-bit Node) when it may.
 */
function newSpaceMbAfterSurvivors(argv: string[]): { start: number; most: number } {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `import { getHeapSpaceStatistics } from "node:v8";
import { sizeHeapForCommand } from ${JSON.stringify(moduleUrl)};
const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
sizeHeapForCommand(${JSON.stringify(argv)});
const start = newSpace();
const kept = [];
let most = 0;
for (let i = 0; i < 3_000_000; i++) {
  kept.push({ i, text: "v" + i });
  if (i % 100_000 === 0) most = Math.max(most, newSpace());
}
console.log(JSON.stringify({ start: start / 2 ** 20, most: most / 2 ** 20, kept: kept.length }));`,
    ],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { start: number; most: number };
}

test("a data command (validate, schema, profile, drift) keeps V8's young generation at its starting size", () => {
  for (const command of ["drift", "validate"]) {
    const { start, most } = newSpaceMbAfterSurvivors([command, "--reference", "a.csv"]);
    assert.ok(most <= start, `${command}: new space grew from ${start} to ${most} MB`);
  }
});

test("other commands, and no command, leave V8 its own young-generation sizing", () => {
  for (const argv of [["compare"], ["monitor", "run"], []]) {
    const { start, most } = newSpaceMbAfterSurvivors(argv);
    assert.ok(most >= 2 * start && most >= 8, `${argv.join(" ") || "(none)"}: new space ${start} MB, at most ${most}`);
  }
});
