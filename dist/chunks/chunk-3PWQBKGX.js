import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  sha256File
} from "./chunk-Z477IZJA.js";
import {
  ClassLabels,
  argmaxRows,
  computeMetrics,
  distinctTargetTexts,
  sortLabels,
  targetClassIndices,
  targetValues
} from "./chunk-56NJ2FAC.js";
import {
  require_onnx
} from "./chunk-SMSJON5I.js";
import {
  allInOrder
} from "./chunk-BNU2NNMW.js";
import {
  ensureParentDir
} from "./chunk-WKNXAUPU.js";
import {
  loadTable,
  readColumnNames,
  resolveDataset
} from "./chunk-TPKJ4BDL.js";
import {
  cellText,
  getColumn,
  isMissing
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError,
  formatLocation
} from "./chunk-7XDOXOVQ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/model/evaluate/evaluateModel.ts
import { performance } from "node:perf_hooks";

// src/model/evaluate/batchFeeders.ts
var BLOCK_ROWS = 2048;
function createBatchFeeders(bindings, table, batchRows, Tensor) {
  return bindings.map(
    (b) => b.kind === "matrix" ? matrixFeeder(b, table, batchRows, Tensor) : columnFeeder(b, table, batchRows, Tensor)
  );
}
function matrixFeeder(binding, table, batchRows, Tensor) {
  const columns = binding.features.map((f) => numericValues(table, f, binding.input, binding.source));
  const width = columns.length;
  const buf = binding.type === "float32" ? new Float32Array(batchRows * width) : new Float64Array(batchRows * width);
  return {
    input: binding.input,
    tensor(start, count, rows) {
      const view = rows * width === buf.length ? buf : buf.subarray(0, rows * width);
      fillRowMajor(columns, start, count, view);
      for (let r = count; r < rows; r++) view.copyWithin(r * width, (count - 1) * width, count * width);
      return new Tensor(binding.type, view, [rows, width]);
    }
  };
}
function fillRowMajor(columns, start, count, out) {
  const width = columns.length;
  for (let block = 0; block < count; block += BLOCK_ROWS) {
    const end = Math.min(count, block + BLOCK_ROWS);
    let j = 0;
    for (; j + 4 <= width; j += 4) {
      const a = columns[j];
      const b = columns[j + 1];
      const c = columns[j + 2];
      const d = columns[j + 3];
      for (let i = block, o = block * width + j; i < end; i++, o += width) {
        const r = start + i;
        out[o] = a[r];
        out[o + 1] = b[r];
        out[o + 2] = c[r];
        out[o + 3] = d[r];
      }
    }
    for (; j < width; j++) {
      const col = columns[j];
      for (let i = block, o = block * width + j; i < end; i++, o += width) out[o] = col[start + i];
    }
  }
}
function columnFeeder(binding, table, batchRows, Tensor) {
  const dims = (rows) => binding.flat ? [rows] : [rows, 1];
  const { input, type } = binding;
  if (type === "string") {
    const texts = columnTexts(table, binding.column);
    return {
      input,
      tensor(start, count, rows) {
        const batch = new Array(rows);
        for (let i = 0; i < count; i++) batch[i] = texts(start + i);
        batch.fill(batch[count - 1], count);
        return new Tensor("string", batch, dims(rows));
      }
    };
  }
  const values = numericValues(table, binding.column, input, void 0);
  if (type === "int64") {
    checkIntegers(table, binding.column, values, input);
    const buf2 = new BigInt64Array(batchRows);
    return {
      input,
      tensor(start, count, rows) {
        const view = rows === batchRows ? buf2 : buf2.subarray(0, rows);
        for (let i = 0; i < count; i++) view[i] = BigInt(values[start + i]);
        view.fill(view[count - 1], count);
        return new Tensor("int64", view, dims(rows));
      }
    };
  }
  const buf = type === "float32" ? new Float32Array(batchRows) : new Float64Array(batchRows);
  return {
    input,
    tensor(start, count, rows) {
      const view = rows === batchRows ? buf : buf.subarray(0, rows);
      view.set(values.subarray(start, start + count));
      view.fill(view[count - 1], count);
      return new Tensor(type, view, dims(rows));
    }
  };
}
function numericValues(table, name, input, source) {
  const column = getColumn(table, name);
  if (!column)
    throw new ModelguardError("input", `${table.source}: column '${name}' not found`, "check the column names", {
      file: table.source,
      column: name
    });
  const why = `the model's input '${input}' takes numbers`;
  const hint = source === "file order" ? "every non-target column was fed to the model; pass --features with the model's feature columns (or store feature_names in the model's metadata), or encode this column as numbers" : "fix or remove the value, or encode the column as numbers before evaluating";
  if (column.kind === "numeric") {
    if (column.type === "datetime")
      throw new ModelguardError(
        "input",
        `${formatLocation({ file: table.source, column: name })}: holds dates, but ${why}`,
        "convert the dates to a number (e.g. days since an epoch) the way the model was trained",
        { file: table.source, column: name }
      );
    if (column.invalid.size > 0) {
      let row = Infinity;
      for (const r of column.invalid.keys()) if (r < row) row = r;
      throw nonNumeric(table, column, row, column.invalid.get(row), why, hint);
    }
    return column.values;
  }
  for (let row = 0; row < table.rowCount; row++) {
    const text = cellText(column, row);
    if (text !== null && !Number.isFinite(Number(text.trim() === "" ? "x" : text)))
      throw nonNumeric(table, column, row, text, why, hint);
  }
  throw new ModelguardError(
    "input",
    `${formatLocation({ file: table.source, column: name })}: is a ${column.type} column, but ${why}`,
    hint,
    { file: table.source, column: name }
  );
}
function nonNumeric(table, column, row, text, why, hint) {
  const loc = { file: table.source, row, column: column.name };
  return new ModelguardError("input", `${formatLocation(loc)}: '${text}' is not a number, but ${why}`, hint, loc);
}
function checkIntegers(table, name, values, input) {
  const column = getColumn(table, name);
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (Number.isSafeInteger(v)) continue;
    const loc = { file: table.source, row, column: name };
    const what = column.valid[row] === 0 ? "is missing" : `holds ${v}, not an integer`;
    throw new ModelguardError(
      "input",
      `${formatLocation(loc)}: ${what}, but the model's input '${input}' is int64`,
      "int64 inputs cannot take missing or fractional values: fill or drop those rows",
      loc
    );
  }
}
function columnTexts(table, name) {
  const column = getColumn(table, name);
  if (column.kind === "dictionary") {
    const { codes, dictionary } = column;
    return (row) => {
      const code = codes[row];
      return code < 0 ? "" : dictionary[code];
    };
  }
  return (row) => cellText(column, row) ?? "";
}

// src/model/evaluate/loadOnnxModel.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

// src/model/evaluate/readOnnxGraphInfo.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var CLASSIFIERS = /* @__PURE__ */ new Set(["LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier"]);
function readOnnxGraphInfo(bytes) {
  const model = import_onnx_proto.default.onnx.ModelProto.decode(bytes);
  const metadata = /* @__PURE__ */ new Map();
  for (const entry of model.metadataProps ?? []) if (entry.key) metadata.set(entry.key, entry.value ?? "");
  const decoder = new TextDecoder();
  const found = [];
  for (const node of model.graph?.node ?? []) {
    if (node.domain !== "ai.onnx.ml" || !CLASSIFIERS.has(node.opType ?? "")) continue;
    for (const attr of node.attribute ?? []) {
      if (!attr.name?.startsWith("classlabels_")) continue;
      if (attr.strings && attr.strings.length > 0) found.push(attr.strings.map((s) => decoder.decode(s)));
      else if (attr.ints && attr.ints.length > 0) found.push(attr.ints.map((v) => String(v)));
    }
  }
  const first = found[0];
  const agree = first !== void 0 && found.every((l) => l.length === first.length && l.every((v, i) => v === first[i]));
  return agree ? { metadata, classifierLabels: first } : { metadata };
}

// src/model/evaluate/loadOnnxModel.ts
var SESSION_OPTIONS = {
  extra: { session: { intra_op: { allow_spinning: "0" } } }
};
var runtime;
function loadOnnxRuntime() {
  process.env.ORT_DISABLE_TELEMETRY ??= "1";
  return runtime ??= import("onnxruntime-node");
}
async function loadOnnxModel(path) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = e.code;
    throw new ModelguardError(
      "model",
      code === "ENOENT" ? `model file not found: ${path}` : `cannot read model file ${path}: ${e.message}`,
      "pass the path of an .onnx file with --model",
      { file: path }
    );
  }
  return openOnnxModel(path, bytes);
}
async function openOnnxModel(path, bytes) {
  const ort = await loadOnnxRuntime();
  let session;
  try {
    session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS);
  } catch (e) {
    const reason = e.message;
    const notOnnx = /protobuf parsing failed|no graph/i.test(reason) || bytes.length === 0;
    throw new ModelguardError(
      "model",
      notOnnx ? `${path} is not an ONNX model (onnxruntime: ${reason})` : `onnxruntime cannot load the model ${path}: ${reason}`,
      notOnnx ? "pass a .onnx file (export with skl2onnx, torch.onnx.export, tf2onnx or `modelguard train`)" : "check the model with onnx.checker.check_model, and that its opsets are supported by onnxruntime 1.30",
      { file: path }
    );
  }
  let info;
  try {
    info = readOnnxGraphInfo(bytes);
  } catch (e) {
    await session.release();
    throw new ModelguardError(
      "model",
      `${path}: cannot read the model's metadata: ${e.message}`,
      "re-export the model; onnxruntime loads it but its protobuf does not decode",
      { file: path }
    );
  }
  return {
    path,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
    session,
    Tensor: ort.Tensor,
    inputs: session.inputMetadata,
    outputs: session.outputMetadata,
    metadata: info.metadata,
    ...info.classifierLabels ? { classifierLabels: info.classifierLabels } : {}
  };
}
function describeModelValue(v) {
  if (!v.isTensor) return `${v.name} (a sequence or map, not a tensor)`;
  const dims = v.shape.map((d) => typeof d === "number" ? String(d) : d === "" ? "?" : d);
  return `${v.name} (${v.type} [${dims.join(", ")}])`;
}
function metadataLabels(model, key) {
  const raw = model.metadata.get(key);
  if (raw === void 0) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = void 0;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((v) => typeof v === "string" || typeof v === "number" && Number.isFinite(v)))
    throw new ModelguardError(
      "model",
      `${model.path}: metadata '${key}' must be a JSON array of strings, got ${JSON.stringify(raw.slice(0, 200))}`,
      `store it as json.dumps(list_of_names) in the model's metadata_props, or remove the '${key}' entry`,
      { file: model.path }
    );
  return parsed.map(String);
}

// src/model/evaluate/bindInputs.ts
var COLUMN_TYPES = /* @__PURE__ */ new Set(["float32", "float64", "int64", "string"]);
var CONVENTIONS = "modelguard feeds either (1) ONE float or double input [N, F] with the feature columns (from --features, the model's feature_names metadata, or every non-target column in file order), or (2) one input per data column, named like the column, of type float, double, int64 or string and shape [N, 1]";
function bindInputs(model, columnNames, options) {
  const { target, dataPath } = options;
  const inFile = new Set(columnNames);
  const isColumn = (name) => inFile.has(name) && name !== target;
  const inputs = model.inputs;
  const fromMetadata = metadataLabels(model, "feature_names");
  const tensorType = (v) => v.isTensor ? v.type : "non-tensor";
  const isFloat = (v) => tensorType(v) === "float32" || tensorType(v) === "float64";
  let matrix;
  let perColumn;
  if (options.inputName !== void 0) {
    matrix = inputs.find((v) => v.name === options.inputName);
    if (!matrix)
      throw new ModelguardError(
        "usage",
        `--input-name '${options.inputName}' is not an input of ${model.path}; its inputs: ${inputs.map(describeModelValue).join(", ")}`,
        "pass one of the model's input names, or leave --input-name out"
      );
    perColumn = inputs.filter((v) => v !== matrix);
  } else if (inputs.length === 1) {
    const only = inputs[0];
    const single = only.isTensor && (only.shape.length === 1 || only.shape.length === 2 && !isWide(only.shape[1]));
    const columnInput = isColumn(only.name) && (!isFloat(only) || single && options.features === void 0 && !fromMetadata);
    matrix = columnInput ? void 0 : only;
    perColumn = columnInput ? [only] : [];
  } else {
    const others = inputs.filter((v) => !isColumn(v.name));
    if (others.length > 0) throw unsupported(model, dataPath, others);
    perColumn = [...inputs];
  }
  const missingColumns = perColumn.filter((v) => !isColumn(v.name));
  if (missingColumns.length > 0) throw unsupported(model, dataPath, missingColumns);
  if (matrix && !isFloat(matrix)) throw unsupported(model, dataPath, [matrix]);
  if (!matrix && options.features !== void 0)
    throw new ModelguardError(
      "usage",
      `--features applies to a model with one feature-matrix input, but ${model.path} takes one input per column: ` + perColumn.map((v) => v.name).join(", "),
      "leave --features out: each input is fed the data column of its name"
    );
  const bindings = [];
  for (const v of perColumn) {
    const type = tensorType(v);
    const rank = v.isTensor ? v.shape.length : 0;
    const width = v.isTensor && rank === 2 ? v.shape[1] : 1;
    if (!COLUMN_TYPES.has(type) || rank > 2 || isWide(width)) throw unsupported(model, dataPath, [v]);
    bindings.push({
      kind: "column",
      input: v.name,
      type,
      column: v.name,
      flat: rank === 1
    });
  }
  if (matrix) {
    const fed = new Set(perColumn.map((v) => v.name));
    const source = options.features !== void 0 ? "--features" : fromMetadata ? "metadata feature_names" : "file order";
    const features = options.features ?? fromMetadata ?? columnNames.filter((name) => name !== target && !fed.has(name));
    checkFeatures(model, matrix, features, source, options, columnNames);
    bindings.unshift({
      kind: "matrix",
      input: matrix.name,
      type: tensorType(matrix),
      features,
      source
    });
  }
  const batchDims = inputs.flatMap((v) => v.isTensor && typeof v.shape[0] === "number" ? [v.shape[0]] : []);
  const fixedBatch = batchDims[0];
  if (fixedBatch !== void 0 && (fixedBatch < 1 || batchDims.some((d) => d !== fixedBatch)))
    throw unsupported(model, dataPath, inputs);
  return fixedBatch === void 0 ? { bindings } : { bindings, fixedBatch };
}
function isWide(dim) {
  return typeof dim === "number" && dim !== 1;
}
function checkFeatures(model, input, features, source, options, columnNames) {
  const { dataPath, target } = options;
  const seen = /* @__PURE__ */ new Set();
  for (const f of features) {
    if (seen.has(f))
      throw new ModelguardError(
        source === "--features" ? "usage" : "model",
        `feature '${f}' is listed twice (${source})`,
        "list each feature column once, in the order the model was trained on"
      );
    seen.add(f);
  }
  if (seen.has(target))
    throw new ModelguardError(
      "usage",
      `the target column '${target}' is also a feature (${source})`,
      "a model must not see its own label: remove the target from the features, or pass the right --target"
    );
  const absent = features.filter((f) => !columnNames.includes(f));
  if (absent.length > 0)
    throw new ModelguardError(
      "input",
      `${dataPath}: feature column${absent.length > 1 ? "s" : ""} ${absent.map((f) => `'${f}'`).join(", ")} (${source}) not in the file; its columns: ${columnNames.join(", ")}`,
      source === "--features" ? "check the names passed to --features" : "evaluate on data with the columns the model was trained on, or pass --features",
      { file: dataPath, column: absent[0] }
    );
  if (features.length === 0)
    throw new ModelguardError(
      "usage",
      `no feature columns to feed the model's input '${input.name}': ${dataPath} has only the target column`,
      "pass --features, or evaluate on a file with feature columns"
    );
  const shape = input.isTensor ? input.shape : [];
  if (shape.length !== 0 && shape.length !== 2) throw unsupported(model, dataPath, [input]);
  const expected = shape[1];
  if (typeof expected === "number" && expected !== features.length) {
    const origin = source === "file order" ? `every non-target column of ${dataPath}, in file order` : `from ${source}`;
    throw new ModelguardError(
      "model",
      `${model.path}: input '${input.name}' expects ${expected} features but ${features.length} were given (${origin}): ${features.join(", ")}`,
      `pass --features with the model's ${expected} feature columns in training order, or store them in the model's metadata as feature_names (a JSON array)`,
      { file: model.path }
    );
  }
}
function unsupported(model, dataPath, culprits) {
  return new ModelguardError(
    "model",
    `${model.path}: cannot feed the model's inputs ${model.inputs.map(describeModelValue).join(", ")} (${culprits.map((v) => v.name).join(", ")} fit no convention with the columns of ${dataPath}). ${CONVENTIONS}`,
    "re-export the model with one of these input layouts, or pass --input-name to name the feature-matrix input",
    { file: model.path }
  );
}

// src/model/metrics/liftBinaryProba.ts
function liftBinaryProba(positive, positiveIndex = 1) {
  const n = positive.length;
  const out = new Float64Array(2 * n);
  const neg = 1 - positiveIndex;
  for (let i = 0; i < n; i++) {
    const p = positive[i];
    out[2 * i + positiveIndex] = p;
    out[2 * i + neg] = 1 - p;
  }
  return out;
}

// src/model/evaluate/interpretOutputs.ts
var PROBABILITY_SLACK = 1e-6;
function interpretOutputs(options) {
  const { model, selection, outputs, task } = options;
  const notes = [];
  let labels;
  let scores;
  if (selection.kind === "pair") {
    const l = outputs.get(selection.label);
    const p = outputs.get(selection.probabilities);
    if (l.kind !== "labels" || p.kind !== "float") throw new Error("pair outputs have the wrong kinds");
    labels = l;
    scores = p;
  } else {
    const o = outputs.get(selection.name);
    if (o.kind === "labels") labels = o;
    else scores = o;
  }
  if (scores && scores.rowDims.length > 1 && scores.width > 1)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${scores.name}' has shape [N, ${scores.rowDims.join(", ")}]; modelguard reads probabilities [N, C], a single value [N] or [N, 1], or labels [N]`,
      "pick another output with --output-name, or reshape the model's output",
      { file: model.path }
    );
  const declared = metadataLabels(model, "classes") ?? model.classifierLabels;
  const declaredOrigin = metadataLabels(model, "classes") ? "from the model's metadata" : "from the model's classifier";
  const matrix = scores !== void 0 && scores.width >= 2 ? scores : void 0;
  const single = scores !== void 0 && scores.width === 1 ? scores : void 0;
  let regression;
  if (task === "regression") {
    if (!single || labels)
      throw new ModelguardError(
        "usage",
        `--task regression needs one continuous output, but ${model.path}'s ${describeSelection(selection, outputs)}`,
        "pass --task auto (or binary/multiclass), or pick a single-value output with --output-name"
      );
    regression = true;
  } else if (task === "binary" || task === "multiclass") {
    regression = false;
  } else if (matrix || labels) {
    regression = false;
  } else {
    regression = !declared && !looksBinary(options.target, options.table.rowCount, single.values);
  }
  if (regression) {
    const yTrue2 = targetValues(options.table, options.target);
    const yPred2 = single.values;
    checkFinite(options, single, yPred2, 1, "a regression value");
    if (options.positiveLabel !== void 0)
      throw new ModelguardError("usage", "--positive-label applies to binary classification only", "leave it out");
    return { predictions: { task: "regression", rowCount: yTrue2.length, yTrue: yTrue2, yPred: yPred2 }, notes };
  }
  const fromData = declared === void 0;
  const predictedLabels = labels && !scores ? labels.dictionary : [];
  const classList = declared ?? sortLabels([...distinctTargetTexts(options.target, options.table.rowCount), ...predictedLabels]);
  const origin = fromData ? "the distinct target values" : declaredOrigin;
  const classes = new ClassLabels(classList);
  const c = classList.length;
  if (matrix && matrix.width !== c)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${matrix.name}' has ${matrix.width} probability columns but there are ${c} classes (${origin}: ${classList.join(", ")})`,
      fromData ? "store the model's class labels, in the order of its probability columns, in its metadata as classes (a JSON array); the test data may lack a class" : "the model's classes metadata must list one label per probability column",
      { file: model.path }
    );
  if (c < 2)
    throw new ModelguardError(
      "input",
      `${options.table.source}: only one class (${classList.join(", ")}) in the target '${options.target.name}' and the model declares no classes`,
      "evaluate on data with both classes, or store the class labels in the model's metadata as classes",
      { file: options.table.source, column: options.target.name }
    );
  if (single && c !== 2)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${single.name}' is a single value per row, but there are ${c} classes (${origin}: ${classList.join(", ")}); a single probability is for binary classification`,
      "export the model with one probability column per class, or evaluate a binary target",
      { file: model.path }
    );
  const resolvedTask = c === 2 ? "binary" : "multiclass";
  if (task !== "auto" && task !== resolvedTask)
    throw new ModelguardError(
      "usage",
      `--task ${task} does not fit ${c} classes (${origin}: ${classList.join(", ")})`,
      `pass --task ${resolvedTask} or --task auto`
    );
  const yTrue = targetClassIndices(options.table, options.target, classes, origin);
  let proba;
  let clipped = 0;
  if (matrix) {
    checkFinite(options, matrix, matrix.values, c, "a probability");
    clipped = checkProbabilities(options, matrix, c);
    proba = matrix.values;
  } else if (single) {
    checkFinite(options, single, single.values, 1, "a probability");
    clipped = checkProbabilities(options, single, 1);
    proba = liftBinaryProba(single.values, 1);
  }
  let yPred;
  if (labels) {
    const mode = labelMode(labels, classes, c, proba, model.metadata.has("modelguard_trainer"));
    const codeToClass = labels.dictionary.map((text, code) => {
      const k = mode === "text" ? classes.indexOf(text) : classIndexOf(text, c);
      if (k < 0) {
        const row = labels.codes.indexOf(code);
        throw new ModelguardError(
          "model",
          `${model.path}: output '${labels.name}' predicts '${text}' (row ${row}), which is not among the classes (${origin}: ${classList.join(", ")})`,
          "store the model's class labels in its metadata as classes (a JSON array), matching its label output",
          { file: model.path }
        );
      }
      return k;
    });
    yPred = new Int32Array(labels.codes.length);
    for (let i = 0; i < yPred.length; i++) yPred[i] = codeToClass[labels.codes[i]];
    if (mode === "index")
      notes.push({ metric: "*", reason: `output '${labels.name}' holds class indices into classes, not labels` });
  } else {
    yPred = argmaxRows(proba, c);
  }
  if (clipped > 0)
    notes.push({
      metric: "*",
      reason: `${clipped} probabilities within ${PROBABILITY_SLACK} outside [0, 1] (float rounding) were clipped`
    });
  let positiveIndex;
  if (options.positiveLabel !== void 0) {
    if (c !== 2)
      throw new ModelguardError(
        "usage",
        `--positive-label applies to binary classification, but there are ${c} classes`,
        "leave --positive-label out for multiclass models"
      );
    positiveIndex = classes.indexOf(options.positiveLabel);
    if (positiveIndex < 0)
      throw new ModelguardError(
        "usage",
        `--positive-label '${options.positiveLabel}' is not one of the classes (${classList.join(", ")})`,
        "pass one of the class labels"
      );
  } else if (c === 2) positiveIndex = 1;
  return {
    predictions: {
      task: resolvedTask,
      rowCount: yTrue.length,
      classes: classList,
      ...positiveIndex !== void 0 ? { positiveIndex } : {},
      yTrue,
      yPred,
      ...proba ? { proba } : {}
    },
    notes
  };
}
function labelMode(labels, classes, c, proba, ourTrainer) {
  if (labels.type === "string") return "text";
  if (ourTrainer) return "index";
  const byText = labels.dictionary.map((t) => classes.indexOf(t));
  const byIndex = labels.dictionary.map((t) => classIndexOf(t, c));
  if (proba) {
    const argmax = argmaxRows(proba, c);
    let text = 0;
    let index = 0;
    for (let i = 0; i < argmax.length; i++) {
      const code = labels.codes[i];
      if (byText[code] === argmax[i]) text++;
      if (byIndex[code] === argmax[i]) index++;
    }
    return index > text ? "index" : "text";
  }
  if (byText.every((k) => k >= 0)) return "text";
  return byIndex.every((k) => k >= 0) ? "index" : "text";
}
function classIndexOf(text, c) {
  const v = Number(text);
  return Number.isInteger(v) && v >= 0 && v < c ? v : -1;
}
function looksBinary(target, rowCount, values) {
  if (target.kind === "numeric" && target.type !== "boolean") {
    const distinct = distinctTargetTexts(target, rowCount, 3);
    if (distinct.length > 2 || distinct.some((t) => !Number.isInteger(Number(t)))) return false;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) return false;
  }
  return true;
}
function describeSelection(selection, outputs) {
  if (selection.kind === "pair")
    return `outputs '${selection.label}' and '${selection.probabilities}' are classifier outputs`;
  const o = outputs.get(selection.name);
  return o.kind === "labels" ? `output '${o.name}' holds labels (${o.type})` : `output '${o.name}' has ${o.width} columns per row`;
}
function checkFinite(options, output, values, width, what) {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) continue;
    const row = Math.floor(i / width);
    const missing = options.missingFeatures(row);
    throw new ModelguardError(
      "model",
      `${options.model.path}: output '${output.name}' is ${v} for data row ${row}, not ${what}` + (missing.length > 0 ? `; that row has missing values in ${missing.join(", ")}` : ""),
      missing.length > 0 ? "the model does not handle missing values: impute them (as in training) or drop those rows" : "check the model on that row; its inputs may be outside the range it was trained on",
      { file: options.model.path, row }
    );
  }
}
function checkProbabilities(options, output, width) {
  const values = output.values;
  let clipped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= 0 && v <= 1) continue;
    if (v >= -PROBABILITY_SLACK && v <= 1 + PROBABILITY_SLACK) {
      values[i] = v < 0 ? 0 : 1;
      clipped++;
      continue;
    }
    throw new ModelguardError(
      "model",
      `${options.model.path}: output '${output.name}' holds ${v} for data row ${Math.floor(i / width)}, not a probability in [0, 1] (scores or logits?)`,
      "end the model with a Softmax (or Sigmoid) so it outputs probabilities, pick a label output with --output-name, or pass --task regression for a regression model",
      { file: options.model.path }
    );
  }
  return clipped;
}

// src/model/evaluate/runBatches.ts
var MIN_BATCH_ROWS = 16;
async function runBatches(session, feeders, outputNames, options) {
  const { rowCount, modelPath } = options;
  const step = options.fixedBatch ?? options.batchRows;
  const gathered = /* @__PURE__ */ new Map();
  for (let start = 0; start < rowCount; start += step) {
    const count = Math.min(step, rowCount - start);
    const rows = options.fixedBatch ?? Math.max(count, options.minRows ?? 1);
    const feeds = {};
    for (const f of feeders) feeds[f.input] = f.tensor(start, count, rows);
    let result;
    try {
      result = await session.run(feeds, outputNames);
    } catch (e) {
      throw new ModelguardError(
        "model",
        `${modelPath}: onnxruntime failed on rows ${start}..${start + count - 1}: ${e.message}`,
        "check that the model's inputs take the data's columns (types and shapes); see the message for the node",
        { file: modelPath }
      );
    }
    for (const name of outputNames) {
      const tensor = result[name];
      let g = gathered.get(name);
      if (!g) {
        g = createGatherer(name, tensor, rows, rowCount, modelPath);
        gathered.set(name, g);
      }
      g.add(tensor, start, count, rows);
    }
  }
  return new Map([...gathered].map(([name, g]) => [name, g.output]));
}
function createGatherer(name, first, rows, rowCount, modelPath) {
  const dims = first.dims;
  if (dims.length === 0 || dims[0] !== rows)
    throw new ModelguardError(
      "model",
      `${modelPath}: output '${name}' has shape [${dims.join(", ")}] for a batch of ${rows} rows; modelguard needs one output row per input row (batch dimension first)`,
      "export the model with a dynamic batch dimension first on every input and output",
      { file: modelPath }
    );
  const rowDims = dims.slice(1);
  const width = rowDims.reduce((a, b) => a * b, 1);
  const checkShape = (t, batchRows) => {
    if (t.dims[0] !== batchRows || t.dims.length !== dims.length || t.dims.slice(1).some((d, i) => d !== rowDims[i]))
      throw new ModelguardError(
        "model",
        `${modelPath}: output '${name}' changed shape between batches ([${dims.join(", ")}] then [${t.dims.join(", ")}])`,
        "export the model with a fixed per-row output shape",
        { file: modelPath }
      );
  };
  if (first.type === "float32" || first.type === "float64") {
    const output = {
      kind: "float",
      name,
      type: first.type,
      rowDims,
      width,
      values: new Float64Array(rowCount * width)
    };
    return {
      output,
      add(t, start, count, batchRows) {
        checkShape(t, batchRows);
        const data = t.data;
        output.values.set(data.subarray(0, count * width), start * width);
      }
    };
  }
  if (first.type === "int64" || first.type === "int32" || first.type === "string") {
    if (width !== 1)
      throw new ModelguardError(
        "model",
        `${modelPath}: output '${name}' is ${first.type} with shape [${dims.join(", ")}]; a label output has one value per row`,
        "pick a label output [N] or a probabilities output [N, C] with --output-name",
        { file: modelPath }
      );
    const output = {
      kind: "labels",
      name,
      type: first.type,
      rowDims,
      codes: new Int32Array(rowCount),
      dictionary: []
    };
    const index = /* @__PURE__ */ new Map();
    return {
      output,
      add(t, start, count, batchRows) {
        checkShape(t, batchRows);
        const data = t.data;
        for (let i = 0; i < count; i++) {
          const v = data[i];
          let code = index.get(v);
          if (code === void 0) {
            code = output.dictionary.length;
            output.dictionary.push(String(v));
            index.set(v, code);
          }
          output.codes[start + i] = code;
        }
      }
    };
  }
  throw new ModelguardError(
    "model",
    `${modelPath}: output '${name}' is of type ${first.type}; modelguard reads float, double, int64, int32 and string outputs`,
    "add a Cast to float to the model's output, or pick another output with --output-name",
    { file: modelPath }
  );
}

// src/model/evaluate/selectOutputs.ts
var LABEL_TYPES = /* @__PURE__ */ new Set(["int64", "int32", "string"]);
var FLOAT_TYPES = /* @__PURE__ */ new Set(["float32", "float64"]);
function selectOutputs(model, outputName) {
  const outputs = model.outputs;
  const list = outputs.map(describeModelValue).join(", ");
  if (outputName !== void 0) {
    const chosen = outputs.find((o) => o.name === outputName);
    if (!chosen)
      throw new ModelguardError(
        "usage",
        `--output-name '${outputName}' is not an output of ${model.path}; its outputs: ${list}`,
        "pass one of the model's output names, or leave --output-name out"
      );
    if (!chosen.isTensor) throw zipMapError(model, chosen);
    return { kind: "single", name: chosen.name };
  }
  const nonTensor = outputs.find((o) => !o.isTensor);
  if (nonTensor) throw zipMapError(model, nonTensor);
  if (outputs.length === 1) return { kind: "single", name: outputs[0].name };
  const typeOf = (o) => o.isTensor ? o.type : "";
  const labels = outputs.filter((o) => LABEL_TYPES.has(typeOf(o)));
  const floats = outputs.filter((o) => FLOAT_TYPES.has(typeOf(o)));
  if (outputs.length === 2 && labels.length === 1 && floats.length === 1)
    return { kind: "pair", label: labels[0].name, probabilities: floats[0].name };
  throw new ModelguardError(
    "usage",
    `${model.path} has ${outputs.length} outputs (${list}); modelguard reads one output, or a label output with a probabilities output`,
    "pick the output to evaluate with --output-name",
    { file: model.path }
  );
}
function zipMapError(model, output) {
  const others = model.outputs.filter((o) => o.isTensor).map((o) => o.name);
  return new ModelguardError(
    "model",
    `${model.path}: output '${output.name}' is a sequence of maps (a ZipMap), which modelguard does not read`,
    "export the probabilities as a tensor: skl2onnx.to_onnx(model, X, options={id(model): {'zipmap': False}})" + (others.length > 0 ? `; or evaluate the labels only with --output-name ${others[0]}` : ""),
    { file: model.path }
  );
}

// src/model/evaluate/sha256Dataset.ts
import { createHash as createHash2 } from "node:crypto";
import { relative, sep } from "node:path";
async function sha256Dataset(spec) {
  const dataset = await resolveDataset(spec);
  if (dataset.shards.length === 1 && dataset.partitionKeys.length === 0) return sha256File(dataset.shards[0].file);
  const listing = createHash2("sha256");
  for (const shard of dataset.shards)
    listing.update(`${await sha256File(shard.file)}  ${relative(dataset.root, shard.file).split(sep).join("/")}
`);
  return listing.digest("hex");
}

// src/model/evaluate/writePredictionsCsv.ts
import { closeSync, openSync, writeSync } from "node:fs";
var CHUNK_ROWS = 8192;
function writePredictionsCsv(path, predictions) {
  let fd;
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
        for (let i = start; i < Math.min(n, start + CHUNK_ROWS); i++) text += `${i},${yPred[i]},${yTrue[i]}
`;
        write(fd, path, text);
      }
    } else {
      const { classes, yPred, yTrue, proba } = predictions;
      const c = classes.length;
      const quoted = classes.map(csvField);
      const header = ["row", "label", ...proba ? classes.map((k) => csvField(`p_${k}`)) : [], "target"];
      write(fd, path, header.join(",") + "\n");
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        let text = "";
        for (let i = start; i < Math.min(n, start + CHUNK_ROWS); i++) {
          text += `${i},${quoted[yPred[i]]}`;
          if (proba) for (let k = 0; k < c; k++) text += `,${proba[i * c + k]}`;
          text += `,${quoted[yTrue[i]]}
`;
        }
        write(fd, path, text);
      }
    }
  } finally {
    closeSync(fd);
  }
}
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function write(fd, path, text) {
  try {
    writeSync(fd, text);
  } catch (e) {
    throw ioError(path, e);
  }
}
function ioError(path, e) {
  return new ModelguardError(
    "io",
    `cannot write predictions to ${path}: ${e.message}`,
    "check the directory exists and is writable",
    { file: path }
  );
}

// src/model/evaluate/evaluateModel.ts
var DEFAULT_BATCH_SIZE = 16384;
var DEFAULT_MIN_SLICE_SIZE = 30;
async function evaluateModel(options) {
  const [result] = await evaluateModels([options.model], options);
  if (options.predictions !== void 0) writePredictionsCsv(options.predictions, result.predictions);
  return result;
}
async function evaluateModels(models, options) {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const minSliceSize = options.minSliceSize ?? DEFAULT_MIN_SLICE_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new ModelguardError(
      "usage",
      `--batch-size must be a positive integer, got ${batchSize}`,
      "e.g. --batch-size 16384"
    );
  if (!Number.isInteger(minSliceSize) || minSliceSize < 0)
    throw new ModelguardError(
      "usage",
      `--min-slice-size must be an integer >= 0, got ${minSliceSize}`,
      "e.g. --min-slice-size 30"
    );
  const opened = [];
  try {
    for (const path of models) opened.push(await loadOnnxModel(path));
    const selections = opened.map((model) => selectOutputs(model, options.outputName));
    const columnNames = await readColumnNames(options.data, options.load);
    for (const [flag, name] of [
      ["--target", options.target],
      ["--slice-by", options.sliceBy]
    ]) {
      if (name !== void 0 && !columnNames.includes(name))
        throw new ModelguardError(
          "input",
          `${options.data}: ${flag === "--target" ? "target" : "slice"} column '${name}' not found; its columns: ${columnNames.join(", ")}`,
          `pass the name of a column of the data file with ${flag}`,
          { file: options.data, column: name }
        );
    }
    const plans = opened.map(
      (model) => bindInputs(model, columnNames, {
        dataPath: options.data,
        target: options.target,
        features: options.features,
        inputName: options.inputName
      })
    );
    const needed = /* @__PURE__ */ new Set([options.target]);
    if (options.sliceBy !== void 0) needed.add(options.sliceBy);
    for (const plan of plans)
      for (const b of plan.bindings) for (const c of b.kind === "matrix" ? b.features : [b.column]) needed.add(c);
    const [table, dataSha256] = await allInOrder([
      loadTable(options.data, { ...options.load, columns: [...needed] }),
      sha256Dataset(options.data)
    ]);
    const loaded = performance.now() - started;
    const evaluateOne = async (m) => {
      const modelStarted = performance.now();
      const model = opened[m];
      const computed = await evaluateTable(model, table, {
        plan: plans[m],
        selection: selections[m],
        target: options.target,
        task: options.task ?? "auto",
        positiveLabel: options.positiveLabel,
        sliceBy: options.sliceBy,
        minSliceSize,
        batchSize
      });
      const { predictions, ...metricParts } = computed;
      const document = {
        kind: "modelguard.metrics",
        version: 1,
        task: metricParts.task,
        model: { path: models[m], sha256: model.sha256, bytes: model.bytes },
        data: { path: options.data, sha256: dataSha256, rows: table.rowCount },
        target: options.target,
        ...metricParts.positive_label !== void 0 ? { positive_label: metricParts.positive_label } : {},
        ...metricParts.classes ? { classes: metricParts.classes } : {},
        metrics: metricParts.metrics,
        ...metricParts.per_class ? { per_class: metricParts.per_class } : {},
        ...metricParts.confusion_matrix ? { confusion_matrix: metricParts.confusion_matrix } : {},
        ...metricParts.slices ? { slices: metricParts.slices } : {},
        notes: metricParts.notes,
        // Reading the data is shared: each model's duration counts it once, plus its own run and metrics.
        duration_ms: Math.round(loaded + performance.now() - modelStarted)
      };
      return { document, predictions };
    };
    return await allInOrder(opened.map((_, m) => evaluateOne(m)));
  } finally {
    for (const model of opened) await model.session.release();
  }
}
async function evaluateTable(model, table, options) {
  if (table.rowCount === 0)
    throw new ModelguardError("input", `${table.source}: no data rows to evaluate`, "evaluate on a file with rows", {
      file: table.source
    });
  const target = getColumn(table, options.target);
  if (!target)
    throw new ModelguardError(
      "input",
      `${table.source}: target column '${options.target}' not found; its columns: ${table.columns.map((c) => c.name).join(", ")}`,
      "pass the name of a column of the data file with --target",
      { file: table.source, column: options.target }
    );
  const outputs = await predictTable(model, table, options.plan, options.selection, options.batchSize);
  const fed = options.plan.bindings.flatMap((b) => b.kind === "matrix" ? b.features : [b.column]);
  const { predictions, notes } = interpretOutputs({
    model,
    table,
    target,
    selection: options.selection,
    outputs,
    task: options.task,
    positiveLabel: options.positiveLabel,
    missingFeatures: (row) => fed.filter((name) => isMissing(getColumn(table, name), row))
  });
  const sliceColumn = options.sliceBy === void 0 ? void 0 : getColumn(table, options.sliceBy);
  if (options.sliceBy !== void 0 && !sliceColumn)
    throw new ModelguardError(
      "input",
      `${table.source}: slice column '${options.sliceBy}' not found`,
      "check --slice-by",
      {
        file: table.source,
        column: options.sliceBy
      }
    );
  const computed = computeMetrics(
    predictions,
    sliceColumn ? { column: sliceColumn, minSize: options.minSliceSize } : void 0
  );
  return { ...computed, notes: [...notes, ...computed.notes], predictions };
}
async function predictTable(model, table, plan, selection, batchSize = DEFAULT_BATCH_SIZE) {
  const batchRows = Math.min(batchSize, table.rowCount);
  const capacity = plan.fixedBatch ?? Math.max(batchRows, MIN_BATCH_ROWS);
  const feeders = createBatchFeeders(plan.bindings, table, capacity, model.Tensor);
  const names = selection.kind === "pair" ? [selection.label, selection.probabilities] : [selection.name];
  return runBatches(model.session, feeders, names, {
    rowCount: table.rowCount,
    batchRows,
    ...plan.fixedBatch !== void 0 ? { fixedBatch: plan.fixedBatch } : { minRows: MIN_BATCH_ROWS },
    modelPath: model.path
  });
}

export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MIN_SLICE_SIZE,
  evaluateModel,
  evaluateModels
};
