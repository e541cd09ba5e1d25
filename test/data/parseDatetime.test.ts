import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseDatetime } from "../../src/data/parseDatetime.js";

test("ISO 8601 dates and datetimes to epoch ms UTC", () => {
  assert.equal(parseDatetime("2024-01-31"), Date.UTC(2024, 0, 31));
  assert.equal(parseDatetime("2024-01-31T10:00:00Z"), Date.UTC(2024, 0, 31, 10));
  assert.equal(parseDatetime("2024-01-31 10:00:00"), Date.UTC(2024, 0, 31, 10));
  assert.equal(parseDatetime("2024-01-31t10:00"), Date.UTC(2024, 0, 31, 10));
  assert.equal(parseDatetime("2024-01-31T10:00:00+01:00"), Date.UTC(2024, 0, 31, 9));
  assert.equal(parseDatetime("2024-01-31T10:00:00-0230"), Date.UTC(2024, 0, 31, 12, 30));
  assert.equal(parseDatetime("2024-01-31T10:00:00+05"), Date.UTC(2024, 0, 31, 5));
  assert.equal(parseDatetime("2024-01-31T10:00:00.123456Z"), Date.UTC(2024, 0, 31, 10, 0, 0, 123));
  assert.equal(parseDatetime("2024-01-31T10:00:00,5"), Date.UTC(2024, 0, 31, 10, 0, 0, 500));
  assert.equal(parseDatetime("2024-02-29"), Date.UTC(2024, 1, 29));
  assert.equal(parseDatetime("0001-01-01"), Date.parse("0001-01-01T00:00:00Z"));
  assert.equal(parseDatetime("1969-12-31T23:59:59.999Z"), -1);
});

test("not ISO 8601 (or not a real date) is null", () => {
  for (const text of [
    "",
    "2024-1-31",
    "2024/01/31",
    "31.01.2024",
    "2023-02-29",
    "2024-13-01",
    "2024-04-31",
    "2024-01-31T",
    "2024-01-31T24:00",
    "2024-01-31T10:60",
    "2024-01-31T10:00:60",
    "2024-01-31T10:00:00.",
    "2024-01-31T10:00:00Zx",
    "2024-01-31T10:00:00+1",
    "2024-01-31  10:00",
    "20240131",
    "12",
    "true",
  ])
    assert.equal(parseDatetime(text), null, text);
});

test("agrees with Date.parse on random datetimes with offsets", () => {
  const two = (n: number) => String(n).padStart(2, "0");
  fc.assert(
    fc.property(
      fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }),
      fc.integer({ min: -14 * 60, max: 14 * 60 }),
      (d, offsetMinutes) => {
        const local = new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? "-" : "+";
        const abs = Math.abs(offsetMinutes);
        const text = `${local}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
        assert.equal(parseDatetime(text), Date.parse(text), text);
        assert.equal(parseDatetime(text), d.getTime(), text);
      },
    ),
    { numRuns: 5_000 },
  );
});
