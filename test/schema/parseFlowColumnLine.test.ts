import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseDocument } from "yaml";
import { findDuplicateKeys } from "../../src/schema/findDuplicateKeys.js";
import { parseFlowColumnLine } from "../../src/schema/parseFlowColumnLine.js";

/** What the yaml path (parseOneLineColumns' pieces) makes of one column line: its name and value, or null. */
function viaYaml(line: string): { name: string; value: unknown } | null {
  const doc = parseDocument(`columns:\n${line}`, { uniqueKeys: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0 || findDuplicateKeys(doc, 1).length > 0) return null;
  const value = doc.toJS({ maxAliasCount: 1000 }) as { columns?: Record<string, unknown> } | null;
  const columns = value?.columns;
  if (typeof columns !== "object" || columns === null) return null;
  const names = Object.keys(columns);
  if (names.length !== 1) return null;
  return { name: names[0]!, value: columns[names[0]!] };
}

/** The recogniser's answer in the same form, its value placed as the yaml path places it (an own property). */
function viaRecogniser(line: string): { name: string; value: unknown } | null {
  const got = parseFlowColumnLine(line);
  return got === null ? null : { name: got.name, value: got.value };
}

const TRICKY = [
  "1e3",
  "1E-3",
  "+1",
  "-1",
  "-0",
  ".5",
  "+.5",
  "5.",
  "1.50",
  "0x1F",
  "0x1f",
  "0X1F",
  "0o7",
  "0o8",
  "07",
  "1_000",
  "-.inf",
  "+.inf",
  ".Inf",
  ".INF",
  ".nan",
  ".NaN",
  ".NAN",
  "-.nan",
  "Null",
  "null",
  "NULL",
  "nULL",
  "~",
  "~x",
  "TRUE",
  "True",
  "true",
  "tRUE",
  "False",
  "FALSE",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "12345678901234567890123",
  "1e400",
  "number",
  "integer",
  "category",
  "a b",
  "a  b",
  "x-y",
  "-x",
  "$id",
  "(a)",
  "a/b",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "élan",
  "名前",
  "𝒳",
];
const NASTY = [
  "#",
  " #",
  ":",
  ": ",
  ",",
  "[",
  "]",
  "{",
  "}",
  "&",
  "*",
  "!",
  "|",
  ">",
  "%",
  "@",
  "`",
  "?",
  "<<",
  "-",
  "- ",
  "\t",
  "\\",
  "'",
  '"',
  "\r",
  "\u2028",
  "\u0085",
  "\ufeff",
  "\u00a0",
  "\x7f",
  "\0",
];

const plainText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[A-Za-z0-9_.][A-Za-z0-9_. -]{0,8}[A-Za-z0-9_.]$/),
  fc.double({ noDefaultInfinity: false }).map((n) => String(n)),
  fc.integer().map(String),
);
const anyText = fc.oneof(
  plainText,
  fc.string({ maxLength: 6 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY), plainText), { minLength: 1, maxLength: 4 }).map((p) => p.join("")),
);
const dq = (t: string) => JSON.stringify(t);
const sq = (t: string) => `'${t.replace(/'/g, "''")}'`;
/** Double-quoted with YAML's own escapes mixed in. */
const yamlEscaped = fc
  .array(
    fc.oneof(
      plainText,
      fc.constantFrom(
        "\\0",
        "\\a",
        "\\e",
        "\\N",
        "\\_",
        "\\L",
        "\\P",
        "\\ ",
        "\\/",
        "\\x41",
        "\\u00e9",
        "\\U0001F600",
        "'",
      ),
    ),
    {
      maxLength: 4,
    },
  )
  .map((parts) => `"${parts.join("")}"`);

/** A scalar as written: plain, or quoted in one of the ways people (and `schema infer`) quote. */
const simpleScalar = fc.oneof(plainText, plainText.map(dq), plainText.map(sq), yamlEscaped);
const anyScalar = fc.oneof(simpleScalar, anyText, anyText.map(dq), anyText.map(sq), fc.constant(""));

const pad = fc.constantFrom("", " ", "  ");

function flowArbs(scalar: fc.Arbitrary<string>, key: fc.Arbitrary<string>) {
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small", maxDepth: 4, withCrossShrink: true }, scalar, tie("seq"), tie("map")),
    seq: fc
      .tuple(fc.array(tie("value"), { maxLength: 4 }), pad, pad)
      .map(([items, a, b]) => `[${a}${(items as string[]).join(", ")}${b}]`),
    map: fc
      .tuple(fc.array(fc.tuple(key, fc.oneof(tie("value"), fc.constant(""))), { maxLength: 4 }), pad, pad)
      .map(
        ([entries, a, b]) => `{${a}${(entries as [string, string][]).map(([k, v]) => `${k}: ${v}`).join(", ")}${b}}`,
      ),
  }));
}

/** A key that reads as null is the yaml path's: its property name ('') differs from what its duplicate check compares. */
const simpleKey = simpleScalar.filter((t) => !/^(?:~|[Nn]ull|NULL)$/.test(t));
const simple = flowArbs(simpleScalar, simpleKey);
const loose = flowArbs(anyScalar, anyScalar);
const comment = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 10 }).map((t) => `  # ${t}`),
  fc.constant(" #"),
  fc.constant("#x"),
);

test("a recognised column line has exactly the value the yaml package gives it (fast-check, generated lines)", () => {
  let recognised = 0;
  fc.assert(
    fc.property(
      fc.tuple(fc.oneof(simpleScalar, anyScalar), fc.oneof(simple.map, loose.map), comment, fc.constantFrom("", " ")),
      ([name, map, tail, gap]) => {
        const line = `  ${name}:${gap === "" ? " " : "  "}${map}${tail}`;
        const got = viaRecogniser(line);
        if (got === null) return;
        recognised++;
        assert.deepStrictEqual(got, viaYaml(line), line);
      },
    ),
    { numRuns: 4000 },
  );
  assert.ok(recognised > 1000, `only ${recognised} of 4,000 lines recognised`);
});

test("lines of the simple shape (what schema infer writes, and quoted, nested and commented) are all recognised", () => {
  fc.assert(
    fc.property(
      fc.tuple(simpleKey, simple.map, fc.constantFrom("", "  # observed 0.0% missing, 6 rows")),
      ([name, map, tail]) => {
        const line = `  ${name}: ${map}${tail}`;
        const yaml = viaYaml(line);
        // A key written twice is the yaml path's to report.
        fc.pre(yaml !== null);
        assert.deepStrictEqual(viaRecogniser(line), yaml, line);
      },
    ),
    { numRuns: 3000 },
  );
});

test("the tricky scalars, one by one, as values, keys and names", () => {
  for (const t of [...TRICKY, ...TRICKY.map(dq), ...TRICKY.map(sq)]) {
    for (const line of [
      `  c: { v: ${t} }`,
      `  c: { ${t}: 1 }`,
      `  ${t}: { type: number }`,
      `  c: { v: [${t}, ${t}x] }`,
    ]) {
      const got = viaRecogniser(line);
      if (got !== null) assert.deepStrictEqual(got, viaYaml(line), line);
    }
    assert.ok(viaRecogniser(`  c: { v: ${t} }`) !== null, t);
  }
  // Empty values, comments, the prototype's names as own properties.
  for (const line of [
    "  c: { a: , b: 1 }",
    "  c: { a: }",
    "  c: {}",
    "  c: { }",
    "  c: { a: [] }",
    "  c: { type: number } # a comment",
    "  __proto__: { __proto__: { min: 1 }, constructor: 2 }",
    '  "esc\\"aped": { v: "esc\\"aped", w: \'it\'\'s\' }',
    "  c: { quantiles: { 0.05: { min: 1 }, 0.5: { max: 2 }, 1e-1: {} } }",
  ]) {
    const got = viaRecogniser(line);
    assert.ok(got !== null, line);
    assert.deepStrictEqual(got, viaYaml(line), line);
  }
  const proto = parseFlowColumnLine("  __proto__: { __proto__: { min: 1 } }")!;
  assert.equal(proto.name, "__proto__");
  assert.ok(Object.hasOwn(proto.value, "__proto__"));
  assert.equal(Object.getPrototypeOf(proto.value), Object.prototype);
});

test("lines outside the simple shape are left to the yaml path (null), errors and all", () => {
  for (const line of [
    "  c: { a: 1, a: 2 }", // a key written twice: the yaml path reports it with its line
    "  c: { a: 1 }#x", // not a comment
    "  c: { a: 1 } x",
    "  c: { a: 1",
    "  c: { a: &x 1, b: *x }",
    "  c: { a: !!str 1 }",
    "  c: { a:1 }",
    "  c : { a: 1 }",
    "  c: { a: 1, }",
    "  c: [ a ]",
    "  c: number",
    "  c:",
    "   c: { a: 1 }",
    "  c: {\ta: 1 }",
    "  c: { a: '\t' }",
    "  null: { a: 1 }",
    "  ~: { a: 1 }",
    "  c: { ~: 1 }",
    '  c: { a: "\\q" }',
    '  c: { a: "\\u12" }',
    "  c: { a: 1 }\r",
    `  ${"k".repeat(1100)}: { a: 1 }`,
    `  c: ${"{ a: ".repeat(12)}1${" }".repeat(12)}`,
  ]) {
    assert.equal(parseFlowColumnLine(line), null, line);
  }
});
