import type { Table } from "../data/table.js";
import { buildProfile, type ProfileOptions } from "./buildProfile.js";
import { mergeProfiles } from "./mergeProfiles.js";
import type { ReferenceProfile } from "./referenceProfile.js";

/**
 * The profile of a stream of chunks: each chunk profiled and merged into the profile so far, in order, so memory
 * holds one chunk whatever the row count. Null when the stream yields no chunk and no `start` (the profile of chunks
 * already taken from the stream) is given. The profile so far and each chunk's are consumed as they are merged.
 */
export async function profileChunks(
  chunks: AsyncIterable<Table>,
  options: ProfileOptions,
  start: ReferenceProfile | null = null,
): Promise<ReferenceProfile | null> {
  let profile = start;
  for await (const chunk of chunks) {
    const p = buildProfile(chunk, options);
    profile = profile ? mergeProfiles(profile, p, { consume: true }) : p;
  }
  return profile;
}
