#!/usr/bin/env python3
"""Writes reference values for src/model/metrics into fixtures/metrics/ (deterministic; run with Debian's
/usr/bin/python3: scikit-learn 1.2.1, numpy 1.24).

Every expected value is computed by scikit-learn itself, except ECE, which scikit-learn does not have: it is computed
here with numpy from the definition the TypeScript documents (top-label confidence, 10 bins (k/10, (k+1)/10], right
edge included, ECE = sum_b |B|/N * |acc(B) - conf(B)|).

Files:
- classification.json: real models (LogisticRegression on breast_cancer, wine, iris, from the datasets bundled inside
  scikit-learn, so nothing is downloaded) and hand-made edge cases; y_true/y_pred as class indices, proba row-major.
- regression.json: LinearRegression and Ridge on diabetes, and edge cases.
- slices.json: per-slice reference values (the weak breast_cancer model by a mean_area band, diabetes by sex).
- sums.json: numpy's np.sum / np.mean of arrays given by a formula both languages evaluate identically, to check that
  pairwiseSum reproduces numpy's summation order to the bit.

Floats are written with Python's repr (shortest string that round-trips), so JSON.parse gives the same doubles.
A metric scikit-learn cannot compute (it raises) or that we deliberately leave out is listed under "omitted" with
scikit-learn's value or error.
"""
import json
import os
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
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
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, label_binarize

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "metrics")
os.makedirs(OUT, exist_ok=True)
warnings.simplefilter("ignore")  # zero-division and undefined-metric warnings are part of what we record


def ece_reference(y, proba, bins=10):
    conf = proba.max(axis=1)
    correct = proba.argmax(axis=1) == y
    edges = np.arange(bins + 1) / bins
    idx = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            ece += m.sum() / len(y) * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def attempt(fn):
    try:
        return float(fn()), None
    except ValueError as e:
        return None, f"ValueError: {e}"


def classification_expected(y, yp, proba, C, pos):
    """metrics, per_class, confusion matrix and omitted metrics, all from scikit-learn (ECE from numpy)."""
    labels = list(range(C))
    m, omitted = {}, {}
    m["accuracy"] = accuracy_score(y, yp)
    m["balanced_accuracy"] = balanced_accuracy_score(y, yp)
    if C == 2:
        m["precision"] = precision_score(y, yp, pos_label=pos, average="binary")
        m["recall"] = recall_score(y, yp, pos_label=pos, average="binary")
        m["f1"] = f1_score(y, yp, pos_label=pos, average="binary")
    m["precision_macro"] = precision_score(y, yp, average="macro")
    m["recall_macro"] = recall_score(y, yp, average="macro")
    m["f1_macro"] = f1_score(y, yp, average="macro")
    m["f1_weighted"] = f1_score(y, yp, average="weighted")
    if proba is not None:
        if C == 2:
            yb = (y == pos).astype(int)
            roc, roc_err = attempt(lambda: roc_auc_score(yb, proba[:, pos]))
            ap, _ = attempt(lambda: average_precision_score(yb, proba[:, pos]))
            ap_undefined = yb.sum() == 0
        else:
            roc, roc_err = attempt(lambda: roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=labels))
            if roc is None and "sum up to 1" in roc_err:
                # scikit-learn refuses unnormalised rows; the one-vs-rest mean it would compute, class by class.
                roc = float(np.mean([roc_auc_score(y == k, proba[:, k]) for k in labels]))
                roc_err = None
            ap, _ = attempt(lambda: average_precision_score(label_binarize(y, classes=labels), proba, average="macro"))
            ap_undefined = any((y == k).sum() == 0 for k in labels)
        if roc_err is None:
            m["roc_auc"] = roc
        else:
            omitted["roc_auc"] = {"sklearn": roc_err}
        if ap_undefined:
            omitted["pr_auc"] = {"sklearn": ap}  # scikit-learn warns and counts 0 for a class without positives
        else:
            m["pr_auc"] = ap
        m["log_loss"] = log_loss(y, proba, labels=labels)
        if C == 2:
            m["brier"] = brier_score_loss((y == pos).astype(int), proba[:, pos])
        m["ece"] = ece_reference(y, proba)
    p, r, f, s = precision_recall_fscore_support(y, yp, labels=labels, average=None)
    per_class = [
        {"precision": float(p[k]), "recall": float(r[k]), "f1": float(f[k]), "support": int(s[k])} for k in labels
    ]
    cm = confusion_matrix(y, yp, labels=labels).astype(int).tolist()
    return {k: float(v) for k, v in m.items()}, per_class, cm, omitted


def classification_case(name, classes, y, proba=None, yp=None, pos=None, positive_column=False, source=""):
    y = np.asarray(y, dtype=np.int64)
    C = len(classes)
    if proba is not None:
        proba = np.asarray(proba, dtype=np.float64).reshape(len(y), C)
    if yp is None:
        yp = proba.argmax(axis=1)
    yp = np.asarray(yp, dtype=np.int64)
    metrics, per_class, cm, omitted = classification_expected(y, yp, proba, C, 1 if pos is None else pos)
    case = {"name": name, "source": source, "classes": classes, "positive_index": pos, "y_true": y.tolist()}
    case["y_pred"] = yp.tolist()
    if proba is not None and positive_column:
        # Only the positive-class column, as a model with a single sigmoid output gives it; scikit-learn's log_loss
        # takes such a 1-D y_pred directly.
        col = proba[:, 1]
        case["proba_positive"] = col.tolist()
        metrics["log_loss"] = float(log_loss(y, col, labels=[0, 1]))
        case["proba"] = None
    else:
        case["proba"] = None if proba is None else proba.ravel().tolist()
    for k, v in enumerate(per_class):
        v["label"] = classes[k]
    case["expected"] = {"metrics": metrics, "per_class": per_class, "confusion_matrix": cm}
    case["omitted"] = omitted
    return case


def fit_classifier(X, y, features=None, seed=42):
    if features is not None:
        X = X[:, features]
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=seed, stratify=y)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
    model.fit(Xtr, ytr)
    return yte, model.predict_proba(Xte), model.predict(Xte), Xte


cases = []

# --- real models -------------------------------------------------------------------------------------------------
bc = load_breast_cancer()
bc_classes = [str(c) for c in bc.target_names]  # malignant = 0, benign = 1
y, P, pred, bc_Xte = fit_classifier(bc.data, bc.target)
assert (pred == P.argmax(axis=1)).all()
bc_test = (y, P)
src = "LogisticRegression (standardised) on load_breast_cancer, 30% stratified test split, random_state=42"
cases.append(classification_case("breast_cancer_logreg", bc_classes, y, P, pos=1, source=src))
cases.append(classification_case("breast_cancer_logreg_malignant_positive", bc_classes, y, P, pos=0, source=src))
cases.append(
    classification_case("breast_cancer_positive_column", bc_classes, y, P, pos=1, positive_column=True, source=src)
)
y, P, _, _ = fit_classifier(bc.data, bc.target, features=[1, 4])
src = "LogisticRegression on 2 features of load_breast_cancer (mean texture, mean smoothness), a weak model"
cases.append(classification_case("breast_cancer_weak", bc_classes, y, P, pos=0, source=src))
assert (y == bc_test[0]).all()  # same split, so the rows line up with bc_Xte
bc_weak = (y, P)

wine = load_wine()
wine_classes = [str(c) for c in wine.target_names]
y, P, _, _ = fit_classifier(wine.data, wine.target)
cases.append(classification_case("wine_logreg", wine_classes, y, P, source="LogisticRegression on load_wine"))
y, P, _, _ = fit_classifier(wine.data, wine.target, features=[0, 1])
cases.append(
    classification_case("wine_weak", wine_classes, y, P, source="LogisticRegression on alcohol and malic acid")
)
wine_weak = (y, P)
cases.append(
    classification_case(
        "wine_labels_only", wine_classes, y, None, yp=P.argmax(axis=1), source="wine_weak's labels, no probabilities"
    )
)

iris = load_iris()
iris_classes = [str(c) for c in iris.target_names]
y, P, _, _ = fit_classifier(iris.data, iris.target, features=[0, 1])
cases.append(classification_case("iris_sepal", iris_classes, y, P, source="LogisticRegression on the sepal features"))

# --- hand-made edge cases ----------------------------------------------------------------------------------------
rng = np.random.default_rng(20261122)

n = 400
yb = (rng.random(n) < 0.4).astype(int)
s = np.round(np.clip(0.3 + 0.3 * yb + rng.normal(0, 0.2, n), 0, 1), 1)
cases.append(
    classification_case(
        "tied_scores_binary",
        ["neg", "pos"],
        yb,
        np.column_stack([1 - s, s]),
        pos=1,
        source="scores rounded to 0.1: 11 distinct values, many ties across classes",
    )
)

palette = np.array(
    [
        [0.25, 0.25, 0.25, 0.25],
        [0.7, 0.1, 0.1, 0.1],
        [0.1, 0.6, 0.2, 0.1],
        [0.4, 0.4, 0.1, 0.1],
        [0.1, 0.1, 0.1, 0.7],
        [0.2, 0.2, 0.5, 0.1],
        [0.1, 0.3, 0.3, 0.3],
    ]
)
n = 300
rows = rng.integers(0, len(palette), n)
yt = np.where(rng.random(n) < 0.6, palette[rows].argmax(axis=1), rng.integers(0, 4, n))
cases.append(
    classification_case(
        "tied_scores_multiclass",
        ["a", "b", "c", "d"],
        yt,
        palette[rows],
        source="rows from a palette of 7: ties in every column and argmax ties (to the lowest index)",
    )
)

n = 3000
yb = (rng.random(n) < 0.3).astype(int)
s = np.round(1 / (1 + np.exp(-(rng.normal(0, 1, n) + 1.2 * yb - 0.5))), 3)
cases.append(
    classification_case(
        "random_binary_3000",
        ["no", "yes"],
        yb,
        np.column_stack([1 - s, s]),
        pos=1,
        source="logistic scores rounded to 3 decimals",
    )
)

yb = np.array([0, 0, 1, 1, 0, 1, 1, 0, 1, 0])
cases.append(
    classification_case(
        "perfect_binary_hard",
        ["neg", "pos"],
        yb,
        np.column_stack([1 - yb, yb]).astype(float),
        pos=1,
        source="probabilities exactly 0 and 1, all correct: log_loss clipping",
    )
)

yt = np.array([0, 1, 2, 0, 1, 2, 0, 1])
P = np.array(
    [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1], [0.5, 0.5, 0], [0, 0, 1]], dtype=float
)
cases.append(
    classification_case(
        "hard_probabilities_multiclass",
        ["x", "y", "z"],
        yt,
        P,
        source="exact 0/1 rows, some confidently wrong: clip to [eps, 1-eps] then renormalise",
    )
)

yt = np.array([0, 0, 1, 1, 2, 2, 2, 0, 1, 2])
P = np.array(
    [
        [0.6, 0.3, 0.1],
        [0.5, 0.4, 0.1],
        [0.2, 0.7, 0.1],
        [0.45, 0.35, 0.2],
        [0.3, 0.4, 0.3],
        [0.5, 0.2, 0.3],
        [0.1, 0.5, 0.4],
        [0.8, 0.1, 0.1],
        [0.3, 0.6, 0.1],
        [0.35, 0.35, 0.3],
    ]
)
cases.append(
    classification_case(
        "absent_from_predictions",
        ["red", "green", "blue"],
        yt,
        P,
        source="class blue is never predicted: its precision is 0/0 -> 0",
    )
)

yt = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1])
P = np.array(
    [
        [0.6, 0.3, 0.1],
        [0.2, 0.2, 0.6],
        [0.2, 0.7, 0.1],
        [0.1, 0.3, 0.6],
        [0.5, 0.4, 0.1],
        [0.3, 0.6, 0.1],
        [0.4, 0.5, 0.1],
        [0.1, 0.8, 0.1],
        [0.6, 0.3, 0.1],
    ]
)
cases.append(
    classification_case(
        "absent_from_true",
        ["red", "green", "blue"],
        yt,
        P,
        source="class blue never true but predicted: recall 0/0 -> 0; one-vs-rest AUC undefined",
    )
)

yt = np.array([0, 1, 2, 0, 1, 2, 2, 1])
yp = np.array([0, 1, 1, 0, 2, 2, 2, 0])
cases.append(
    classification_case(
        "absent_from_both",
        ["a", "b", "c", "d"],
        yt,
        None,
        yp=yp,
        source="class d neither true nor predicted: left out of the macro means (scikit-learn's default labels)",
    )
)

yt = np.zeros(12, dtype=int)
s = np.round(rng.random(12), 2)
cases.append(
    classification_case(
        "single_class_negative",
        ["neg", "pos"],
        yt,
        np.column_stack([1 - s, s]),
        pos=1,
        source="no positive rows: roc_auc and pr_auc undefined",
    )
)
yt = np.ones(12, dtype=int)
cases.append(
    classification_case(
        "single_class_positive",
        ["neg", "pos"],
        yt,
        np.column_stack([1 - s, s]),
        pos=1,
        source="only positive rows: roc_auc undefined, pr_auc defined",
    )
)

yt = np.array([0, 1, 2, 2, 1, 0, 1])
P = np.array(
    [
        [0.5, 0.5, 0.5],
        [0.2, 0.6, 0.1],
        [0.1, 0.1, 0.3],
        [0.0, 0.2, 0.9],
        [0.3, 0.3, 0.0],
        [0.9, 0.1, 0.2],
        [0.4, 0.35, 0.1],
    ]
)
cases.append(
    classification_case(
        "unnormalised_rows",
        ["p", "q", "r"],
        yt,
        P,
        source="rows not summing to 1: scikit-learn's multiclass roc_auc refuses, ours ranks the scores as given",
    )
)


def dump(path, header, items, key):
    body = ",\n".join(json.dumps(c, separators=(",", ":"), allow_nan=False) for c in items)
    text = json.dumps(header, separators=(",", ":"))[:-1] + f',"{key}":[\n' + body + "\n]}\n"
    with open(os.path.join(OUT, path), "w") as f:
        f.write(text)


HEADER = {"generator": "scripts/make_metrics_fixtures.py", "sklearn": "1.2.1", "numpy": np.__version__}
dump("classification.json", HEADER, cases, "cases")

# --- regression --------------------------------------------------------------------------------------------------


def regression_expected(y, p):
    m, omitted = {}, {}
    m["mse"] = mean_squared_error(y, p)
    m["rmse"] = mean_squared_error(y, p, squared=False)
    m["mae"] = mean_absolute_error(y, p)
    r2 = r2_score(y, p)
    if np.isnan(r2):
        omitted["r2"] = {"sklearn": "nan"}
    else:
        m["r2"] = r2
    m["mape"] = mean_absolute_percentage_error(y, p)
    m["median_ae"] = median_absolute_error(y, p)
    return {k: float(v) for k, v in m.items()}, omitted


def regression_case(name, y, p, source="", deviations=None):
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    metrics, omitted = regression_expected(y, p)
    case = {"name": name, "source": source, "y_true": y.tolist(), "y_pred": p.tolist()}
    case["expected"] = {"metrics": metrics}
    case["omitted"] = omitted
    # Where we knowingly differ from scikit-learn: our value, and scikit-learn's is in expected.
    case["deviations"] = deviations or {}
    return case


def generated(n):
    """Arrays both languages compute bit for bit: integer arithmetic and one correctly rounded division each."""
    i = np.arange(n, dtype=np.int64)
    y = ((i * 7919) % 10007).astype(np.float64) / 97.0 - 50.0
    noise = ((i * 104729) % 1009).astype(np.float64) / 101.0 - 5.0
    return y, y + noise


rcases = []
d = load_diabetes()
Xtr, Xte, ytr, yte = train_test_split(d.data, d.target, test_size=0.3, random_state=42)
diabetes_test = (Xte, yte)
lin = LinearRegression().fit(Xtr, ytr)
rcases.append(regression_case("diabetes_linear", yte, lin.predict(Xte), "LinearRegression on load_diabetes"))
ridge = Ridge(alpha=1.0).fit(Xtr, ytr)
rcases.append(regression_case("diabetes_ridge", yte, ridge.predict(Xte), "Ridge(alpha=1) on load_diabetes"))
rcases.append(regression_case("sklearn_doc_example", [3, -0.5, 2, 7], [2.5, 0.0, 2, 8], "r2_score docstring"))
rcases.append(regression_case("constant_target_imperfect", [3.0] * 5, [3.0, 2.5, 3.5, 3.0, 4.0], "r2 -> 0"))
rcases.append(regression_case("constant_target_perfect", [3.0] * 5, [3.0] * 5, "r2 -> 1"))
rcases.append(
    regression_case(
        "constant_target_rounding",
        [0.1] * 3,
        [0.11, 0.1, 0.09],
        "numpy's mean of [0.1]*3 is not 0.1, so scikit-learn's R^2 denominator is ~1e-33, not 0, and it reports -5e29;"
        " we treat the constant target as constant and report 0",
        deviations={"r2": 0.0},
    )
)
rcases.append(
    regression_case(
        "mape_zeros_in_target",
        [0.0, 1.0, -2.0, 0.0, 4.0, 5.0],
        [0.5, 1.0, -1.0, 0.0, 3.0, 5.5],
        "zeros in y_true: |error| / eps",
    )
)
rcases.append(regression_case("single_row", [2.0], [1.5], "r2 undefined (scikit-learn returns nan)"))
rcases.append(regression_case("even_length_median", [1, 2, 3, 4, 5, 6], [1.5, 2, 2, 4.25, 6, 6], "median of 6"))
big_y, big_p = generated(20000)
big = regression_case("generated_20000", big_y, big_p, "generated(20000): more than one numpy buffer of 8192")
big["y_true"] = None
big["y_pred"] = None
big["generated"] = 20000
rcases.append(big)
dump("regression.json", HEADER, rcases, "cases")

# --- slices ------------------------------------------------------------------------------------------------------
y, P = bc_weak
area = bc_Xte[:, 3]  # mean area
band_labels = ["small", "medium", "large", "xlarge"]
codes = np.digitize(area, [450, 800, 1200])
scases = []
slices = []
for k, label in enumerate(band_labels):
    mask = codes == k
    if mask.sum() == 0:
        continue
    metrics, _, _, omitted = classification_expected(y[mask], P[mask].argmax(axis=1), P[mask], 2, 0)
    slices.append({"slice": label, "size": int(mask.sum()), "metrics": metrics, "omitted": sorted(omitted)})
scases.append(
    {
        "name": "breast_cancer_by_area_band",
        "task": "classification",
        "classes": bc_classes,
        "positive_index": 0,
        "y_true": y.tolist(),
        "proba": P.ravel().tolist(),
        "codes": codes.tolist(),
        "labels": band_labels,
        "expected": slices,
    }
)
Xte, yte = diabetes_test
p = ridge.predict(Xte)
codes = (Xte[:, 1] > 0).astype(int)
slices = []
for k, label in enumerate(["sex_a", "sex_b"]):
    mask = codes == k
    metrics, omitted = regression_expected(yte[mask], p[mask])
    slices.append({"slice": label, "size": int(mask.sum()), "metrics": metrics, "omitted": sorted(omitted)})
scases.append(
    {
        "name": "diabetes_ridge_by_sex",
        "task": "regression",
        "y_true": yte.tolist(),
        "y_pred": p.tolist(),
        "codes": codes.tolist(),
        "labels": ["sex_a", "sex_b"],
        "expected": slices,
    }
)
dump("slices.json", HEADER, scases, "cases")

# --- numpy summation ---------------------------------------------------------------------------------------------
sums = []
for n in [1, 5, 7, 8, 9, 15, 16, 17, 100, 127, 128, 129, 130, 255, 256, 257, 1000, 8191, 8192, 8193, 20000, 100003]:
    yv, pv = generated(n)
    sums.append(
        {
            "n": n,
            "sum_y": float(np.sum(yv)),
            "sum_sq": float(np.sum((yv - pv) ** 2)),
            "mean_y": float(np.mean(yv)),
        }
    )
dump("sums.json", HEADER, sums, "cases")
