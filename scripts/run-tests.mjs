#!/usr/bin/env node
// Runs every test file under test/ with node's own test runner, TypeScript loaded through tsx.
// Node 20 has no glob support in `node --test`, so the files are listed here.
//
// The tests run with TMPDIR pointing at a fresh directory that is removed at the end, so a test that forgets to clean
// up cannot fill the machine's /tmp. What was left there is reported, so such a leak stays visible.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function list(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return list(p);
    return e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** Entries and bytes under dir (symbolic links counted, not followed). */
function usage(dir) {
  let entries = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    entries++;
    try {
      if (e.isDirectory()) {
        const inner = usage(p);
        entries += inner.entries;
        bytes += inner.bytes;
      } else {
        bytes += lstatSync(p).size;
      }
    } catch {
      // removed while we looked (a server still shutting down): nothing to count
    }
  }
  return { entries, bytes };
}

// MODELGUARD_TEST_DIR lets test/runTests.test.ts run this script on a small tree of its own.
const root = process.env.MODELGUARD_TEST_DIR || "test";
const filters = process.argv.slice(2);
const files = list(root)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), "modelguard-tests-"));
// As /tmp: the Dockerfile test runs the image's command as another user (uid 10001), which must reach its files here.
chmodSync(tmp, 0o1777);
// tsx keeps its compile cache in <tmpdir>/tsx-<uid>: linked to the usual one, so runs stay warm and it is not a leak.
const tsxCache = `tsx-${process.geteuid ? process.geteuid() : userInfo().username}`;
mkdirSync(join(tmpdir(), tsxCache), { recursive: true });
symlinkSync(join(tmpdir(), tsxCache), join(tmp, tsxCache), "junction");
// SIGINT reaches the test runner too (same process group); the cleanup below still runs once it has exited.
process.on("SIGINT", () => {});
// node:test's MockTimers (the long-timer tests) is still "experimental" on Node 20 and 22 and says so on every run:
// notices of experimental features are silenced; every other kind of warning (deprecations, leaks) still prints.
const quiet = ["--disable-warning=ExperimentalWarning"];
const r = spawnSync(process.execPath, [...quiet, "--import", "tsx", "--test", "--test-reporter=spec", ...files], {
  stdio: "inherit",
  // Tests that open onnxruntime sessions themselves (not through loadOnnxRuntime, which sets it) would otherwise leave
  // its telemetry's mat-debug-<pid>.log files here; test/model/evaluate/onnxTelemetry.test.ts clears it for its checks.
  env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, ORT_DISABLE_TELEMETRY: "1" },
});
let left = { entries: 0, bytes: 0 };
const byPrefix = new Map();
try {
  rmSync(join(tmp, tsxCache), { force: true });
  left = usage(tmp);
  // mkdtemp names end in six random characters: grouped without them, the names point at the leaking tests.
  for (const name of readdirSync(tmp)) {
    const prefix = name.replace(/[A-Za-z0-9]{6}$/, "*");
    byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + 1);
  }
} catch {
  // unreadable leftovers are still removed below
}
rmSync(tmp, { recursive: true, force: true });
if (left.entries > 0) {
  const mb = (left.bytes / 1e6).toFixed(1);
  const top = [...byPrefix].sort((a, b) => b[1] - a[1]);
  const names = top
    .slice(0, 10)
    .map(([p, n]) => `${p} x${n}`)
    .join(", ");
  const more = top.length > 10 ? `, ${top.length - 10} more names` : "";
  console.error(`run-tests: the tests left ${left.entries} files and directories (${mb} MB) in ${tmp}, now removed;`);
  console.error(`run-tests: at its top: ${names}${more}`);
}
process.exit(r.status ?? 1);
