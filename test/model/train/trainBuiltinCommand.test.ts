// `modelguard train --builtin` as the CLI calls it: files written, the TrainResult, determinism, and every error.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isModelguardError, type ErrorCode } from "../../../src/errors.js";
import {
  describeTrain,
  trainBuiltinCommand,
  trainResultPath,
  type TrainBuiltinFlags,
} from "../../../src/cli/commands/trainBuiltin.js";
import { readOnnxModelInfo } from "../../../src/model/onnx/readOnnxModelInfo.js";
import { tempFile } from "../../data/tempFiles.js";
import { runCli } from "../../helpers/cli.js";
import { MAX_DESIGN_CELLS } from "../../../src/model/train/trainBuiltin.js";

const tmp = mkdtempSync(join(tmpdir(), "mg-train-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const out = (name = "model.onnx") => join(tmp, `${counter++}-${name}`);

const WINE = "fixtures/datasets/wine/train.csv";
const BC = "fixtures/datasets/breast_cancer/train.csv";

test("logistic on wine: writes the model, returns the TrainResult, --json writes it next to the model", async () => {
  const path = out();
  const r = await trainBuiltinCommand({
    builtin: "logistic",
    data: WINE,
    target: "cultivar",
    l2: 0.5,
    seed: 7,
    out: path,
    json: true,
  });
  const bytes = readFileSync(path);
  assert.deepEqual(r.model, {
    path,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
  });
  assert.equal(r.trainer, "logistic");
  assert.equal(r.task, "multiclass");
  assert.equal(r.target, "cultivar");
  assert.equal(r.features.length, 13);
  assert.deepEqual(r.categorical, []);
  assert.deepEqual(r.classes, ["cultivar_a", "cultivar_b", "cultivar_c"]);
  assert.deepEqual([r.rows, r.dropped_rows, r.l2, r.seed, r.converged], [125, 0, 0.5, 7, true]);
  assert.ok(r.iterations > 0);
  assert.deepEqual(r.train_metrics, { accuracy: 1 });
  assert.equal(trainResultPath(path), path.replace(/\.onnx$/, ".train.json"));
  assert.deepEqual(JSON.parse(readFileSync(trainResultPath(path), "utf8")), r);
  assert.equal(readOnnxModelInfo(bytes).metadata.target, "cultivar");

  const text = describeTrain(r);
  assert.match(
    text,
    /trained logistic regression \(multiclass\) of 'cultivar' on 125 rows; classes: cultivar_a, cultivar_b, cultivar_c/,
  );
  assert.match(text, /13 features: 13 numeric, 0 categorical; l2 0\.5000, seed 7/);
  assert.match(text, /L-BFGS converged in \d+ iterations/);
  assert.match(text, /train accuracy 1\n/);
  assert.match(text, new RegExp(`wrote .*model\\.onnx \\(${bytes.length} bytes, sha256 ${r.model.sha256}\\)`));
});

test("without --json no sidecar file; linear reports r2 and the closed form", async () => {
  const path = out();
  const r = await trainBuiltinCommand({
    builtin: "linear",
    data: "fixtures/datasets/diabetes/train.csv",
    target: "progression",
    out: path,
  });
  assert.equal(existsSync(trainResultPath(path)), false);
  assert.deepEqual([r.task, r.iterations, r.converged, r.classes], ["regression", 0, true, undefined]);
  assert.ok("r2" in r.train_metrics && Math.abs(r.train_metrics.r2 - 0.5414674192031281) < 1e-12);
  assert.match(describeTrain(r), /ridge regression of 'progression' on 309 rows\n.*\nsolved in closed form/);
});

test("determinism: two runs give byte-identical ONNX files; the seed is recorded but draws nothing", async () => {
  const flags: TrainBuiltinFlags = {
    builtin: "logistic",
    data: BC,
    target: "malignant",
    features: ["mean_radius", "mean_texture", "mean_smoothness", "size_band"],
  };
  const a = await trainBuiltinCommand({ ...flags, out: out("a.onnx") });
  const b = await trainBuiltinCommand({ ...flags, out: out("b.onnx") });
  const c = await trainBuiltinCommand({ ...flags, seed: 12345, out: out("c.onnx") });
  assert.deepEqual(readFileSync(a.model.path), readFileSync(b.model.path));
  assert.equal(a.model.sha256, b.model.sha256);
  assert.equal(c.model.sha256, a.model.sha256);
  assert.equal(c.seed, 12345);
  const d = await trainBuiltinCommand({ ...flags, l2: 0.1, out: out("d.onnx") });
  assert.notEqual(d.model.sha256, a.model.sha256, "a different model gives different bytes");
});

test("rows with a missing target are dropped and counted", async () => {
  const csv = "x,c,y\n1,a,0\n2,b,1\n3,a,\n4,b,1\n5,a,0\n6,b,NA\n7,,1\n";
  const r = await trainBuiltinCommand({
    builtin: "logistic",
    data: tempFile("drop.csv", csv),
    target: "y",
    out: out(),
  });
  assert.deepEqual([r.rows, r.dropped_rows], [5, 2]);
  assert.deepEqual(r.classes, ["0", "1"]);
  assert.deepEqual(r.categorical, ["c"]);
  assert.match(describeTrain(r), /dropped 2 rows with a missing target/);
});

async function rejects(flags: TrainBuiltinFlags, code: ErrorCode, message: RegExp, hint?: RegExp): Promise<void> {
  await assert.rejects(trainBuiltinCommand({ out: out(), ...flags }), (e: unknown) => {
    assert.ok(isModelguardError(e), `a ModelguardError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    if (hint) assert.match(e.hint ?? "", hint);
    return true;
  });
}

test("error: the target is not a column (did-you-mean, and the columns listed)", async () => {
  await rejects(
    { builtin: "logistic", data: BC, target: "malignent" },
    "usage",
    /the target 'malignent' \(--target\) is not a column of .*train\.csv; did you mean 'malignant'\?/,
    /The columns are: id, mean_radius, .*, malignant, size_band\./,
  );
  await rejects(
    { builtin: "logistic", data: WINE, target: "zzz" },
    "usage",
    /'zzz' .* is not a column[^;]*$/,
    /cultivar/,
  );
});

test("error: --features names an absent column", async () => {
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", features: ["mean_radius", "mean_textur"] },
    "usage",
    /the feature 'mean_textur' \(--features\) .*did you mean 'mean_texture'\?/,
  );
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", features: ["mean_radius", "malignant"] },
    "usage",
    /--features includes the target 'malignant'/,
  );
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", features: ["mean_radius", "mean_radius"] },
    "usage",
    /names 'mean_radius' twice/,
  );
  await rejects({ builtin: "logistic", data: BC, target: "malignant", features: [] }, "usage", /--features is empty/);
});

test("--exclude leaves columns out of the default features; unknown names and --features with it are refused", async () => {
  const r = await trainBuiltinCommand({
    builtin: "logistic",
    data: BC,
    target: "malignant",
    exclude: ["id", "size_band"],
    out: out(),
  });
  const header = readFileSync(BC, "utf8").split("\n", 1)[0]!.split(",");
  assert.deepEqual(
    r.features,
    header.filter((c) => !["id", "size_band", "malignant"].includes(c)),
  );
  assert.deepEqual(r.categorical, []);
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", exclude: ["idd"] },
    "usage",
    /the excluded column 'idd' \(--exclude\) .*did you mean 'id'\?/,
  );
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", exclude: ["id"], features: ["mean_radius"] },
    "usage",
    /--exclude and --features cannot be combined/,
  );
});

test("error: --categorical names a column that does not exist, or is not a feature", async () => {
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", categorical: ["size_bnd"] },
    "usage",
    /the categorical feature 'size_bnd' \(--categorical\) .*did you mean 'size_band'\?/,
  );
  await rejects(
    { builtin: "logistic", data: BC, target: "malignant", features: ["mean_radius"], categorical: ["size_band"] },
    "usage",
    /--categorical names 'size_band', which is not one of the features/,
    /Add it to --features/,
  );
});

test("error: a single class in the target", async () => {
  const csv = "x,y\n1,yes\n2,yes\n3,\n";
  await rejects(
    { builtin: "logistic", data: tempFile("one.csv", csv), target: "y" },
    "input",
    /the target 'y' has a single class \('yes'\) in the 2 training rows/,
    /at least two classes/,
  );
});

test("error: linear needs a numeric target", async () => {
  await rejects(
    { builtin: "linear", data: WINE, target: "cultivar" },
    "usage",
    /--builtin linear needs a numeric target, but 'cultivar' .* is a (category|string) column/,
    /--builtin logistic/,
  );
  await rejects(
    { builtin: "linear", data: tempFile("bool.csv", "x,y\n1,true\n2,false\n"), target: "y" },
    "usage",
    /is a boolean column/,
  );
});

test("error: no rows left (every target missing, or no data rows)", async () => {
  await rejects(
    { builtin: "linear", data: tempFile("empty-target.csv", "x,y\n1,\n2,NA\n"), target: "y" },
    "input",
    /no rows left to train on: the target 'y' is missing in all 2 rows/,
  );
  await rejects(
    { builtin: "logistic", data: tempFile("header-only.csv", "x,y\n"), target: "y" },
    "input",
    /has no data rows/,
  );
});

test("error: a datetime feature, with a hint", async () => {
  const csv = "when,x,y\n2024-01-01,1,a\n2024-01-02,2,b\n2024-01-03,3,a\n";
  await rejects(
    { builtin: "logistic", data: tempFile("dates.csv", csv), target: "y" },
    "usage",
    /feature 'when' .* is a datetime column/,
    /Derive numeric features .* leave 'when' out with --features/,
  );
  // ... and leaving it out works.
  const r = await trainBuiltinCommand({
    builtin: "logistic",
    data: tempFile("dates2.csv", csv),
    target: "y",
    features: ["x"],
    out: out(),
  });
  assert.deepEqual(r.features, ["x"]);
});

test("error: bad flags", async () => {
  await rejects({ data: WINE, target: "cultivar" }, "usage", /train needs --builtin/);
  await rejects(
    { builtin: "forest", data: WINE, target: "cultivar" },
    "usage",
    /--builtin must be one of logistic, linear/,
  );
  await rejects({ builtin: "logistic", target: "cultivar" }, "usage", /train needs --data/);
  await rejects({ builtin: "logistic", data: WINE }, "usage", /train needs --target/);
  await assert.rejects(
    trainBuiltinCommand({ builtin: "logistic", data: WINE, target: "cultivar" }),
    (e: unknown) => isModelguardError(e) && /train needs -o/.test(e.message),
  );
  for (const l2 of [0, -1, NaN, Infinity])
    await rejects(
      { builtin: "logistic", data: WINE, target: "cultivar", l2 },
      "usage",
      /--l2 must be a finite number > 0/,
    );
  await rejects({ builtin: "logistic", data: WINE, target: "cultivar", seed: 1.5 }, "usage", /--seed must be/);
});

test("error: with categorical features a column may not be named like a model output", async () => {
  const csv = "label,c,y\n1,a,0\n2,b,1\n3,a,0\n4,b,1\n";
  await rejects(
    { builtin: "logistic", data: tempFile("clash.csv", csv), target: "y" },
    "usage",
    /feature 'label' has the name of a model output/,
    /rename the column/,
  );
  // Numeric features only: one input named `input`, so no clash.
  const r = await trainBuiltinCommand({
    builtin: "logistic",
    data: tempFile("clash2.csv", csv),
    target: "y",
    features: ["label"],
    out: out(),
  });
  assert.deepEqual(r.features, ["label"]);
});

test("error: data problems the trainer cannot fix", async () => {
  await rejects(
    { builtin: "logistic", data: tempFile("inf.csv", "x,y\n1,a\ninf,b\n3,a\n"), target: "y" },
    "input",
    /inf\.csv, row 1, column 'x': the feature holds Infinity$/,
  );
  await rejects(
    // 'c' is text (its one value sits in a row dropped for its missing target), empty in every training row. A column
    // empty throughout is a number column instead, imputed to 0 like scikit-learn's SimpleImputer drops it.
    { builtin: "logistic", data: tempFile("nocat.csv", "x,c,y\n1,,a\n2,,b\n3,u,\n"), target: "y" },
    "input",
    /nocat\.csv, column 'c': the categorical feature has no value in the 2 training rows$/,
  );
  await rejects(
    { builtin: "linear", data: tempFile("inf-target.csv", "x,y\n1,2\n2,inf\n"), target: "y" },
    "input",
    /inf-target\.csv, row 1, column 'y': the target holds Infinity$/,
  );
});

test("error: the model cannot be written (its directory would be below a file)", async () => {
  const blocker = join(tmp, "a-file");
  writeFileSync(blocker, "");
  await rejects(
    { builtin: "logistic", data: WINE, target: "cultivar", out: join(blocker, "m.onnx") },
    "io",
    /cannot write .*a-file\/m.onnx/,
  );
});

// Issue #7: an id column one-hot encoded made a rows x levels design matrix (100,000 x 100,000 cells here), which
// ended in a RangeError stack trace (exit 70).
test("error: a categorical column with too many levels names the column and how to leave it out", async () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => `u${i},${i % 7},${i % 2 ? "yes" : "no"}`);
  const data = tempFile("ids.csv", ["user,x,y", ...rows].join("\n") + "\n");
  await rejects(
    { builtin: "logistic", data, target: "y" },
    "input",
    /ids\.csv, column 'user': the categorical feature has 100000 distinct values .* at most 1000 per column/,
    /--exclude user/,
  );
  const r = await runCli("train", "--builtin", "logistic", "--data", data, "--target", "y", "-o", out());
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
});

test("error: too many model inputs in all, too many cells, or too many classes", async () => {
  // Five columns of 900 levels: each within the per-column bound, 4500 inputs in all.
  const wide = Array.from({ length: 900 }, (_, i) => `${[1, 2, 3, 4, 5].map((k) => `c${k}_${i}`).join(",")},${i % 2}`);
  await rejects(
    { builtin: "logistic", data: tempFile("wide.csv", ["a,b,c,d,e,y", ...wide].join("\n") + "\n"), target: "y" },
    "input",
    /make 4500 model inputs after one-hot encoding .*; the built-in trainers take at most 4096/,
    /--exclude a,b,c/,
  );
  const classes = Array.from({ length: 1500 }, (_, i) => `${i % 10},k${i}`);
  await rejects(
    { builtin: "logistic", data: tempFile("classes.csv", ["x,y", ...classes].join("\n") + "\n"), target: "y" },
    "input",
    /the target 'y' has 1500 classes .* at most 1000/,
    /--builtin linear/,
  );
  assert.equal(MAX_DESIGN_CELLS, 2 ** 27);
  // 34,000 rows of 4000 one-hot inputs: 1.36e8 cells.
  const many = Array.from(
    { length: 34_000 },
    (_, i) => `${[1, 2, 3, 4].map((k) => `v${k}_${i % 1000}`).join(",")},${i % 2}`,
  );
  await rejects(
    { builtin: "logistic", data: tempFile("cells.csv", ["a,b,c,d,y", ...many].join("\n") + "\n"), target: "y" },
    "input",
    /34000 training rows x 4000 model inputs .* at most 134217728/,
    /sample of the rows/,
  );
});
