import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { mergeProfiles } from "../../src/profile/mergeProfiles.js";
import { readProfile, writeProfile } from "../../src/profile/profileFile.js";
import { detectDrift } from "../../src/drift/detectDrift.js";
import { resolvePolicy } from "../../src/drift/driftPolicy.js";
import { sampleProfile, sampleTable } from "../../src/drift/columnSample.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-profile-names-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Names that a plain object used as a map loses or confuses with Object.prototype's members. */
const HOSTILE = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__lookupGetter__",
];
// Order is compared as sets: an object puts integer-like names ("0", "12") first, so a profile lists them first.
const sorted = (xs: readonly string[]) => [...xs].sort();
const names = fc.uniqueArray(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 6 })), {
  minLength: 1,
  maxLength: 6,
});

test("column names like __proto__ and constructor survive profile -> save -> load -> merge -> drift (property)", () => {
  let run = 0;
  fc.assert(
    fc.property(names, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (cols, shifted) => {
      const n = 120;
      const column = (name: string, i: number, shift: number) =>
        i % 2 === 0
          ? numericColumn(
              name,
              Array.from({ length: n }, (_, r) => (r % 60) + shift),
              "number",
            )
          : dictionaryColumn(
              name,
              Array.from({ length: n }, (_, r) => (shift === 0 ? ["a", "b", "c"][r % 3]! : "z")),
            );
      const ref = table(cols.map((name, i) => column(name, i, 0)));
      const cur = table(cols.map((name, i) => column(name, i, shifted[i] ? 1000 : 0)));
      const profile = buildProfile(ref, { createdAt: "2026-01-01T00:00:00.000Z" });
      assert.deepEqual(sorted(Object.keys(profile.columns)), sorted(cols));
      const path = join(dir, `p${run++}.json`);
      writeProfile(path, profile);
      const loaded = readProfile(path);
      assert.deepEqual(sorted(Object.keys(loaded.columns)), sorted(cols));
      const merged = mergeProfiles(loaded, loaded);
      assert.deepEqual(sorted(Object.keys(merged.columns)), sorted(cols));
      assert.equal(merged.rows, 2 * n);
      const policy = resolvePolicy({ columns: { [cols[0]!]: { critical: true } } });
      const input = { current: sampleTable(cur), referenceLabel: "ref", currentLabel: "cur" };
      const fromData = detectDrift({ ...input, reference: sampleTable(ref) }, policy);
      const fromProfile = detectDrift({ ...input, reference: sampleProfile(loaded) }, policy);
      for (const report of [fromData, fromProfile]) {
        assert.deepEqual(sorted(report.features.map((f) => f.name)), sorted(cols));
        assert.deepEqual(report.skipped, []);
        assert.deepEqual(sorted(report.drifted_features), sorted(cols.filter((_, i) => shifted[i])));
        for (const f of report.features) assert.equal(f.critical, f.name === cols[0], `${f.name} critical`);
      }
    }),
    { numRuns: 40 },
  );
});

test("a __proto__ column drifts from its profile as from its CSV, and --critical __proto__ applies", async () => {
  const rows = (shift: number) =>
    Array.from({ length: 60 }, (_, i) => `${(i % 30) + shift},${i % 30}`).join("\n") + "\n";
  const ref = join(dir, "ref.csv");
  const cur = join(dir, "cur.csv");
  writeFileSync(ref, "__proto__,constructor\n" + rows(0));
  writeFileSync(cur, "__proto__,constructor\n" + rows(100));
  const profile = join(dir, "proto.json");
  assert.equal((await runCli("profile", "--data", ref, "-o", profile)).code, 0);
  for (const reference of [ref, profile]) {
    const r = await runCli("drift", "--reference", reference, "--current", cur, "--json", "--critical", "__proto__");
    assert.equal(r.code, 1, `${reference}: ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.drifted_features, ["__proto__"]);
    assert.equal(report.features.find((f: { name: string }) => f.name === "__proto__").critical, true);
    assert.match(report.summary, /critical column __proto__ drifted/);
  }
});
