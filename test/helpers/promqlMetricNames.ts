/**
 * The metric names a PromQL expression selects, found by a small tokenizer (enough for rules and dashboards, not a
 * full parser): identifiers outside strings, label matchers `{...}`, ranges `[...]`, comments and Grafana variables
 * (`$job`, `${job}`, `$__rate_interval`), that are neither functions or aggregations (an identifier before `(`), nor
 * keywords, nor the label lists of `by`/`without`/`on`/`ignoring`/`group_left`/`group_right`.
 *
 * promqlMetricNames('sum by (le) (rate(a_bucket{x="b c"}[5m])) / on (job) b') => Set {"a_bucket", "b"}
 */
export function promqlMetricNames(expr: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  const n = expr.length;
  /** Index after the quoted string that starts at `at`. */
  const skipString = (at: number): number => {
    const q = expr[at]!;
    let j = at + 1;
    while (j < n && expr[j] !== q) j += expr[j] === "\\" && q !== "`" ? 2 : 1;
    if (j >= n) throw new Error(`unterminated string at ${at} in: ${expr}`);
    return j + 1;
  };
  /** Index after the bracket group that opens at `at` (strings inside skipped). */
  const skipGroup = (at: number, open: string, close: string): number => {
    let depth = 0;
    let j = at;
    while (j < n) {
      const c = expr[j]!;
      if (c === '"' || c === "'" || c === "`") {
        j = skipString(j);
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) return j + 1;
      j++;
    }
    throw new Error(`unbalanced ${open}${close} at ${at} in: ${expr}`);
  };
  const nextNonSpace = (at: number): number => {
    let j = at;
    while (j < n && /\s/.test(expr[j]!)) j++;
    return j;
  };
  while (i < n) {
    const c = expr[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "#") while (i < n && expr[i] !== "\n") i++;
    else if (c === '"' || c === "'" || c === "`") i = skipString(i);
    else if (c === "{") i = skipGroup(i, "{", "}");
    else if (c === "[") i = skipGroup(i, "[", "]");
    else if (c === "$") {
      i++;
      if (expr[i] === "{") i = skipGroup(i, "{", "}");
      else while (i < n && /\w/.test(expr[i]!)) i++;
    } else if (/[0-9.]/.test(c)) {
      // Numbers and durations (1e-3, 0x1f, 5m, 1h30m): one token, never a name.
      while (i < n && /[\w.]/.test(expr[i]!)) i++;
    } else if (/[A-Za-z_:]/.test(c)) {
      const start = i;
      while (i < n && /[\w:]/.test(expr[i]!)) i++;
      const word = expr.slice(start, i);
      const after = nextNonSpace(i);
      if (LABEL_LIST_KEYWORDS.has(word)) {
        if (expr[after] === "(") i = skipGroup(after, "(", ")");
      } else if (expr[after] === "(" || KEYWORDS.has(word) || AGGREGATIONS.has(word)) {
        // a function call or aggregation (its arguments are read on), or an operator keyword
      } else names.add(word);
    } else i++;
  }
  return names;
}

/** Keywords followed by a parenthesized list of label names. */
const LABEL_LIST_KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right"]);
const KEYWORDS = new Set(["and", "or", "unless", "offset", "bool", "atan2", "inf", "nan", "start", "end"]);
/** Aggregations may put `by (...)` between their name and their `(`: `sum by (job) (x)`. */
const AGGREGATIONS = new Set([
  "sum",
  "min",
  "max",
  "avg",
  "group",
  "stddev",
  "stdvar",
  "count",
  "count_values",
  "bottomk",
  "topk",
  "quantile",
  "limitk",
  "limit_ratio",
]);

/**
 * The sample names of a Prometheus text exposition (`# HELP`/`# TYPE` lines are not samples: a labelled metric with
 * no series yet has them but is not exported). Histograms give `_bucket`, `_sum` and `_count`.
 */
export function exposedSampleNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const line of exposition.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^[A-Za-z_:][\w:]*/.exec(line);
    if (m) names.add(m[0]);
  }
  return names;
}
