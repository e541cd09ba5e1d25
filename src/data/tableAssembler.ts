import { PARSE_INTEGER, PARSE_NONE, PARSE_NUMBER, type BuildMode, type CellBatch } from "./cellBatch.js";
import { DictionaryColumnBuilder } from "./dictionaryColumnBuilder.js";
import { ColumnTypeInferences } from "./columnTypeInferences.js";
import { INFERENCE_ROWS } from "./loadOptions.js";
import type { NaMatcher } from "./naMatcher.js";
import { NumericBuildContext, NumericColumnBuilder } from "./numericColumnBuilder.js";
import { newUint8Array } from "./smallTypedArray.js";
import type { Column, ColumnType } from "./table.js";

export type ColumnBuilder = NumericColumnBuilder | DictionaryColumnBuilder;

/** One output column: its name, where its cells are in a batch, and its type (null: not known yet). */
export interface ColumnPlan {
  name: string;
  /** Column index within the reader's batches. */
  source: number;
  type: ColumnType | null;
  forced: boolean;
}

/**
 * A builder for one planned column. A type still unknown (null) collects text and, in mode "infer", infers the type
 * from the distinct values at the end; in mode "fixed" it stays "string".
 */
function createBuilder(
  plan: ColumnPlan,
  mode: BuildMode,
  na: NaMatcher,
  capacity: number,
  contexts: Map<BuildMode, NumericBuildContext>,
): ColumnBuilder {
  const m: BuildMode = plan.forced ? "forced" : mode;
  if (plan.type === null) return new DictionaryColumnBuilder(plan.name, "string", m, na, capacity, m === "infer");
  if (plan.type === "category" || plan.type === "string")
    return new DictionaryColumnBuilder(plan.name, plan.type, m, na, capacity);
  let context = contexts.get(m);
  if (context === undefined) contexts.set(m, (context = new NumericBuildContext(m, na)));
  return new NumericColumnBuilder(context, plan.type, capacity);
}

/** Decodes batches into one builder per planned column. */
export class TableAssembler {
  rows = 0;
  readonly plans: ColumnPlan[];
  readonly builders: ColumnBuilder[];
  /** The numeric builders' shared part, one per mode. */
  private readonly contexts = new Map<BuildMode, NumericBuildContext>();

  /**
   * @param capacity rows each builder starts with: an estimate of the rows to come, never more (builders grow).
   * @param maxRows rows the caller will add at most (a scan chunk): growth stops there.
   */
  constructor(
    plans: readonly ColumnPlan[],
    private readonly mode: BuildMode,
    private readonly na: NaMatcher,
    private readonly capacity: number,
    private readonly maxRows = Infinity,
  ) {
    this.plans = [...plans];
    this.builders = plans.map((p) => createBuilder(p, mode, na, capacity, this.contexts));
  }

  /** A column that first appears after `rows` rows (JSONL): the rows before it are missing. */
  addPlan(plan: ColumnPlan): void {
    const builder = createBuilder(plan, this.mode, this.na, Math.min(this.capacity, this.rows), this.contexts);
    builder.fillMissing(0, this.rows);
    this.plans.push(plan);
    this.builders.push(builder);
  }

  add(batch: CellBatch): void {
    const total = this.rows + batch.rows;
    for (let k = 0; k < this.builders.length; k++) {
      const b = this.builders[k]!;
      b.ensureCapacity(total, this.maxRows);
      b.decode(batch, this.plans[k]!.source, this.rows);
    }
    this.rows = total;
  }

  /** What a reader should pre-parse per source column, from the builders' current types. */
  updateParseKinds(kinds: Uint8Array): void {
    this.builders.forEach((b, k) => {
      const source = this.plans[k]!.source;
      kinds[source] =
        b instanceof NumericColumnBuilder && !b.demoted
          ? b.type === "number"
            ? PARSE_NUMBER
            : b.type === "integer"
              ? PARSE_INTEGER
              : PARSE_NONE
          : PARSE_NONE;
    });
  }

  /**
   * Columns in plan order; null where the column must be re-read as text (mode "infer"). Once: the builders are
   * dropped, since a scan generator suspended at its yield still holds the assembler, and a wide chunk's builders
   * (an object and two array views per column) cost more than its columns. Each is let go as its column is made (from
   * the last), so that a wide chunk never holds every builder and every column at once.
   */
  finish(): (Column | null)[] {
    const columns = new Array<Column | null>(this.builders.length);
    const allValid = newUint8Array(this.rows).fill(1);
    for (let k = this.builders.length - 1; k >= 0; k--) {
      const b = this.builders.pop()!;
      if (b instanceof NumericColumnBuilder)
        columns[k] =
          b.mode === "infer" && b.needsTextReread ? null : b.finish(this.plans[k]!.name, this.rows, allValid);
      else columns[k] = b.finish(this.rows);
    }
    return columns;
  }
}

/**
 * Accumulates the inference sample of the planned columns that have no forced type (one ColumnTypeInferences). A
 * column's distinct values are kept only where the type rule needs them (see ColumnTypeInferences): when `rereads`
 * is not empty, the caller feeds the same sample rows again to `addDistinct`.
 */
export class SampleInference {
  rows = 0;
  private readonly inferences: ColumnTypeInferences;

  /** @param plans the plans, which `typedPlans` gives back with their types set (they are the caller's no more). */
  constructor(
    readonly plans: ColumnPlan[],
    na: NaMatcher,
  ) {
    this.inferences = new ColumnTypeInferences(na, true);
    for (let k = 0; k < plans.length; k++) if (!plans[k]!.forced) this.inferences.open(k);
  }

  add(batch: CellBatch): void {
    const { bytes, starts, ends, stride, rows } = batch;
    for (let k = 0; k < this.plans.length; k++)
      if (this.inferences.isOpen(k))
        this.inferences.addCells(k, bytes, starts, ends, this.plans[k]!.source, stride, rows);
    this.rows += rows;
  }

  /** Plans (by index) whose columns need the sample read again, into `addDistinct`. */
  get rereads(): number[] {
    return this.inferences.rereads;
  }

  /** The sample's rows again, for the plans `ks` of `rereads`. */
  addDistinct(batch: CellBatch, ks: readonly number[]): void {
    const { bytes, starts, ends, stride, rows } = batch;
    for (const k of ks) this.inferences.addDistinctCells(k, bytes, starts, ends, this.plans[k]!.source, stride, rows);
  }

  /** Plans (by index) whose columns had no value in the sample so far. */
  get valueless(): number[] {
    const ks: number[] = [];
    for (let k = 0; k < this.plans.length; k++)
      if (this.inferences.isOpen(k) && this.inferences.nonMissing(k) === 0) ks.push(k);
    return ks;
  }

  /**
   * scanTable fixes each type before the first chunk, so a column without a value in the sample reads on: `add`
   * beyond the sample for just the plans `ks`, until each has INFERENCE_ROWS values. False once all have them.
   */
  extend(batch: CellBatch, ks: readonly number[]): boolean {
    const { bytes, starts, ends, stride, rows } = batch;
    let open = false;
    for (const k of ks) {
      // no value so far, so nothing of it is lost by keeping its distinct values from here (no second read sees these)
      if (this.inferences.nonMissing(k) === 0) this.inferences.track(k);
      this.inferences.addCells(k, bytes, starts, ends, this.plans[k]!.source, stride, rows);
      if (this.inferences.nonMissing(k) < INFERENCE_ROWS) open = true;
    }
    return open;
  }

  /**
   * The plans with inferred types, set in place (a copy of each plan was some 5 MB for 100,000 columns); a column
   * with no value in the sample gets type null (see `extend`).
   */
  typedPlans(): ColumnPlan[] {
    for (let k = 0; k < this.plans.length; k++)
      if (this.inferences.isOpen(k))
        this.plans[k]!.type = this.inferences.nonMissing(k) === 0 ? null : this.inferences.result(k);
    return this.plans;
  }
}
