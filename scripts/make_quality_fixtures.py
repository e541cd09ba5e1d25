"""Reference values for src/stats/wilsonLowerBound.ts: the Wilson score interval's lower end from scipy.

Run: python3 scripts/make_quality_fixtures.py  (writes fixtures/stats/wilson_lower.json)
"""
import json
from pathlib import Path

import numpy as np
from scipy.stats import binomtest, norm

CASES = [(40, 100), (1, 5), (0, 10), (1, 1_000_000), (6, 10), (10, 10), (400_000, 1_000_000), (10_000, 1_000_000), (3, 7)]
ZS = [1.959963984540054, 3.0]

out = {"source": "scipy.stats.binomtest(k, n).proportion_ci(confidence_level=1 - 2 * norm.sf(z), method='wilson').low", "cases": []}
for k, n in CASES:
    for z in ZS:
        # binomtest also computes a p-value (not used here), whose binomial pdf underflows for n = 1,000,000 and
        # printed a "divide by zero" RuntimeWarning into every CI log; the interval does not touch it.
        with np.errstate(divide="ignore"):
            low = binomtest(k, n).proportion_ci(confidence_level=1 - 2 * norm.sf(z), method="wilson").low
        out["cases"].append({"k": k, "n": n, "z": z, "low": float(low)})
path = Path(__file__).resolve().parent.parent / "fixtures" / "stats" / "wilson_lower.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path} ({len(out['cases'])} cases)")
