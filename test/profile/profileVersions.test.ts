import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readProfile, writeProfile } from "../../src/profile/profileFile.js";
import { mergeProfiles } from "../../src/profile/mergeProfiles.js";
import { stringifyContract } from "../../src/contracts/contractJson.js";
import { PROFILE_VERSION } from "../../src/profile/referenceProfile.js";
import { runCli } from "../helpers/cli.js";

/**
 * fixtures/profiles/*.v1.json were written by modelguard before profile version 2 (commit cc624bd), and are kept as
 * written: the files users already have must keep loading, and mean what they meant.
 */
const FIXTURES = "fixtures/profiles";
const dir = mkdtempSync(join(tmpdir(), "modelguard-profile-versions-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A profile's JSON without what differs between two runs over the same data (when, and the path it was given). */
function comparable(text: string): unknown {
  const p = JSON.parse(text) as Record<string, unknown>;
  return { ...p, created_at: null, sources: null };
}

test("a version 1 profile loads as the version 2 profile of the same data, and is written as version 2", async () => {
  // Six values spread over 1,100 buckets shrink most; 398 rows of real data fill more of their runs.
  for (const [data, v1, shrink] of [
    [`${FIXTURES}/edge.csv`, `${FIXTURES}/edge.v1.json`, 0.2],
    ["fixtures/datasets/breast_cancer/train.csv", `${FIXTURES}/breast_cancer_train.v1.json`, 0.6],
  ] as const) {
    assert.equal((JSON.parse(readFileSync(v1, "utf8")) as { version: number }).version, 1);
    const old = readProfile(v1);
    assert.equal(old.version, PROFILE_VERSION);
    const out = join(dir, "now.json");
    const r = await runCli("profile", "--data", data, "-o", out);
    assert.equal(r.code, 0, r.stderr);
    const now = readFileSync(out, "utf8");
    assert.equal((JSON.parse(now) as { version: number }).version, 2);
    assert.deepEqual(comparable(stringifyContract(old)), comparable(now), v1);
    // Rewritten, the old file is the new format: the same bytes as profiling the data again, and smaller.
    const rewritten = join(dir, "rewritten.json");
    writeProfile(rewritten, old);
    assert.deepEqual(comparable(readFileSync(rewritten, "utf8")), comparable(now));
    assert.ok(
      statSync(rewritten).size < statSync(v1).size * shrink,
      `${statSync(rewritten).size} of ${statSync(v1).size}`,
    );
  }
});

test("drift against a version 1 profile reports what it reports against the version 2 profile of the same data", async () => {
  const v2 = join(dir, "train.json");
  assert.equal((await runCli("profile", "--data", "fixtures/datasets/breast_cancer/train.csv", "-o", v2)).code, 0);
  const current = "fixtures/datasets/breast_cancer/current.csv";
  const run = async (reference: string) => {
    const r = await runCli("drift", "--reference", reference, "--current", current, "--json");
    assert.equal(r.code, 1, r.stderr); // current.csv has drift planted in it
    const report = JSON.parse(r.stdout) as { features: unknown[]; reference: unknown };
    return report.features;
  };
  const features = await run(`${FIXTURES}/breast_cancer_train.v1.json`);
  assert.ok(features.length > 30);
  assert.deepEqual(features, await run(v2));
});

test("profile merge of a version 1 and a version 2 profile writes version 2, equal to merging two version 2 profiles", async () => {
  const v2 = join(dir, "edge.json");
  assert.equal((await runCli("profile", "--data", `${FIXTURES}/edge.csv`, "-o", v2)).code, 0);
  const mixed = join(dir, "mixed.json");
  const r = await runCli("profile", "merge", `${FIXTURES}/edge.v1.json`, v2, "-o", mixed);
  assert.equal(r.code, 0, r.stderr);
  const expected = mergeProfiles(readProfile(v2), readProfile(v2));
  assert.deepEqual(comparable(readFileSync(mixed, "utf8")), comparable(stringifyContract(expected)));
});

test("version 2 stores: a six-value column's sketch is tens of bytes, and skips are checked like keys", async () => {
  const csv = join(dir, "six.csv");
  writeFileSync(csv, "x\n1\n2\n3\n4\n5\n6\n");
  const out = join(dir, "six.json");
  assert.equal((await runCli("profile", "--data", csv, "-o", out)).code, 0);
  const p = JSON.parse(readFileSync(out, "utf8")) as {
    columns: { x: { sketch: { positive: { offset: number; counts: number[] } } } };
  };
  const store = p.columns.x.sketch.positive;
  assert.deepEqual(store.counts, [1, -346, 1, -202, 1, -143, 1, -110, 1, -90, 1]);
  assert.ok(JSON.stringify(store).length < 80, JSON.stringify(store));

  const edit = (f: (s: { offset: number; counts: number[] }, p: Record<string, unknown>) => void) => {
    const copy = JSON.parse(readFileSync(out, "utf8")) as typeof p & Record<string, unknown>;
    f(copy.columns.x.sketch.positive, copy);
    const file = join(dir, "edited.json");
    writeFileSync(file, JSON.stringify(copy));
    return runCli("drift", "--reference", file, "--current", csv);
  };
  // A skip far past the largest key is refused by the key it leads to, without making a run of that length.
  const far = await edit((s) => (s.counts[1] = -1e15));
  assert.equal(far.code, 2);
  assert.match(far.stderr, /columns\.x\.sketch\.positive: keys \d+\.\.\d+ pass the largest key/);
  // Version 1 had no skips: a negative count there is damage, not a gap.
  const v1 = await edit((_, copy) => (copy.version = 1));
  assert.equal(v1.code, 2);
  assert.match(v1.stderr, /columns\.x\.sketch\.positive\.counts: a negative count in a version 1 profile/);
  // A version this modelguard does not know.
  const v3 = await edit((_, copy) => (copy.version = 3));
  assert.equal(v3.code, 2);
  assert.match(v3.stderr, /profile version 3; this modelguard reads versions 1 and 2/);
  // Counts that do not add up, skips aside, are still caught.
  const total = await edit((s) => (s.counts[0] = 2));
  assert.equal(total.code, 2);
  assert.match(total.stderr, /columns\.x\.sketch: its counts add up to 7, not the count 6/);
});
