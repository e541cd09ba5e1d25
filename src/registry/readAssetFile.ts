import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ModelguardError } from "../errors.js";

/**
 * A model version's files are held in memory while stored or verified: a bound keeps that sane. ONNX models of
 * tabular models are kilobytes to tens of megabytes; 512 MiB leaves room for large ones.
 */
export const MAX_ASSET_BYTES = 512 * 1024 * 1024;

/** The bytes of a file given to `promote`, refusing a directory, a device, or a file over `maxBytes` before reading. */
export function readAssetFile(path: string, flag: string, maxBytes = MAX_ASSET_BYTES): Buffer {
  const fail = (message: string, hint = `check the path given to ${flag}`) =>
    new ModelguardError("input", message, hint, { file: path });
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(
      code === "ENOENT" ? `${flag}: ${path} not found` : `${flag}: cannot read ${path}: ${(e as Error).message}`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fail(`${flag}: ${path} is not a regular file`);
    if (st.size > maxBytes) {
      throw fail(`${flag}: ${path} is ${st.size} bytes, more than the ${maxBytes} a registry asset may be`);
    }
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    throw fail(`${flag}: cannot read ${path}: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}
