#!/usr/bin/python3
"""Reference values for the fairness gaps of `compare --slice-by` (src/compare/compareSlices.ts), computed with
Debian's /usr/bin/python3 (numpy 1.24, pandas, scikit-learn 1.2).

Run: /usr/bin/python3 scripts/make_fairness_fixtures.py   (or `npm run fixtures`)
Writes fixtures/compare/fairness_gaps.json. Deterministic: fixed seeds, no timestamps; floats with repr.

Three slices of a binary classifier's predictions (sizes 700, 500 and 300, different base rates and error rates).
For each kind of gap, what compareSlices must give:
- the rates per slice (positive rate: pandas' mean of the predictions per slice; true-positive rate: scikit-learn's
  recall_score on the slice), the slices with the highest and the lowest rate, and their difference;
- "replicated": our percentile bootstrap (2,000 resamples, confidence 0.95, seed 7) re-implemented here step for step,
  mulberry32 included, so the TypeScript must agree to rounding: this checks the resampling, not the statistics;
- "numpy": an independent percentile bootstrap of the same gap with numpy's generator and 200,000 resamples, which the
  2,000-resample interval must match within Monte Carlo error: this checks the statistics.
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.metrics import recall_score

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "compare", "fairness_gaps.json")
LABELS = ["a", "b", "c"]
SIZES = [700, 500, 300]
BASE_RATE = [0.30, 0.45, 0.60]  # P(y = 1) per slice
TPR = [0.85, 0.75, 0.60]  # P(pred = 1 | y = 1)
FPR = [0.10, 0.15, 0.05]  # P(pred = 1 | y = 0)
SEED, RESAMPLES, CONFIDENCE = 7, 2000, 0.95

rng = np.random.default_rng(20261206)
codes, y_true, y_pred = [], [], []
for k, n in enumerate(SIZES):
    y = (rng.random(n) < BASE_RATE[k]).astype(int)
    u = rng.random(n)
    p = np.where(y == 1, u < TPR[k], u < FPR[k]).astype(int)
    codes += [k] * n
    y_true += y.tolist()
    y_pred += p.tolist()
# interleave the slices, as real data is
order = rng.permutation(len(codes))
codes = np.array(codes)[order]
y_true = np.array(y_true)[order]
y_pred = np.array(y_pred)[order]
frame = pd.DataFrame({"slice": codes, "y": y_true, "pred": y_pred})


def mulberry32(seed):
    a = seed & 0xFFFFFFFF

    def next_():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t = (t ^ ((t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return next_


def replicated_interval(high, low):
    """Step for step what gapInterval does: one generator, the high slice's draw, then the low slice's, per resample."""
    random = mulberry32(SEED)

    def draw(hit, base):
        n = len(hit)
        h = d = 0
        for _ in range(n):
            i = int(random() * n)
            h += hit[i]
            d += base[i]
        return h / d if d > 0 else float("nan")

    gaps = [g for g in (draw(*high) - draw(*low) for _ in range(RESAMPLES)) if np.isfinite(g)]
    lower = (1 - CONFIDENCE) / 2
    s = np.sort(np.array(gaps, dtype=np.float64))
    return [float(np.quantile(s, lower)), float(np.quantile(s, 1 - lower))]


def numpy_interval(high, low, resamples=200_000, chunk=5_000):
    """Each slice's rows resampled on their own, in chunks of resamples to bound memory."""
    gen = np.random.default_rng(99)
    parts = []
    for start in range(0, resamples, chunk):
        m = min(chunk, resamples - start)
        rate = []
        for hit, base in (high, low):
            hit, base = np.asarray(hit), np.asarray(base)
            idx = gen.integers(0, len(hit), size=(m, len(hit)))
            rate.append(hit[idx].sum(axis=1) / base[idx].sum(axis=1))
        parts.append(rate[0] - rate[1])
    gaps = np.concatenate(parts)
    gaps = gaps[np.isfinite(gaps)]
    lower = (1 - CONFIDENCE) / 2
    return [float(np.quantile(gaps, lower)), float(np.quantile(gaps, 1 - lower))]


cases = []
for kind in ("positive_rate", "true_positive_rate"):
    rates, rows = [], []
    for k in range(len(LABELS)):
        part = frame[frame.slice == k]
        if kind == "positive_rate":
            rates.append(float(part.pred.mean()))
            rows.append((part.pred.to_numpy(), np.ones(len(part), dtype=int)))
        else:
            rates.append(float(recall_score(part.y, part.pred)))
            rows.append((part.pred.to_numpy() * part.y.to_numpy(), part.y.to_numpy()))
    high = int(np.argmax(rates))
    low = int(np.argmin(rates))
    cases.append(
        {
            "kind": kind,
            "rates": dict(zip(LABELS, rates)),
            "high": LABELS[high],
            "low": LABELS[low],
            "gap": rates[high] - rates[low],
            "replicated": replicated_interval(rows[high], rows[low]),
            "numpy": numpy_interval(rows[high], rows[low]),
        }
    )

doc = {
    "about": "fairness gaps per slice; made by scripts/make_fairness_fixtures.py",
    "labels": LABELS,
    "seed": SEED,
    "resamples": RESAMPLES,
    "confidence": CONFIDENCE,
    "codes": codes.tolist(),
    "y_true": y_true.tolist(),
    "y_pred": y_pred.tolist(),
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {OUT}")
