import { createHash } from "node:crypto";
import { relative, sep } from "node:path";
import { resolveDataset } from "../../data/resolveDataset.js";
import { sha256File } from "./sha256File.js";

/**
 * SHA-256 identifying a dataset's bytes: a single file's own hash (as before datasets of shards existed); for
 * shards, the hash of the `sha256sum`-style listing "<hash>  <path below the dataset root>\n" in shard order, so
 * renaming, adding or changing any shard changes it.
 */
export async function sha256Dataset(spec: string): Promise<string> {
  const dataset = await resolveDataset(spec);
  if (dataset.shards.length === 1 && dataset.partitionKeys.length === 0) return sha256File(dataset.shards[0]!.file);
  const listing = createHash("sha256");
  for (const shard of dataset.shards)
    listing.update(`${await sha256File(shard.file)}  ${relative(dataset.root, shard.file).split(sep).join("/")}\n`);
  return listing.digest("hex");
}
