import type { FileHandle } from "node:fs/promises";
import { crc32c } from "../state/crc32c.js";
import type { FileFingerprint } from "../state/journal.js";

/**
 * Bytes at the start of a followed file that identify it together with its inode (Filebeat's fingerprint reads 1024
 * too): after a rotation the file system may give a new file the inode of a deleted one, and an inode alone would then
 * resume the new file at the old one's offset, skipping its beginning.
 */
export const FINGERPRINT_BYTES = 1024;

/**
 * The fingerprint of the first `min(upTo, FINGERPRINT_BYTES)` bytes of `fh`, or null when the file is shorter. A
 * position covers only bytes already read, so a log shorter than FINGERPRINT_BYTES is followed from its first line
 * (Filebeat instead waits until a file reaches the fingerprint's length).
 */
export async function fingerprintOf(fh: FileHandle, upTo: number): Promise<FileFingerprint | null> {
  const bytes = Math.min(upTo, FINGERPRINT_BYTES);
  const buf = Buffer.alloc(bytes);
  let got = 0;
  while (got < bytes) {
    const { bytesRead } = await fh.read(buf, got, bytes - got, got);
    if (bytesRead === 0) return null;
    got += bytesRead;
  }
  return { bytes, crc32c: crc32c(buf).toString(16).padStart(8, "0") };
}

/** True when `fh` starts with the bytes `fingerprint` was taken of; true without one (a position saved before them). */
export async function startsAs(fh: FileHandle, fingerprint: FileFingerprint | undefined): Promise<boolean> {
  if (!fingerprint || fingerprint.bytes === 0) return true;
  const now = await fingerprintOf(fh, fingerprint.bytes);
  return now !== null && now.bytes === fingerprint.bytes && now.crc32c === fingerprint.crc32c;
}
