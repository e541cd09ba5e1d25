import { buildProfile } from "../../src/profile/buildProfile.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { rng } from "./random.js";
import { numericColumn, table } from "./tables.js";

/**
 * A profile of `cols` numeric columns of six random 4-decimal values each (what `modelguard profile` makes of a
 * 100,000 x 6 CSV, some 900 bytes of JSON a column). A dozen distinct column objects, shared by name, so the test
 * process holds a small profile while its file is wide.
 */
export function wideNumericProfile(cols: number, seed: number): ReferenceProfile {
  const random = rng(seed);
  const kinds = Array.from({ length: 12 }, () =>
    numericColumn(
      "x",
      Array.from({ length: 6 }, () => Math.round(random() * 1e5) / 1e4),
      "number",
    ),
  );
  const built = kinds.map((c) => buildProfile(table([c]), { createdAt: "2026-01-01T00:00:00.000Z", source: "w.csv" }));
  const columns = Object.create(null) as ReferenceProfile["columns"];
  for (let i = 0; i < cols; i++) columns[`c${i}`] = built[i % built.length]!.columns["x"]!;
  return { ...built[0]!, columns };
}
