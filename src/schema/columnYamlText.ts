/** What `schema infer` lists for a column, in order (datetime bounds as ISO text). Data names are never its keys. */
export type ColumnFields = Record<string, string | number | boolean | string[] | number[]>;

/**
 * One column of an inferred schema's `columns:` map as the `yaml` library writes it (lineWidth 100), made as text:
 *
 *   columnYamlText("age", { type: "integer", min: 0, max: 150 }, "observed 0.0% missing") ===
 *     "  # observed 0.0% missing\n  age: { type: integer, min: 0, max: 150 }\n"
 *
 * only for the common shape, where the library's output is plain: a name of letters, digits, `_`, `.` and `-` that
 * reads as a string, checks that are type words, `true` and finite numbers on a line short of the width, and a
 * comment of ordinary lines. Any other column gives undefined and goes through a yaml Document, which was most of
 * the time and of the 1.8 GB allocated by `schema infer` of 100,000 columns. test/schema/columnYamlText.test.ts
 * checks that the two agree.
 */
export function columnYamlText(name: string, fields: ColumnFields, comment: string): string | undefined {
  if (!PLAIN_NAME.test(name) || RESERVED.has(name.toLowerCase())) return undefined;
  if (!ORDINARY_COMMENT.test(comment)) return undefined;
  let items = "";
  let length = 2;
  for (const key in fields) {
    const value = fields[key];
    let text: string;
    if (typeof value === "boolean") text = value ? "true" : "false";
    else if (typeof value === "number") {
      if (!Number.isFinite(value)) return undefined;
      text = Object.is(value, -0) ? "-0" : JSON.stringify(value);
    } else if (key === "type" && typeof value === "string" && TYPE_WORD.test(value)) text = value;
    else return undefined;
    const item = `${key}: ${text}`;
    items += items === "" ? item : `, ${item}`;
    // The library's measure of a flow collection: each item with its comma, plus 2 a line, plus 2.
    length += item.length + 3;
  }
  if (items === "" || length - 1 > MAX_FLOW_LENGTH) return undefined;
  return `  # ${comment.replaceAll("\n", "\n  #")}\n  ${name}: { ${items} }\n`;
}

/** The library breaks a flow collection over lines past lineWidth (100); a margin below it. */
const MAX_FLOW_LENGTH = 90;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
/** Names the library would quote, as they read as booleans or null (1.1's words too, to be safe). */
const RESERVED = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);
const TYPE_WORD = /^[a-z]+$/;
/**
 * A first line, and further lines that start with a space (`\n most common...`): no blank or one-space line, which
 * the library writes as `#`, and no other line break, before which it would start a comment too.
 */
const ORDINARY_COMMENT = /^[^\n\r\u2028\u2029\u0085]+(?:\n [^\n\r\u2028\u2029\u0085]+)*$/;
