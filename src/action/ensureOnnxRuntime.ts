import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/**
 * onnxruntime-node is a native package of ~45 MB per platform, so the Action's dist/ never carries it. Before a
 * command that runs ONNX models is loaded, this finds it (an override directory, or the runner's tool cache), installs
 * it there with npm when missing, and links `<distDir>/node_modules/onnxruntime-node` to it so the bundle's
 * `import "onnxruntime-node"` resolves. Later steps and jobs on the same runner find it in the tool cache.
 */
export interface EnsureOnnxRuntimeOptions {
  /** The exact version to install (pinned at build time from package-lock). */
  version: string;
  /** The directory of the bundle (dist/); gets node_modules/onnxruntime-node. */
  distDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

export interface EnsuredOnnxRuntime {
  /** The onnxruntime-node package directory the bundle now resolves to. */
  packageDir: string;
  source: "override" | "cache" | "installed";
}

/** Thrown for a setup problem the user must fix (an override without the package, npm failing). */
export class OnnxRuntimeSetupError extends Error {
  override readonly name = "OnnxRuntimeSetupError";
}

/** `MODELGUARD_ONNXRUNTIME_DIR`: an npm prefix (a directory holding node_modules/onnxruntime-node) to use as is. */
export const ONNXRUNTIME_DIR_ENV = "MODELGUARD_ONNXRUNTIME_DIR";
const COMPLETE_MARKER = ".modelguard-complete";

/** Where the package is cached: `$RUNNER_TOOL_CACHE/modelguard-onnxruntime/<version>` (a temp dir off the runner). */
export function onnxRuntimeCacheDir(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.RUNNER_TOOL_CACHE && env.RUNNER_TOOL_CACHE.trim() !== "" ? env.RUNNER_TOOL_CACHE : tmpdir();
  return join(root, "modelguard-onnxruntime", version);
}

export function ensureOnnxRuntime(o: EnsureOnnxRuntimeOptions): EnsuredOnnxRuntime {
  const env = o.env ?? process.env;
  const log = o.log ?? (() => {});
  let prefix: string;
  let source: EnsuredOnnxRuntime["source"];
  const override = env[ONNXRUNTIME_DIR_ENV];
  if (override && override.trim() !== "") {
    prefix = resolve(override);
    source = "override";
    if (!existsSync(join(prefix, "node_modules", "onnxruntime-node", "package.json"))) {
      throw new OnnxRuntimeSetupError(
        `${ONNXRUNTIME_DIR_ENV}=${override} has no node_modules/onnxruntime-node; ` +
          `install it there (npm install --prefix DIR onnxruntime-node@${o.version}) or unset ${ONNXRUNTIME_DIR_ENV}`,
      );
    }
  } else {
    prefix = onnxRuntimeCacheDir(o.version, env);
    if (isComplete(prefix, o.version)) {
      source = "cache";
      log(`onnxruntime-node ${o.version}: using the cached copy in ${prefix}`);
    } else {
      install(prefix, o.version, env, log);
      source = "installed";
    }
  }
  const packageDir = join(prefix, "node_modules", "onnxruntime-node");
  linkInto(o.distDir, packageDir);
  return { packageDir, source };
}

function isComplete(prefix: string, version: string): boolean {
  if (!existsSync(join(prefix, COMPLETE_MARKER))) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(prefix, "node_modules", "onnxruntime-node", "package.json"), "utf8"));
    return manifest.version === version;
  } catch {
    return false;
  }
}

/** npm installs into a staging directory renamed into place, so a killed install never looks complete. */
function install(prefix: string, version: string, env: NodeJS.ProcessEnv, log: (m: string) => void): void {
  const staging = `${prefix}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // --ignore-scripts: onnxruntime-node's only install script downloads the CUDA provider from NuGet, and nothing
  // else in its tree has one. ONNXRUNTIME_NODE_INSTALL=skip would stop that script too, quietly on any npm; an
  // npm_config_* variable would make npm 11 warn about an unknown config.
  const args = [
    "install",
    "--no-save",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    "--prefix",
    staging,
    `onnxruntime-node@${version}`,
  ];
  log(`onnxruntime-node ${version} is not cached: npm ${args.join(" ")} (about 290 MB unpacked, once per runner)`);
  const windows = process.platform === "win32";
  const r = spawnSync(windows ? "npm.cmd" : "npm", args, {
    env: { ...env, ONNXRUNTIME_NODE_INSTALL: "skip" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    // npm.cmd needs a shell on Windows; every argument above is fixed or a version number.
    shell: windows,
  });
  if (r.error || r.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const why = r.error ? r.error.message : `exit code ${r.status}: ${lastLines(r.stderr || r.stdout)}`;
    throw new OnnxRuntimeSetupError(
      `could not install onnxruntime-node@${version} with npm (${why}); the runner needs npm and access to the ` +
        `npm registry, or set ${ONNXRUNTIME_DIR_ENV} to a directory where it is installed`,
    );
  }
  if (!existsSync(join(staging, "node_modules", "onnxruntime-node", "package.json"))) {
    rmSync(staging, { recursive: true, force: true });
    throw new OnnxRuntimeSetupError(`npm finished but ${staging}/node_modules/onnxruntime-node is missing`);
  }
  writeMarker(staging);
  mkdirSync(dirname(prefix), { recursive: true });
  // A leftover of an install that was killed half way (no marker) would block the rename.
  if (existsSync(prefix) && !isComplete(prefix, version)) rmSync(prefix, { recursive: true, force: true });
  try {
    renameSync(staging, prefix);
  } catch (e) {
    // Another job on this runner finished first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!isComplete(prefix, version)) {
      throw new OnnxRuntimeSetupError(
        `could not move the onnxruntime-node install into ${prefix}: ${(e as Error).message}; re-run the job`,
      );
    }
  }
}

/** A file, written last, that says the directory holds a complete install. */
function writeMarker(dir: string): void {
  writeFileSync(join(dir, COMPLETE_MARKER), "complete\n");
}

function linkInto(distDir: string, packageDir: string): void {
  const modules = join(distDir, "node_modules");
  const link = join(modules, "onnxruntime-node");
  mkdirSync(modules, { recursive: true });
  try {
    const st = lstatSync(link);
    if (st.isSymbolicLink() && resolve(modules, readlinkSync(link)) === packageDir) return;
    rmSync(link, { recursive: true, force: true });
  } catch {
    // no link yet
  }
  symlinkSync(packageDir, link, process.platform === "win32" ? "junction" : "dir");
}

function lastLines(text: string): string {
  return text.trim().split(/\r?\n/).slice(-5).join(" | ");
}
