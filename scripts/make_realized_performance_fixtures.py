#!/usr/bin/env python3
"""Writes reference values for src/performance (realized performance of labelled production rows) into
fixtures/performance/ (deterministic; run with Debian's /usr/bin/python3: scikit-learn 1.2.1, numpy 1.24).

Each case is a window of joined production rows: a model trained on one part of a scikit-learn bundled dataset
(nothing is downloaded) predicts rows of another part, shifted where the case says so, and the rows carry the label
and the prediction as the monitor receives them (class labels as text; for binary cases the positive class's
probability, NaN where the event had none). Expected values:

- metrics: scikit-learn's own metric functions on the rows (accuracy_score, roc_auc_score, ...).
- intervals: the one-sample normal intervals at 95%, computed here independently of the TypeScript's influence code:
  proportions p +- z sqrt(p (1 - p) / (n - 1)); ROC AUC with DeLong's variance S10/m + S01/n from the placement
  values (DeLong, DeLong and Clarke-Pearson 1988, with midranks for ties); mae/mse with the sample standard deviation
  of the per-row terms over sqrt(n).

File realized.json: {cases: [{name, task, classes, positive_label?, rows: {label, prediction, probability},
metrics: {name: value}, intervals: {name: [lo, hi]}}]}. NaN probabilities are written as null.
Floats are written with Python's repr (shortest round-trip), so JSON.parse gives the same doubles.
"""
import json
import os
import warnings

import numpy as np
from scipy.stats import norm, rankdata
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    median_absolute_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "performance")
os.makedirs(OUT, exist_ok=True)
warnings.simplefilter("ignore")
Z = float(norm.ppf(0.975))


def proportion_interval(p, n):
    half = Z * np.sqrt(p * (1 - p) / (n - 1))
    return [float(p - half), float(p + half)]


def delong_interval(y, score):
    pos = score[y == 1]
    neg = score[y == 0]
    m, n = len(pos), len(neg)
    allr = rankdata(np.concatenate([pos, neg]))
    v10 = (allr[:m] - rankdata(pos)) / n  # placement of each positive among negatives
    v01 = 1 - (allr[m:] - rankdata(neg)) / m
    auc = v10.mean()
    var = v10.var(ddof=1) / m + v01.var(ddof=1) / n
    half = Z * np.sqrt(var)
    return [float(auc - half), float(auc + half)]


def mean_interval(terms):
    half = Z * terms.std(ddof=1) / np.sqrt(len(terms))
    return [float(terms.mean() - half), float(terms.mean() + half)]


def binary_case(name, labels, y, pred, proba, positive):
    """labels: the two class texts in sorted order; y, pred: indices; proba: positive-class probability or NaN."""
    pos_index = labels.index(positive)
    yt = (y == pos_index).astype(int)
    yp = (pred == pos_index).astype(int)
    metrics = {
        "accuracy": accuracy_score(y, pred),
        "balanced_accuracy": balanced_accuracy_score(y, pred),
        "precision": precision_score(yt, yp, zero_division=0),
        "recall": recall_score(yt, yp, zero_division=0),
        "f1": f1_score(yt, yp, zero_division=0),
        "precision_macro": precision_score(y, pred, average="macro", zero_division=0),
        "recall_macro": recall_score(y, pred, average="macro", zero_division=0),
        "f1_macro": f1_score(y, pred, average="macro", zero_division=0),
        "f1_weighted": f1_score(y, pred, average="weighted", zero_division=0),
    }
    intervals = {"accuracy": proportion_interval(metrics["accuracy"], len(y))}
    if not np.isnan(proba).any():
        metrics["roc_auc"] = roc_auc_score(yt, proba)
        metrics["pr_auc"] = average_precision_score(yt, proba)
        metrics["log_loss"] = log_loss(yt, np.clip(proba, 1e-15, 1 - 1e-15))
        metrics["brier"] = brier_score_loss(yt, proba)
        intervals["roc_auc"] = delong_interval(yt, proba)
    return {
        "name": name,
        "task": "binary",
        "classes": labels,
        "positive_label": positive,
        "rows": {
            "label": [labels[i] for i in y],
            "prediction": [labels[i] for i in pred],
            "probability": [None if np.isnan(p) else float(p) for p in proba],
        },
        "metrics": {k: float(v) for k, v in metrics.items()},
        "intervals": intervals,
    }


cases = []

# Binary: breast cancer, trained on the first 300 rows, judged on the rest; and on the rest with its most informative
# features shifted (the window whose accuracy dropped).
X, y = load_breast_cancer(return_X_y=True)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X[:300], y[:300])
Xw, yw = X[300:], y[300:]
p = model.predict_proba(Xw)[:, 1]
cases.append(binary_case("breast_cancer", ["0", "1"], yw, (p >= 0.5).astype(int), p, "1"))
rng = np.random.default_rng(15)
Xs = Xw.copy()
Xs[:, [20, 22, 27]] *= rng.uniform(1.1, 1.5, size=(len(Xs), 3))
ps = model.predict_proba(Xs)[:, 1]
cases.append(binary_case("breast_cancer_shifted", ["0", "1"], yw, (ps >= 0.5).astype(int), ps, "1"))

# Binary with text labels, the positive class sorting first, and labels only (no probabilities).
labels = ["fraud", "ok"]
yb = rng.integers(0, 2, size=400)
flip = rng.random(400) < 0.17
predb = np.where(flip, 1 - yb, yb)
cases.append(binary_case("text_labels_no_probability", labels, yb, predb, np.full(400, np.nan), "fraud"))

# Multiclass: iris, labels only.
Xi, yi = load_iris(return_X_y=True)
order = rng.permutation(len(yi))
Xi, yi = Xi[order], yi[order]
mi = LogisticRegression(max_iter=1000).fit(Xi[:60], yi[:60])
pi = mi.predict(Xi[60:] + rng.normal(0, 0.4, size=Xi[60:].shape))
ti = yi[60:]
iris_labels = ["setosa", "versicolor", "virginica"]
cases.append(
    {
        "name": "iris_multiclass",
        "task": "multiclass",
        "classes": iris_labels,
        "rows": {
            "label": [iris_labels[i] for i in ti],
            "prediction": [iris_labels[i] for i in pi],
            "probability": [None] * len(ti),
        },
        "metrics": {
            "accuracy": float(accuracy_score(ti, pi)),
            "balanced_accuracy": float(balanced_accuracy_score(ti, pi)),
            "precision_macro": float(precision_score(ti, pi, average="macro", zero_division=0)),
            "recall_macro": float(recall_score(ti, pi, average="macro", zero_division=0)),
            "f1_macro": float(f1_score(ti, pi, average="macro", zero_division=0)),
            "f1_weighted": float(f1_score(ti, pi, average="weighted", zero_division=0)),
        },
        "intervals": {"accuracy": proportion_interval(accuracy_score(ti, pi), len(ti))},
    }
)

# Regression: diabetes.
Xd, yd = load_diabetes(return_X_y=True)
md = LinearRegression().fit(Xd[:250], yd[:250])
pd_ = md.predict(Xd[250:])
td = yd[250:]
cases.append(
    {
        "name": "diabetes_regression",
        "task": "regression",
        "classes": [],
        "rows": {
            "label": [repr(float(v)) for v in td],
            "prediction": [repr(float(v)) for v in pd_],
            "probability": [None] * len(td),
        },
        "metrics": {
            "mse": float(mean_squared_error(td, pd_)),
            "rmse": float(np.sqrt(mean_squared_error(td, pd_))),
            "mae": float(mean_absolute_error(td, pd_)),
            "r2": float(r2_score(td, pd_)),
            "mape": float(mean_absolute_percentage_error(td, pd_)),
            "median_ae": float(median_absolute_error(td, pd_)),
        },
        "intervals": {"mae": mean_interval(np.abs(td - pd_)), "mse": mean_interval((td - pd_) ** 2)},
    }
)

with open(os.path.join(OUT, "realized.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1)
    f.write("\n")
for c in cases:
    print(c["name"], len(c["rows"]["label"]), {k: round(v, 4) for k, v in c["metrics"].items()})
