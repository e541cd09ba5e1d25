import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { joinedSide, waitingEventsSide, waitingLabelsSide } from "../../monitor/labels/labelJoin.js";
import { labelJoinFileName, readLabelJoinFile, writeLabelJoinFile } from "../../monitor/labels/labelJoinFile.js";
import { crc32c } from "../../monitor/state/crc32c.js";

const dir = mkdtempSync(join(tmpdir(), "mg-label-join-file-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A file of three empty sides whose header JSON is `header`, with a correct length and checksum trailer. */
function fileWithHeader(header: object): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(12);
  head.write("MGJOIN01", 0, "latin1");
  head.writeUInt32LE(json.length, 8);
  const body = Buffer.concat([head, json]);
  const trailer = Buffer.alloc(12);
  trailer.writeUInt32LE(body.length, 0);
  trailer.writeUInt32LE(crc32c(body), 8);
  return Buffer.concat([body, trailer]);
}

test("empty sides write and read back; the header as written is what fileWithHeader makes", async () => {
  const name = labelJoinFileName(0);
  await writeLabelJoinFile(dir, name, {
    events: waitingEventsSide().pin(),
    labels: waitingLabelsSide().pin(),
    joined: joinedSide().pin(),
  });
  const sides = readLabelJoinFile(dir, name);
  assert.equal(sides.events.size, 0);
  assert.equal(sides.labels.size, 0);
  assert.equal(sides.joined.size, 0);
  const header = JSON.parse(readFileSync(join(dir, name)).subarray(12, -12).toString("utf8"));
  assert.deepEqual(readFileSync(join(dir, name)), fileWithHeader(header));
});

test("a column type that is a property of every object (constructor, __proto__, toString) is refused by name", () => {
  const name = labelJoinFileName(0);
  const good = { name: "joined", size: 0, typed: ["f64"], plain: 0 };
  for (const type of ["constructor", "__proto__", "toString", "f128"]) {
    writeFileSync(join(dir, name), fileWithHeader({ sides: [{ ...good, typed: [type] }] }));
    assert.throws(() => readLabelJoinFile(dir, name), /unknown column type in joined/, type);
  }
});
