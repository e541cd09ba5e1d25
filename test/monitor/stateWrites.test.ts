import assert from "node:assert/strict";
import { test } from "node:test";
import { StateWrites } from "../../monitor/state/stateWrites.js";

const full = () => Object.assign(new Error("no space left on device"), { code: "ENOSPC" });

test("a write failing with a file-system error is queued with those after it, and all run in order once it succeeds", () => {
  const writes = new StateWrites({ retryMs: 60_000 });
  const done: string[] = [];
  let space = false;
  assert.equal(
    writes.run("report A", () => {
      if (!space) throw full();
      done.push("A");
    }),
    false,
  );
  assert.match(writes.unavailable!.message, /report A cannot be written \(ENOSPC: /);
  assert.equal(
    writes.run("report B", () => done.push("B")),
    false,
  );
  assert.deepEqual(done, []);
  space = true;
  assert.equal(writes.retryNow(), true);
  assert.deepEqual(done, ["A", "B"]);
  assert.equal(writes.unavailable, null);
  writes.close();
});

test("a write failing with a bug (no errno code) is thrown and dropped: later writes are not held back", () => {
  const writes = new StateWrites({ retryMs: 60_000 });
  const done: string[] = [];
  assert.throws(
    () =>
      writes.run("report A", () => {
        throw new TypeError("a bug");
      }),
    /a bug/,
  );
  assert.equal(writes.pending, 0);
  assert.equal(
    writes.run("report B", () => done.push("B")),
    true,
  );
  assert.deepEqual(done, ["B"]);
  assert.equal(writes.unavailable, null);
  writes.close();
});
