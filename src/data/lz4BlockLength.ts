/**
 * What an LZ4 page of Parquet decodes to, read from its sequences without copying a byte. hyparquet-compressors'
 * LZ4 decoders fill a buffer of the page header's size and return it whole, so a block shorter than the header
 * left zeros where values should be; the page's real length is compared with the header first.
 */

/**
 * The length `raw` decodes to: with `hadoop`, Hadoop's framing (a big-endian output and input length before each
 * block) when the bytes parse as such, else one raw block, the way hyparquet-compressors' decompressLz4 decides.
 */
export function lz4DecodedLength(raw: Uint8Array, hadoop: boolean): number {
  if (hadoop) {
    const framed = hadoopLength(raw);
    if (framed !== null) return framed;
  }
  return lz4BlockLength(raw, 0, raw.length);
}

function hadoopLength(raw: Uint8Array): number | null {
  let i = 0;
  let total = 0;
  while (i < raw.length - 8) {
    const output = readUint32BE(raw, i);
    const input = readUint32BE(raw, i + 4);
    i += 8;
    if (raw.length - i < input) return null;
    let block: number;
    try {
      block = lz4BlockLength(raw, i, i + input);
    } catch {
      return null;
    }
    if (block !== output) return null;
    i += input;
    total += output;
    if (i === raw.length) return total;
  }
  return null;
}

function readUint32BE(raw: Uint8Array, at: number): number {
  return ((raw[at]! << 24) | (raw[at + 1]! << 16) | (raw[at + 2]! << 8) | raw[at + 3]!) >>> 0;
}

/** The length of the LZ4 block raw[from..to): its literals and matches (each match at least 4 bytes). */
export function lz4BlockLength(raw: Uint8Array, from: number, to: number): number {
  let length = 0;
  let i = from;
  const extended = (n: number): number => {
    // a 4-bit length of 15 goes on in bytes, each 255 saying another follows
    if (n < 15) return n;
    for (let b = 255; b === 255;) {
      if (i >= to) throw new Error("an LZ4 length runs past the page");
      b = raw[i++]!;
      n += b;
    }
    return n;
  };
  while (i < to) {
    const token = raw[i++]!;
    const literals = extended(token >> 4);
    if (i + literals > to) throw new Error("LZ4 literals run past the page");
    i += literals;
    length += literals;
    // the last sequence is literals alone
    if (literals > 0 && i >= to) return length;
    if (i + 2 > to) throw new Error("an LZ4 match offset runs past the page");
    const offset = raw[i]! | (raw[i + 1]! << 8);
    i += 2;
    if (offset === 0 || offset > length) throw new Error(`an LZ4 match offset ${offset} before the page's start`);
    length += extended(token & 15) + 4;
  }
  return length;
}
