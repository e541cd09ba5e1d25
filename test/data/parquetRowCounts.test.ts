import { test } from "node:test";
import assert from "node:assert/strict";
import { parquetMetadata, type FileMetaData } from "hyparquet";
import { ByteWriter, parquetWriteBuffer } from "hyparquet-writer";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import { loadTable, scanTable } from "../../src/data/loadTable.js";
import { runCli } from "../helpers/cli.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

/** The same file with its footer's num_rows (and optionally the first row group's) replaced. */
function withRowCounts(file: ArrayBuffer, numRows: bigint, firstGroupRows?: bigint): Uint8Array {
  const metadata = parquetMetadata(file);
  const metaLength = new DataView(file).getUint32(file.byteLength - 8, true);
  const dataEnd = file.byteLength - 8 - metaLength;
  metadata.num_rows = numRows;
  if (firstGroupRows !== undefined) metadata.row_groups[0]!.num_rows = firstGroupRows;
  const w = new ByteWriter();
  w.appendBytes(new Uint8Array(file, 0, dataEnd));
  const at = w.offset;
  writeMetadata(w, metadata as FileMetaData);
  w.appendUint32(w.offset - at);
  w.appendBytes(new TextEncoder().encode("PAR1"));
  return new Uint8Array(w.getBuffer().slice(0, w.offset));
}

test("Parquet: a footer num_rows that is negative or not the row groups' sum is an input error, not exit 70", async () => {
  const file = parquetWriteBuffer({
    rowGroupSize: 2,
    columnData: [{ name: "x", data: [1.5, 2.5, 3.5, 4.5], type: "DOUBLE" }],
  });
  const cases: [string, Uint8Array, RegExp][] = [
    ["fewer", withRowCounts(file, 1n), /declares 1 rows? but its row groups hold 4/],
    ["more", withRowCounts(file, 9n), /declares 9 rows? but its row groups hold 4/],
    ["negative", withRowCounts(file, -1n), /declares -1 rows? but its row groups hold 4/],
    ["negative group", withRowCounts(file, 0n, -2n), /row group 0 declares -2 rows/],
  ];
  for (const [label, bytes, message] of cases) {
    const path = tempFile(`${label}.parquet`, bytes);
    await rejectsWith(loadTable(path), "input", message, { file: path });
    await rejectsWith(
      (async () => {
        for await (const t of scanTable(path, { chunkRows: 3 })) assert.ok(t.rowCount >= 0);
      })(),
      "input",
      message,
      { file: path },
    );
    const r = await runCli("schema", "infer", "--data", path, "-o", tempFile(`${label}.yaml`, ""));
    assert.equal(r.code, 2, `${label}: ${r.stderr}`);
    assert.match(r.stderr, message, label);
    assert.doesNotMatch(r.stderr, /internal error|RangeError/, label);
  }
  // the unchanged file still reads
  const path = tempFile("ok.parquet", new Uint8Array(file));
  assert.equal((await loadTable(path)).rowCount, 4);
});

test("Parquet: a footer that agrees with itself on more rows than memory holds is an input error, not exit 70", async () => {
  const file = parquetWriteBuffer({ columnData: [{ name: "x", data: [1.5, 2.5], type: "DOUBLE" }] });
  const path = tempFile("huge.parquet", withRowCounts(file, 2n ** 35n, 2n ** 35n));
  await rejectsWith(loadTable(path), "input", /declares 34359738368 rows, more than a column in memory can hold/, {
    file: path,
  });
  // a scan sizes only its chunk; the row group's page then runs out long before its rows
  await rejectsWith(
    (async () => {
      for await (const t of scanTable(path, { chunkRows: 1000 })) assert.ok(t.rowCount >= 0);
    })(),
    "input",
    /column 'x': row group 0/,
    { file: path, column: "x" },
  );
  const r = await runCli("schema", "infer", "--data", path, "-o", tempFile("huge.yaml", ""));
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
});
