import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/data/table.ts
var COLUMN_TYPES = ["integer", "number", "boolean", "datetime", "category", "string"];
var NO_INVALID_CELLS = /* @__PURE__ */ new Map();
var columnsByName = /* @__PURE__ */ new WeakMap();
function getColumn(table, name) {
  const columns = table.columns;
  let index = columnsByName.get(columns);
  if (index === void 0 || index.length !== columns.length) {
    const byName = /* @__PURE__ */ new Map();
    for (const c of columns) if (!byName.has(c.name)) byName.set(c.name, c);
    index = { length: columns.length, byName };
    columnsByName.set(columns, index);
  }
  return index.byName.get(name);
}
function isMissing(column, row) {
  return column.kind === "numeric" ? column.valid[row] === 0 : column.codes[row] === -1;
}
function cellText(column, row) {
  if (column.kind === "dictionary") {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  const raw = column.invalid.get(row);
  if (raw !== void 0) return raw;
  if (column.valid[row] === 0) return null;
  const v = column.values[row];
  if (column.type === "boolean") return v === 1 ? "true" : "false";
  if (column.type === "datetime") return new Date(v).toISOString();
  return String(v);
}

export {
  COLUMN_TYPES,
  NO_INVALID_CELLS,
  getColumn,
  isMissing,
  cellText
};
