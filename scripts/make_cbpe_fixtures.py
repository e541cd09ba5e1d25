#!/usr/bin/env python3
"""Writes reference values for src/performance/cbpe (confidence-based performance estimation) into fixtures/cbpe/
(deterministic; run with Debian's /usr/bin/python3: scikit-learn 1.2.1, numpy 1.24).

NannyML is not installed here, so its CBPE for binary classifiers is re-implemented with numpy and scikit-learn, step
for step as in nannyml/calibration.py, nannyml/performance_estimation/confidence_based/metrics.py and
nannyml/sampling_error/binary_classification.py, with three deliberate differences that the TypeScript shares:

- The "does calibration help" check (nannyml.calibration.needs_calibration) splits the reference into 10 disjoint
  stratified folds assigned round-robin in data order within each class (NannyML: StratifiedShuffleSplit with a random
  seed, which cannot be reproduced outside scikit-learn), and sorts with a stable sort before the equal-frequency ECE
  bins (NannyML: argsort's quicksort).
- The estimated ROC AUC handles tied scores as scikit-learn's roc_curve does (one threshold per distinct score) and
  does not round the cumulative sums to 5 decimals. It is computed here by scikit-learn itself: each row counted once
  as a positive with weight p and once as a negative with weight 1 - p (p the calibrated probability).
- The estimated accuracy, precision, recall and F1 are likewise scikit-learn's metrics on those weighted rows, which
  equals NannyML's expected confusion-matrix cells (TP = sum of p over predicted positives, ...).

The isotonic calibrator is scikit-learn's IsotonicRegression(out_of_bounds="clip", increasing=True), NannyML's default;
its thresholds (X_thresholds_, y_thresholds_) are written so the TypeScript fit is compared point by point.

File cbpe.json: {cases: [{name, reference: {score, y_true, y_pred}, calibration: {...}, windows: [{name, score,
y_pred, y_true, estimated: {metric: value}, standard_error: {metric: se}, realized: {metric: value}}]}]}.
Floats are written with Python's repr (shortest round-trip), so JSON.parse gives the same doubles.
"""
import json
import os

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "cbpe")
os.makedirs(OUT, exist_ok=True)

METRICS = ["accuracy", "precision", "recall", "f1", "roc_auc"]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def bin_index_edges(n, bin_count=10):
    # nannyml.calibration._get_bin_index_edges
    if n <= 2 * bin_count:
        bin_count = n // 2
    width = n // bin_count
    edges = np.asarray(range(0, n + 1, width))
    edges[-1] = n
    return list(zip(edges[:-1], edges[1:]))


def ece(y_true, proba, edges):
    # nannyml.calibration._calculate_expected_calibration_error, with a stable sort
    order = np.argsort(proba, kind="stable")
    p, y = proba[order], y_true[order]
    return float(sum((r - l) / len(p) * abs(np.mean(p[l:r]) - np.mean(y[l:r])) for l, r in edges))


def folds(y_true, k=10):
    # round-robin within each class, in data order
    fold = np.empty(len(y_true), dtype=int)
    for c in (0, 1):
        idx = np.flatnonzero(y_true == c)
        fold[idx] = np.arange(len(idx)) % k
    return fold


def needs_calibration(y_true, score):
    if len(np.unique(y_true)) == 1 or roc_auc_score(y_true, score) > 0.999:
        return False, None, None
    fold = folds(y_true)
    ys, ps, cs = [], [], []
    for k in range(10):
        test = fold == k
        iso = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(score[~test], y_true[~test])
        ys.append(y_true[test])
        ps.append(score[test])
        cs.append(iso.predict(score[test]))
    y, p, c = np.concatenate(ys), np.concatenate(ps), np.concatenate(cs)
    edges = bin_index_edges(len(p))
    before, after = ece(y, p, edges), ece(y, c, edges)
    return before > after, before, after


def sampling_components(y_true, y_pred, score):
    # nannyml.sampling_error.binary_classification, with a stable sort for the AUROC ranks
    out = {}
    out["accuracy"] = (float(np.std(y_true == y_pred)), 1.0)
    tp = y_pred.astype(bool) & (y_true == 1)
    fp = y_pred.astype(bool) & (y_true == 0)
    fn = ~y_pred.astype(bool) & (y_true == 1)
    obs = np.concatenate([np.ones(tp.sum()), np.zeros(fp.sum())])
    out["precision"] = (float(np.std(obs)), float(np.sum(y_pred) / len(y_pred)))
    obs = np.concatenate([np.ones(tp.sum()), np.zeros(fn.sum())])
    out["recall"] = (float(np.std(obs)), float(np.sum(y_true) / len(y_pred)))
    rel = np.concatenate([np.ones(tp.sum()), np.zeros(fn.sum()), np.zeros(fp.sum())])
    corr = len(rel) / ((fn.sum() + fp.sum()) * 0.5 + tp.sum())
    out["f1"] = (float(np.std(rel * corr)), float(len(rel) / len(y_pred)))
    yt, sp = y_true.copy(), score.copy()
    if np.mean(yt) > 0.5:
        yt, sp = np.abs(yt - 1), 1 - sp
    order = np.argsort(sp, kind="stable")
    yt = yt[order]
    ranks = yt * np.arange(len(yt))
    indexes = np.unique(ranks)[1:]
    ser = np.array([index - i for i, index in enumerate(indexes)], dtype=float)
    n_pos = np.sum(yt)
    out["roc_auc"] = (float(np.std(ser / (len(yt) - n_pos))), float(n_pos / len(yt)))
    return out


def weighted_rows(score, y_pred, calibrated):
    y = np.concatenate([np.ones(len(score)), np.zeros(len(score))])
    return y, np.concatenate([y_pred, y_pred]), np.concatenate([score, score]), np.concatenate([calibrated, 1 - calibrated])


def estimated(score, y_pred, calibrated):
    y, yp, s, w = weighted_rows(score, y_pred, calibrated)
    return {
        "accuracy": accuracy_score(y, yp, sample_weight=w),
        "precision": precision_score(y, yp, sample_weight=w, zero_division=0),
        "recall": recall_score(y, yp, sample_weight=w, zero_division=0),
        "f1": f1_score(y, yp, sample_weight=w, zero_division=0),
        "roc_auc": roc_auc_score(y, s, sample_weight=w),
    }


def realized(y_true, y_pred, score):
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": precision_score(y_true, y_pred, zero_division=0),
        "recall": recall_score(y_true, y_pred, zero_division=0),
        "f1": f1_score(y_true, y_pred, zero_division=0),
        "roc_auc": roc_auc_score(y_true, score),
    }


def floats(a):
    return [float(v) for v in a]


def case(name, rng, n_ref, model, truth, windows):
    """model(x) -> score; truth(x, shifted_concept) -> P(y=1|x); windows: [(name, mean of x, concept shifted, n)]."""
    x = rng.normal(0.0, 1.0, n_ref)
    score = model(x)
    y = (rng.random(n_ref) < truth(x, False)).astype(int)
    y_pred = (score > 0.5).astype(int)
    needs, before, after = needs_calibration(y, score)
    iso = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(score, y)
    comps = sampling_components(y, y_pred, score)
    probes = np.concatenate([[-0.5, 0.0, 1.0, 1.5], np.linspace(score.min() - 0.01, score.max() + 0.01, 41)])
    out_windows = []
    for wname, mean, concept, n in windows:
        wx = rng.normal(mean, 1.0, n)
        ws = model(wx)
        wy = (rng.random(n) < truth(wx, concept)).astype(int)
        wp = (ws > 0.5).astype(int)
        cal = iso.predict(ws) if needs else ws
        se = {m: comps[m][0] / np.sqrt(n * comps[m][1]) for m in METRICS}
        out_windows.append(
            {
                "name": wname,
                "score": floats(ws),
                "y_pred": [int(v) for v in wp],
                "y_true": [int(v) for v in wy],
                "estimated": estimated(ws, wp, cal),
                "standard_error": se,
                "realized": realized(wy, wp, ws),
            }
        )
    return {
        "name": name,
        "reference": {"score": floats(score), "y_true": [int(v) for v in y], "y_pred": [int(v) for v in y_pred]},
        "calibration": {
            "calibrated": bool(needs),
            "ece_before": before,
            "ece_after": after,
            "x": floats(iso.X_thresholds_),
            "y": floats(iso.y_thresholds_),
            "probes": floats(probes),
            "probe_values": floats(iso.predict(probes)),
            "sampling_error": {m: {"std": comps[m][0], "fraction": comps[m][1]} for m in METRICS},
            "reference_metrics": realized(y, y_pred, score),
        },
        "windows": out_windows,
    }


def main():
    rng = np.random.default_rng(20261206)
    truth = lambda x, concept: sigmoid(2.0 * (x - (1.0 if concept else 0.0)))  # noqa: E731
    windows = [("unchanged", 0.0, False, 800), ("covariate_shift", 0.8, False, 800), ("concept_shift", 0.0, True, 800)]
    cases = [
        # An overconfident model with scores rounded to 3 decimals (ties), which calibration corrects.
        case("overconfident", rng, 3000, lambda x: np.round(sigmoid(4.0 * x + 0.3), 3), truth, windows),
        # The true probabilities: calibration does not help (the ECE check says so).
        case("calibrated", rng, 3000, lambda x: sigmoid(2.0 * x), truth, windows),
    ]
    with open(os.path.join(OUT, "cbpe.json"), "w") as f:
        json.dump({"cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    for c in cases:
        print(c["name"], "calibrated:", c["calibration"]["calibrated"], "thresholds:", len(c["calibration"]["x"]))
        for w in c["windows"]:
            print(
                "  ",
                w["name"],
                "estimated acc %.4f realized %.4f" % (w["estimated"]["accuracy"], w["realized"]["accuracy"]),
            )


if __name__ == "__main__":
    main()
