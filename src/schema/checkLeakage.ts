import { sampleCorrelation } from "simple-statistics";
import { cellText, getColumn, type Column, type Table } from "../data/table.js";
import { ModelguardError } from "../errors.js";
import { isIdLike } from "./isIdLike.js";

export interface LeakageOptions {
  /** Target column: also look for features that predict it almost perfectly on their own. */
  target?: string;
  /** Default: classification for string, category and boolean targets and integers with at most 20 distinct values
   * in train; regression otherwise. */
  task?: "classification" | "regression";
  /** Score at or above which a feature is flagged. Default 0.99. */
  threshold?: number;
  /** Quantile bins for numeric features of a classification target. Default 20. */
  bins?: number;
  /** Fewer scored holdout rows than this and target leakage is not judged (a note says so). Default 20. */
  minRows?: number;
}

export interface DuplicateRows {
  /** The columns compared: every column present in both tables, target included, id-like ones excluded. */
  readonly columns: readonly string[];
  /** Shared columns left out of the comparison because they are id-like in either table (see isIdLike). */
  readonly idColumns?: readonly string[];
  /** Holdout rows whose values in `columns` equal those of some train row. */
  readonly count: number;
  /** count / holdout rows. */
  readonly fraction: number;
  /** Up to five, the first holdout rows in order, each with the first train row it equals. */
  readonly examples: readonly { readonly trainRow: number; readonly holdoutRow: number }[];
}

/** Rows of the training data that repeat an earlier training row. */
export interface TrainDuplicates {
  /** The columns compared: the training data's columns, id-like ones excluded. */
  readonly columns: readonly string[];
  /** Rows equal to an earlier row (the first occurrence is not counted). */
  readonly count: number;
  /** count / training rows. */
  readonly fraction: number;
  /** Up to five: the repeating row and the first row it equals. */
  readonly examples: readonly { readonly row: number; readonly firstRow: number }[];
}

export type LeakageMethod =
  "majority_per_category" | "majority_per_quantile_bin" | "spearman" | "mean_per_category_spearman";

export interface LeakyFeature {
  readonly column: string;
  /** Holdout accuracy (classification) or |Spearman rho| on the holdout (regression). */
  readonly score: number;
  /** Majority-class accuracy on the holdout (classification); 0 for regression. */
  readonly baseline: number;
  readonly method: LeakageMethod;
  /** Holdout rows scored (target and, for Spearman, feature present). */
  readonly rows: number;
}

export interface LeakageResult {
  /** No duplicate rows and no leaky feature. */
  readonly ok: boolean;
  readonly trainSource: string;
  readonly holdoutSource: string;
  readonly holdoutRows: number;
  readonly duplicateRows: DuplicateRows;
  /** Duplicates inside the training data (reported as a warning; they weigh some rows twice in training). */
  readonly trainDuplicates?: TrainDuplicates;
  readonly target: string | null;
  readonly task: "classification" | "regression" | null;
  readonly targetLeakage: readonly LeakyFeature[];
  /** Why a part was not judged (no shared columns, too few rows...). */
  readonly notes: readonly string[];
}

/**
 * Leakage between a training table and a holdout (test) table.
 *
 * 1. Duplicate rows: a holdout row whose cells, over every column both tables share (target included) except the
 *    id-like ones, equal a train row's. Ids are left out because a copied row usually gets a new id (a row counter,
 *    a fresh key): compared on its content it is still the same example. Inside the training data, rows equal to an
 *    earlier one over its non-id columns are counted too (`trainDuplicates`). Cells compare by value: numbers numerically when both tables hold the column as integer/number (1 equals
 *    1.0), everything else by its text; missing equals missing. Rows are hashed (64-bit: two 32-bit hashes) and every
 *    hash match is confirmed cell by cell.
 *
 * 2. Target leakage (with `target`): each other shared column is turned into a one-feature rule fit on train and
 *    scored on the holdout:
 *    - classification, categorical feature (string, category, boolean): the majority train target per category;
 *      missing is a category of its own, a category unseen in train predicts the overall train majority;
 *    - classification, numeric feature (integer, number, datetime): the majority train target per quantile bin
 *      (`bins` equal-count bins from train, missing/NaN its own bin);
 *      score = holdout accuracy, baseline = holdout accuracy of always predicting the train majority class;
 *      flagged when score >= threshold (0.99) and the error rate is at most half the baseline's (1 - score <=
 *      (1 - baseline) / 2), so a 99.5%-majority target does not flag every feature;
 *    - regression, numeric feature: |Spearman rho| between feature and target on the holdout;
 *    - regression, categorical feature: the mean train target per category (unseen: the train mean), score = |Spearman
 *      rho| between that prediction and the target on the holdout; baseline 0; flagged when score >= threshold.
 *    Rules are fit on train and scored on the holdout, so an id-like feature (a new value on every row) predicts
 *    nothing on the holdout and is not flagged, while a copy of the target is.
 */
export function checkLeakage(train: Table, holdout: Table, options: LeakageOptions = {}): LeakageResult {
  const notes: string[] = [];
  const firsts = train.columns.filter((c, i) => firstIndex(train, c.name) === i);
  const idLike = new Set(
    firsts
      .filter((c) => {
        const h = getColumn(holdout, c.name);
        return isIdLike(c, train.rowCount) || (h !== undefined && isIdLike(h, holdout.rowCount));
      })
      .map((c) => c.name),
  );
  const sharedAll = firsts.filter((c) => getColumn(holdout, c.name));
  const shared = sharedAll.filter((c) => !idLike.has(c.name));
  const idColumns = sharedAll.filter((c) => idLike.has(c.name)).map((c) => c.name);
  const duplicateRows = { ...findDuplicateRows(train, holdout, shared), ...(idColumns.length > 0 && { idColumns }) };
  const trainDuplicates = findTrainDuplicates(
    train,
    firsts.filter((c) => !idLike.has(c.name)),
  );
  if (sharedAll.length === 0) notes.push("the tables share no column, so no row can be compared");
  else if (shared.length === 0) notes.push("the tables share only id-like columns, so no row content can be compared");

  let targetLeakage: LeakyFeature[] = [];
  let task: "classification" | "regression" | null = null;
  const targetName = options.target ?? null;
  if (targetName !== null) {
    const trainTarget = getColumn(train, targetName);
    const holdoutTarget = getColumn(holdout, targetName);
    if (!trainTarget || !holdoutTarget) {
      throw new ModelguardError(
        "usage",
        `target column '${targetName}' is not in ${!trainTarget ? train.source : holdout.source}`,
        `pass the name of the label column present in both files; columns: ${(trainTarget ? holdout : train).columns
          .map((c) => c.name)
          .join(", ")}`,
      );
    }
    task = options.task ?? inferTask(trainTarget, train.rowCount);
    const features = shared.filter((c) => c.name !== targetName);
    const ctx: TargetContext = {
      train,
      holdout,
      trainTarget,
      holdoutTarget,
      threshold: options.threshold ?? 0.99,
      bins: options.bins ?? 20,
      minRows: options.minRows ?? 20,
      notes,
    };
    targetLeakage = task === "classification" ? classificationLeakage(ctx, features) : regressionLeakage(ctx, features);
  }
  return {
    ok: duplicateRows.count === 0 && targetLeakage.length === 0,
    trainSource: train.source,
    holdoutSource: holdout.source,
    holdoutRows: holdout.rowCount,
    duplicateRows,
    trainDuplicates,
    target: targetName,
    task,
    targetLeakage,
    notes,
  };
}

function firstIndex(table: Table, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicate rows

/** How a shared column's cells compare: numerically (both integer/number) or by text. */
interface CellReader {
  /** Mixes every row's cell into the two running row hashes a and b. */
  hashInto(a: Int32Array, b: Int32Array): void;
  /** The cell's identity for exact comparison: a number, a text, or null for missing. */
  key(row: number): string | number | null;
}

const BASIS_A = 0x811c9dc5;
const BASIS_B = 0x9747b28c;
const MISSING_A = 0x5bd1e995;
const MISSING_B = 0x1b873593;
const NAN_A = 0x27d4eb2f;
const NAN_B = 0x165667b1;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function findDuplicateRows(train: Table, holdout: Table, shared: readonly Column[]): DuplicateRows {
  const columns = shared.map((c) => c.name);
  const empty = { columns, count: 0, fraction: 0, examples: [] };
  if (shared.length === 0 || train.rowCount === 0 || holdout.rowCount === 0) return empty;
  const pairs = shared.map((c) => {
    const h = getColumn(holdout, c.name)!;
    const numeric = isPlainNumber(c) && isPlainNumber(h);
    return [reader(c, numeric), reader(h, numeric)] as const;
  });
  const trainKeys = rowHashes(
    pairs.map((p) => p[0]),
    train.rowCount,
  );
  const holdoutKeys = rowHashes(
    pairs.map((p) => p[1]),
    holdout.rowCount,
  );
  // Chained hash table over the distinct train rows (a repeated train row keeps its first occurrence):
  // head[key] = a row with that key, next[row] = another row with the same key, -1 at the end.
  const head = new Map<number, number>();
  const next = new Int32Array(train.rowCount).fill(-1);
  const trainReaders = pairs.map((p) => p[0]);
  for (let r = 0; r < train.rowCount; r++) {
    const k = trainKeys[r]!;
    const first = head.get(k);
    if (first === undefined) {
      head.set(k, r);
      continue;
    }
    let t = first;
    let seen = false;
    for (; t >= 0; t = next[t]!) {
      if (trainReaders.every((rd) => sameKey(rd.key(t), rd.key(r)))) {
        seen = true;
        break;
      }
    }
    if (!seen) {
      next[r] = next[first]!;
      next[first] = r;
    }
  }
  let count = 0;
  const examples: { trainRow: number; holdoutRow: number }[] = [];
  for (let r = 0; r < holdout.rowCount; r++) {
    let match = -1;
    for (let t = head.get(holdoutKeys[r]!) ?? -1; t >= 0; t = next[t]!) {
      if (pairs.every(([a, b]) => sameKey(a.key(t), b.key(r)))) {
        match = t;
        break;
      }
    }
    if (match >= 0) {
      count++;
      if (examples.length < 5) examples.push({ trainRow: match, holdoutRow: r });
    }
  }
  return { columns, count, fraction: count / holdout.rowCount, examples };
}

function findTrainDuplicates(train: Table, columns: readonly Column[]): TrainDuplicates {
  const names = columns.map((c) => c.name);
  if (columns.length === 0 || train.rowCount === 0) return { columns: names, count: 0, fraction: 0, examples: [] };
  const readers = columns.map((c) => reader(c, isPlainNumber(c)));
  const keys = rowHashes(readers, train.rowCount);
  // Chained hash table as in findDuplicateRows: head[key] = a distinct row, next[row] = another with that key.
  const head = new Map<number, number>();
  const next = new Int32Array(train.rowCount).fill(-1);
  let count = 0;
  const examples: { row: number; firstRow: number }[] = [];
  for (let r = 0; r < train.rowCount; r++) {
    const k = keys[r]!;
    const first = head.get(k);
    if (first === undefined) {
      head.set(k, r);
      continue;
    }
    let match = -1;
    for (let t = first; t >= 0; t = next[t]!) {
      if (readers.every((rd) => sameKey(rd.key(t), rd.key(r)))) {
        match = t;
        break;
      }
    }
    if (match >= 0) {
      count++;
      if (examples.length < 5) examples.push({ row: r, firstRow: match });
    } else {
      next[r] = next[first]!;
      next[first] = r;
    }
  }
  return { columns: names, count, fraction: count / train.rowCount, examples };
}

function isPlainNumber(c: Column): boolean {
  return c.kind === "numeric" && (c.type === "integer" || c.type === "number");
}

function sameKey(a: string | number | null, b: string | number | null): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

function reader(column: Column, numeric: boolean): CellReader {
  if (column.kind === "dictionary") {
    return {
      hashInto(a, b) {
        const ha = Int32Array.from(column.dictionary, (d) => hashText(d, BASIS_A));
        const hb = Int32Array.from(column.dictionary, (d) => hashText(d, BASIS_B));
        const codes = column.codes;
        for (let r = 0; r < codes.length; r++) {
          const code = codes[r]!;
          a[r] = mix(a[r]!, code < 0 ? MISSING_A : ha[code]!);
          b[r] = mix(b[r]!, code < 0 ? MISSING_B : hb[code]!);
        }
      },
      key: (row) => cellText(column, row),
    };
  }
  if (numeric) {
    return {
      hashInto(a, b) {
        const { values, valid, invalid } = column;
        for (let r = 0; r < values.length; r++) {
          if (valid[r] === 1) {
            const v = values[r]!;
            if (v !== v) {
              a[r] = mix(a[r]!, NAN_A);
              b[r] = mix(b[r]!, NAN_B);
            } else {
              f64[0] = v === 0 ? 0 : v; // -0 equals 0
              a[r] = mix(mix(a[r]!, u32[0]!), u32[1]!);
              b[r] = mix(mix(b[r]!, u32[1]!), u32[0]!);
            }
          } else {
            const raw = invalid.get(r);
            a[r] = mix(a[r]!, raw === undefined ? MISSING_A : hashText(raw, BASIS_A));
            b[r] = mix(b[r]!, raw === undefined ? MISSING_B : hashText(raw, BASIS_B));
          }
        }
      },
      key: (row) => (column.valid[row] === 1 ? column.values[row]! + 0 : (column.invalid.get(row) ?? null)),
    };
  }
  return {
    hashInto(a, b) {
      for (let r = 0; r < a.length; r++) {
        const text = cellText(column, r);
        a[r] = mix(a[r]!, text === null ? MISSING_A : hashText(text, BASIS_A));
        b[r] = mix(b[r]!, text === null ? MISSING_B : hashText(text, BASIS_B));
      }
    },
    key: (row) => cellText(column, row),
  };
}

/** One 53-bit key per row from two independent 32-bit hashes of its cells. */
function rowHashes(readers: readonly CellReader[], rows: number): Float64Array {
  const a = new Int32Array(rows).fill(0x12345678);
  const b = new Int32Array(rows).fill(0x6b43a9b5);
  for (const rd of readers) rd.hashInto(a, b);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = (a[r]! >>> 0) * 0x200000 + (b[r]! & 0x1fffff);
  return out;
}

function hashText(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h, text.length);
}

/** murmur3-style combination of a running hash with one 32-bit value. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Target leakage

interface TargetContext {
  train: Table;
  holdout: Table;
  trainTarget: Column;
  holdoutTarget: Column;
  threshold: number;
  bins: number;
  minRows: number;
  notes: string[];
}

function inferTask(target: Column, rows: number): "classification" | "regression" {
  if (target.kind === "dictionary" || target.type === "boolean") return "classification";
  if (target.type !== "integer") return "regression";
  const distinct = new Set<number>();
  for (let r = 0; r < rows; r++) {
    if (target.valid[r] !== 1) continue;
    distinct.add(target.values[r]!);
    if (distinct.size > 20) return "regression";
  }
  return "classification";
}

/** Codes per row, shared between tables through `ids` (text -> code); -1 for missing (and unparsed, for targets). */
function textCodes(column: Column, rows: number, ids: Map<string, number>, missingAsCode: boolean): Int32Array {
  const codes = new Int32Array(rows);
  const idOf = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      ids.set(text, id);
    }
    return id;
  };
  const missing = missingAsCode ? idOf("\u0000missing") : -1;
  if (column.kind === "dictionary") {
    const entry = column.dictionary.map(idOf);
    for (let r = 0; r < rows; r++) {
      const c = column.codes[r]!;
      codes[r] = c < 0 ? missing : entry[c]!;
    }
    return codes;
  }
  const byValue = new Map<number, number>();
  for (let r = 0; r < rows; r++) {
    if (column.valid[r] !== 1) {
      const raw = column.invalid.get(r);
      codes[r] = raw !== undefined && missingAsCode ? idOf(raw) : missing;
      continue;
    }
    const v = column.values[r]!;
    let id = byValue.get(v);
    if (id === undefined) {
      id = idOf(cellText(column, r)!);
      byValue.set(v, id);
    }
    codes[r] = id;
  }
  return codes;
}

function isCategorical(c: Column): boolean {
  return c.kind === "dictionary" || c.type === "boolean";
}

function classificationLeakage(ctx: TargetContext, features: readonly Column[]): LeakyFeature[] {
  const { train, holdout } = ctx;
  const classIds = new Map<string, number>();
  const yTrain = textCodes(ctx.trainTarget, train.rowCount, classIds, false);
  const yHold = textCodes(ctx.holdoutTarget, holdout.rowCount, classIds, false);
  const k = classIds.size;
  const classCounts = new Float64Array(k);
  for (const y of yTrain) if (y >= 0) classCounts[y]!++;
  const majority = argmax(classCounts);
  let scored = 0;
  let baselineHits = 0;
  for (const y of yHold) {
    if (y < 0) continue;
    scored++;
    if (y === majority) baselineHits++;
  }
  if (majority < 0 || scored < ctx.minRows) {
    ctx.notes.push(
      `target leakage not judged: ${scored} holdout rows with a target (at least ${ctx.minRows} needed)` +
        (majority < 0 ? " and no target values in train" : ""),
    );
    return [];
  }
  const baseline = baselineHits / scored;
  const flagged: LeakyFeature[] = [];
  for (const feature of features) {
    const other = getColumn(holdout, feature.name)!;
    let groupsTrain: Int32Array;
    let groupsHold: Int32Array;
    let method: LeakageMethod;
    if (isCategorical(feature) || isCategorical(other) || feature.kind !== other.kind) {
      const ids = new Map<string, number>();
      groupsTrain = textCodes(feature, train.rowCount, ids, true);
      groupsHold = textCodes(other, holdout.rowCount, ids, true);
      method = "majority_per_category";
    } else {
      const edges = quantileEdges(feature, train.rowCount, ctx.bins);
      groupsTrain = binCodes(feature, train.rowCount, edges);
      groupsHold = binCodes(other, holdout.rowCount, edges);
      method = "majority_per_quantile_bin";
    }
    const predict = majorityPerGroup(groupsTrain, yTrain, k);
    let hits = 0;
    for (let r = 0; r < holdout.rowCount; r++) {
      const y = yHold[r]!;
      if (y < 0) continue;
      const p = predict.get(groupsHold[r]!) ?? majority;
      if (p === y) hits++;
    }
    const score = hits / scored;
    if (score >= ctx.threshold && baseline < 1 && 1 - score <= (1 - baseline) / 2) {
      flagged.push({ column: feature.name, score, baseline, method, rows: scored });
    }
  }
  return flagged;
}

/** The majority class per group (ties: the lower class code), from train rows with a class. Groups are >= 0. */
function majorityPerGroup(groups: Int32Array, y: Int32Array, k: number): Map<number, number> {
  let groupCount = 0;
  for (const g of groups) if (g >= groupCount) groupCount = g + 1;
  const out = new Map<number, number>();
  if (groupCount * k <= 1 << 23) {
    const counts = new Int32Array(groupCount * k);
    for (let r = 0; r < groups.length; r++) if (y[r]! >= 0) counts[groups[r]! * k + y[r]!]!++;
    for (let g = 0; g < groupCount; g++) {
      const best = argmax(counts.subarray(g * k, g * k + k));
      if (best >= 0) out.set(g, best);
    }
    return out;
  }
  // Many groups and classes (an id-like feature of a many-class target): count only the pairs that occur.
  const counts = new Map<number, number>();
  for (let r = 0; r < groups.length; r++) {
    if (y[r]! < 0) continue;
    const key = groups[r]! * k + y[r]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bestCount = new Map<number, number>();
  for (const [key, n] of counts) {
    const g = Math.floor(key / k);
    const c = key - g * k;
    const prev = bestCount.get(g) ?? 0;
    if (n > prev || (n === prev && c < out.get(g)!)) {
      bestCount.set(g, n);
      out.set(g, c);
    }
  }
  return out;
}

function argmax(xs: Float64Array | Int32Array): number {
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i]! > bestValue) {
      best = i;
      bestValue = xs[i]!;
    }
  }
  return best;
}

/** Up to bins-1 distinct cut points at the train quantiles i/bins. */
function quantileEdges(column: Column, rows: number, bins: number): Float64Array {
  if (column.kind !== "numeric") return new Float64Array(0);
  const xs = new Float64Array(rows);
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const v = column.values[r]!;
    if (column.valid[r] === 1 && v === v) xs[n++] = v;
  }
  const sorted = xs.subarray(0, n).sort();
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    if (sorted.length === 0) break;
    const e = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))]!;
    if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
  }
  return Float64Array.from(edges);
}

/** Bin index = number of edges <= value; missing, unparsed and NaN cells share the bin edges.length + 1. */
function binCodes(column: Column, rows: number, edges: Float64Array): Int32Array {
  const out = new Int32Array(rows).fill(edges.length + 1);
  if (column.kind !== "numeric") return out;
  for (let r = 0; r < rows; r++) {
    const v = column.values[r]!;
    if (column.valid[r] !== 1 || Number.isNaN(v)) continue;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    out[r] = lo;
  }
  return out;
}

function numericValues(column: Column, rows: number): Float64Array {
  const out = new Float64Array(rows).fill(NaN);
  if (column.kind === "numeric") {
    for (let r = 0; r < rows; r++) if (column.valid[r] === 1) out[r] = column.values[r]!;
  } else {
    for (let r = 0; r < rows; r++) {
      const text = cellText(column, r);
      if (text !== null && text.trim() !== "") out[r] = Number(text);
    }
  }
  return out;
}

function regressionLeakage(ctx: TargetContext, features: readonly Column[]): LeakyFeature[] {
  const { train, holdout } = ctx;
  const yTrain = numericValues(ctx.trainTarget, train.rowCount);
  const yHold = numericValues(ctx.holdoutTarget, holdout.rowCount);
  let scoredTargets = 0;
  for (const y of yHold) if (!Number.isNaN(y)) scoredTargets++;
  if (scoredTargets < ctx.minRows) {
    ctx.notes.push(
      `target leakage not judged: ${scoredTargets} holdout rows with a numeric target (at least ${ctx.minRows} needed)`,
    );
    return [];
  }
  const flagged: LeakyFeature[] = [];
  for (const feature of features) {
    const other = getColumn(holdout, feature.name)!;
    let x: Float64Array;
    let method: LeakageMethod;
    if (isCategorical(feature) || isCategorical(other) || feature.kind !== other.kind) {
      const ids = new Map<string, number>();
      const gTrain = textCodes(feature, train.rowCount, ids, true);
      const gHold = textCodes(other, holdout.rowCount, ids, true);
      const sums = new Float64Array(ids.size);
      const counts = new Float64Array(ids.size);
      let total = 0;
      let n = 0;
      for (let r = 0; r < train.rowCount; r++) {
        const y = yTrain[r]!;
        if (Number.isNaN(y)) continue;
        sums[gTrain[r]!]! += y;
        counts[gTrain[r]!]!++;
        total += y;
        n++;
      }
      const mean = n > 0 ? total / n : 0;
      x = Float64Array.from(gHold, (g) => (counts[g]! > 0 ? sums[g]! / counts[g]! : mean));
      method = "mean_per_category_spearman";
    } else {
      x = numericValues(other, holdout.rowCount);
      method = "spearman";
    }
    const { rho, n } = spearman(x, yHold);
    const score = Math.abs(rho);
    if (n >= ctx.minRows && score >= ctx.threshold) {
      flagged.push({ column: feature.name, score, baseline: 0, method, rows: n });
    }
  }
  return flagged;
}

/**
 * Spearman's rho over the rows where both values are numbers: Pearson correlation (simple-statistics'
 * sampleCorrelation) of average ranks. 0 if either side is constant. The ranks are ours: simple-statistics'
 * sampleRankCorrelation orders by subtraction, which leaves two equal infinities unordered (Infinity - Infinity is NaN).
 */
export function spearman(x: Float64Array, y: Float64Array): { rho: number; n: number } {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!) && !Number.isNaN(y[i]!)) idx.push(i);
  const n = idx.length;
  if (n < 2) return { rho: 0, n };
  const rx = ranks(Float64Array.from(idx, (i) => x[i]!));
  const ry = ranks(Float64Array.from(idx, (i) => y[i]!));
  const rho = sampleCorrelation(Array.from(rx), Array.from(ry));
  // A constant side has no spread to divide by (NaN from simple-statistics): no correlation to report.
  return { rho: Number.isFinite(rho) ? Math.max(-1, Math.min(1, rho)) : 0, n };
}

/** 1-based ranks, ties given their average rank. */
function ranks(v: Float64Array): Float64Array {
  const order = Uint32Array.from(v.keys()).sort((a, b) => (v[a]! < v[b]! ? -1 : v[a]! > v[b]! ? 1 : 0));
  const out = new Float64Array(v.length);
  for (let i = 0; i < order.length;) {
    let j = i + 1;
    while (j < order.length && v[order[j]!] === v[order[i]!]) j++;
    const rank = (i + j + 1) / 2;
    for (let t = i; t < j; t++) out[order[t]!] = rank;
    i = j;
  }
  return out;
}
