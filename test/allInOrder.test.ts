import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { allInOrder } from "../src/allInOrder.js";

async function failAfter(ms: number, message: string): Promise<never> {
  await sleep(ms);
  throw new Error(message);
}

test("allInOrder gives the values in order, as Promise.all does", async () => {
  const [a, b, c] = await allInOrder([sleep(20).then(() => 1), Promise.resolve("two"), 3]);
  assert.deepEqual([a, b, c], [1, "two", 3]);
  assert.deepEqual(await allInOrder([]), []);
});

test("allInOrder rejects with the first failure in argument order, whichever happened first", async () => {
  // the second fails first: Promise.all would give its error
  await assert.rejects(allInOrder([failAfter(30, "first"), failAfter(1, "second")]), /first/);
  await assert.rejects(Promise.all([failAfter(30, "first"), failAfter(1, "second")]), /second/);
  // a later failure waits for the earlier values to succeed
  await assert.rejects(allInOrder([sleep(30).then(() => "ok"), failAfter(1, "second")]), /second/);
});

test(
  "allInOrder reports an earlier value's failure at once, and no later failure goes unhandled",
  { timeout: 10_000 },
  async () => {
    let unhandled = 0;
    const count = () => unhandled++;
    process.on("unhandledRejection", count);
    try {
      // the second value never settles: waiting for it would time the test out
      const never = new Promise<never>(() => {});
      await assert.rejects(allInOrder([failAfter(1, "first"), never, failAfter(20, "third")]), /first/);
      await sleep(100);
      assert.equal(unhandled, 0, "the third failure is handled");
    } finally {
      process.off("unhandledRejection", count);
    }
  },
);
