// scripts/run-tests.mjs (what `npm test` runs) gives the tests a temporary directory of their own and removes it at the
// end, reporting what was left there: run here on a small test tree of its own (MODELGUARD_TEST_DIR).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const work = mkdtempSync(join(tmpdir(), "mg-run-tests-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** A test file that records the temporary directory it saw, optionally leaves a directory there, and passes or fails. */
function testFile(dir: string, name: string, o: { leak: boolean; pass: boolean }): string {
  mkdirSync(dir, { recursive: true });
  const seen = join(dir, `${name}.tmpdir`);
  const source = `import { test } from "node:test";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
test(${JSON.stringify(name)}, () => {
  writeFileSync(${JSON.stringify(seen)}, tmpdir());
  writeFileSync(${JSON.stringify(seen + ".mode")}, (statSync(tmpdir()).mode & 0o7777).toString(8));
  if (${o.leak}) writeFileSync(join(mkdtempSync(join(tmpdir(), "mg-leaky-")), "data.bin"), Buffer.alloc(2_000_000));
  if (!${o.pass}) throw new Error("failing on purpose");
});
`;
  writeFileSync(join(dir, `${name}.test.ts`), source);
  return seen;
}

function runTests(dir: string) {
  // Without NODE_TEST_CONTEXT: that variable (set when this file runs under `node --test`) makes a nested
  // `node --test` report to its parent instead of running the files itself.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  return spawnSync(process.execPath, [resolve("scripts/run-tests.mjs")], {
    env: { ...env, MODELGUARD_TEST_DIR: dir },
    encoding: "utf8",
    timeout: 120_000,
  });
}

test("what a test leaves in its temporary directory is removed and reported", () => {
  const dir = join(work, "leaky");
  const seen = testFile(dir, "leaky", { leak: true, pass: true });
  const r = runTests(dir);
  assert.equal(r.status, 0, r.stderr);
  const used = readFileSync(seen, "utf8");
  assert.notEqual(used, tmpdir(), "the tests get a directory of their own");
  assert.ok(used.startsWith(join(tmpdir(), "modelguard-tests-")), used);
  assert.equal(readFileSync(`${seen}.mode`, "utf8"), "1777", "reachable by other users, as /tmp (the Dockerfile test)");
  assert.ok(!existsSync(used), `${used} removed`);
  assert.match(
    r.stderr,
    /run-tests: the tests left 2 files and directories \(2\.0 MB\) in .*modelguard-tests-.*, now removed/,
  );
  assert.match(r.stderr, /mg-leaky-\* x1/);
});

test("a clean run says nothing, and a failing run still removes the directory and keeps its exit code", () => {
  const clean = join(work, "clean");
  const cleanSeen = testFile(clean, "clean", { leak: false, pass: true });
  const ok = runTests(clean);
  assert.equal(ok.status, 0, ok.stderr);
  assert.doesNotMatch(ok.stderr, /run-tests:/);
  assert.ok(!existsSync(readFileSync(cleanSeen, "utf8")));

  const failing = join(work, "failing");
  const failingSeen = testFile(failing, "failing", { leak: true, pass: false });
  const bad = runTests(failing);
  assert.equal(bad.status, 1);
  assert.ok(!existsSync(readFileSync(failingSeen, "utf8")));
  assert.match(bad.stderr, /now removed/);
});
