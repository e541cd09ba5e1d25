#!/usr/bin/env python3
"""Writes small ONNX models and scikit-learn reference values for `modelguard evaluate` into fixtures/models/
(deterministic bytes; run with Debian's /usr/bin/python3: scikit-learn 1.2.1, numpy 1.24, onnx 1.12).

There is no skl2onnx here, so each scikit-learn model is written out by hand with onnx.helper: a standard scaler
(Sub/Div or ai.onnx.ml Scaler), the linear layer (MatMul/Add or ai.onnx.ml LinearClassifier) and the link
(Sigmoid/Softmax). The models cover every input and output convention evaluate supports:

| file | input | output | metadata |
| --- | --- | --- | --- |
| breast_cancer_logreg.onnx | float [N, 30] `input` | single probability float [N, 1] `probability` | feature_names |
| breast_cancer_double.onnx | double [N, 30] `input` (all arithmetic in double) | single probability double [N] | feature_names, classes |
| breast_cancer_label_proba.onnx | float [N, 30] `input` | skl2onnx pair: `label` int64 [N] + `probabilities` [N, 2] (Scaler + LinearClassifier) | feature_names |
| breast_cancer_labels.onnx | float [N, 30] `input` | labels only, `label` int64 [N] | feature_names |
| breast_cancer_columns.onnx | one input per column: 30 float [N, 1] + `size_band` string [N, 1] (LabelEncoder) | `probabilities` [N, 2] | none |
| wine_softmax.onnx | float [N, 13] `features` | `probabilities` [N, 3] (Softmax) | classes (no feature_names: file order) |
| wine_label_proba.onnx | float [N, 13] `input` | `label` string [N] + `probabilities` [N, 3] (LinearClassifier, SOFTMAX) | none |
| wine_zipmap.onnx | float [N, 13] `input` | `output_label` string [N] + `output_probability` ZipMap seq(map) | none |
| wine_columns.onnx | one input per column, declared in reverse file order; `magnesium`, `proline` int64 | `probabilities` [N, 3] | classes |
| diabetes_linear.onnx | float [N, 10] `input` | regression `variable` float [N, 1] | feature_names |

evaluate_reference.json holds, per model, the data file, target, features, classes, scikit-learn's float64
predictions (class indices and probabilities, or values) and scikit-learn's metric values on them. The ONNX models
compute in float32 (except breast_cancer_double), so their outputs differ from scikit-learn's in the 7th digit;
`min_margin` (the smallest gap between the top two class probabilities, or |p - 0.5|) shows no predicted label can flip
from that. Floats are written with Python's repr (shortest round-trip), so JSON.parse gives the same doubles.
"""
import json
import os
import warnings

import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto, helper, numpy_helper
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    median_absolute_error,
    precision_recall_fscore_support,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)
from sklearn.preprocessing import StandardScaler, label_binarize

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fixtures", "models")
os.makedirs(OUT, exist_ok=True)
warnings.simplefilter("ignore")

OPSET = [helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 2)]
SIZE_BANDS = ["small", "medium", "large"]


def dataset(name):
    d = os.path.join("fixtures", "datasets", name)
    return (
        pd.read_csv(os.path.join(ROOT, d, "train.csv")),
        pd.read_csv(os.path.join(ROOT, d, "test.csv")),
        f"{d}/test.csv",
    )


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name=name)


def save(filename, nodes, inputs, outputs, initializers, metadata=None):
    graph = helper.make_graph(nodes, filename.replace(".onnx", ""), inputs, outputs, initializers)
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="modelguard-fixtures", producer_version="1")
    if metadata:
        helper.set_model_props(model, {k: json.dumps(v) for k, v in metadata.items()})
    onnx.checker.check_model(model)
    with open(os.path.join(OUT, filename), "wb") as f:
        f.write(model.SerializeToString())


def tensor_input(name, elem, width):
    return helper.make_tensor_value_info(name, elem, [None, width] if width is not None else [None])


def linear_nodes(prefix, x, scaler, coef, intercept, dtype, out):
    """(x - mean) / scale, then x @ coef.T + intercept, into `out` (logits)."""
    return (
        [
            helper.make_node("Sub", [x, f"{prefix}_mean"], [f"{prefix}_centred"]),
            helper.make_node("Div", [f"{prefix}_centred", f"{prefix}_scale"], [f"{prefix}_scaled"]),
            helper.make_node("MatMul", [f"{prefix}_scaled", f"{prefix}_w"], [f"{prefix}_xw"]),
            helper.make_node("Add", [f"{prefix}_xw", f"{prefix}_b"], [out]),
        ],
        [
            const(f"{prefix}_mean", scaler.mean_.astype(dtype)),
            const(f"{prefix}_scale", scaler.scale_.astype(dtype)),
            const(f"{prefix}_w", np.asarray(coef).T.astype(dtype)),
            const(f"{prefix}_b", np.asarray(intercept).astype(dtype)),
        ],
    )


def linear_classifier(x, scaler, coef, intercept, labels, post_transform, outputs):
    """skl2onnx's shape: ai.onnx.ml Scaler, then LinearClassifier (binary: rows -w, w so scores are [1 - p, p])."""
    coef = np.asarray(coef, dtype=np.float64)
    intercept = np.asarray(intercept, dtype=np.float64)
    if coef.shape[0] == 1:
        coef = np.vstack([-coef, coef])
        intercept = np.concatenate([-intercept, intercept])
    label_attr = (
        {"classlabels_strings": list(labels)}
        if isinstance(labels[0], str)
        else {"classlabels_ints": [int(v) for v in labels]}
    )
    return [
        helper.make_node(
            "Scaler",
            [x],
            ["scaled"],
            domain="ai.onnx.ml",
            offset=[float(v) for v in scaler.mean_],
            scale=[float(1 / v) for v in scaler.scale_],
        ),
        helper.make_node(
            "LinearClassifier",
            ["scaled"],
            outputs,
            domain="ai.onnx.ml",
            coefficients=[float(v) for v in coef.ravel()],
            intercepts=[float(v) for v in intercept],
            post_transform=post_transform,
            **label_attr,
        ),
    ]


def classification_reference(y, proba, classes, pos=1):
    yp = proba.argmax(axis=1)
    C = len(classes)
    m = {
        "accuracy": accuracy_score(y, yp),
        "balanced_accuracy": balanced_accuracy_score(y, yp),
    }
    if C == 2:
        m["precision"] = precision_score(y, yp, pos_label=pos)
        m["recall"] = recall_score(y, yp, pos_label=pos)
        m["f1"] = f1_score(y, yp, pos_label=pos)
    m["precision_macro"] = precision_score(y, yp, average="macro")
    m["recall_macro"] = recall_score(y, yp, average="macro")
    m["f1_macro"] = f1_score(y, yp, average="macro")
    m["f1_weighted"] = f1_score(y, yp, average="weighted")
    if C == 2:
        m["roc_auc"] = roc_auc_score(y == pos, proba[:, pos])
        m["pr_auc"] = average_precision_score(y == pos, proba[:, pos])
        m["brier"] = brier_score_loss(y == pos, proba[:, pos])
    else:
        m["roc_auc"] = roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=list(range(C)))
        m["pr_auc"] = average_precision_score(label_binarize(y, classes=list(range(C))), proba, average="macro")
    m["log_loss"] = log_loss(y, proba, labels=list(range(C)))
    labels_only = {k: m[k] for k in m if k not in ("roc_auc", "pr_auc", "brier", "log_loss")}
    p, r, f, s = precision_recall_fscore_support(y, yp, labels=list(range(C)), average=None)
    top2 = np.sort(proba, axis=1)[:, -2:]
    return {
        "classes": classes,
        "positive_label": classes[pos] if C == 2 else None,
        "y_true": [int(v) for v in y],
        "y_pred": [int(v) for v in yp],
        "proba": [float(v) for v in proba.ravel()],
        "metrics": {k: float(v) for k, v in m.items()},
        "label_metrics": {k: float(v) for k, v in labels_only.items()},
        "per_class": [
            {"label": classes[k], "precision": float(p[k]), "recall": float(r[k]), "f1": float(f[k]), "support": int(s[k])}
            for k in range(C)
        ],
        "confusion_matrix": confusion_matrix(y, yp, labels=list(range(C))).astype(int).tolist(),
        "min_margin": float((top2[:, 1] - top2[:, 0]).min()),
    }


reference = {}

# ---------------------------------------------------------------- breast cancer (binary, target malignant)
train, test, bc_path = dataset("breast_cancer")
bc_features = [c for c in train.columns if c not in ("id", "size_band", "malignant")]
assert len(bc_features) == 30
scaler = StandardScaler().fit(train[bc_features].to_numpy(np.float64))
lr = LogisticRegression(max_iter=10000).fit(scaler.transform(train[bc_features].to_numpy(np.float64)), train["malignant"])
assert list(lr.classes_) == [0, 1]
x_test = scaler.transform(test[bc_features].to_numpy(np.float64))
bc_proba = lr.predict_proba(x_test)
assert (lr.predict(x_test) == bc_proba.argmax(axis=1)).all()
bc_ref = classification_reference(test["malignant"].to_numpy(), bc_proba, ["0", "1"])
bc_meta = {"feature_names": bc_features}

nodes, inits = linear_nodes("lr", "input", scaler, lr.coef_, lr.intercept_, np.float32, "logit")
nodes.append(helper.make_node("Sigmoid", ["logit"], ["probability"]))
save(
    "breast_cancer_logreg.onnx",
    nodes,
    [tensor_input("input", TensorProto.FLOAT, 30)],
    [tensor_input("probability", TensorProto.FLOAT, 1)],
    inits,
    bc_meta,
)
reference["breast_cancer_logreg.onnx"] = {"data": bc_path, "target": "malignant", "features": bc_features, **bc_ref}

nodes, inits = linear_nodes("lr", "input", scaler, lr.coef_, lr.intercept_, np.float64, "logit")
nodes += [
    helper.make_node("Sigmoid", ["logit"], ["p2d"]),
    helper.make_node("Reshape", ["p2d", "flat_shape"], ["probability"]),
]
inits.append(const("flat_shape", np.array([-1], dtype=np.int64)))
save(
    "breast_cancer_double.onnx",
    nodes,
    [tensor_input("input", TensorProto.DOUBLE, 30)],
    [tensor_input("probability", TensorProto.DOUBLE, None)],
    inits,
    {**bc_meta, "classes": ["0", "1"]},
)
reference["breast_cancer_double.onnx"] = {"data": bc_path, "target": "malignant", "features": bc_features, **bc_ref}

save(
    "breast_cancer_label_proba.onnx",
    linear_classifier("input", scaler, lr.coef_, lr.intercept_, [0, 1], "LOGISTIC", ["label", "probabilities"]),
    [tensor_input("input", TensorProto.FLOAT, 30)],
    [tensor_input("label", TensorProto.INT64, None), tensor_input("probabilities", TensorProto.FLOAT, 2)],
    [],
    bc_meta,
)
reference["breast_cancer_label_proba.onnx"] = {"data": bc_path, "target": "malignant", "features": bc_features, **bc_ref}

save(
    "breast_cancer_labels.onnx",
    linear_classifier("input", scaler, lr.coef_, lr.intercept_, [0, 1], "LOGISTIC", ["label", "unused_scores"]),
    [tensor_input("input", TensorProto.FLOAT, 30)],
    [tensor_input("label", TensorProto.INT64, None)],
    [],
    bc_meta,
)
reference["breast_cancer_labels.onnx"] = {"data": bc_path, "target": "malignant", "features": bc_features, **bc_ref}

# The same data with size_band as a 31st feature (small/medium/large -> 0/1/2), one ONNX input per column.
def with_band(df):
    return np.column_stack([df[bc_features].to_numpy(np.float64), df["size_band"].map(SIZE_BANDS.index).to_numpy(np.float64)])


band_scaler = StandardScaler().fit(with_band(train))
band_lr = LogisticRegression(max_iter=10000).fit(band_scaler.transform(with_band(train)), train["malignant"])
band_proba = band_lr.predict_proba(band_scaler.transform(with_band(test)))
nodes = [
    helper.make_node(
        "LabelEncoder",
        ["size_band"],
        ["size_band_code"],
        domain="ai.onnx.ml",
        keys_strings=SIZE_BANDS,
        values_floats=[0.0, 1.0, 2.0],
        default_float=float("nan"),
    ),
    helper.make_node("Concat", bc_features + ["size_band_code"], ["x"], axis=1),
]
more, inits = linear_nodes("lr", "x", band_scaler, band_lr.coef_, band_lr.intercept_, np.float32, "logit")
nodes += more + [
    helper.make_node("Sigmoid", ["logit"], ["p1"]),
    helper.make_node("Sub", ["one", "p1"], ["p0"]),
    helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1),
]
inits.append(const("one", np.array([1.0], dtype=np.float32)))
save(
    "breast_cancer_columns.onnx",
    nodes,
    [tensor_input(c, TensorProto.FLOAT, 1) for c in bc_features] + [tensor_input("size_band", TensorProto.STRING, 1)],
    [tensor_input("probabilities", TensorProto.FLOAT, 2)],
    inits,
)
reference["breast_cancer_columns.onnx"] = {
    "data": bc_path,
    "target": "malignant",
    "features": bc_features + ["size_band"],
    **classification_reference(test["malignant"].to_numpy(), band_proba, ["0", "1"]),
}

# ---------------------------------------------------------------- wine (multiclass, string target cultivar)
train, test, wine_path = dataset("wine")
wine_features = [c for c in train.columns if c != "cultivar"]
wine_classes = sorted(train["cultivar"].unique())
scaler = StandardScaler().fit(train[wine_features].to_numpy(np.float64))
# Strongly regularised on purpose: a perfect model would make every multiclass metric 1 and test nothing.
lr = LogisticRegression(C=0.002, max_iter=10000).fit(
    scaler.transform(train[wine_features].to_numpy(np.float64)), train["cultivar"]
)
assert list(lr.classes_) == wine_classes
wine_proba = lr.predict_proba(scaler.transform(test[wine_features].to_numpy(np.float64)))
y_wine = test["cultivar"].map(wine_classes.index).to_numpy()
wine_ref = {"data": wine_path, "target": "cultivar", "features": wine_features, **classification_reference(y_wine, wine_proba, wine_classes)}

nodes, inits = linear_nodes("lr", "features", scaler, lr.coef_, lr.intercept_, np.float32, "logits")
nodes.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1))
save(
    "wine_softmax.onnx",
    nodes,
    [tensor_input("features", TensorProto.FLOAT, 13)],
    [tensor_input("probabilities", TensorProto.FLOAT, 3)],
    inits,
    {"classes": wine_classes},
)
reference["wine_softmax.onnx"] = wine_ref

save(
    "wine_label_proba.onnx",
    linear_classifier("input", scaler, lr.coef_, lr.intercept_, wine_classes, "SOFTMAX", ["label", "probabilities"]),
    [tensor_input("input", TensorProto.FLOAT, 13)],
    [tensor_input("label", TensorProto.STRING, None), tensor_input("probabilities", TensorProto.FLOAT, 3)],
    [],
)
reference["wine_label_proba.onnx"] = wine_ref

map_type = onnx.TypeProto()
map_type.map_type.key_type = TensorProto.STRING
map_type.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, []))
nodes = linear_classifier("input", scaler, lr.coef_, lr.intercept_, wine_classes, "SOFTMAX", ["output_label", "scores"])
nodes.append(helper.make_node("ZipMap", ["scores"], ["output_probability"], domain="ai.onnx.ml", classlabels_strings=wine_classes))
save(
    "wine_zipmap.onnx",
    nodes,
    [tensor_input("input", TensorProto.FLOAT, 13)],
    [
        tensor_input("output_label", TensorProto.STRING, None),
        helper.make_value_info("output_probability", helper.make_sequence_type_proto(map_type)),
    ],
    [],
)
reference["wine_zipmap.onnx"] = wine_ref

INT_COLUMNS = ("magnesium", "proline")
assert all((test[c] == test[c].round()).all() for c in INT_COLUMNS)
nodes = [helper.make_node("Cast", [c], [f"{c}_float"], to=TensorProto.FLOAT) for c in INT_COLUMNS]
nodes.append(
    helper.make_node("Concat", [f"{c}_float" if c in INT_COLUMNS else c for c in wine_features], ["x"], axis=1)
)
more, inits = linear_nodes("lr", "x", scaler, lr.coef_, lr.intercept_, np.float32, "logits")
nodes += more + [helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1)]
save(
    "wine_columns.onnx",
    nodes,
    [
        tensor_input(c, TensorProto.INT64 if c in INT_COLUMNS else TensorProto.FLOAT, 1)
        for c in reversed(wine_features)
    ],
    [tensor_input("probabilities", TensorProto.FLOAT, 3)],
    inits,
    {"classes": wine_classes},
)
reference["wine_columns.onnx"] = wine_ref

# ---------------------------------------------------------------- diabetes (regression, target progression)
train, test, diabetes_path = dataset("diabetes")
dia_features = [c for c in train.columns if c != "progression"]
reg = LinearRegression().fit(train[dia_features].to_numpy(np.float64), train["progression"])
pred = reg.predict(test[dia_features].to_numpy(np.float64))
y = test["progression"].to_numpy(np.float64)
nodes = [
    helper.make_node("MatMul", ["input", "w"], ["xw"]),
    helper.make_node("Add", ["xw", "b"], ["variable"]),
]
save(
    "diabetes_linear.onnx",
    nodes,
    [tensor_input("input", TensorProto.FLOAT, 10)],
    [tensor_input("variable", TensorProto.FLOAT, 1)],
    [const("w", reg.coef_.reshape(-1, 1).astype(np.float32)), const("b", np.array([reg.intercept_], dtype=np.float32))],
    {"feature_names": dia_features},
)
mse = mean_squared_error(y, pred)
reference["diabetes_linear.onnx"] = {
    "data": diabetes_path,
    "target": "progression",
    "features": dia_features,
    "y_true": [float(v) for v in y],
    "predictions": [float(v) for v in pred],
    "metrics": {
        "mse": float(mse),
        "rmse": float(np.sqrt(mse)),
        "mae": float(mean_absolute_error(y, pred)),
        "r2": float(r2_score(y, pred)),
        "mape": float(mean_absolute_percentage_error(y, pred)),
        "median_ae": float(median_absolute_error(y, pred)),
    },
}

with open(os.path.join(OUT, "evaluate_reference.json"), "w") as f:
    f.write("{\n")
    f.write(",\n".join(f"{json.dumps(k)}: {json.dumps(v, separators=(',', ':'), allow_nan=False)}" for k, v in reference.items()))
    f.write("\n}\n")
print(f"wrote {len(reference)} models to {os.path.relpath(OUT, ROOT)}")
