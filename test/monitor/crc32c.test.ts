import { test } from "node:test";
import assert from "node:assert/strict";
import { crc32c } from "../../monitor/state/crc32c.js";

/** Bit by bit, straight from the definition: the reference the sliced tables are checked against. */
function bitwise(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return ~crc >>> 0;
}

test("crc32c: the standard check value and published vectors", () => {
  assert.equal(crc32c(Buffer.from("123456789")), 0xe3069283);
  assert.equal(crc32c(Buffer.alloc(0)), 0);
  // RFC 3720 (iSCSI), appendix B.4: 32 bytes of zeros, of 0xff, and ascending 0..31.
  assert.equal(crc32c(Buffer.alloc(32, 0)), 0x8a9136aa);
  assert.equal(crc32c(Buffer.alloc(32, 0xff)), 0x62a8ab43);
  assert.equal(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i)), 0x46dd794e);
});

test("crc32c: every length and alignment agrees with the bitwise definition; pieces continue a checksum", () => {
  let seed = 7;
  const bytes = Uint8Array.from({ length: 300 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  for (let start = 0; start < 9; start++) {
    for (let len = 0; len + start <= bytes.length; len += 13) {
      const piece = bytes.subarray(start, start + len);
      assert.equal(crc32c(piece), bitwise(piece), `start ${start}, length ${len}`);
    }
  }
  for (const cut of [0, 1, 7, 8, 150, 300])
    assert.equal(crc32c(bytes.subarray(cut), crc32c(bytes.subarray(0, cut))), crc32c(bytes), `cut at ${cut}`);
});
