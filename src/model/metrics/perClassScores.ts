/** Per-class counts and scores read off a confusion matrix; see `perClassScores`. */
export interface PerClassScores {
  precision: number[];
  recall: number[];
  f1: number[];
  /** Rows whose true class is k (row sum). */
  support: number[];
  /** Rows predicted as class k (column sum). */
  predicted: number[];
}

/**
 * One-vs-rest precision, recall and F1 of every class from a confusion matrix (rows = true, columns = predicted),
 * as scikit-learn's `precision_recall_fscore_support(average=None)` with `zero_division="warn"`:
 * precision_k = tp / (tp + fp), recall_k = tp / (tp + fn), f1_k = 2 * precision * recall / (precision + recall),
 * each 0 when its denominator is 0 (a class never predicted has precision 0; a class absent from yTrue recall 0).
 *
 * Example: perClassScores([[1, 0], [1, 1]]) -> precision [0.5, 1], recall [1, 0.5], f1 [0.667, 0.667], support [1, 2]
 */
export function perClassScores(confusion: number[][]): PerClassScores {
  const c = confusion.length;
  const out: PerClassScores = { precision: [], recall: [], f1: [], support: [], predicted: [] };
  for (let k = 0; k < c; k++) {
    const row = confusion[k]!;
    if (row.length !== c) throw new RangeError(`confusion matrix row ${k} has ${row.length} columns, expected ${c}`);
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < c; j++) {
      support += row[j]!;
      predicted += confusion[j]![k]!;
    }
    const tp = row[k]!;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const denom = precision + recall;
    out.precision.push(precision);
    out.recall.push(recall);
    out.f1.push(denom === 0 ? 0 : (2 * precision * recall) / denom);
    out.support.push(support);
    out.predicted.push(predicted);
  }
  return out;
}
