import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/registry/readAssetFile.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var MAX_ASSET_BYTES = 512 * 1024 * 1024;
function readAssetFile(path, flag, maxBytes = MAX_ASSET_BYTES) {
  const fail = (message, hint = `check the path given to ${flag}`) => new ModelguardError("input", message, hint, { file: path });
  let fd;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = e.code;
    throw fail(
      code === "ENOENT" ? `${flag}: ${path} not found` : `${flag}: cannot read ${path}: ${e.message}`
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
    throw fail(`${flag}: cannot read ${path}: ${e.message}`);
  } finally {
    closeSync(fd);
  }
}

export {
  MAX_ASSET_BYTES,
  readAssetFile
};
