"""Reference values for KS against a sketch (src/drift/methods/ks.ts): scipy.stats.ks_2samp with method 'auto'.

A profile's sketch holds these samples' values each in a bucket of its own (integers of magnitude < 500 at the
default relative accuracy of 0.001), so the D read at bucket boundaries is the samples' D and the p-value must be
ks_2samp's: exact when max(n, m) <= 10,000 (falling back to asymp when the lattice sum fails), else asymp; and past
n m = 1,000,000, where the sketch path bounds its cost, ks_2samp's asymp (pValueAsymp).
Samples are literal or cyclic: start + step * (i mod period) for i < n, rebuilt exactly in TS.

Run: python3 scripts/make_ks_sketch_fixtures.py  (writes fixtures/stats/ks_sketch.json; scipy 1.10.1, numpy 1.24)
"""
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.stats

if scipy.__version__ != "1.10.1" or not np.__version__.startswith("1.24."):
    sys.exit(f"expected scipy 1.10.1 and numpy 1.24, got {scipy.__version__} and {np.__version__}")


def cyclic(n, start, step, period):
    return {"n": n, "start": start, "step": step, "period": period}


def values(spec):
    if isinstance(spec, list):
        return np.array(spec, dtype=np.float64)
    i = np.arange(spec["n"])
    return (spec["start"] + spec["step"] * (i % spec["period"])).astype(np.float64)


CASES = [
    ("three far from three (the defect: asymp gave 0)", [1, 2, 3], [10, 11, 12]),
    ("one value a side", [0], [1]),
    ("n = m = 5, D = 1/5: the exact sum rounds above 1, asymp fallback", [0, 2, 4, 6, 8], [1, 3, 5, 7, 9]),
    ("7 vs 11, overlapping", [1, 2, 3, 4, 5, 6, 7], [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
    ("ties on both sides", [1, 1, 2, 2, 3], [2, 3, 3, 4, 4, 4]),
    ("negatives and zeros", [-5, -3, 0, 1, 2], [-1, 0, 0, 3, 4, 5, 6]),
    ("identical", [1, 2, 3, 4], [1, 2, 3, 4]),
    ("600 vs 450 cyclic, shifted", cyclic(600, 1, 1, 120), cyclic(450, 11, 1, 120)),
    ("10,000 vs 9,999 cyclic (exact at the limit)", cyclic(10000, 1, 1, 200), cyclic(9999, 2, 1, 200)),
    ("10,001 vs 300 cyclic (asymp past the limit)", cyclic(10001, 1, 1, 200), cyclic(300, 5, 1, 200)),
]

out = {"source": "scipy.stats.ks_2samp(a, b, alternative='two-sided', method='auto')",
       "scipy": scipy.__version__, "numpy": np.__version__, "cases": []}
for label, a, b in CASES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = scipy.stats.ks_2samp(values(a), values(b), alternative="two-sided", method="auto")
    # ks_2samp does not say which method it used: auto is exact up to 10,000 values a side, unless the exact sum
    # failed, which it says in a warning before it switches to asymp.
    fell_back = any("Switching to method=asymp" in str(w.message) for w in caught)
    used = "exact" if max(len(values(a)), len(values(b))) <= 10000 and not fell_back else "asymp"
    # The sketch path takes the asymptotic p-value past n m = 1,000,000 (SKETCH_EXACT_MAX_CELLS in ks.ts).
    # (one value a side has no asymptotic distribution: NaN there, written as null)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        asymp = scipy.stats.ks_2samp(values(a), values(b), alternative="two-sided", method="asymp")
    out["cases"].append({"label": label, "a": a, "b": b, "methodUsed": used,
                         "statistic": float(r.statistic), "pValue": float(r.pvalue),
                         "pValueAsymp": float(asymp.pvalue) if np.isfinite(asymp.pvalue) else None})
path = Path(__file__).resolve().parent.parent / "fixtures" / "stats" / "ks_sketch.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path} ({len(out['cases'])} cases)")
