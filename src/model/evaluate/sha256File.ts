import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { ModelguardError } from "../../errors.js";

/**
 * SHA-256 of a file's bytes as lowercase hex, read as a stream (the file is never held whole in memory).
 * Example: await sha256File("empty.txt") -> "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (e) {
    throw new ModelguardError("input", `cannot read ${path}: ${(e as Error).message}`, "check the path", {
      file: path,
    });
  }
  return hash.digest("hex");
}
