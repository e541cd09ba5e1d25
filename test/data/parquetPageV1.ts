import type { CompressionCodec, FileMetaData } from "hyparquet";
import { parquetMetadata } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { decompressPage } from "hyparquet/src/datapage.js";
import { compressors as decompressors } from "hyparquet-compressors";
import { ByteWriter } from "hyparquet-writer";
import { writePageHeader } from "hyparquet-writer/src/datapage.js";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";

/**
 * The same Parquet file with every DATA_PAGE_V2 rewritten as a version 1 DATA_PAGE, the page pyarrow, parquet-mr
 * and Spark write by default (hyparquet-writer writes only version 2): levels move inside the compressed body
 * behind their 4-byte length. `compress` re-compresses a body in the file's codec. Page indexes are dropped, as
 * their offsets would be stale.
 */
export function withDataPageV1(file: ArrayBuffer, compress: (body: Uint8Array) => Uint8Array): ArrayBuffer {
  const metadata = parquetMetadata(file);
  const out = new ByteWriter();
  out.appendBytes(new TextEncoder().encode("PAR1"));
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data!;
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const bytes = new Uint8Array(file, start, Number(meta.total_compressed_size));
      const reader = { view: new DataView(file, start, bytes.length), offset: 0 };
      const chunkStart = out.offset;
      let dataStart = -1;
      let uncompressed = 0;
      while (reader.offset < bytes.length) {
        const header = parquetHeader(reader);
        const raw = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
        reader.offset += header.compressed_page_size;
        const headerAt = out.offset;
        const v2 = header.data_page_header_v2;
        if (header.type !== "DATA_PAGE_V2" || !v2) {
          writePageHeader(out, header);
          out.appendBytes(raw);
          uncompressed += out.offset - headerAt - raw.length + header.uncompressed_page_size;
          continue;
        }
        if (dataStart < 0) dataStart = out.offset;
        const levels = raw.subarray(0, v2.definition_levels_byte_length);
        const compressedValues = raw.subarray(v2.definition_levels_byte_length);
        const values =
          v2.is_compressed === false
            ? compressedValues
            : decompressPage(
                compressedValues,
                header.uncompressed_page_size - v2.definition_levels_byte_length,
                meta.codec,
                decompressors,
              );
        const body = new ByteWriter();
        if (levels.length > 0) {
          body.appendUint32(levels.length);
          body.appendBytes(levels);
        }
        body.appendBytes(values);
        const plain = body.getBytes();
        const packed = compress(plain);
        writePageHeader(out, {
          type: "DATA_PAGE",
          uncompressed_page_size: plain.length,
          compressed_page_size: packed.length,
          data_page_header: {
            num_values: v2.num_values,
            encoding: v2.encoding,
            definition_level_encoding: "RLE",
            repetition_level_encoding: "RLE",
          },
        });
        out.appendBytes(packed);
        uncompressed += out.offset - headerAt - packed.length + plain.length;
      }
      if (meta.dictionary_page_offset) meta.dictionary_page_offset = BigInt(chunkStart);
      meta.data_page_offset = BigInt(dataStart < 0 ? chunkStart : dataStart);
      meta.total_compressed_size = BigInt(out.offset - chunkStart);
      meta.total_uncompressed_size = BigInt(uncompressed);
      meta.encoding_stats = undefined;
      meta.statistics = undefined;
      meta.bloom_filter_offset = undefined;
      meta.bloom_filter_length = undefined;
      chunk.file_offset = BigInt(chunkStart);
      chunk.offset_index_offset = undefined;
      chunk.offset_index_length = undefined;
      chunk.column_index_offset = undefined;
      chunk.column_index_length = undefined;
    }
  }
  const metaStart = out.offset;
  writeMetadata(out, metadata as FileMetaData);
  out.appendUint32(out.offset - metaStart);
  out.appendBytes(new TextEncoder().encode("PAR1"));
  return out.getBuffer().slice(0, out.offset);
}

/** The codec of a file's first column chunk. */
export function codecOf(file: ArrayBuffer): CompressionCodec {
  return parquetMetadata(file).row_groups[0]!.columns[0]!.meta_data!.codec;
}
