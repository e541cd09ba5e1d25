import { collectGarbage } from "../../src/collectGarbage.js";

/**
 * process.memoryUsage() once a full collection has finished with what is dead. V8 frees the memory of dead array
 * buffers on a background thread after the collection that finds them dead, so on a busy machine a reading taken
 * straight after gc() still counts them (a CI run read 5.4 MB of read buffers a test had dropped): this collects,
 * waits a turn and reads again until two readings agree (array buffers exactly, the heap within 64 KiB).
 */
export async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  let last: NodeJS.MemoryUsage | undefined;
  for (let i = 0; i < 100; i++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = process.memoryUsage();
    if (last && now.arrayBuffers === last.arrayBuffers && Math.abs(now.heapUsed - last.heapUsed) < 65_536) return now;
    last = now;
  }
  throw new Error(`memory did not settle: ${last?.arrayBuffers} bytes of array buffers`);
}
