import type { PositionedReader } from "./openDataSource.js";

const LF = 10;
const QUOTE = 34;
/** Bytes read per step of the quote scan. */
const SCAN_BYTES = 4 << 20;

/**
 * Byte offsets that cut the data records in [start, end) of a plain CSV file into `parts` ranges of about equal size,
 * each cut just after a line feed: [start, b1), [b1, b2), ... [bk, end). Fewer cuts come back where the data has too
 * few line feeds (a file with CR-only line ends has none: one range).
 *
 * With `quoted` (the caller saw a quote in the file), a line feed counts only outside quotes, by the parity of the
 * quotes before it, read from `start` on: that is where RFC 4180 records end, since a quote that opens a field is
 * closed by another and "" escapes come in pairs. Without, the line feed after each target is taken as it is, and
 * nothing is read before it: the fast path for the files that hold no quote.
 *
 * Either way a cut is a guess that the caller checks: the range before a cut is parsed from a true record start, so
 * a cut inside a quoted field makes that parse end inside an open quote, which the reader reports as an error.
 */
export async function csvRangeBoundaries(
  fh: PositionedReader,
  start: number,
  end: number,
  parts: number,
  quoted: boolean,
): Promise<number[]> {
  const cuts: number[] = [];
  const buf = Buffer.allocUnsafe(SCAN_BYTES);
  const target = (i: number) => start + Math.floor(((end - start) * i) / parts);
  if (!quoted) {
    for (let i = 1; i < parts; i++) {
      const from = Math.max(target(i), cuts[cuts.length - 1] ?? start);
      const lf = await nextByte(fh, buf, LF, from, end);
      if (lf < 0 || lf + 1 >= end) break;
      if (lf + 1 > (cuts[cuts.length - 1] ?? start)) cuts.push(lf + 1);
    }
    return cuts;
  }
  // One pass from start: count quotes up to each target, then look for the first line feed outside quotes.
  let inQuotes = false;
  let pos = start;
  let next = 1;
  let seeking = false;
  while (next < parts && pos < end) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(SCAN_BYTES, end - pos), pos);
    if (bytesRead === 0) break;
    const block = buf.subarray(0, bytesRead);
    let i = 0;
    while (i < bytesRead && next < parts) {
      if (!seeking) {
        const stop = Math.min(bytesRead, target(next) - pos);
        for (let q = block.indexOf(QUOTE, i); q >= 0 && q < stop; q = block.indexOf(QUOTE, q + 1)) inQuotes = !inQuotes;
        if (stop >= bytesRead) break;
        i = Math.max(stop, i);
        seeking = true;
      }
      const q = block.indexOf(QUOTE, i);
      const lf = block.indexOf(LF, i);
      if (lf >= 0 && (q < 0 || lf < q)) {
        i = lf + 1;
        if (inQuotes) continue;
        const cut = pos + i;
        if (cut >= end) return cuts;
        if (cut > (cuts[cuts.length - 1] ?? start)) cuts.push(cut);
        seeking = false;
        next++;
        // The next target may lie behind this cut (a long record): move on to the first one past it.
        while (next < parts && target(next) < cut) next++;
      } else if (q >= 0) {
        inQuotes = !inQuotes;
        i = q + 1;
      } else break;
    }
    pos += bytesRead;
  }
  return cuts;
}

/** Offset of the first `byte` in [from, end), or -1. */
async function nextByte(fh: PositionedReader, buf: Buffer, byte: number, from: number, end: number): Promise<number> {
  for (let pos = from; pos < end;) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (bytesRead === 0) return -1;
    const i = buf.subarray(0, bytesRead).indexOf(byte);
    if (i >= 0) return pos + i;
    pos += bytesRead;
  }
  return -1;
}
