import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. For a loop that reads a wide file in blocks of columns: a block's objects live
 * through several young-generation collections, so V8 moves them to its old generation, where they stay as garbage
 * until a full collection, and V8 starts one only once that generation has grown well past its live size. `drift` of
 * 100,000 columns x 6 rows in ten blocks grew its heap to 85-100 MB around 20-35 MB live; collected after each block,
 * it stays near 35 MB (each collection some 10-40 ms). V8 gives a context its `gc` function once --expose-gc is set,
 * and a flag set at run time applies to contexts made after it: the way jest's leak detector reaches it.
 */
export function collectGarbage(): void {
  gc ??= exposedGc();
  gc();
}

function exposedGc(): () => void {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === "function") return own;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
