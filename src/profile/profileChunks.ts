import type { Table } from "../data/table.js";
import type { ProfileOptions } from "./buildProfile.js";
import { RunningProfile } from "./runningProfile.js";

/**
 * The profile of a stream of chunks, each taken into `running` in order (the same profile as each chunk's merged
 * into the profile so far), so memory holds one chunk and the running sketches whatever the row count. Null when no
 * chunk has been taken, from this stream or before.
 */
export async function profileChunks(
  chunks: AsyncIterable<Table>,
  options: ProfileOptions,
  running = new RunningProfile(options),
): Promise<RunningProfile | null> {
  // Not for-await: its binding of the chunk taken in stays live while the next one is read (two chunks held).
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Table> | null = await iterator.next();
    if (next.done) break;
    try {
      running.add(next.value);
    } catch (e) {
      // As for-await would: the scan's own cleanup (its file closed, a decompressor stopped) runs before the error goes.
      await iterator.return?.();
      throw e;
    }
    next = null;
  }
  return running.chunkCount > 0 ? running : null;
}
