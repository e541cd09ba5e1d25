// A window measured against the reference its layout gives for its start (a fleet following production): its ranges,
// and the version it carries through its JSON (the partial the leader checks, the snapshot a restart reads).
import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutOf } from "../../monitor/ingest/featureLayout.js";
import { WindowState, type NumericAccumulator, type WindowStateJson } from "../../monitor/windows/windowState.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { normals } from "../helpers/random.js";
import { numericColumn, table } from "../helpers/tables.js";

const MINUTE = 60_000;

function layout() {
  const l = layoutOf(buildProfile(table([numericColumn("x", normals(200, 3), "number")]), { createdAt: "2026-01-01" }));
  l.ranges = [[-100, 100]];
  return l;
}

const outOfRange = (w: WindowState) => (w.slots[0] as NumericAccumulator).outOfRange;

test("a window takes the ranges and version of the reference for its start, keeps the version it was measured against through its JSON, is mixed once events measured against another are added, and without referenceAt is what it was", () => {
  const l = layout();
  l.referenceAt = (start) =>
    start < 2 * MINUTE ? { version: "v1", ranges: [[-1, 1]] } : { version: "v2", ranges: [[0, 10]] };
  const before = new WindowState(l, 0, MINUTE);
  const after = new WindowState(l, 1, 2 * MINUTE);
  for (const w of [before, after]) {
    w.addEvent({ x: 5 }, 1);
    w.addEvent({ x: -5 }, 1);
  }
  assert.deepEqual([before.reference, outOfRange(before)], ["v1", 2]);
  assert.deepEqual([after.reference, outOfRange(after)], ["v2", 1]);
  assert.equal(before.toJson().reference, "v1");

  // Read back (a partial, a snapshot): the version it was measured against stays, whatever the layout says now.
  const json = JSON.parse(JSON.stringify(before.toJson())) as WindowStateJson;
  const same = WindowState.fromJson(l, json);
  same.addEvent({ x: 0.5 }, 1);
  assert.equal(same.reference, "v1", "read back and measured against the same version: still v1");
  json.reference = "v0";
  const read = WindowState.fromJson(l, json);
  assert.equal(read.reference, "v0");
  assert.equal(read.toJson().reference, "v0", "no event added (a closed window waiting to be published): kept");
  assert.equal(outOfRange(read), 2);
  read.addEvent({ x: 0.5 }, 1);
  read.addEvent({ x: 50 }, 1);
  assert.equal(outOfRange(read), 3, "events added later are counted against the reference of its start (v1)");
  // Its counts are now partly v0's and partly v1's: no single version, so a leader leaves the partial out.
  assert.equal(read.reference, "v0+v1");
  assert.equal(read.toJson().reference, "v0+v1");
  assert.equal(read.measuredVersion, "v1", "its new events (their labels) are v1's");
  assert.throws(
    () => WindowState.fromJson(l, { ...json, reference: 5 as unknown as string }),
    /window\.reference is not a string/,
  );

  // A single monitor's windows: the layout's ranges, no version, no `reference` in their JSON.
  const alone = new WindowState(layout(), 0, MINUTE);
  alone.addEvent({ x: 5 }, 1);
  assert.equal(alone.reference, null);
  assert.equal(outOfRange(alone), 0);
  assert.equal("reference" in alone.toJson(), false);
});
