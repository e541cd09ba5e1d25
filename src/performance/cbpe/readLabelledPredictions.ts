import { loadTable } from "../../data/loadTable.js";
import { cellText, getColumn, type Table } from "../../data/table.js";
import { ModelguardError } from "../../errors.js";

/** A binary classifier's labelled predictions, positive class = 1. */
export interface LabelledPredictions {
  positiveClass: string;
  negativeClass: string;
  /** The model's probability of the positive class. */
  score: Float64Array;
  yTrue: Uint8Array;
  yPred: Uint8Array;
}

const HINT = "write it with `modelguard evaluate --model model.onnx --data test.csv --predictions preds.csv`";

/**
 * Reads the per-row predictions `modelguard evaluate --predictions` writes for a binary classifier with probabilities
 * (`row,label,p_<class a>,p_<class b>,target`). The positive class is `positiveLabel`, else the second probability
 * column's class (evaluate's default). Every row must have a probability in [0, 1] and a label and target that are
 * one of the two classes; the first that does not is an "input" error naming its line.
 *
 * Example: "row,label,p_no,p_yes,target\n0,yes,0.2,0.8,yes\n" -> positive "yes", score [0.8], yTrue [1], yPred [1]
 */
export async function readLabelledPredictions(path: string, positiveLabel?: string): Promise<LabelledPredictions> {
  const fail = (message: string, line?: number) =>
    new ModelguardError("input", message, HINT, { file: path, ...(line !== undefined ? { line } : {}) });
  const table: Table = await loadTable(path, {
    format: "csv",
    naValues: [""],
    types: { label: "string", target: "string" },
  });
  const probaColumns = table.columns.filter((c) => c.name.startsWith("p_"));
  const label = getColumn(table, "label");
  const target = getColumn(table, "target");
  if (!label || !target || probaColumns.length !== 2)
    throw fail(
      `${path}: expected a binary classifier's predictions with probabilities (columns label, p_<class> for both classes, target); found ${table.columns
        .map((c) => c.name)
        .slice(0, 8)
        .join(", ")}`,
    );
  const classes = probaColumns.map((c) => c.name.slice(2));
  const positive = positiveLabel ?? classes[1]!;
  const p = classes.indexOf(positive);
  if (p < 0) throw fail(`${path}: --positive-label '${positive}' is not one of its classes (${classes.join(", ")})`);
  const negative = classes[1 - p]!;
  const proba = probaColumns[p]!;
  const n = table.rowCount;
  if (n === 0) throw fail(`${path}: no rows`);
  const score = new Float64Array(n);
  const yTrue = new Uint8Array(n);
  const yPred = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const s = proba.kind === "numeric" && proba.valid[i] ? proba.values[i]! : NaN;
    if (!(s >= 0 && s <= 1))
      throw fail(
        `${path}, line ${line}: ${proba.name} is '${cellText(proba, i) ?? ""}', not a probability in [0, 1]`,
        line,
      );
    score[i] = s;
    const t = cellText(target, i);
    const l = cellText(label, i);
    if (t !== positive && t !== negative)
      throw fail(`${path}, line ${line}: target '${t ?? ""}' is neither '${positive}' nor '${negative}'`, line);
    if (l !== positive && l !== negative)
      throw fail(`${path}, line ${line}: label '${l ?? ""}' is neither '${positive}' nor '${negative}'`, line);
    yTrue[i] = t === positive ? 1 : 0;
    yPred[i] = l === positive ? 1 : 0;
  }
  return { positiveClass: positive, negativeClass: negative, score, yTrue, yPred };
}
