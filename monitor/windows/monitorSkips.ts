import type { DriftPolicy } from "../../src/drift/driftPolicy.js";
import { columnOverride } from "../../src/drift/driftPolicy.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { idLikeName } from "../../src/schema/isIdLike.js";
import { ModelguardError } from "../../src/errors.js";
import type { FeatureLayout } from "../ingest/featureLayout.js";

/** Below this many reference values, "every category distinct" is as likely a small feature sample as a key. */
const MIN_ROWS_FOR_VALUE_RULE = 100;

/**
 * The profile columns the monitor leaves out: those `drift.columns.<name>.skip` names, and by default (unless the
 * column has a drift.columns override) the target (`target` in monitor.yml: events do not carry it) and id-like
 * columns (a name ending in id, uuid, guid or key; or a category column whose every reference value was distinct):
 * every window has new ids, so an id "drifts" always and says nothing. The rule is the drift command's
 * (src/drift/defaultSkips.ts), judged on the profile since a window keeps no values.
 *
 * Skipped columns are not tracked at all: not tested, not measured for quality, and an event without them is not
 * missing a feature. Returns column name -> reason, in profile order. A `target` the profile lacks is a config error
 * (`file` names the config): a typo would leave the real target tracked, and missing from every event.
 */
export function monitorSkips(
  profile: ReferenceProfile,
  policy: DriftPolicy,
  target: string | null,
  file = "monitor.yml",
  /** Where the target came from when not `target:` (production's metrics.json): then it may be absent. */
  targetFrom: string | null = null,
): Map<string, string> {
  if (target !== null && targetFrom === null && !Object.hasOwn(profile.columns, target)) {
    const names = Object.keys(profile.columns);
    throw new ModelguardError(
      "config",
      `${file}: target: '${target}' is not a column of the reference profile`,
      `name the label column as the profile has it (names are case-sensitive): ${names.slice(0, 10).join(", ")}${names.length > 10 ? ", ..." : ""}`,
      { file },
    );
  }
  const out = new Map<string, string>();
  for (const [name, column] of Object.entries(profile.columns)) {
    const override = columnOverride(policy, name);
    if (override.skip) {
      out.set(name, "skipped by configuration");
      continue;
    }
    if (Object.keys(override).length > 0) continue;
    if (name === target) {
      out.set(name, `the target (from ${targetFrom ?? "target in the monitor config"}): events do not carry it`);
      continue;
    }
    const distinctCategories =
      column.kind === "categorical" &&
      column.type === "category" &&
      column.count >= MIN_ROWS_FOR_VALUE_RULE &&
      column.missing === 0 &&
      column.distinct === column.count;
    if (idLikeName(name) || distinctCategories)
      out.set(name, "id-like (a key rather than a feature): give it a drift.columns entry to test it");
  }
  return out;
}

/** Marks the skipped features untested in the layout: windows keep no accumulator for them (so nothing is missing). */
export function skipInLayout(layout: FeatureLayout, skips: ReadonlyMap<string, string>): void {
  for (const name of skips.keys()) {
    const i = layout.index.get(name);
    if (i !== undefined) layout.kinds[i] = "untested";
  }
}

/** The reference's finite [min, max] of each numeric feature of the layout (null for the others), from the profile. */
export function referenceRanges(
  profile: ReferenceProfile,
  layout: FeatureLayout,
): (readonly [number, number] | null)[] {
  return layout.names.map((name, i) => {
    const column = Object.hasOwn(profile.columns, name) ? profile.columns[name] : undefined;
    if (layout.kinds[i] !== "numeric" || column?.kind !== "numeric") return null;
    return column.min !== null && column.max !== null ? ([column.min, column.max] as const) : null;
  });
}
