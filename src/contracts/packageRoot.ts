import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The installed modelguard package's directory (where schemas/ and templates live), from source or build alike. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "modelguard") return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot locate the modelguard package root");
    dir = up;
  }
}
