import { test } from "node:test";
import assert from "node:assert/strict";
import { open } from "node:fs/promises";
import fc from "fast-check";
import { CsvRecordReader, readCsvHeader } from "../../src/data/csvRecordReader.js";
import { tempFile } from "./tempFiles.js";

const cell = fc.string({
  unit: fc.constantFrom("a", "b", "7", ".", " ", ",", ";", '"', "\n", "\r", "é", "🎉"),
  maxLength: 12,
});

function serialize(field: string, delimiter: string, forceQuote: boolean): string {
  const special = field.includes(delimiter) || /["\r\n]/.test(field) || field === "";
  return special || forceQuote ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Every record of a file, read with a tiny buffer so records straddle (and outgrow) chunk boundaries. */
async function readAll(
  path: string,
  delimiter: string,
  chunkBytes: number,
): Promise<{ names: string[]; rows: string[][] }> {
  const fh = await open(path);
  try {
    const code = delimiter.charCodeAt(0);
    const header = await readCsvHeader(fh, path, code);
    const reader = new CsvRecordReader(fh, path, header.names, code, header.dataOffset, header.dataLine, chunkBytes);
    const rows: string[][] = [];
    for (let batch = await reader.next(); batch; batch = await reader.next()) {
      for (let r = 0; r < batch.rows; r++) {
        const row: string[] = [];
        for (let c = 0; c < batch.stride; c++) {
          const i = r * batch.stride + c;
          row.push(Buffer.from(batch.bytes.subarray(batch.starts[i]!, batch.ends[i]!)).toString("utf8"));
        }
        rows.push(row);
      }
    }
    return { names: header.names, rows };
  } finally {
    await fh.close();
  }
}

test("random RFC 4180 files read back field for field, whatever the chunk size", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }).chain((ncols) =>
        fc.record({
          ncols: fc.constant(ncols),
          rows: fc.array(fc.array(cell, { minLength: ncols, maxLength: ncols }), { maxLength: 15 }),
          delimiter: fc.constantFrom(",", ";", "\t"),
          crlf: fc.boolean(),
          finalNewline: fc.boolean(),
          quoteAll: fc.boolean(),
          chunkBytes: fc.integer({ min: 4, max: 64 }),
        }),
      ),
      async ({ ncols, rows, delimiter, crlf, finalNewline, quoteAll, chunkBytes }) => {
        const names = Array.from({ length: ncols }, (_, i) => `col ${i} "${i}"`);
        const eol = crlf ? "\r\n" : "\n";
        const lines = [names, ...rows].map((r) => r.map((f) => serialize(f, delimiter, quoteAll)).join(delimiter));
        const path = tempFile("prop.csv", lines.join(eol) + (finalNewline ? eol : ""));
        const read = await readAll(path, delimiter, chunkBytes);
        assert.deepEqual(read.names, names);
        assert.deepEqual(read.rows, rows);
      },
    ),
    { numRuns: 300 },
  );
});

test("line numbers of errors count line breaks inside quotes and CRLF across chunks", async () => {
  // each record spans 21 lines and outgrows the 16-byte buffer, so reads stop inside quotes after line breaks
  const rows = Array.from({ length: 50 }, (_, i) => `${i},"${"x\r\n".repeat(20)}"`);
  const path = tempFile("lines.csv", ["a,b", ...rows, "bad"].join("\r\n") + "\r\n");
  const fh = await open(path);
  try {
    const header = await readCsvHeader(fh, path, 44);
    const reader = new CsvRecordReader(fh, path, header.names, 44, header.dataOffset, header.dataLine, 16);
    await assert.rejects(
      async () => {
        while (await reader.next());
      },
      (e: Error & { location?: { line: number; row: number } }) => {
        assert.equal(e.location?.line, 2 + 50 * 21);
        assert.equal(e.location?.row, 50);
        return true;
      },
    );
  } finally {
    await fh.close();
  }
});
