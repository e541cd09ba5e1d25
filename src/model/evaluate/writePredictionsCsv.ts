import { closeSync, openSync, writeSync } from "node:fs";
import { ModelguardError } from "../../errors.js";
import { ensureParentDir } from "../../outputFile.js";
import type { Predictions } from "./predictions.js";

/** Rows formatted per write call. */
const CHUNK_ROWS = 8192;

/**
 * Writes one CSV line per data row, in data order:
 * - classification: `row,label,p_<class>...,target` — the 0-based data row, the predicted class label, the
 *   probability of each class (only when the model gives probabilities) and the true class label;
 * - regression: `row,prediction,target`.
 * Numbers are written as the shortest text that reads back to the same double (float32 outputs as their exact
 * double value), so re-reading the file gives the evaluated values bit for bit. Fields with a comma, quote or line
 * break are quoted (RFC 4180). A file that cannot be written is an "io" error.
 *
 * Example (binary, classes ["0", "1"]): "row,label,p_0,p_1,target\n0,1,0.015,0.985,1\n..."
 */
export function writePredictionsCsv(path: string, predictions: Predictions): void {
  let fd: number;
  try {
    ensureParentDir(path);
    fd = openSync(path, "w");
  } catch (e) {
    throw ioError(path, e);
  }
  try {
    const n = predictions.rowCount;
    if (predictions.task === "regression") {
      const { yPred, yTrue } = predictions;
      write(fd, path, "row,prediction,target\n");
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        let text = "";
        for (let i = start; i < Math.min(n, start + CHUNK_ROWS); i++) text += `${i},${yPred[i]},${yTrue[i]}\n`;
        write(fd, path, text);
      }
    } else {
      const { classes, yPred, yTrue, proba } = predictions;
      const c = classes.length;
      const quoted = classes.map(csvField);
      const header = ["row", "label", ...(proba ? classes.map((k) => csvField(`p_${k}`)) : []), "target"];
      write(fd, path, header.join(",") + "\n");
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        let text = "";
        for (let i = start; i < Math.min(n, start + CHUNK_ROWS); i++) {
          text += `${i},${quoted[yPred[i]!]}`;
          if (proba) for (let k = 0; k < c; k++) text += `,${proba[i * c + k]}`;
          text += `,${quoted[yTrue[i]!]}\n`;
        }
        write(fd, path, text);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** A CSV field, quoted when it holds a delimiter, quote or line break. Example: csvField('a,"b"') -> '"a,""b"""' */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function write(fd: number, path: string, text: string): void {
  try {
    writeSync(fd, text);
  } catch (e) {
    throw ioError(path, e);
  }
}

function ioError(path: string, e: unknown): ModelguardError {
  return new ModelguardError(
    "io",
    `cannot write predictions to ${path}: ${(e as Error).message}`,
    "check the directory exists and is writable",
    { file: path },
  );
}
