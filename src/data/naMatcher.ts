/** The NA strings of pandas.read_csv: cells spelled exactly like one of these are missing. */
export const DEFAULT_NA_VALUES: readonly string[] = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
];

/** Tells whether a cell's bytes spell one of the NA strings (exact, case-sensitive match, as pandas does). */
export class NaMatcher {
  readonly values: ReadonlySet<string>;
  /** Whether the empty cell is missing (it is unless "" was left out of naValues). */
  readonly emptyIsNa: boolean;
  private readonly byLength: (Uint8Array[] | undefined)[] = [];
  /** anyAccepted's answers by predicate: a wide file asks once per column, with one predicate per column type. */
  private readonly accepted = new Map<(bytes: Uint8Array) => boolean, boolean>();

  constructor(naValues: readonly string[]) {
    this.values = new Set(naValues);
    this.emptyIsNa = this.values.has("");
    for (const v of this.values) {
      const bytes = Buffer.from(v, "utf8");
      (this.byLength[bytes.length] ??= []).push(bytes);
    }
  }

  matches(bytes: Uint8Array, start: number, end: number): boolean {
    const list = this.byLength[end - start];
    if (list === undefined) return false;
    outer: for (const candidate of list) {
      for (let i = 0; i < candidate.length; i++) if (candidate[i] !== bytes[start + i]) continue outer;
      return true;
    }
    return false;
  }

  /** Whether some NA string also passes `accepts` (e.g. "-999" as a number): then NA must be checked first. */
  anyAccepted(accepts: (bytes: Uint8Array) => boolean): boolean {
    let answer = this.accepted.get(accepts);
    if (answer === undefined) {
      answer = false;
      for (const v of this.values) if (v !== "" && accepts(Buffer.from(v, "utf8"))) answer = true;
      this.accepted.set(accepts, answer);
    }
    return answer;
  }
}
