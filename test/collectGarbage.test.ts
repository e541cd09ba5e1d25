import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const moduleUrl = pathToFileURL(fileURLToPath(new URL("../src/collectGarbage.ts", import.meta.url))).href;

/** Runs `body` in a fresh node (tsx), with nothing allocating around it, and returns its stdout's last line. */
function inChild(body: string, nodeArgs: string[] = []): string {
  const r = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `import { collectGarbage } from ${JSON.stringify(moduleUrl)};\n${body}`,
    ],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split("\n").at(-1)!;
}

// An object dropped in one job is collected by a full collection in a later one (a WeakRef keeps its target to the end
// of the job that made or read it). Nothing else allocates in between, so no collection of V8's own would have run.
const DROPPED = `
let ref = (() => new WeakRef({ payload: new Array(1000).fill(1) }))();
await new Promise((r) => setTimeout(r, 0));
const before = ref.deref() !== undefined;
// deref() too keeps the target to the end of its job.
await new Promise((r) => setTimeout(r, 0));
collectGarbage();
console.log(JSON.stringify({ before, after: ref.deref() !== undefined, exposed: typeof globalThis.gc }));
`;

test("collectGarbage runs a full collection: a dropped object is gone, and `gc` is not made a global of the caller's context", () => {
  assert.deepEqual(JSON.parse(inChild(DROPPED)), { before: true, after: false, exposed: "undefined" });
});

test("collectGarbage uses the process's own gc when node was started with --expose-gc", () => {
  assert.deepEqual(JSON.parse(inChild(DROPPED, ["--expose-gc"])), { before: true, after: false, exposed: "function" });
});

test("collectGarbage can run many times (one collection per block of a wide file)", () => {
  const out = inChild(`
const refs = [];
for (let i = 0; i < 20; i++) {
  refs.push((() => new WeakRef({ i }))());
  await new Promise((r) => setTimeout(r, 0));
  collectGarbage();
}
console.log(refs.filter((r) => r.deref() !== undefined).length);
`);
  assert.equal(out, "0");
});

test("after collectGarbage no other context or worker of the process gets a `gc` function", () => {
  const out = inChild(`
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
collectGarbage();
const worker = await new Promise((resolve) => {
  const code = "import { parentPort } from 'node:worker_threads'; parentPort.postMessage(typeof gc);";
  const w = new Worker(new URL("data:text/javascript," + encodeURIComponent(code)));
  w.once("message", (m) => { resolve(m); void w.terminate(); });
});
console.log(JSON.stringify({ main: typeof globalThis.gc, context: runInNewContext("typeof gc"), worker }));
`);
  assert.deepEqual(JSON.parse(out), { main: "undefined", context: "undefined", worker: "undefined" });
});

test("under node --expose-gc-as=NAME, where V8 gives no gc, collectGarbage collects nothing and does not fail", () => {
  assert.equal(inChild("collectGarbage(); collectGarbage(); console.log('ran');", ["--expose-gc-as=collect"]), "ran");
});
