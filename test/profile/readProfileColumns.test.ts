import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { ModelguardError } from "../../src/errors.js";
import { readProfile } from "../../src/profile/profileFile.js";
import { readProfileColumns } from "../../src/profile/readProfileColumns.js";
import type { ColumnProfile } from "../../src/profile/referenceProfile.js";
import { sampleColumnProfile, sampleProfile } from "../../src/drift/columnSample.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-profile-columns-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURES = new URL("../../fixtures/profiles/", import.meta.url).pathname;
/** A profile of every column kind, with names a plain object loses or reorders ("2" comes before "10"). */
const profile = join(dir, "p.json");
let text = "";

before(async () => {
  const csv = join(dir, "d.csv");
  const rows = Array.from({ length: 40 }, (_, i) =>
    [
      i % 7 === 0 ? "" : String((i * 37) % 11) + ".25",
      String(i % 5),
      "abc"[i % 3],
      i % 2 === 0 ? "true" : "false",
      `note number ${i * 7919}`,
      `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
      String(-i),
      i === 3 ? "inf" : String(i / 3),
    ].join(","),
  );
  writeFileSync(csv, ["x,10,__proto__,2,note,when,constructor,a/b~c", ...rows].join("\n") + "\n");
  const r = await runCli("profile", "--data", csv, "-o", profile);
  assert.equal(r.code, 0, r.stderr);
  text = readFileSync(profile, "utf8");
});

const keep = (_name: string, column: ColumnProfile) => column;

/** readProfileColumns gives what readProfile gives: the same fields, columns in the same order, equal. */
function assertSameAsWhole(file: string, streamed: boolean): void {
  const { columns, ...fields } = readProfile(file);
  const read = readProfileColumns(file, keep);
  assert.equal(read.streamed, streamed, file);
  assert.deepEqual(read.fields, fields);
  assert.deepEqual([...read.columns.keys()], Object.keys(columns));
  for (const name of Object.keys(columns)) assert.deepEqual(read.columns.get(name), columns[name], name);
}

/** Both readers refuse the file with the same ModelguardError; returns its message. */
function sameError(file: string): string {
  let expected: unknown;
  try {
    readProfile(file);
  } catch (e) {
    expected = e;
  }
  assert.ok(expected instanceof ModelguardError, `readProfile accepts ${file}`);
  assert.throws(
    () => readProfileColumns(file, keep),
    (e: unknown) =>
      e instanceof ModelguardError &&
      e.code === "profile" &&
      e.message === expected.message &&
      e.hint === expected.hint &&
      e.location?.file === file,
  );
  return expected.message;
}

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The profile's JSON edited as an object (JSON.parse keeps `__proto__` an own key). */
function edited(name: string, f: (p: { version: number; columns: Record<string, Record<string, unknown>> }) => void) {
  const p = JSON.parse(text) as { version: number; columns: Record<string, Record<string, unknown>> };
  f(p);
  return write(name, JSON.stringify(p));
}

test("reads profiles column by column as readProfile reads them whole: versions 1 and 2, hostile names", () => {
  assertSameAsWhole(profile, true);
  assert.deepEqual(
    [...readProfileColumns(profile, keep).columns.keys()],
    ["2", "10", "x", "__proto__", "note", "when", "constructor", "a/b~c"],
  );
  for (const fixture of ["edge.v1.json", "breast_cancer_train.v1.json"]) assertSameAsWhole(FIXTURES + fixture, true);
  // Indented, as a person might save it: whitespace anywhere between tokens.
  assertSameAsWhole(write("indented.json", JSON.stringify(JSON.parse(text), null, "\t") + "\r\n"), true);
  // The drift samples are those of the whole profile.
  const whole = sampleProfile(readProfile(profile));
  const streamed = readProfileColumns(profile, (_n, c, fields) => sampleColumnProfile(c, fields.bins)).columns;
  assert.deepEqual(streamed, whole);
});

test("a bad profile is refused with readProfile's own error, naming the file and the column's field", () => {
  // Cut anywhere: the JSON syntax error, as JSON.parse of the whole file words it.
  for (let k = 0; k < text.length; k += Math.ceil(text.length / 23))
    assert.match(sameError(write(`cut-${k}.json`, text.slice(0, k))), /is not valid JSON|is not a modelguard profile/);
  assert.match(sameError(write("cut-end.json", text.slice(0, -3))), /is not valid JSON/);
  assert.match(sameError(write("trailing.json", text + "}")), /is not valid JSON/);
  // Bad JSON inside a column's value.
  const inside = text.replace(/("x":\{[^}]*?)"min":/, '$1"min"=');
  assert.notEqual(inside, text);
  assert.match(sameError(write("inside.json", inside)), /is not valid JSON/);
  // A column that fails the profile schema: the message names its path.
  const schema = edited("schema.json", (p) => (p.columns["__proto__"]!["count"] = -1));
  assert.match(sameError(schema), /schema\.json is not a valid profile: columns\.__proto__\.count: must be >= 0/);
  const unknownKey = edited(
    "key.json",
    (p) => ((p.columns["a/b~c"]!["sketch"] as Record<string, unknown>)["colour"] = 1),
  );
  assert.match(sameError(unknownKey), /columns\.a~1b~0c\.sketch: unknown key 'colour'/);
  // A column that passes the schema but not the checks the schema cannot make.
  const counts = edited("counts.json", (p) => ((p.columns["constructor"]!["missing"] as number) += 1));
  assert.match(
    sameError(counts),
    /columns\.constructor\.count: count 40 \+ missing 1 \+ invalid 0 is not the profile's 40/,
  );
  const v1 = edited("v1.json", (p) => (p.version = 1));
  assert.match(sameError(v1), /columns\.10\.sketch\.positive\.counts: a negative count in a version 1 profile/);
  // The fields the checks need.
  assert.match(
    sameError(write("kind.json", text.replace('"modelguard.profile"', '"modelguard.drift"'))),
    /is not a modelguard profile/,
  );
  assert.match(sameError(edited("v3.json", (p) => (p.version = 3))), /profile version 3/);
  assert.match(sameError(write("empty.json", "")), /is not valid JSON/);
  assert.match(sameError(join(dir, "missing.json")), /profile not found/);
  mkdirSync(join(dir, "adir.json"));
  assert.match(sameError(join(dir, "adir.json")), /is a directory/);
});

test("a column named twice keeps its first place and its last value, as JSON.parse does; other layouts read the same", () => {
  const p = JSON.parse(text) as Record<string, unknown> & { columns: Record<string, unknown> };
  const head = text.slice(0, text.indexOf('"columns":{') + '"columns":{'.length);
  const entry = (name: string, value: unknown) => `${JSON.stringify(name)}:${JSON.stringify(value)}`;
  const x = p.columns["x"];
  const c = p.columns["constructor"];
  // Both values valid: streamed, the second wins in the first's place.
  const twice = write("twice.json", `${head}${entry("x", x)},${entry("constructor", c)},${entry("x", c)}}}\n`);
  assertSameAsWhole(twice, true);
  assert.equal(readProfileColumns(twice, keep).columns.get("x")!.type, "integer");
  // The first value invalid: JSON.parse never sees it, so neither reader refuses the file.
  const shadowed = write("shadowed.json", `${head}${entry("x", { kind: "bogus" })},${entry("x", x)}}}\n`);
  assertSameAsWhole(shadowed, false);
  // `columns` before the fields, or a field given twice: read whole, the same.
  const { columns, ...fields } = p;
  assertSameAsWhole(write("first.json", JSON.stringify({ columns, ...fields })), false);
  const rowsTwice = text.replace('"rows":40,', '"rows":41,"rows":40,');
  assert.notEqual(rowsTwice, text);
  assertSameAsWhole(write("rows-twice.json", rowsTwice), false);
});

test("promote checks a profile column by column: a bad one is refused naming its column, a good one published", async () => {
  const model = new URL("../../fixtures/models/breast_cancer_columns.onnx", import.meta.url).pathname;
  const registry = join(dir, "registry");
  const bad = edited("promote-bad.json", (p) => (p.columns["note"]!["invalid"] = 1));
  const refused = await runCli("promote", "--name", "m", "--model", model, "--profile", bad, "--registry", registry);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /promote-bad\.json is not a valid profile: columns\.note\.count: count/);
  const ok = await runCli("promote", "--name", "m", "--model", model, "--profile", profile, "--registry", registry);
  assert.equal(ok.code, 0, ok.stderr);
});

test("edited profiles: both readers agree on every byte-level edit, an error or the same columns (property)", () => {
  const small = JSON.parse(text) as Record<string, unknown> & { columns: Record<string, unknown> };
  // Three columns keep each file small, so many edits run in a second or two.
  const kept = Object.create(null) as Record<string, unknown>;
  for (const name of ["2", "__proto__", "x"]) kept[name] = small.columns[name];
  const base = JSON.stringify({ ...small, columns: kept });
  const file = join(dir, "fuzz.json");
  fc.assert(
    fc.property(
      fc.nat(base.length - 1),
      fc.constantFrom("delete", "replace", "insert"),
      fc.constantFrom(...'{}[]",:0123456789-.eE \\ntruefalsenul'.split("")),
      (at, how, ch) => {
        const changed =
          how === "delete"
            ? base.slice(0, at) + base.slice(at + 1)
            : base.slice(0, at) + ch + base.slice(how === "replace" ? at + 1 : at);
        writeFileSync(file, changed);
        let whole: ReturnType<typeof readProfile> | null = null;
        try {
          whole = readProfile(file);
        } catch {
          sameError(file);
        }
        if (whole !== null) {
          const read = readProfileColumns(file, keep);
          assert.deepEqual([...read.columns.keys()], Object.keys(whole.columns));
          for (const name of Object.keys(whole.columns)) assert.deepEqual(read.columns.get(name), whole.columns[name]);
        }
      },
    ),
    { numRuns: 400, seed: 7 },
  );
});
