import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. For a loop that reads a wide file in blocks of columns: a block's objects live
 * through several young-generation collections, so V8 moves them to its old generation, where they stay as garbage
 * until a full collection, and V8 starts one only once that generation has grown well past its live size. `drift` of
 * 100,000 columns x 6 rows in ten blocks grew its heap to 85-100 MB around 20-35 MB live; collected after each block,
 * it stays near 35 MB (each collection some 10-50 ms).
 *
 * V8 gives a context made while --expose-gc is set a `gc` function: the flag is set for as long as one context is
 * made, then unset, so that no other context or worker of the process gets one (what jest's leak detector does).
 * Where V8 will not give it (node run with --expose-gc-as=NAME names it otherwise), nothing is collected: V8 then
 * collects as it would have.
 */
export function collectGarbage(): void {
  gc ??= exposedGc();
  gc();
}

function exposedGc(): () => void {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === "function") return own as () => void;
  try {
    setFlagsFromString("--expose-gc");
    const made: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
    return typeof made === "function" ? (made as () => void) : () => {};
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}
