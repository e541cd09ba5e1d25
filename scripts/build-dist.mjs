#!/usr/bin/env node
// Bundles the GitHub Action (src/action/index.ts) into dist/ with esbuild: ESM, code-split so the commands that need
// onnxruntime-node (kept external: a native package installed on the runner) load only when run; schemas/ and
// templates/ copied next to the bundle with a package.json named "modelguard" so packageRoot() finds them.
// Same source, same bytes: no timestamps, no absolute paths, sorted copies.
//   node scripts/build-dist.mjs [--outdir DIR]   (default dist/)
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--outdir");
const outdir = at >= 0 && args[at + 1] ? resolve(args[at + 1]) : join(root, "dist");

const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const onnxVersion = lock.packages?.["node_modules/onnxruntime-node"]?.version;
if (!onnxVersion) throw new Error("package-lock.json has no node_modules/onnxruntime-node: run npm install");

// Keep a checked-in dist/ free of leftovers (old chunks) but never delete a linked onnxruntime-node's target.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  // drift's worker is found at new URL("./sampleWorker.js", import.meta.url) of the chunk holding loadSamples, which
  // lands in chunks/ (the action test runs drift from a built checkout, so a move shows up there).
  // compare's bootstrap worker likewise: weightedPairedBootstrap looks for chunks/resampleWorker.js (next to its chunk,
  // or under chunks/ when it is bundled into index.js); without it compare still runs, on one thread.
  entryPoints: {
    index: "src/action/index.ts",
    "chunks/sampleWorker": "src/drift/sampleWorker.ts",
    "chunks/resampleWorker": "src/compare/resampleWorker.ts",
    // profile's range worker likewise (profileDataset.ts): without it a large CSV is profiled on one thread.
    "chunks/profileRangeWorker": "src/profile/profileRangeWorker.ts",
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: false,
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  chunkNames: "chunks/[name]-[hash]",
  external: ["onnxruntime-node"],
  define: { __MODELGUARD_ONNXRUNTIME_VERSION__: JSON.stringify(onnxVersion) },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __mgCreateRequire } from "node:module";\nconst require = __mgCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
  metafile: true,
});

for (const dir of ["schemas", "templates"]) cpSync(join(root, dir), join(outdir, dir), { recursive: true });
writeFileSync(
  join(outdir, "package.json"),
  JSON.stringify({ name: "modelguard", type: "module", private: true }, null, 2) + "\n",
);

const outputs = Object.entries(result.metafile.outputs)
  .map(([file, o]) => `${file.replace(/\\/g, "/").split("/").slice(-2).join("/")} ${(o.bytes / 1024).toFixed(0)} KiB`)
  .sort();
console.error(`built ${outdir} (onnxruntime-node ${onnxVersion} external):\n  ${outputs.join("\n  ")}`);
