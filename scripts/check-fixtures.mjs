#!/usr/bin/env node
// Checks that the fixtures the scripts just regenerated (npm run fixtures) agree with the committed ones: numbers
// within the tolerance of scripts/fixtureDiff.mjs, everything else exactly. Prints, per changed file, the worst
// difference and where it is; exits 1 on a real difference, a new or a missing file.
//
// Usage: npm run fixtures && node scripts/check-fixtures.mjs [--restore]
//   --restore  put the committed files back afterwards when they agree, so the tests run on exactly what is committed
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE, compareFixture } from "./fixtureDiff.mjs";

const git = (...args) => execFileSync("git", args, { maxBuffer: 1 << 28 });

const status = git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "fixtures/")
  .toString("utf8")
  .split("\0")
  .filter((entry) => entry !== "");

const problems = [];
let changed = 0;
for (const entry of status) {
  const code = entry.slice(0, 2);
  const path = entry.slice(3);
  if (code === "??") {
    problems.push(`${path}: new file, not committed`);
    continue;
  }
  if (code.includes("D")) {
    problems.push(`${path}: committed but no longer generated`);
    continue;
  }
  changed++;
  const result = compareFixture(path, git("show", `:${path}`), readFileSync(path));
  if (!result.ok) {
    problems.push(`${path}: ${result.mismatch}`);
  } else if (result.worst) {
    const w = result.worst;
    console.log(
      `${path}: ${result.compared} numbers agree; worst relative difference ${w.relative.toExponential(2)} at ` +
        `${w.path || "(root)"} (${w.committed} committed, ${w.regenerated} regenerated)`,
    );
  } else {
    console.log(`${path}: ${result.compared} numbers agree; only formatting differs`);
  }
}

const tolerance = `|a - b| <= ${RELATIVE_TOLERANCE} * max(|a|, |b|) + ${ABSOLUTE_TOLERANCE}`;
if (problems.length > 0) {
  console.error(`fixtures/ is stale (numbers compared as ${tolerance}):`);
  for (const p of problems) console.error(`  ${p}`);
  console.error("Run npm run fixtures and commit the result.");
  process.exit(1);
}
console.log(
  changed === 0
    ? "fixtures/: regenerated files are byte-identical to the committed ones"
    : `fixtures/: ${changed} regenerated file(s) agree with the committed ones within ${tolerance}`,
);
if (process.argv.includes("--restore") && changed > 0) git("checkout", "--", "fixtures/");
