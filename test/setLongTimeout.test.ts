import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_TIMER_DELAY_MS, setLongTimeout } from "../src/setLongTimeout.js";

const DAY = 86_400_000;

test("a delay beyond the 32-bit timer limit fires when due, not at once", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  let fired = 0;
  setLongTimeout(() => fired++, 30 * DAY);
  t.mock.timers.tick(1);
  assert.equal(fired, 0);
  t.mock.timers.tick(MAX_TIMER_DELAY_MS);
  assert.equal(fired, 0, "still 5 days to go after the first step");
  t.mock.timers.tick(30 * DAY - MAX_TIMER_DELAY_MS - 2);
  assert.equal(fired, 0);
  t.mock.timers.tick(1);
  assert.equal(fired, 1);
  t.mock.timers.tick(100 * DAY);
  assert.equal(fired, 1, "once");
});

test("with a real timer, 30 days does not overflow into an immediate call", async () => {
  let fired = false;
  const timer = setLongTimeout(() => (fired = true), 30 * DAY).unref();
  await new Promise((r) => setTimeout(r, 50));
  timer.cancel();
  assert.equal(fired, false);
});

test("cancel stops a chained timer, short delays behave like setTimeout, and NaN is refused", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  let fired = 0;
  const long = setLongTimeout(() => fired++, 40 * DAY);
  t.mock.timers.tick(MAX_TIMER_DELAY_MS + 1);
  long.cancel();
  t.mock.timers.tick(40 * DAY);
  assert.equal(fired, 0);
  setLongTimeout(() => fired++, 10);
  t.mock.timers.tick(9);
  assert.equal(fired, 0);
  t.mock.timers.tick(1);
  assert.equal(fired, 1);
  assert.throws(() => setLongTimeout(() => {}, NaN), RangeError);
});
