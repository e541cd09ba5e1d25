// Compares a regenerated fixture with its committed version numerically, not byte for byte.
//
// Why: the fixtures are computed by scipy / scikit-learn on top of OpenBLAS, which picks its kernels by CPU
// (Haswell, SkylakeX, Zen, ...). Sums and dot products come out in another order on another CPU, so the last one or
// two digits of a double differ (seen: 8e-14 relative at worst). A byte comparison then calls fresh fixtures stale on
// every machine but the one that made them. Numbers are equal here when
//   |a - b| <= RELATIVE_TOLERANCE * max(|a|, |b|) + ABSOLUTE_TOLERANCE
// and everything else (keys, strings, lengths, structure, types) must match exactly; a string that writes a number
// (a CSV cell, or a JSON string such as a regression's prediction sent as text) compares as that number.
import onnxProto from "onnx-proto";

/** 1e-12 relative: ~10,000x the worst cross-CPU difference seen, ~1e4x tighter than any test's own tolerance. */
export const RELATIVE_TOLERANCE = 1e-12;
/** For values that are zero up to rounding (a residual of 1e-17 on one CPU and -3e-18 on another). */
export const ABSOLUTE_TOLERANCE = 1e-15;

/**
 * Fields that are the stopping point of an iterative optimiser rather than the value of a formula. scikit-learn's
 * L-BFGS stops on scipy's ftol with a gradient of ~1e-4, and where it stops moves with the rounding of every step:
 * across OpenBLAS kernels its coef_ moves by up to ~3e-8 relative (seen). The tests compare ours with these only up
 * to that gap (2e-5..2.3e-4 x max|coef|, test/model/train/sklearnReference.test.ts), so 1e-6 relative is still
 * ~100x tighter than anything a test could notice. `optimum.max_abs_gradient` is a residual at rounding level
 * (~2e-15): any value below 1e-12 means the same. The polished optimum itself is the solution of Newton systems whose
 * condition number amplifies rounding: its small coefficients move by up to 6e-13 relative across kernels (seen, Zen
 * vs SkylakeX), so it is held to 1e-10 relative, still 1,000x tighter than the test's 1e-7 x max|coef|. `max_abs_gradient` at sklearn's stopping point is a record for
 * readers, tested nowhere: a gradient near an optimum is a difference of nearly equal sums, so it keeps only a few
 * digits across CPUs (seen: 6e-5 relative); 1e-3 relative still says "the same stopping point".
 */
const LOOSER_TOLERANCES = [
  {
    file: /(^|\/)fixtures\/models\/trainer_reference\.json$/,
    field: /^\.cases\[\d+\]\.(coef|intercept|test_proba|n_iter)(\[|$)/,
    relative: 1e-6,
    absolute: 1e-9,
  },
  {
    file: /(^|\/)fixtures\/models\/trainer_reference\.json$/,
    field: /^\.cases\[\d+\]\.max_abs_gradient$/,
    relative: 1e-3,
    absolute: 0,
  },
  {
    file: /(^|\/)fixtures\/models\/trainer_reference\.json$/,
    field: /^\.cases\[\d+\]\.optimum\.(coef|intercept)(\[|$)/,
    relative: 1e-10,
    absolute: 1e-15,
  },
  {
    file: /(^|\/)fixtures\/models\/trainer_reference\.json$/,
    field: /^\.cases\[\d+\]\.optimum\.max_abs_gradient$/,
    relative: 0,
    absolute: 1e-12,
  },
];

/** @typedef {{path: string, committed: number, regenerated: number, relative: number}} NumericDifference */
/** @typedef {{ok: boolean, mismatch?: string, worst?: NumericDifference, compared: number}} FileComparison */

/** Relative difference used for reporting (0 when both are 0). */
function relativeDifference(a, b) {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function numbersAgree(a, b, tolerance) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tolerance.relative * Math.max(Math.abs(a), Math.abs(b)) + tolerance.absolute;
}

const DEFAULT_TOLERANCE = { relative: RELATIVE_TOLERANCE, absolute: ABSOLUTE_TOLERANCE };

class Walk {
  constructor(file) {
    this.overrides = LOOSER_TOLERANCES.filter((o) => o.file.test(file));
  }
  compared = 0;
  /** @type {NumericDifference | undefined} */
  worst;
  /** @type {string | undefined} */
  mismatch;

  number(path, a, b) {
    this.compared++;
    const override = this.overrides.find((o) => o.field.test(path));
    if (!numbersAgree(a, b, override ?? DEFAULT_TOLERANCE)) {
      this.mismatch ??= `${path}: ${a} committed, ${b} regenerated (relative difference ${relativeDifference(a, b).toExponential(2)})`;
      return;
    }
    const relative = relativeDifference(a, b);
    if (override) return; // reported separately: the worst difference is about the default tolerance
    if (relative > 0 && (this.worst === undefined || relative > this.worst.relative)) {
      this.worst = { path, committed: a, regenerated: b, relative };
    }
  }

  value(path, a, b) {
    if (this.mismatch) return;
    if (typeof a === "number" && typeof b === "number") return this.number(path, a, b);
    // A number written as text (the monitor's events carry a regression's prediction as text) is a number too.
    if (typeof a === "string" && typeof b === "string" && a !== b && isNumberText(a) && isNumberText(b)) {
      return this.number(path, Number(a), Number(b));
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b)) return this.fail(path, "an array on one side only");
      if (a.length !== b.length) return this.fail(path, `length ${a.length} committed, ${b.length} regenerated`);
      for (let i = 0; i < a.length; i++) this.value(`${path}[${i}]`, a[i], b[i]);
      return;
    }
    if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
      if (a.length !== b.length) return this.fail(path, `length ${a.length} committed, ${b.length} regenerated`);
      for (let i = 0; i < a.length; i++) this.value(`${path}[${i}]`, Number(a[i]), Number(b[i]));
      return;
    }
    if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
      const keysA = Object.keys(a).sort();
      const keysB = Object.keys(b).sort();
      if (keysA.join("\u0000") !== keysB.join("\u0000")) {
        return this.fail(path, `keys [${keysA.join(", ")}] committed, [${keysB.join(", ")}] regenerated`);
      }
      for (const key of keysA) this.value(`${path}.${key}`, a[key], b[key]);
      return;
    }
    if (a !== b) this.fail(path, `${JSON.stringify(a)} committed, ${JSON.stringify(b)} regenerated`);
  }

  fail(path, what) {
    this.mismatch ??= `${path || "(root)"}: ${what}`;
  }

  result() {
    return { ok: this.mismatch === undefined, mismatch: this.mismatch, worst: this.worst, compared: this.compared };
  }
}

/** Splits one CSV line into fields (RFC 4180 quotes; fixtures never hold a newline inside a field). */
function csvFields(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      out.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

/** Text that writes a decimal number ("257.67185809516855", "-1e-5"): compared as the number it writes. */
function isNumberText(text) {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
}

/** A cell as a number when it is written as one, else as text (so "1.0" and "1.0000000000000002" compare as numbers). */
function csvCell(text) {
  return isNumberText(text) ? Number(text) : text;
}

function parseCsv(text) {
  return text.split(/\r?\n/).map((line) => csvFields(line).map(csvCell));
}

function parseJsonLines(text) {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

const TENSOR_ARRAYS = {
  1: Float32Array, // FLOAT
  11: Float64Array, // DOUBLE
  6: Int32Array, // INT32
  7: BigInt64Array, // INT64
};

/** An ONNX model as plain values, with every tensor's raw_data decoded to numbers so weights compare numerically. */
function onnxAsValue(bytes) {
  const model = onnxProto.onnx.ModelProto.decode(bytes);
  const plain = onnxProto.onnx.ModelProto.toObject(model, { longs: String, bytes: Array, defaults: false });
  const decodeTensors = (node) => {
    if (Array.isArray(node)) return node.forEach(decodeTensors);
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node.rawData) && node.dataType in TENSOR_ARRAYS) {
      const raw = Uint8Array.from(node.rawData);
      const Typed = TENSOR_ARRAYS[node.dataType];
      node.rawData = Array.from(new Typed(raw.buffer, 0, raw.byteLength / Typed.BYTES_PER_ELEMENT), Number);
    }
    for (const value of Object.values(node)) decodeTensors(value);
  };
  decodeTensors(plain);
  return plain;
}

/**
 * Compares two versions of one fixture file by its kind (.json, .jsonl, .csv, .onnx); any other kind must be
 * byte-identical. Returns whether they agree, the first disagreement, and the largest tolerated difference.
 *
 * @param {string} path the file's path, for its kind and for messages
 * @param {Uint8Array} committed
 * @param {Uint8Array} regenerated
 * @returns {FileComparison}
 */
export function compareFixture(path, committed, regenerated) {
  const walk = new Walk(path);
  const text = (bytes) => new TextDecoder().decode(bytes);
  try {
    if (path.endsWith(".json")) walk.value("", JSON.parse(text(committed)), JSON.parse(text(regenerated)));
    else if (path.endsWith(".jsonl")) {
      walk.value("", parseJsonLines(text(committed)), parseJsonLines(text(regenerated)));
    } else if (path.endsWith(".csv")) walk.value("", parseCsv(text(committed)), parseCsv(text(regenerated)));
    else if (path.endsWith(".onnx")) walk.value("", onnxAsValue(committed), onnxAsValue(regenerated));
    else if (Buffer.compare(Buffer.from(committed), Buffer.from(regenerated)) !== 0) {
      walk.fail("", "bytes differ (a file of this kind must be reproduced exactly)");
    }
  } catch (error) {
    walk.fail("", `cannot be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return walk.result();
}
