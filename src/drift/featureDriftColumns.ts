import type { FeatureDrift, TestResult } from "./driftReport.js";
import { METHOD_NAMES, type MethodName } from "./methods/driftMethod.js";

/** What detectDrift knows of a tested column before the multiple-testing correction. */
export interface TestedColumn {
  name: string;
  kind: "numeric" | "categorical";
  critical: boolean;
  /** In the order they were run, which is the order the report lists them. */
  tests: Partial<Record<MethodName, TestResult>>;
  reference: { count: number; missing: number };
  current: { count: number; missing: number };
  approximate: boolean;
  /** "auto": the method is "<test>+psi" and `alpha` applies. */
  choice: MethodName | "auto";
  statistic: number;
  threshold: number;
  alpha?: number;
}

const NUMERIC = 1;
const CRITICAL = 2;
const APPROXIMATE = 4;
const DRIFTED = 8;
const AUTO = 16;
const HAS_P = 32;

/** Per test: a p-value, an approximation error. */
const TEST_P = 1;
const TEST_ERROR = 2;

/** detectDrift runs at most two tests per column: the decisive one and PSI (one when PSI is decisive). */
const SLOTS = 2;

/**
 * The tested columns of a drift report as typed arrays, about 100 bytes a column where the report's objects took
 * over 500: a wide drift holds every column's result until the correction has every p-value, and the report is
 * written from here, one FeatureDrift made at a time (see ContractList). `feature(i)` is the object the report had,
 * its keys in the same order, so the JSON is the same text.
 */
export class FeatureDriftColumns {
  private readonly names: string[] = [];
  private readonly flags: Uint8Array;
  /** reference count, reference missing, current count, current missing. */
  private readonly counts: Float64Array;
  private readonly statistic: Float64Array;
  private readonly threshold: Float64Array;
  private readonly alpha: Float64Array;
  private readonly pValue: Float64Array;
  /** Index into METHOD_NAMES + 1; 0 for auto. */
  private readonly choice: Uint8Array;
  /** Per slot: the test's index into METHOD_NAMES + 1 (0: no test), what it has, and statistic, p. */
  private readonly testMethod: Uint8Array;
  private readonly testFlags: Uint8Array;
  private readonly testValues: Float64Array;
  /**
   * Per slot: the approximation error, which only a profile's sketch gives: made with the first one (1.6 MB for
   * 100,000 columns that exact samples never need).
   */
  private testErrors: Float64Array | null = null;
  /** Notes are rare (a constant reference for Wasserstein): by slot. */
  private readonly notes = new Map<number, string>();

  constructor(private readonly capacity: number) {
    this.flags = new Uint8Array(capacity);
    this.counts = new Float64Array(capacity * 4);
    this.statistic = new Float64Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
    this.pValue = new Float64Array(capacity);
    this.choice = new Uint8Array(capacity);
    this.testMethod = new Uint8Array(capacity * SLOTS);
    this.testFlags = new Uint8Array(capacity * SLOTS);
    this.testValues = new Float64Array(capacity * SLOTS * 2);
  }

  get length(): number {
    return this.names.length;
  }

  /** Adds a column; its p-value and verdict come later (decide). */
  push(c: TestedColumn): void {
    const i = this.names.length;
    if (i === this.flags.length) throw new Error("FeatureDriftColumns: more columns than its capacity");
    this.names.push(c.name);
    this.flags[i] =
      (c.kind === "numeric" ? NUMERIC : 0) |
      (c.critical ? CRITICAL : 0) |
      (c.approximate ? APPROXIMATE : 0) |
      (c.choice === "auto" ? AUTO : 0);
    this.counts[i * 4] = c.reference.count;
    this.counts[i * 4 + 1] = c.reference.missing;
    this.counts[i * 4 + 2] = c.current.count;
    this.counts[i * 4 + 3] = c.current.missing;
    this.statistic[i] = c.statistic;
    this.threshold[i] = c.threshold;
    this.alpha[i] = c.alpha ?? NaN;
    this.choice[i] = c.choice === "auto" ? 0 : METHOD_NAMES.indexOf(c.choice) + 1;
    const tests = Object.entries(c.tests) as [MethodName, TestResult][];
    if (tests.length > SLOTS) throw new Error(`FeatureDriftColumns: ${tests.length} tests for one column`);
    tests.forEach(([method, t], k) => {
      const slot = i * SLOTS + k;
      this.testMethod[slot] = METHOD_NAMES.indexOf(method) + 1;
      this.testFlags[slot] =
        (t.p_value !== undefined ? TEST_P : 0) | (t.approximation_error !== undefined ? TEST_ERROR : 0);
      this.testValues[slot * 2] = t.statistic;
      this.testValues[slot * 2 + 1] = t.p_value ?? NaN;
      if (t.approximation_error !== undefined) {
        this.testErrors ??= new Float64Array(this.capacity * SLOTS);
        this.testErrors[slot] = t.approximation_error;
      }
      if (t.note !== undefined) this.notes.set(slot, t.note);
    });
  }

  /** The column's corrected p-value (null: its method decides by distance) and verdict. */
  decide(i: number, pValue: number | null, drifted: boolean): void {
    this.pValue[i] = pValue ?? NaN;
    this.flags[i] = (this.flags[i]! & ~(HAS_P | DRIFTED)) | (pValue !== null ? HAS_P : 0) | (drifted ? DRIFTED : 0);
  }

  name(i: number): string {
    return this.names[i]!;
  }

  drifted(i: number): boolean {
    return (this.flags[i]! & DRIFTED) !== 0;
  }

  critical(i: number): boolean {
    return (this.flags[i]! & CRITICAL) !== 0;
  }

  approximate(i: number): boolean {
    return (this.flags[i]! & APPROXIMATE) !== 0;
  }

  /** The method that decides: "auto" (the significance test and PSI together) or a method's name. */
  methodOf(i: number): MethodName | "auto" {
    return this.flags[i]! & AUTO ? "auto" : METHOD_NAMES[this.choice[i]! - 1]!;
  }

  /** The decisive statistic (PSI's for auto), its threshold, and auto's significance level. */
  statisticOf(i: number): number {
    return this.statistic[i]!;
  }

  thresholdOf(i: number): number {
    return this.threshold[i]!;
  }

  alphaOf(i: number): number {
    return this.alpha[i]!;
  }

  /** The statistic of one of the column's tests, undefined when that test was not run. */
  testStatistic(i: number, method: MethodName): number | undefined {
    const code = METHOD_NAMES.indexOf(method) + 1;
    for (let slot = i * SLOTS; slot < (i + 1) * SLOTS; slot++)
      if (this.testMethod[slot] === code) return this.testValues[slot * 2]!;
    return undefined;
  }

  /** The column as the report's object, keys in the order detectDrift always made them. */
  feature(i: number): FeatureDrift {
    const flags = this.flags[i]!;
    const kind = flags & NUMERIC ? "numeric" : "categorical";
    const tests: Partial<Record<MethodName, TestResult>> = {};
    for (let slot = i * SLOTS; slot < (i + 1) * SLOTS; slot++) {
      const code = this.testMethod[slot]!;
      if (code === 0) continue;
      const has = this.testFlags[slot]!;
      const t: TestResult = { statistic: this.testValues[slot * 2]! };
      if (has & TEST_P) t.p_value = this.testValues[slot * 2 + 1]!;
      if (has & TEST_ERROR) t.approximation_error = this.testErrors![slot]!;
      const note = this.notes.get(slot);
      if (note !== undefined) t.note = note;
      tests[METHOD_NAMES[code - 1]!] = t;
    }
    const c = i * 4;
    const name = this.names[i]!;
    const critical = (flags & CRITICAL) !== 0;
    const reference = { count: this.counts[c]!, missing: this.counts[c + 1]! };
    const current = { count: this.counts[c + 2]!, missing: this.counts[c + 3]! };
    const approximate = (flags & APPROXIMATE) !== 0;
    const statistic = this.statistic[i]!;
    const threshold = this.threshold[i]!;
    const p_value = flags & HAS_P ? this.pValue[i]! : null;
    const drifted = (flags & DRIFTED) !== 0;
    // Two literals rather than a spread of the optional alpha: the same key order, and no short-lived object that
    // V8 would promote out of its young generation (see detectDrift's testColumn).
    if (flags & AUTO) {
      const method = `${kind === "numeric" ? "ks" : "chisquare"}+psi`;
      const alpha = this.alpha[i]!;
      return {
        name,
        kind,
        critical,
        tests,
        reference,
        current,
        approximate,
        method,
        statistic,
        threshold,
        alpha,
        p_value,
        drifted,
      };
    }
    const method = METHOD_NAMES[this.choice[i]! - 1]!;
    return {
      name,
      kind,
      critical,
      tests,
      reference,
      current,
      approximate,
      method,
      statistic,
      threshold,
      p_value,
      drifted,
    };
  }
}
