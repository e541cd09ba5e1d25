import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_TIMER_DELAY_MS } from "../src/setLongTimeout.js";
import { setLongInterval } from "../src/setLongInterval.js";

const DAY = 86_400_000;

test("a period beyond the 32-bit timer limit repeats when due, not every millisecond", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  let fired = 0;
  const timer = setLongInterval(() => fired++, 30 * DAY);
  t.mock.timers.tick(MAX_TIMER_DELAY_MS);
  assert.equal(fired, 0);
  t.mock.timers.tick(30 * DAY - MAX_TIMER_DELAY_MS);
  assert.equal(fired, 1);
  t.mock.timers.tick(30 * DAY - 1);
  assert.equal(fired, 1);
  t.mock.timers.tick(1);
  assert.equal(fired, 2);
  timer.cancel();
  t.mock.timers.tick(100 * DAY);
  assert.equal(fired, 2, "nothing after cancel");
});

test("with real timers, a 30-day period does not fire at once while a short one repeats", async () => {
  let long = 0;
  const a = setLongInterval(() => long++, 30 * DAY).unref();
  let short = 0;
  const b = setLongInterval(() => short++, 5);
  // Until the short period has come round three times (bounded, so a broken timer fails instead of hanging).
  for (let i = 0; i < 1000 && short < 3; i++) await new Promise((r) => setTimeout(r, 5));
  a.cancel();
  b.cancel();
  assert.ok(short >= 3, "the 5 ms period repeats");
  assert.equal(long, 0, "the 30-day period did not overflow into 1 ms");
});

test("cancel from inside the callback stops it; a period that is not positive is refused", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  let fired = 0;
  const timer = setLongInterval(() => {
    if (++fired === 2) timer.cancel();
  }, 10);
  for (let i = 0; i < 10; i++) t.mock.timers.tick(10);
  assert.equal(fired, 2);
  for (const bad of [0, -1, NaN]) assert.throws(() => setLongInterval(() => {}, bad), RangeError);
});
