"""Compresses stdin to stdout with one Parquet codec, as the reference writers' libraries do it.

Usage: python3 scripts/compress_block.py zstd|lz4|lz4_raw|gzip|brotli|snappy [--batch] < input > output

With --batch, stdin and stdout are sequences of blocks, each a little-endian uint32 length and then its bytes: one
process compresses every page of a file. The Parquet codec tests write their files with hyparquet-writer twice: once
to collect the pages, then with the pages this script compressed for the codecs Node cannot compress itself (zstd,
lz4, lz4_raw), so the pages come from the same C libraries pyarrow and Spark use (python3-zstandard, python3-lz4). LZ4 is the Hadoop framing parquet-mr and older pyarrow write:
big-endian uncompressed and compressed lengths, then one raw LZ4 block.
"""
import struct
import sys


def compress(codec: str, data: bytes) -> bytes:
    if codec == "zstd":
        import zstandard

        return zstandard.ZstdCompressor(level=3).compress(data)
    if codec == "lz4_raw":
        import lz4.block

        return lz4.block.compress(data, store_size=False)
    if codec == "lz4":
        import lz4.block

        block = lz4.block.compress(data, store_size=False)
        return struct.pack(">II", len(data), len(block)) + block
    if codec == "gzip":
        import gzip

        return gzip.compress(data)
    if codec == "brotli":
        import brotli

        return brotli.compress(data)
    if codec == "snappy":
        import snappy

        return snappy.compress(data)
    raise SystemExit(f"unknown codec {codec}")


def main() -> None:
    codec = sys.argv[1]
    data = sys.stdin.buffer.read()
    if "--batch" not in sys.argv[2:]:
        sys.stdout.buffer.write(compress(codec, data))
        return
    out = []
    pos = 0
    while pos < len(data):
        (length,) = struct.unpack_from("<I", data, pos)
        block = compress(codec, data[pos + 4 : pos + 4 + length])
        out.append(struct.pack("<I", len(block)) + block)
        pos += 4 + length
    sys.stdout.buffer.write(b"".join(out))


if __name__ == "__main__":
    main()
