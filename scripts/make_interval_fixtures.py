#!/usr/bin/python3
"""Reference vectors for the analytic comparison intervals (src/stats/delongPlacements.ts, normalQuantile.ts), computed
with numpy 1.24 / scipy 1.10.1 / scikit-learn 1.2 (Debian's /usr/bin/python3).

Run: /usr/bin/python3 scripts/make_interval_fixtures.py   (or `npm run fixtures`)
Writes fixtures/stats/delong.json and fixtures/stats/normal_quantile.json. Deterministic: fixed seeds, no timestamps.

DeLong's covariance is computed here the plain way, from the definition (DeLong, DeLong & Clarke-Pearson 1988): the
kernel psi(x, y) = 1 if x > y, 1/2 if x == y, 0 otherwise over every (positive, negative) pair, V10 = row means over
negatives, V01 = column means over positives, S10/S01 their sample covariance matrices across scorers, and
cov = S10 / m + S01 / n. It is cross-checked against scipy's midranks (Sun & Xu 2014) and the AUC against
scikit-learn's roc_auc_score before anything is written. Floats are written with repr (shortest round-trip form).
"""

import json
import os
import sys

import numpy as np
import scipy
from scipy.stats import norm, rankdata
import sklearn
from sklearn.metrics import roc_auc_score

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "stats")

if scipy.__version__ != "1.10.1" or not np.__version__.startswith("1.24."):
    sys.exit(f"expected scipy 1.10.1 and numpy 1.24, got {scipy.__version__} and {np.__version__}")


def delong_by_definition(scores, y):
    """scores: k x n, y: n of 0/1 -> (aucs, covariance) from the pairwise kernel."""
    pos = scores[:, y == 1]
    neg = scores[:, y == 0]
    m, n = pos.shape[1], neg.shape[1]
    psi = (pos[:, :, None] > neg[:, None, :]) + 0.5 * (pos[:, :, None] == neg[:, None, :])  # k x m x n
    v10 = psi.mean(axis=2)  # k x m
    v01 = psi.mean(axis=1)  # k x n
    auc = v10.mean(axis=1)
    s10 = np.cov(v10) if len(scores) > 1 else np.array([[np.var(v10, ddof=1)]])
    s01 = np.cov(v01) if len(scores) > 1 else np.array([[np.var(v01, ddof=1)]])
    return auc, np.atleast_2d(s10) / m + np.atleast_2d(s01) / n


def delong_by_midranks(scores, y):
    """Sun & Xu's fast form, as an independent check of the definition."""
    pos = scores[:, y == 1]
    neg = scores[:, y == 0]
    m, n = pos.shape[1], neg.shape[1]
    allr = np.array([rankdata(s) for s in np.hstack([pos, neg])])
    posr = np.array([rankdata(s) for s in pos])
    negr = np.array([rankdata(s) for s in neg])
    auc = (allr[:, :m].sum(axis=1) - m * (m + 1) / 2) / (m * n)
    v10 = (allr[:, :m] - posr) / n
    v01 = 1 - (allr[:, m:] - negr) / m
    return auc, np.atleast_2d(np.cov(v10)) / m + np.atleast_2d(np.cov(v01)) / n


def case(name, scores, y):
    scores = np.asarray(scores, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    auc, cov = delong_by_definition(scores, y)
    auc2, cov2 = delong_by_midranks(scores, y)
    assert np.allclose(auc, auc2, rtol=0, atol=1e-14) and np.allclose(cov, cov2, rtol=1e-10, atol=1e-18), name
    for s, a in zip(scores, auc):
        assert abs(roc_auc_score(y, s) - a) < 1e-14, name
    return {
        "name": name,
        "positive": y.tolist(),
        "scores": [s.tolist() for s in scores],
        "auc": auc.tolist(),
        "covariance": cov.tolist(),
    }


def logistic(z):
    return 1 / (1 + np.exp(-z))


def cases():
    out = []
    # Ten rows, two scorers: small enough to check by hand.
    out.append(
        case(
            "ten rows, two scorers",
            [[0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.9, 0.55, 0.3, 0.6], [0.2, 0.3, 0.5, 0.7, 0.6, 0.1, 0.8, 0.4, 0.45, 0.9]],
            [0, 0, 1, 1, 1, 0, 1, 0, 0, 1],
        )
    )
    rng = np.random.default_rng(20240613)
    # Continuous scores, two correlated models (the paired case the comparison meets).
    n = 400
    x = rng.normal(size=n)
    y = (rng.random(n) < logistic(1.2 * x)).astype(int)
    a = logistic(1.1 * x + 0.5 * rng.normal(size=n))
    b = logistic(0.9 * x + 0.9 * rng.normal(size=n))
    out.append(case("400 rows, two correlated models", [a, b], y))
    # Heavy ties: scores rounded to one decimal, three scorers, imbalanced classes.
    n = 1500
    x = rng.normal(size=n)
    y = (rng.random(n) < logistic(2 * x - 2)).astype(int)
    out.append(
        case(
            "1500 rows, ties, imbalanced, three scorers",
            [np.round(logistic(x + rng.normal(scale=s, size=n)), 1) for s in (0.3, 0.8, 1.5)],
            y,
        )
    )
    # Labels-like scores (two values) and a perfect scorer.
    n = 200
    y = (rng.random(n) < 0.4).astype(int)
    out.append(case("200 rows, binary scores and a perfect scorer", [np.where(rng.random(n) < 0.8, y, 1 - y) * 1.0, y + 0.5 * rng.random(n)], y))
    return out


def write(name, description, body):
    path = os.path.join(OUT, name)
    header = {"description": description, "numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__}
    with open(path, "w") as f:
        f.write(json.dumps({"meta": header, "cases": body}, allow_nan=False) + "\n")
    print(f"{name}: {len(body)} cases, {os.path.getsize(path)} bytes")


write(
    "delong.json",
    "DeLong AUCs and covariance matrices (S10/m + S01/n) of k scorers on the same rows, from the pairwise kernel",
    cases(),
)
ps = [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.3, 0.425, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 1 - 1e-9]
write("normal_quantile.json", "scipy.stats.norm.ppf(p)", [{"p": p, "x": float(norm.ppf(p))} for p in ps])
