import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCellText } from "../../src/schema/parseCellText.js";

test("parseCellText reads text the way loadTable reads a forced type", () => {
  const cases: [string, Parameters<typeof parseCellText>[1], number | undefined][] = [
    ["1.5", "number", 1.5],
    [" -2e-3\t", "number", -0.002],
    ["inf", "number", Infinity],
    ["1,5", "number", undefined],
    ["0x10", "number", undefined],
    ["", "number", undefined],
    ["12", "integer", 12],
    ["2.0", "integer", 2],
    ["1e3", "integer", 1000],
    ["1.5", "integer", undefined],
    ["nan", "integer", undefined],
    ["9007199254740993", "integer", undefined],
    ["TRUE", "boolean", 1],
    ["false", "boolean", 0],
    ["1", "boolean", 1],
    ["0", "boolean", 0],
    ["yes", "boolean", undefined],
    ["2", "boolean", undefined],
    ["2024-01-31", "datetime", Date.UTC(2024, 0, 31)],
    ["2024-01-31T10:00:00+01:00", "datetime", Date.UTC(2024, 0, 31, 9)],
    ["2024-01-31 10:00", "datetime", Date.UTC(2024, 0, 31, 10)],
    ["2024-02-30", "datetime", undefined],
    ["31/01/2024", "datetime", undefined],
  ];
  for (const [text, type, want] of cases)
    assert.equal(parseCellText(text, type), want, `${type} ${JSON.stringify(text)}`);
  assert.ok(Number.isNaN(parseCellText("NaN", "number")));
});
