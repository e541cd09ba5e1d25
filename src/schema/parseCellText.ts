import { parseDatetime } from "../data/parseDatetime.js";
import { parseNumber } from "../data/parseNumber.js";

/** Types whose cells are stored as numbers in a Table. */
export type NumericCellType = "integer" | "number" | "boolean" | "datetime";

/**
 * Parses a cell's text as a numeric column type exactly as loadTable does for a forced type, so that a column
 * compared "by text" (loaded without forced types) gets the same verdict as one loaded with them. Spaces and tabs
 * around the text are ignored.
 * - number: the loader's decimal grammar (`1.5`, `.5`, `-2e-3`, `inf`, `nan`; see data/parseNumber.ts);
 * - integer: a number whose value is a safe integer (`12`, `2.0`, `1e3`; not `1.5`, `nan` or 2^53 and beyond);
 * - boolean: `true` / `false` in any case, or `1` / `0`;
 * - datetime: ISO 8601 date or date-time, UTC unless an offset is given (see data/parseDatetime.ts), epoch ms.
 * Returns undefined when the text does not parse.
 *
 * parseCellText("2024-01-31", "datetime") === Date.UTC(2024, 0, 31); parseCellText("2.0", "integer") === 2
 */
export function parseCellText(text: string, type: NumericCellType): number | undefined {
  const t = text.replace(/^[ \t]+|[ \t]+$/g, "");
  switch (type) {
    case "number":
      return parseNumber(t) ?? undefined;
    case "integer": {
      const v = parseNumber(t);
      return v !== null && Number.isSafeInteger(v) ? v : undefined;
    }
    case "boolean": {
      const l = t.toLowerCase();
      return l === "true" || l === "1" ? 1 : l === "false" || l === "0" ? 0 : undefined;
    }
    case "datetime":
      return parseDatetime(t) ?? undefined;
  }
}
