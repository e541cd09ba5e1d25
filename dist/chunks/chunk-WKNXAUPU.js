import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/outputFile.ts
import { closeSync, fstatSync, mkdirSync, openSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
function writeOutputFile(path, data) {
  try {
    ensureParentDir(path);
    writeFileSync(path, data);
  } catch (e) {
    throw outputError(path, e);
  }
}
function writeOutputFileParts(path, parts) {
  const fd = onFileSystem(path, () => {
    ensureParentDir(path);
    return openSync(path, "w");
  });
  let open = true;
  try {
    let pending = [];
    let pendingLength = 0;
    for (const part of parts) {
      pending.push(part);
      pendingLength += part.length;
      if (pendingLength >= 1 << 16) {
        const text = pending.join("");
        pending = [];
        pendingLength = 0;
        onFileSystem(path, () => writeAll(fd, text));
      }
    }
    if (pendingLength > 0) onFileSystem(path, () => writeAll(fd, pending.join("")));
    open = false;
    onFileSystem(path, () => closeSync(fd));
  } catch (e) {
    if (open) {
      const partial = isRegularFile(fd);
      closeQuietly(fd);
      if (partial) removeQuietly(path);
    }
    throw e;
  }
}
function isRegularFile(fd) {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}
function removeQuietly(path) {
  try {
    unlinkSync(path);
  } catch {
  }
}
function closeQuietly(fd) {
  try {
    closeSync(fd);
  } catch {
  }
}
function onFileSystem(path, call) {
  try {
    return call();
  } catch (e) {
    throw outputError(path, e);
  }
}
function writeAll(fd, text) {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; ) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written <= 0) throw new Error(`wrote ${at} of ${bytes.length} bytes, then nothing more`);
    at += written;
  }
}
function ensureParentDir(path) {
  mkdirSync(dirname(path), { recursive: true });
}
function outputError(path, e) {
  return new ModelguardError(
    "io",
    `cannot write ${path}: ${e.message}`,
    "check that the path is a writable location (not an existing directory or a read-only mount)",
    { file: path }
  );
}

export {
  writeOutputFile,
  writeOutputFileParts,
  ensureParentDir
};
