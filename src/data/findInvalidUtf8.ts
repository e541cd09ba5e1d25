/**
 * Offset of the first byte in bytes[start, end) that starts an invalid or truncated UTF-8 sequence (overlongs,
 * surrogates and code points past U+10FFFF included), or -1 when the range is valid UTF-8. The slow path behind
 * `isUtf8`, only run to say where a file is broken.
 */
export function findInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  while (p < end) {
    const b = bytes[p]!;
    if (b < 0x80) {
      p++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) {
      need = 2;
      lo = 0xa0;
    } else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) {
      need = 2;
      hi = 0x9f;
    } else if (b === 0xf0) {
      need = 3;
      lo = 0x90;
    } else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) {
      need = 3;
      hi = 0x8f;
    } else return p;
    if (p + need >= end) return p;
    const second = bytes[p + 1]!;
    if (second < lo || second > hi) return p;
    for (let k = 2; k <= need; k++) {
      const c = bytes[p + k]!;
      if (c < 0x80 || c > 0xbf) return p;
    }
    p += need + 1;
  }
  return -1;
}
