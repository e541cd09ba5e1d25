import type { Tensor } from "onnxruntime-node";
import { formatLocation, ModelguardError } from "../../errors.js";
import { cellText, getColumn, type Column, type NumericColumn, type Table } from "../../data/table.js";
import type { ColumnBinding, InputBinding, MatrixBinding } from "./bindInputs.js";

/**
 * Makes the tensor of one model input for rows [start, start + count), padded to `rows` rows (rows >= count >= 1) by
 * repeating the last row: padding rows look like data to the model, and their outputs are dropped.
 */
export interface BatchFeeder {
  readonly input: string;
  tensor(start: number, count: number, rows: number): Tensor;
}

/** onnxruntime's Tensor class, passed in: the runtime is loaded only when a model is (see loadOnnxRuntime). */
type TensorClass = typeof Tensor;

/** Rows per block when filling a feature matrix: the block of the output (rows x F values) stays in L2 cache. */
const BLOCK_ROWS = 2048;

/**
 * One feeder per input binding, each owning one reusable buffer of `batchRows` rows (filled in place for every
 * batch, so a run allocates no per-row objects). Checks the columns first:
 *
 * - float/double inputs take integer, number and boolean (0/1) columns; a missing cell becomes NaN. A cell that did
 *   not parse as a number, a text column or a datetime column is an "input" error naming file, row, column and value.
 * - int64 inputs need integer values in every row (missing or fractional values are "input" errors).
 * - string inputs take any column as text (numbers as the shortest round-trip decimal); missing cells become "".
 *
 * The feature matrix is row-major [rows, F], filled column by column in blocks of rows (see fillRowMajor).
 */
export function createBatchFeeders(
  bindings: readonly InputBinding[],
  table: Table,
  batchRows: number,
  Tensor: TensorClass,
): BatchFeeder[] {
  return bindings.map((b) =>
    b.kind === "matrix" ? matrixFeeder(b, table, batchRows, Tensor) : columnFeeder(b, table, batchRows, Tensor),
  );
}

function matrixFeeder(binding: MatrixBinding, table: Table, batchRows: number, Tensor: TensorClass): BatchFeeder {
  const columns = binding.features.map((f) => numericValues(table, f, binding.input, binding.source));
  const width = columns.length;
  const buf = binding.type === "float32" ? new Float32Array(batchRows * width) : new Float64Array(batchRows * width);
  return {
    input: binding.input,
    tensor(start, count, rows) {
      const view = rows * width === buf.length ? buf : buf.subarray(0, rows * width);
      fillRowMajor(columns, start, count, view);
      for (let r = count; r < rows; r++) view.copyWithin(r * width, (count - 1) * width, count * width);
      return new Tensor(binding.type, view, [rows, width]);
    },
  };
}

/**
 * Writes rows [start, start + count) of `columns` row-major into out[0 .. count * F): out[i * F + j] = columns[j][start + i].
 * Column by column (four at a time) over blocks of BLOCK_ROWS rows, so reads are sequential per column and the
 * block being written stays in cache: about 1.3 ns per value, 3x faster than one strided pass per column.
 * Example: fillRowMajor([Float64Array.of(1, 2), Float64Array.of(3, 4)], 0, 2, out) -> out = [1, 3, 2, 4]
 */
export function fillRowMajor(
  columns: readonly Float64Array[],
  start: number,
  count: number,
  out: Float32Array | Float64Array,
): void {
  const width = columns.length;
  for (let block = 0; block < count; block += BLOCK_ROWS) {
    const end = Math.min(count, block + BLOCK_ROWS);
    let j = 0;
    for (; j + 4 <= width; j += 4) {
      const a = columns[j]!;
      const b = columns[j + 1]!;
      const c = columns[j + 2]!;
      const d = columns[j + 3]!;
      for (let i = block, o = block * width + j; i < end; i++, o += width) {
        const r = start + i;
        out[o] = a[r]!;
        out[o + 1] = b[r]!;
        out[o + 2] = c[r]!;
        out[o + 3] = d[r]!;
      }
    }
    for (; j < width; j++) {
      const col = columns[j]!;
      for (let i = block, o = block * width + j; i < end; i++, o += width) out[o] = col[start + i]!;
    }
  }
}

function columnFeeder(binding: ColumnBinding, table: Table, batchRows: number, Tensor: TensorClass): BatchFeeder {
  const dims = (rows: number) => (binding.flat ? [rows] : [rows, 1]);
  const { input, type } = binding;
  if (type === "string") {
    const texts = columnTexts(table, binding.column);
    return {
      input,
      tensor(start, count, rows) {
        const batch = new Array<string>(rows);
        for (let i = 0; i < count; i++) batch[i] = texts(start + i);
        batch.fill(batch[count - 1]!, count);
        return new Tensor("string", batch, dims(rows));
      },
    };
  }
  const values = numericValues(table, binding.column, input, undefined);
  if (type === "int64") {
    checkIntegers(table, binding.column, values, input);
    const buf = new BigInt64Array(batchRows);
    return {
      input,
      tensor(start, count, rows) {
        const view = rows === batchRows ? buf : buf.subarray(0, rows);
        for (let i = 0; i < count; i++) view[i] = BigInt(values[start + i]!);
        view.fill(view[count - 1]!, count);
        return new Tensor("int64", view, dims(rows));
      },
    };
  }
  const buf = type === "float32" ? new Float32Array(batchRows) : new Float64Array(batchRows);
  return {
    input,
    tensor(start, count, rows) {
      const view = rows === batchRows ? buf : buf.subarray(0, rows);
      view.set(values.subarray(start, start + count));
      view.fill(view[count - 1]!, count);
      return new Tensor(type, view, dims(rows));
    },
  };
}

/** The column's values as numbers (missing = NaN), or an "input" error at the first cell that is not a number. */
function numericValues(table: Table, name: string, input: string, source: string | undefined): Float64Array {
  const column = getColumn(table, name);
  if (!column)
    throw new ModelguardError("input", `${table.source}: column '${name}' not found`, "check the column names", {
      file: table.source,
      column: name,
    });
  const why = `the model's input '${input}' takes numbers`;
  const hint =
    source === "file order"
      ? "every non-target column was fed to the model; pass --features with the model's feature columns " +
        "(or store feature_names in the model's metadata), or encode this column as numbers"
      : "fix or remove the value, or encode the column as numbers before evaluating";
  if (column.kind === "numeric") {
    if (column.type === "datetime")
      throw new ModelguardError(
        "input",
        `${formatLocation({ file: table.source, column: name })}: holds dates, but ${why}`,
        "convert the dates to a number (e.g. days since an epoch) the way the model was trained",
        { file: table.source, column: name },
      );
    if (column.invalid.size > 0) {
      let row = Infinity;
      for (const r of column.invalid.keys()) if (r < row) row = r;
      throw nonNumeric(table, column, row, column.invalid.get(row)!, why, hint);
    }
    return column.values;
  }
  for (let row = 0; row < table.rowCount; row++) {
    const text = cellText(column, row);
    if (text !== null && !Number.isFinite(Number(text.trim() === "" ? "x" : text)))
      throw nonNumeric(table, column, row, text, why, hint);
  }
  throw new ModelguardError(
    "input",
    `${formatLocation({ file: table.source, column: name })}: is a ${column.type} column, but ${why}`,
    hint,
    { file: table.source, column: name },
  );
}

function nonNumeric(table: Table, column: Column, row: number, text: string, why: string, hint: string) {
  const loc = { file: table.source, row, column: column.name };
  return new ModelguardError("input", `${formatLocation(loc)}: '${text}' is not a number, but ${why}`, hint, loc);
}

function checkIntegers(table: Table, name: string, values: Float64Array, input: string): void {
  const column = getColumn(table, name) as NumericColumn;
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (Number.isSafeInteger(v)) continue;
    const loc = { file: table.source, row, column: name };
    const what = column.valid[row] === 0 ? "is missing" : `holds ${v}, not an integer`;
    throw new ModelguardError(
      "input",
      `${formatLocation(loc)}: ${what}, but the model's input '${input}' is int64`,
      "int64 inputs cannot take missing or fractional values: fill or drop those rows",
      loc,
    );
  }
}

/** Row -> text of a column for a string input; missing cells are "". */
function columnTexts(table: Table, name: string): (row: number) => string {
  const column = getColumn(table, name)!;
  if (column.kind === "dictionary") {
    const { codes, dictionary } = column;
    return (row) => {
      const code = codes[row]!;
      return code < 0 ? "" : dictionary[code]!;
    };
  }
  return (row) => cellText(column, row) ?? "";
}
