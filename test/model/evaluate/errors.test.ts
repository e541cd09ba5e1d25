import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import { rejectsWith, tempFile } from "../../data/tempFiles.js";

const M = "fixtures/models";
const BC = "fixtures/datasets/breast_cancer/test.csv";
const WINE = "fixtures/datasets/wine/test.csv";
const FEATURES = (
  JSON.parse(readFileSync(`${M}/evaluate_reference.json`, "utf8")) as Record<string, { features: string[] }>
)["breast_cancer_logreg.onnx"]!.features;

/** The CSV at `path` with `edit(header, rows)` applied (rows as arrays of cells). */
function editCsv(path: string, edit: (header: string[], rows: string[][]) => void): string {
  const [head, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  const header = head!.split(",");
  const rows = lines.map((l) => l.split(","));
  edit(header, rows);
  return tempFile("edited.csv", [header, ...rows].map((r) => r.join(",")).join("\n") + "\n");
}

function dropColumn(path: string, name: string): string {
  return editCsv(path, (header, rows) => {
    const j = header.indexOf(name);
    header.splice(j, 1);
    for (const r of rows) r.splice(j, 1);
  });
}

test("feature count differs from the model's input width: both numbers, the features used", async () => {
  const err = await rejectsWith(
    evaluateModel({
      model: `${M}/breast_cancer_logreg.onnx`,
      data: BC,
      target: "malignant",
      features: FEATURES.slice(0, 29),
    }),
    "model",
    /input 'input' expects 30 features but 29 were given \(from --features\): mean_radius, mean_texture, .*worst_symmetry$/,
  );
  assert.match(err.hint!, /--features with the model's 30 feature columns/);
  // Every non-target column of a file with an extra column, for a model without feature_names.
  const extra = editCsv(WINE, (header, rows) => {
    header.unshift("id");
    rows.forEach((r, i) => r.unshift(String(i)));
  });
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_softmax.onnx`, data: extra, target: "cultivar" }),
    "model",
    /expects 13 features but 14 were given \(every non-target column of .*edited\.csv, in file order\): id, alcohol, /,
  );
});

test("target column missing: the file's columns are listed", async () => {
  await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, data: BC, target: "diagnosis" }),
    "input",
    /fixtures\/datasets\/breast_cancer\/test.csv: target column 'diagnosis' not found; its columns: id, mean_radius, .*malignant, size_band/,
    { file: BC, column: "diagnosis" },
  );
});

test("a feature column missing from the data: named, with the file's columns", async () => {
  const data = dropColumn(BC, "mean_texture");
  await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, data, target: "malignant" }),
    "input",
    /feature column 'mean_texture' \(metadata feature_names\) not in the file; its columns: id, mean_radius, mean_perimeter/,
    { file: data, column: "mean_texture" },
  );
  // A per-column model's input without its column is not a known convention any more: the inputs are listed.
  await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_columns.onnx`, data, target: "malignant" }),
    "model",
    /cannot feed the model's inputs mean_radius \(float32 \[\?, 1\]\), .*\(mean_texture fit no convention/,
  );
});

test("non-numeric feature values: file, row, column and the value", async () => {
  const data = editCsv(BC, (header, rows) => {
    rows[7]![header.indexOf("mean_texture")] = "n/d";
  });
  const err = await rejectsWith(
    evaluateModel({ model: `${M}/breast_cancer_logreg.onnx`, data, target: "malignant" }),
    "input",
    /, row 7, column 'mean_texture': 'n\/d' is not a number, but the model's input 'input' takes numbers$/,
    { file: data, row: 7, column: "mean_texture" },
  );
  assert.match(err.hint!, /fix or remove the value/);
  // Every non-target column fed in file order, with a text column among them: the hint says how to choose.
  const wine = editCsv(WINE, (header, rows) => {
    header.push("origin");
    rows.forEach((r) => r.push("valley"));
    header.splice(header.indexOf("proline"), 1);
    for (const r of rows) r.splice(12, 1);
  });
  const fileOrder = await rejectsWith(
    evaluateModel({ model: `${M}/wine_softmax.onnx`, data: wine, target: "cultivar" }),
    "input",
    /row 0, column 'origin': 'valley' is not a number/,
  );
  assert.match(fileOrder.hint!, /pass --features/);
});

test("int64 inputs need integers: a missing value names the row", async () => {
  const data = editCsv(WINE, (header, rows) => {
    rows[3]![header.indexOf("magnesium")] = "";
  });
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_columns.onnx`, data, target: "cultivar" }),
    "input",
    /row 3, column 'magnesium': is missing, but the model's input 'magnesium' is int64/,
    { file: data, row: 3, column: "magnesium" },
  );
});

test("model file unreadable or not ONNX: the file is named", async () => {
  await rejectsWith(
    evaluateModel({ model: `${M}/nope.onnx`, data: BC, target: "malignant" }),
    "model",
    /^model file not found: fixtures\/models\/nope.onnx$/,
    { file: `${M}/nope.onnx` },
  );
  const csv = tempFile("model.onnx", "a,b\n1,2\n");
  await rejectsWith(
    evaluateModel({ model: csv, data: BC, target: "malignant" }),
    "model",
    new RegExp(
      `^${csv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not an ONNX model \\(onnxruntime: .*protobuf parsing failed`,
    ),
    { file: csv },
  );
  await rejectsWith(
    evaluateModel({ model: tempFile("empty.onnx", ""), data: BC, target: "malignant" }),
    "model",
    /is not an ONNX model/,
  );
});

test("a target value that is not among the model's classes: the value and the row", async () => {
  const data = editCsv(WINE, (header, rows) => {
    rows[5]![header.indexOf("cultivar")] = "cultivar_x";
  });
  const err = await rejectsWith(
    evaluateModel({ model: `${M}/wine_softmax.onnx`, data, target: "cultivar" }),
    "input",
    /row 5, column 'cultivar': target value 'cultivar_x' is not among the model's classes \(cultivar_a, cultivar_b, cultivar_c; from the model's metadata\)/,
    { file: data, row: 5, column: "cultivar" },
  );
  assert.match(err.hint!, /store every class in the model's metadata/);
  const missing = editCsv(WINE, (header, rows) => {
    rows[2]![header.indexOf("cultivar")] = "";
  });
  await rejectsWith(
    evaluateModel({ model: `${M}/wine_softmax.onnx`, data: missing, target: "cultivar" }),
    "input",
    /row 2, column 'cultivar': the target is missing/,
  );
  const regression = editCsv("fixtures/datasets/diabetes/test.csv", (header, rows) => {
    rows[4]![header.indexOf("progression")] = "high";
  });
  await rejectsWith(
    evaluateModel({ model: `${M}/diabetes_linear.onnx`, data: regression, target: "progression", task: "regression" }),
    "input",
    /row 4, column 'progression': target value 'high' is not a number/,
  );
});

test("bad numeric options and a slice column that is not in the file", async () => {
  const model = `${M}/breast_cancer_logreg.onnx`;
  await rejectsWith(
    evaluateModel({ model, data: BC, target: "malignant", batchSize: 0 }),
    "usage",
    /--batch-size must be a positive integer/,
  );
  await rejectsWith(
    evaluateModel({ model, data: BC, target: "malignant", minSliceSize: -1 }),
    "usage",
    /--min-slice-size/,
  );
  await rejectsWith(
    evaluateModel({ model, data: BC, target: "malignant", sliceBy: "band" }),
    "input",
    /slice column 'band' not found; its columns: id, /,
  );
  await rejectsWith(
    evaluateModel({ model, data: BC, target: "malignant", sliceBy: "mean_area" }),
    "usage",
    /--slice-by 'mean_area' has more than 100 distinct values/,
  );
});
