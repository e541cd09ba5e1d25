import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelguardError } from "../src/errors.js";
import { writeOutputFileParts } from "../src/outputFile.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-output-file-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function* pieces(count: number, failAt = Infinity): Generator<string> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error(`the maker failed at piece ${i}`);
    // Over 64K characters in all, so that some are written before the maker fails.
    yield `piece ${i} ${"x".repeat(1000)}\n`;
  }
}

test("writeOutputFileParts: the file is the whole result, or gone when the maker of the pieces throws half way", () => {
  const sub = join(dir, "replace");
  const path = join(sub, "out", "schema.yml");
  writeOutputFileParts(path, pieces(200));
  const whole = [...pieces(200)].join("");
  assert.equal(readFileSync(path, "utf8"), whole);
  // The maker's own error, not an io error, and no partial file that could be taken for a whole result.
  assert.throws(() => writeOutputFileParts(path, pieces(200, 150)), /the maker failed at piece 150/);
  assert.deepEqual(readdirSync(join(sub, "out")), []);
  assert.throws(() => writeOutputFileParts(join(sub, "out", "new.yml"), pieces(200, 100)), /piece 100/);
  assert.deepEqual(readdirSync(join(sub, "out")), []);
  writeOutputFileParts(path, ["short\n"]);
  assert.equal(readFileSync(path, "utf8"), "short\n");
});

test("writeOutputFileParts: a pipe (-o /dev/stdout in a pipeline, -o >(cmd)), a dangling link and a long name are written as before", async () => {
  const sub = join(dir, "paths");
  mkdirSync(sub);
  // A named pipe read by another process: a file renamed over the path could not reach the reader.
  const fifo = join(sub, "fifo");
  execFileSync("mkfifo", [fifo]);
  const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"] });
  let got = "";
  reader.stdout.on("data", (d: Buffer) => (got += d.toString()));
  const closed = once(reader, "close");
  writeOutputFileParts(fifo, pieces(100));
  await closed;
  assert.equal(got, [...pieces(100)].join(""));
  // A link to a file not made yet: the file is made where the link points, and the link stays.
  const link = join(sub, "dangling.yml");
  symlinkSync("made.yml", link);
  writeOutputFileParts(link, ["through the link\n"]);
  assert.equal(readFileSync(join(sub, "made.yml"), "utf8"), "through the link\n");
  assert.ok(lstatSync(link).isSymbolicLink());
  // A name near the 255-byte limit: nothing longer is made beside it.
  const long = join(sub, `${"n".repeat(250)}.yml`);
  writeOutputFileParts(long, ["long\n"]);
  assert.equal(readFileSync(long, "utf8"), "long\n");
});

test("writeOutputFileParts: a replaced file keeps its permissions, a symbolic link its target", () => {
  const sub = join(dir, "keep");
  mkdirSync(sub);
  const target = join(sub, "target.yml");
  writeFileSync(target, "old\n");
  chmodSync(target, 0o640);
  const link = join(sub, "link.yml");
  symlinkSync("target.yml", link);
  writeOutputFileParts(link, ["new", "\n"]);
  assert.equal(readFileSync(target, "utf8"), "new\n");
  assert.equal(statSync(target).mode & 0o777, 0o640);
  assert.equal(readFileSync(link, "utf8"), "new\n");
  assert.deepEqual(readdirSync(sub).sort(), ["link.yml", "target.yml"]);
});

test("writeOutputFileParts: a device is written in place; a directory or a file as a directory is an io error", () => {
  writeOutputFileParts("/dev/null", pieces(100));
  const sub = join(dir, "errors");
  mkdirSync(join(sub, "a-dir"), { recursive: true });
  writeFileSync(join(sub, "a-file"), "");
  for (const path of [join(sub, "a-dir"), join(sub, "a-file", "x.yml")]) {
    assert.throws(
      () => writeOutputFileParts(path, pieces(3)),
      (e: unknown) => e instanceof ModelguardError && e.code === "io" && e.message.startsWith(`cannot write ${path}: `),
    );
  }
  assert.deepEqual(readdirSync(sub).sort(), ["a-dir", "a-file"]);
  assert.deepEqual(readdirSync(join(sub, "a-dir")), []);
});
