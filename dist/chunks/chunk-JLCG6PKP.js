import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/contracts/packageRoot.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var cached;
function packageRoot() {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "modelguard") return cached = dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot locate the modelguard package root");
    dir = up;
  }
}

export {
  packageRoot
};
