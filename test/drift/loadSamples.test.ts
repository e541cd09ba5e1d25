import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { loadSamples } from "../../src/drift/loadSamples.js";
import { tempFile } from "../data/tempFiles.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

test("an in-thread load's samples are not kept alive by the queue of loads once the caller lets them go", async () => {
  const file = tempFile("small.csv", "a,b\n1,x\n2,y\n3,z\n");
  let loaded: Awaited<ReturnType<typeof loadSamples>> | null = await loadSamples(file);
  assert.equal(loaded.samples.size, 2);
  const samples = new WeakRef(loaded.samples);
  loaded = null;
  // a WeakRef's target lives to the end of the job that made it
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(samples.deref(), undefined);
});
