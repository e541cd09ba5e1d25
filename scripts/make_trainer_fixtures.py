#!/usr/bin/env python3
"""Writes fixtures/models/trainer_reference.json: what scikit-learn 1.2.1 fits for `modelguard train --builtin`
(deterministic; run with Debian's /usr/bin/python3: scikit-learn 1.2.1, numpy 1.24, scipy 1.10).

For every bundled dataset and l2 in {1.0, 0.1} the sklearn pipeline our trainer reproduces is fitted on train.csv:

    ColumnTransformer([("num", SimpleImputer(mean) + StandardScaler, numeric features),
                       ("cat", OneHotEncoder(handle_unknown="ignore"), categorical features)])
    + LogisticRegression(C=1/l2, max_iter=10000, tol=1e-10)   (binary, or multinomial softmax for > 2 classes)
    + Ridge(alpha=l2)                                          (regression)

Numeric columns come first, then the one-hot blocks, each in feature order: the same design-matrix layout as
src/model/train, so coefficients compare index by index. We record the preprocessing (means, scales, categories),
coef_, intercept_, train and test accuracy (or r2), and test-set predictions and probabilities.

scikit-learn 1.2.1's lbfgs passes tol only as scipy's gtol; scipy's default relative-decrease test (ftol 2.2e-9)
stops it first, with gradient components still near 1e-4, so its coef_ is off the (unique) optimum by up to ~2e-4
relative to the largest coefficient. `max_abs_gradient` records the largest component of the gradient of the
objective (l2/2)||w||^2 + sum_i logloss_i at sklearn's coefficients (ridge: 0, it is solved in closed form), and
`optimum` holds sklearn's solution polished by Newton's method (numpy, exact Hessian) until that gradient is at
rounding level: the reference our L-BFGS is held to tightly, while sklearn's own figures bound the looser checks.

Besides the bundled files, case "breast_cancer_missing" plants missing values and an unseen category by a rule the
TypeScript test repeats (see plant_missing): train rows i % 7 == 3 lose mean_radius, rows i % 11 == 5 lose
mean_texture; test rows i % 5 == 1 lose mean_radius and rows i % 13 == 0 get size_band "huge", which training never
saw (one-hot: all zeros).

Floats are written with Python's repr (shortest round-trip string), so JSON.parse gives the same doubles.
"""
import json
import os

import numpy as np
import pandas as pd
import scipy.special
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ROOT = os.path.join(os.path.dirname(__file__), "..")
OUT = os.path.join(ROOT, "fixtures", "models")
os.makedirs(OUT, exist_ok=True)

DATASETS = [
    # name, trainer, target, columns left out of the features, categorical features
    ("breast_cancer", "logistic", "malignant", ["id"], ["size_band"]),
    ("wine", "logistic", "cultivar", [], []),
    ("diabetes", "linear", "progression", [], []),
]


def plant_missing(train, test):
    train, test = train.copy(), test.copy()
    i = np.arange(len(train))
    train.loc[i % 7 == 3, "mean_radius"] = np.nan
    train.loc[i % 11 == 5, "mean_texture"] = np.nan
    j = np.arange(len(test))
    test.loc[j % 5 == 1, "mean_radius"] = np.nan
    test.loc[j % 13 == 0, "size_band"] = "huge"
    return train, test


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def rows(a):
    return [floats(r) for r in np.asarray(a, dtype=float)]


def label_text(v):
    """Class labels as modelguard writes them in metadata `classes`: integers without a decimal point."""
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def residuals(W, b, X, y_idx):
    """d logloss / d z per row and class: sigmoid(z) - y (binary, one column) or softmax(Z) - onehot(y)."""
    Z = X @ W.T + b
    if W.shape[0] == 1:
        P = scipy.special.expit(Z)
        return P, P - (y_idx == 1)[:, None]
    P = scipy.special.softmax(Z, axis=1)
    return P, P - np.eye(W.shape[0])[y_idx]


def gradient(W, b, X, y_idx, l2):
    """Gradient of (l2/2)||W||^2 + sum_i logloss_i (intercept unpenalised): (dW, db)."""
    _, R = residuals(W, b, X, y_idx)
    return R.T @ X + l2 * W, R.sum(axis=0)


def max_abs_gradient(W, b, X, y_idx, l2):
    gW, gb = gradient(W, b, X, y_idx, l2)
    return float(max(np.abs(gW).max(), np.abs(gb).max()))


def newton_optimum(W, b, X, y_idx, l2):
    """Polishes sklearn's solution with Newton's method (exact Hessian), to the optimum within rounding.

    A different algorithm from the L-BFGS in src/model/train, so agreeing with it checks both. Parameters per class
    are [w_k, b_k]; the multinomial Hessian is singular along "add c to every intercept", and the minimum-norm step
    (lstsq) never moves that way, so the intercepts keep sklearn's sum (zero up to rounding).
    """
    n, p = X.shape
    K = W.shape[0]
    X1 = np.hstack([X, np.ones((n, 1))])
    D = np.diag([l2] * p + [0.0])
    theta = np.hstack([W, b[:, None]])
    for _ in range(100):
        P, R = residuals(theta[:, :p], theta[:, p], X, y_idx)
        g = (R.T @ X1 + theta @ D).ravel()
        if np.abs(g).max() <= 1e-12 * n:
            break
        H = np.zeros((K * (p + 1), K * (p + 1)))
        for k in range(K):
            for m in range(K):
                if K == 1:
                    w = P[:, 0] * (1 - P[:, 0])
                else:
                    w = P[:, k] * ((k == m) - P[:, m])
                blk = X1.T @ (X1 * w[:, None])
                if k == m:
                    blk = blk + D
                H[k * (p + 1) : (k + 1) * (p + 1), m * (p + 1) : (m + 1) * (p + 1)] = blk
        step = np.linalg.lstsq(H, g, rcond=None)[0].reshape(K, p + 1)
        before = np.abs(g).max()
        theta = theta - step
        if np.abs(step).max() <= 1e-15 * max(1.0, np.abs(theta).max()) and before < 1e-6:
            break
    return theta[:, :p], theta[:, p]


def case(name, trainer, target, dropped, categorical, l2, train, test):
    features = [c for c in train.columns if c != target and c not in dropped]
    numeric = [c for c in features if c not in categorical]
    pre = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ],
        sparse_threshold=0,
    )
    if trainer == "logistic":
        model = LogisticRegression(C=1.0 / l2, max_iter=10000, tol=1e-10)
    else:
        model = Ridge(alpha=l2)
    pipe = Pipeline([("pre", pre), ("model", model)])
    pipe.fit(train[features], train[target])

    num = pre.named_transformers_["num"]
    out = {
        "name": name,
        "dataset": "breast_cancer" if name == "breast_cancer_missing" else name,
        "trainer": trainer,
        "target": target,
        "features": features,
        "categorical": categorical,
        "l2": l2,
        "rows": len(train),
        "numeric_mean": floats(num.named_steps["standardscaler"].mean_),
        "numeric_scale": floats(num.named_steps["standardscaler"].scale_),
        "categories": {c: [str(v) for v in cats] for c, cats in zip(categorical, pre.named_transformers_["cat"].categories_)}
        if categorical
        else {},
        "coef": rows(np.atleast_2d(model.coef_)),
        "intercept": floats(np.atleast_1d(model.intercept_)),
    }
    X = pre.transform(train[features])
    if trainer == "logistic":
        classes = list(model.classes_)
        y_idx = np.searchsorted(model.classes_, train[target].to_numpy())
        out["task"] = "binary" if len(classes) == 2 else "multiclass"
        out["classes"] = [label_text(c) for c in classes]
        out["n_iter"] = int(model.n_iter_[0])
        W, b = np.atleast_2d(model.coef_).astype(float), np.atleast_1d(model.intercept_).astype(float)
        out["max_abs_gradient"] = max_abs_gradient(W, b, X, y_idx, l2)
        oW, ob = newton_optimum(W, b, X, y_idx, l2)
        out["optimum"] = {
            "coef": rows(oW),
            "intercept": floats(ob),
            "max_abs_gradient": max_abs_gradient(oW, ob, X, y_idx, l2),
        }
        out["train_accuracy"] = float(accuracy_score(train[target], pipe.predict(train[features])))
        pred = pipe.predict(test[features])
        out["test_accuracy"] = float(accuracy_score(test[target], pred))
        out["test_label"] = [int(k) for k in np.searchsorted(model.classes_, pred)]
        out["test_proba"] = rows(pipe.predict_proba(test[features]))
    else:
        out["task"] = "regression"
        out["max_abs_gradient"] = 0.0
        out["train_r2"] = float(r2_score(train[target], pipe.predict(train[features])))
        pred = pipe.predict(test[features])
        out["test_r2"] = float(r2_score(test[target], pred))
        out["test_prediction"] = floats(pred)
    return out


cases = []
for name, trainer, target, dropped, categorical in DATASETS:
    train = pd.read_csv(os.path.join(ROOT, "fixtures", "datasets", name, "train.csv"))
    test = pd.read_csv(os.path.join(ROOT, "fixtures", "datasets", name, "test.csv"))
    for l2 in (1.0, 0.1):
        cases.append(case(name, trainer, target, dropped, categorical, l2, train, test))
    if name == "breast_cancer":
        mtrain, mtest = plant_missing(train, test)
        cases.append(case("breast_cancer_missing", trainer, target, dropped, categorical, 1.0, mtrain, mtest))

header = {
    "generator": "scripts/make_trainer_fixtures.py",
    "sklearn": __import__("sklearn").__version__,
    "numpy": np.__version__,
}
body = ",\n".join(json.dumps(c, separators=(",", ":"), allow_nan=False) for c in cases)
text = json.dumps(header, separators=(",", ":"))[:-1] + ',"cases":[\n' + body + "\n]}\n"
with open(os.path.join(OUT, "trainer_reference.json"), "w") as f:
    f.write(text)
