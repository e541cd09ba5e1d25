import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/model/evaluate/sha256File.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256File(path) {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk);
  } catch (e) {
    throw new ModelguardError("input", `cannot read ${path}: ${e.message}`, "check the path", {
      file: path
    });
  }
  return hash.digest("hex");
}

export {
  sha256File
};
