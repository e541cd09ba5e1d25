import type { Column, NumericColumn, Table } from "../data/table.js";
import {
  EMPTY_MOMENTS,
  mergeScaledMoments,
  momentsFrom,
  momentsM2,
  momentsStd,
  type ScaledMoments,
} from "../stats/scaledMoments.js";
import {
  numericColumnStats,
  numericProfileFrom,
  profileColumn,
  type NumericStats,
  type ProfileOptions,
} from "./buildProfile.js";
import { absentColumn, mergeColumn } from "./mergeProfiles.js";
import type { ProfileParts } from "./profileFile.js";
import { QuantileSketch } from "./quantileSketch.js";
import { PROFILE_DEFAULTS, PROFILE_VERSION, type ColumnProfile, type ReferenceProfile } from "./referenceProfile.js";
import {
  isTransferredNumeric,
  mergePackedSketch,
  packSketches,
  unpackSketch,
  type PackedSketches,
  type TransferableProfile,
  type TransferredColumn,
} from "./transferableProfile.js";

/** A numeric column so far: its stats and its live sketch, which each chunk's values are added to. */
interface NumericSoFar {
  stats: NumericStats;
  sketch: QuantileSketch;
}

type ColumnSoFar = NumericSoFar | ColumnProfile;

const isNumeric = (c: ColumnSoFar): c is NumericSoFar => "sketch" in c && c.sketch instanceof QuantileSketch;

/** The columns buildProfile profiles as numeric (with a sketch). */
const isNumericColumn = (c: Column): c is NumericColumn =>
  c.kind === "numeric" && (c.type === "integer" || c.type === "number");

/** A numeric column's stats over `rows` rows that do not have it: all missing. */
function absentStats(type: NumericStats["type"], rows: number): NumericStats {
  return { type, count: 0, missing: rows, invalid: 0, infinite: 0, min: null, max: null, moments: EMPTY_MOMENTS };
}

/**
 * The profile of a stream of chunks, built as they come: the same profile as each chunk's buildProfile merged into
 * the profile so far (mergeProfiles, in order), field for field, without a profile per chunk. A numeric column keeps
 * one live sketch that each chunk's values are added to, where the merge of profiles made a sketch per chunk, read
 * every sketch so far back from its profile form and merged it (10,000 columns x 1,000 rows: a chunk's sketches
 * were some 67 MB, the garbage of each merge some 110 MB). Sketches add bucket counts, so the buckets are the same;
 * the moments go through a profile's mean and M2 at each merge as they did (profileMoments), so they are the same
 * bits. Other kinds are merged as profiles (mergeColumn), as before. Each column is made a profile once, at the end.
 */
export class RunningProfile {
  private readonly sketchAccuracy: number;
  private readonly bins: number;
  private rows = 0;
  private chunks = 0;
  private readonly sources: string[] = [];
  /**
   * Column names are data: an object without a prototype, whose key order (integer-like names first) is the one a
   * merged profile's columns have.
   */
  private columns = Object.create(null) as Record<string, ColumnSoFar>;

  constructor(private readonly options: ProfileOptions = {}) {
    this.sketchAccuracy = options.sketchAccuracy ?? PROFILE_DEFAULTS.sketchAccuracy;
    this.bins = options.bins ?? PROFILE_DEFAULTS.bins;
  }

  /** Chunks taken in so far. */
  get chunkCount(): number {
    return this.chunks;
  }

  /** Takes in the rows of one more chunk. */
  add(table: Table): void {
    this.sources.push(this.options.source ?? table.source);
    if (this.chunks++ === 0) {
      // The first chunk's columns are its profile's, not yet merged with anything (moments as computed).
      for (const column of table.columns) this.columns[column.name] = this.chunkColumn(column);
      this.rows = table.rowCount;
      return;
    }
    const byName = Object.create(null) as Record<string, Column>;
    for (const column of table.columns) byName[column.name] = column;
    // In mergeProfiles' order: the columns so far, then the chunk's new ones (an error names the first of these).
    for (const name of Object.keys(this.columns)) {
      const column = Object.hasOwn(byName, name) ? byName[name]! : null;
      this.columns[name] = this.merged(name, this.columns[name]!, column, table.rowCount);
    }
    for (const name of Object.keys(byName)) {
      if (Object.hasOwn(this.columns, name)) continue;
      // New in this chunk: merged with its absence from the rows so far, as mergeProfiles' absentColumn does.
      const column = byName[name]!;
      const absent: ColumnSoFar = isNumericColumn(column)
        ? { stats: absentStats(column.type === "integer" ? "integer" : "number", this.rows), sketch: this.sketch() }
        : absentColumn(this.chunkProfile(column), this.rows, this.bins);
      this.columns[name] = this.merged(name, absent, column, table.rowCount);
    }
    this.rows += table.rowCount;
  }

  /**
   * This profile as it crosses to another thread (see TransferableProfile), and the buffers to transfer with it. The
   * running profile is empty afterwards: its sketches are in the packed arrays.
   */
  toTransferable(): { profile: TransferableProfile; transfer: ArrayBuffer[] } {
    const sketches: QuantileSketch[] = [];
    const columns = Object.keys(this.columns).map((name): [string, TransferredColumn] => {
      const c = this.columns[name]!;
      if (!isNumeric(c)) return [name, c];
      sketches.push(c.sketch);
      return [name, { stats: c.stats, sketch: sketches.length - 1 }];
    });
    this.columns = Object.create(null) as Record<string, ColumnSoFar>;
    const { packed, transfer } = packSketches(sketches, this.sketchAccuracy);
    const profile = { rows: this.rows, chunks: this.chunks, sources: this.sources.slice(), columns, sketches: packed };
    return { profile, transfer };
  }

  /**
   * Takes in the rows of another thread's running profile (of the rows after this one's): the same profile as
   * mergeProfiles of the two as profiles, field for field. A numeric column on both sides adds the other's packed
   * buckets to its live sketch, the moments through a profile's mean and M2 as add() merges them; anything else is
   * merged as profiles.
   */
  addTransferred(t: TransferableProfile): void {
    if (t.sketches.relativeAccuracy !== this.sketchAccuracy) {
      throw new RangeError(
        `cannot merge sketches of accuracy ${this.sketchAccuracy} and ${t.sketches.relativeAccuracy}`,
      );
    }
    const byName = new Map(t.columns);
    for (const name of Object.keys(this.columns)) {
      const b = byName.get(name);
      const a = this.columns[name]!;
      this.columns[name] = b === undefined ? this.merged(name, a, null, t.rows) : this.mergedWith(name, a, b, t);
    }
    for (const [name, b] of t.columns) {
      if (Object.hasOwn(this.columns, name)) continue;
      const absent: ColumnSoFar = isTransferredNumeric(b)
        ? { stats: absentStats(b.stats.type, this.rows), sketch: this.sketch() }
        : absentColumn(b, this.rows, this.bins);
      this.columns[name] = this.mergedWith(name, absent, b, t);
    }
    this.rows += t.rows;
    this.chunks += t.chunks;
    this.sources.push(...t.sources);
  }

  /** mergeColumn(name, so far, the other thread's column b): a numeric pair through the live sketch. */
  private mergedWith(name: string, a: ColumnSoFar, b: TransferredColumn, t: TransferableProfile): ColumnSoFar {
    if (isNumeric(a) && isTransferredNumeric(b)) {
      a.stats = mergeStats(a.stats, b.stats);
      mergePackedSketch(t.sketches, b.sketch, a.sketch);
      return a;
    }
    const before = isNumeric(a) ? this.profileOf(a) : a;
    const after = isTransferredNumeric(b) ? this.transferredProfile(b, t.sketches) : b;
    return mergeColumn(name, before, after, this.bins);
  }

  private transferredProfile(b: { stats: NumericStats; sketch: number }, sketches: PackedSketches): ColumnProfile {
    return numericProfileFrom(b.stats, unpackSketch(sketches, b.sketch), this.bins);
  }

  /** A chunk's column on its own: numeric with a sketch of its own, else its profile. */
  private chunkColumn(column: Column): ColumnSoFar {
    if (!isNumericColumn(column)) return this.chunkProfile(column);
    const sketch = this.sketch();
    return { stats: numericColumnStats(column, sketch), sketch };
  }

  private sketch(): QuantileSketch {
    return new QuantileSketch(this.sketchAccuracy);
  }

  private chunkProfile(column: Column): ColumnProfile {
    return profileColumn(column, this.sketchAccuracy, this.bins);
  }

  /**
   * mergeColumn(name, so far, the chunk's column or its absence over `rows`): a numeric pair by adding the chunk's
   * values to the live sketch, anything else (other kinds, or a mismatch that mergeColumn reports) as profiles.
   */
  private merged(name: string, soFar: ColumnSoFar, column: Column | null, rows: number): ColumnSoFar {
    if (isNumeric(soFar) && (column === null || isNumericColumn(column))) {
      const b = column === null ? absentStats(soFar.stats.type, rows) : numericColumnStats(column, soFar.sketch);
      soFar.stats = mergeStats(soFar.stats, b);
      return soFar;
    }
    const before = isNumeric(soFar) ? this.profileOf(soFar) : soFar;
    const after = column === null ? absentColumn(before, rows, this.bins) : this.chunkProfile(column);
    return mergeColumn(name, before, after, this.bins);
  }

  private profileOf(c: NumericSoFar): ColumnProfile {
    return numericProfileFrom(c.stats, c.sketch, this.bins);
  }

  /**
   * The profile as parts (see writeProfileParts): each column made a profile as it is iterated and let go, so the
   * running sketches and the written profile are never all held at once. Iterable once; the running profile is
   * empty afterwards.
   */
  parts(): ProfileParts {
    const fields: Omit<ReferenceProfile, "columns"> = {
      kind: "modelguard.profile",
      version: PROFILE_VERSION,
      created_at: this.options.createdAt ?? new Date().toISOString(),
      sources: this.sources.slice(),
      rows: this.rows,
      sketch_accuracy: this.sketchAccuracy,
      bins: this.bins,
    };
    const columns = this.columns;
    this.columns = Object.create(null) as Record<string, ColumnSoFar>;
    const profileOf = (c: ColumnSoFar) => (isNumeric(c) ? this.profileOf(c) : c);
    return {
      fields,
      columns: (function* () {
        for (const name of Object.keys(columns)) {
          const c = columns[name]!;
          delete columns[name];
          yield [name, profileOf(c)] as [string, ColumnProfile];
        }
      })(),
    };
  }

  /** The profile held whole (for the ranges of a parallel profile, which are merged as profiles). */
  profile(): ReferenceProfile {
    const { fields, columns } = this.parts();
    const byName = Object.create(null) as Record<string, ColumnProfile>;
    for (const [name, column] of columns) byName[name] = column;
    return { ...fields, columns: byName };
  }
}

/**
 * mergeProfiles' mergeNumeric but the sketch: the moments of each side are what its profile would give back
 * (profileMoments: its count, mean, M2 and std), so that the result is the same bits as the merge of profiles.
 */
function mergeStats(a: NumericStats, b: NumericStats): NumericStats {
  return {
    type: a.type === "integer" && b.type === "integer" ? "integer" : "number",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    infinite: a.infinite + b.infinite,
    min: a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min),
    max: a.max === null ? b.max : b.max === null ? a.max : Math.max(a.max, b.max),
    moments: mergeScaledMoments(asStored(a.moments), asStored(b.moments)),
  };
}

/** Moments as a profile stores them and profileMoments reads them back. */
function asStored(m: ScaledMoments): ScaledMoments {
  return momentsFrom(m.n, m.n > 0 ? m.mean : null, momentsM2(m), momentsStd(m, 1));
}
