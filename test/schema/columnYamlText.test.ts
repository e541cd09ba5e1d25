import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Document, Pair, YAMLMap, type Scalar } from "yaml";
import { columnYamlText, type ColumnFields } from "../../src/schema/columnYamlText.js";

/** The column the way inferSchema writes it through the yaml library: a document of `columns:` and the one pair. */
function throughYaml(name: string, fields: ColumnFields, comment: string): string {
  const doc = new Document({});
  const columns = new YAMLMap();
  const key = doc.createNode(name) as Scalar;
  key.commentBefore = ` ${comment}`;
  columns.items.push(new Pair(key, doc.createNode(fields, { flow: true })));
  (doc.contents as YAMLMap).items.push(new Pair(doc.createNode("columns"), columns));
  const text = doc.toString({ lineWidth: 100 });
  assert.ok(text.startsWith("columns:\n"));
  return text.slice("columns:\n".length);
}

const numberArb = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(-0, 0, 1, 0.1, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity),
);
const wildFieldsArb: fc.Arbitrary<ColumnFields> = fc
  .record(
    {
      type: fc.constantFrom("number", "integer", "boolean", "datetime", "string", "category", "Number", "a b"),
      nullable: fc.boolean(),
      min: fc.oneof(numberArb, fc.constantFrom("2020-01-01", "2020-01-01T10:00:00.000Z")),
      max: numberArb,
      allowed: fc.oneof(fc.array(fc.integer(), { maxLength: 3 }), fc.array(fc.string(), { maxLength: 3 })),
      unique: fc.constant(true),
      mostly: numberArb,
    },
    { requiredKeys: ["type"] },
  )
  .map((r) => r as ColumnFields);
/** What inferSchema lists for most columns: a type, then some of nullable, min, max, unique, mostly, in that order. */
const commonFieldsArb: fc.Arbitrary<ColumnFields> = fc
  .record(
    {
      type: fc.constantFrom("number", "integer", "boolean", "datetime", "string", "category"),
      nullable: fc.constant(true),
      min: numberArb,
      max: numberArb,
      unique: fc.constant(true),
      mostly: fc.double({ min: 0.8, max: 1, noNaN: true }),
    },
    { requiredKeys: ["type"] },
  )
  .map((r) => r as ColumnFields);
const fieldsArb = fc.oneof({ arbitrary: commonFieldsArb, weight: 4 }, { arbitrary: wildFieldsArb, weight: 1 });
const nameArb = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,70}$/), weight: 4 },
  fc.constantFrom("true", "True", "FALSE", "null", "Null", "yes", "No", "on", "y", "n", "e1", "_1", "NaN", "inf"),
  fc.constantFrom("1", "-x", ".inf", "a b", "a: b", "x#", "é", "#c", "", "a\u2028b", "~", "0x1F", "x".repeat(70)),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);
const lineArb = fc.oneof(
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), weight: 4 },
  fc.constantFrom("observed 0.0% missing, 6 rows, min 0.0012, max 0.9951, 6 distinct", " ", "", "a\rb", "#", "x\u2029"),
);
const commentArb = fc.oneof(
  { arbitrary: lineArb, weight: 3 },
  fc.tuple(lineArb, lineArb).map(([a, b]) => `${a}\n ${b}`),
  fc.tuple(lineArb, lineArb).map(([a, b]) => `${a}\n${b}`),
);

test("a column as text is the yaml library's text for it, wherever it gives one", () => {
  let texts = 0;
  fc.assert(
    fc.property(nameArb, fieldsArb, commentArb, (name, fields, comment) => {
      const text = columnYamlText(name, fields, comment);
      if (text === undefined) return;
      texts++;
      assert.equal(text, throughYaml(name, fields, comment));
    }),
    { numRuns: 3000 },
  );
  // The property says something only if the text path is taken often.
  assert.ok(texts > 150, `${texts} of 3,000 columns as text`);
});

test("the common column shapes are made as text: plain names, numbers and types on a line short of the width", () => {
  const comment = "observed 0.0% missing, 6 rows, min 0.0012, max 0.9951, 6 distinct\n most common x";
  const cases: [string, ColumnFields][] = [
    ["c0", { type: "number", min: -2.98, max: 3.99 }],
    ["customer_id", { type: "integer", unique: true }],
    ["income.usd", { type: "number", nullable: true, min: 0, max: 1.23e21, mostly: 0.9876 }],
    ["flag-1", { type: "boolean" }],
    ["x", { type: "number", min: -0, max: 5e-324 }],
  ];
  for (const [name, fields] of cases) {
    const text = columnYamlText(name, fields, comment);
    assert.equal(text, throughYaml(name, fields, comment), name);
  }
  assert.equal(
    columnYamlText("c0", { type: "number", min: -2.98, max: 3.99 }, "observed 0.0% missing"),
    "  # observed 0.0% missing\n  c0: { type: number, min: -2.98, max: 3.99 }\n",
  );
  // And what is left to yaml: names it quotes, lists, text bounds, breaks in comments, long lines.
  for (const [name, fields, c] of [
    ["true", { type: "number" }, comment],
    ["a b", { type: "number" }, comment],
    ["c", { type: "integer", allowed: [1, 2] }, comment],
    ["d", { type: "datetime", min: "2020-01-01" }, comment],
    ["e", { type: "number" }, "a\rb"],
    ["f", { type: "number" }, "a\n"],
    ["g", { type: "number", min: NaN }, comment],
    [
      "h",
      { type: "number", nullable: true, min: -1.234567890123456e-300, max: 1.234567890123456e300, mostly: 0.99 },
      comment,
    ],
  ] as [string, ColumnFields, string][]) {
    assert.equal(columnYamlText(name, fields, c), undefined, name);
  }
});
