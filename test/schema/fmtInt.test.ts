import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fmtInt } from "../../src/schema/fmtInt.js";

test("fmtInt writes a whole number as toLocaleString('en-US') does", () => {
  for (const n of [0, -0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21]) {
    assert.equal(fmtInt(n), n.toLocaleString("en-US"), String(n));
  }
  assert.equal(fmtInt(1234567), "1,234,567");
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat()), (n) => {
      assert.equal(fmtInt(n), n.toLocaleString("en-US"));
    }),
    { numRuns: 2000 },
  );
});
