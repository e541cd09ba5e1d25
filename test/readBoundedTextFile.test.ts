import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelguardError } from "../src/errors.js";
import { readBoundedTextFile, type UnreadableFile } from "../src/readBoundedTextFile.js";

test("readBoundedTextFile: the text, or the reason it was refused before reading", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-bounded-"));
  try {
    const refusal = (path: string, max = 100): UnreadableFile | string => {
      let seen: UnreadableFile | undefined;
      try {
        return readBoundedTextFile(path, max, (why) => {
          seen = why;
          return new ModelguardError("input", why.reason);
        });
      } catch (e) {
        assert.ok(e instanceof ModelguardError);
        return seen!;
      }
    };
    writeFileSync(join(dir, "a.txt"), "héllo");
    assert.equal(refusal(join(dir, "a.txt")), "héllo");
    assert.deepEqual(refusal(join(dir, "a.txt"), 5), { reason: "too-large", size: 6 });
    assert.deepEqual(refusal(join(dir, "missing.txt")), { reason: "missing" });
    assert.deepEqual(refusal(dir), { reason: "directory" });
    assert.deepEqual(refusal("/dev/zero"), { reason: "not-a-file" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
