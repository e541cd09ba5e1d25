#!/usr/bin/python3
"""Reference vectors for src/stats, computed with scipy 1.10.1 / numpy 1.24 (Debian's /usr/bin/python3).

Run: /usr/bin/python3 scripts/make_stats_fixtures.py   (or `npm run fixtures`)
Writes fixtures/stats/*.json. Deterministic: fixed seeds, no timestamps, so a rerun rewrites identical files.

Floats are written with repr (shortest round-trip form), so JSON.parse in the tests reads back the exact doubles.
Non-finite floats, which JSON cannot hold, are written as the strings "NaN", "Infinity", "-Infinity".
Samples are stored literally and kept small; the large-n KS cases are either (d, n) pairs or samples built from
integer arithmetic progressions (start + step * i), which TypeScript rebuilds exactly.
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.special
import scipy.stats
from scipy.spatial.distance import jensenshannon

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "stats")

if scipy.__version__ != "1.10.1" or not np.__version__.startswith("1.24."):
    sys.exit(f"expected scipy 1.10.1 and numpy 1.24, got {scipy.__version__} and {np.__version__}")


def enc(x):
    """Make a value JSON-safe: numpy scalars/arrays to Python, non-finite floats to strings."""
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, np.ndarray):
        return [enc(v) for v in x.tolist()]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    return x


def write(name, description, cases):
    path = os.path.join(OUT, name)
    body = ",\n".join(json.dumps(enc(c), sort_keys=True, allow_nan=False) for c in cases)
    header = json.dumps({"description": description, "scipy": scipy.__version__, "numpy": np.__version__})
    with open(path, "w") as f:
        f.write('{"meta": ' + header + ',\n"cases": [\n' + body + "\n]}\n")
    print(f"{name}: {len(cases)} cases, {os.path.getsize(path)} bytes")


def progression(spec):
    """Sample start + step * i for i < n (integers, exact in doubles), sorted."""
    n, start, step = spec["n"], spec["start"], spec["step"]
    return np.sort(start + step * np.arange(n, dtype=np.float64))


# ---------------------------------------------------------------- KS two-sample (literal samples)
def ks_cases():
    rng = np.random.default_rng(20240601)
    cases = []

    def add(label, a, b, methods=("auto", "exact", "asymp")):
        a = np.sort(np.asarray(a, dtype=np.float64))
        b = np.sort(np.asarray(b, dtype=np.float64))
        results = {}
        for method in methods:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                r = scipy.stats.ks_2samp(a, b, alternative="two-sided", method=method)
            used = method
            if method == "auto":
                used = "exact" if max(len(a), len(b)) <= 10000 else "asymp"
            if any("Switching to" in str(x.message) for x in w):
                used = "asymp"
            results[method] = {"methodUsed": used, "statistic": float(r.statistic), "pValue": float(r.pvalue)}
        cases.append({"label": label, "a": a, "b": b, "results": results})

    def r4(x):
        # 4 decimals: short fixtures, and a few ties for free
        return np.round(x, 4)

    add("n=1 vs n=1, different", [0.0], [1.0])
    add("n=1 vs n=1, equal", [2.5], [2.5])
    add("n=1 vs 7", [0.3], r4(rng.normal(size=7)))
    add("identical samples (D=0)", [1.0, 2.0, 2.0, 3.0], [1.0, 2.0, 2.0, 3.0])
    add("disjoint samples (D=1)", [1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
    add("disjoint samples, n != m (D=1)", np.arange(8.0), 100 + np.arange(13.0))
    add("interleaved equal n: D=1/n, the exact sum rounds above 1 -> scipy falls back to asymp",
        [0, 2, 4, 6, 8], [1, 3, 5, 7, 9])
    add("interleaved equal n=7", np.arange(0, 14, 2.0), np.arange(1, 15, 2.0))
    add("all tied on one value vs another", [3.0] * 6, [3.0] * 4 + [4.0] * 2)
    add("negative zero equals zero", [-0.0, 1.0], [0.0, 1.0])
    for n, m in [(6, 9), (10, 15), (12, 18), (14, 21), (20, 30), (25, 35), (40, 60), (50, 75), (64, 96)]:
        add(f"small gcd n={n} m={m}, normal shift", r4(rng.normal(size=n)), r4(rng.normal(0.4, 1, size=m)))
    for n in [2, 3, 5, 10, 31, 50, 100]:
        add(f"equal n={n}, normal vs normal", r4(rng.normal(size=n)), r4(rng.normal(size=n)))
    for n, m in [(7, 11), (13, 17), (29, 31), (100, 37), (101, 103)]:
        add(f"coprime n={n} m={m}", r4(rng.exponential(size=n)), r4(rng.exponential(1.5, size=m)))
    for n, m in [(10, 12), (30, 40), (60, 45), (200, 150)]:
        add(f"integer-valued with ties n={n} m={m}", rng.integers(0, 5, n), rng.integers(0, 6, m))
        add(f"categorical-like 0/1 n={n} m={m}", rng.integers(0, 2, n), (rng.random(m) < 0.7).astype(float))
    add("heavy duplicates", np.repeat([1.0, 2.0, 3.0], [50, 3, 20]), np.repeat([1.0, 2.0, 4.0], [10, 30, 5]))
    for n, m, shift in [(300, 250, 0.0), (400, 350, 0.3), (500, 499, 0.1)]:
        a, b = r4(rng.normal(size=n)), r4(rng.normal(shift, 1, size=m))
        add(f"larger n={n} m={m} shift={shift}", a, b, ("auto", "asymp"))
    a, b = r4(rng.normal(size=300)), r4(rng.normal(3, 1, size=200))
    add("large D, tiny p, n=300 m=200", a, b, ("auto", "asymp"))
    return cases


# ---------------------------------------------------------------- KS two-sample (progression samples, big n)
def ks_progression_cases():
    cases = []

    def add(label, sa, sb, method):
        a = progression(sa)
        b = progression(sb)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = scipy.stats.ks_2samp(a, b, alternative="two-sided", method=method)
        used = method
        if method == "auto":
            used = "exact" if max(len(a), len(b)) <= 10000 else "asymp"
        if any("Switching to" in str(x.message) for x in w):
            used = "asymp"
        cases.append(
            {
                "label": label,
                "a": sa,
                "b": sb,
                "method": method,
                "methodUsed": used,
                "statistic": float(r.statistic),
                "pValue": float(r.pvalue),
            }
        )

    def P(n, start, step):
        return {"n": n, "start": start, "step": step}

    add("auto exact at the limit: 10000 vs 9999", P(10000, 0, 2), P(9999, 51, 2), "auto")
    add("auto exact 10000 vs 7000, big shift", P(10000, 0, 3), P(7000, 4000, 4), "auto")
    add("auto exact 10000 vs 10000", P(10000, 0, 1), P(10000, 150, 1), "auto")
    add("auto asymp just above the limit: 10001 vs 9000", P(10001, 0, 9), P(9000, 500, 10), "auto")
    add("auto asymp 20000 vs 15000", P(20000, 0, 3), P(15000, 100, 4), "auto")
    add("auto asymp 60000 vs 60000 small shift", P(60000, 0, 5), P(60000, 1300, 5), "auto")
    add("exact requested, lcm overflows int32 -> asymp", P(46349, 0, 7), P(46351, 40, 7), "exact")
    add("exact requested above the auto limit, lcm fits int32", P(11000, 0, 1), P(13001, 300, 1), "exact")
    add("asymp requested n=m=1: round(1/2) = 0 -> NaN", P(1, 0, 1), P(1, 1, 1), "asymp")
    return cases


# ---------------------------------------------------------------- kstwo.sf and smirnov
def kstwo_cases():
    rng = np.random.default_rng(7)
    cases = []
    ns = [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 200, 1000, 5000, 10000, 100000, 100001, 500000, 1000000, 2000000]
    for n in ns:
        ts = list(np.geomspace(1e-3, 400, 24)) + [0.754693, 4.0, 2.2, 18.0, 370.0]
        xs = [math.sqrt(t / n) for t in ts]
        xs += [0.0, 1.0, 0.5 / n, 0.75 / n, 1.0 / n, 1.5 / n, 1 - 1.0 / n, 1 - 1.5 / n]
        xs += [(1.4 / n) ** (2 / 3), 0.5, 0.4999]
        xs += list(rng.uniform(0, 1, 4))
        for x in sorted(set(x for x in xs if 0 <= x <= 1)):
            cases.append({"n": n, "d": x, "sf": float(scipy.stats.kstwo.sf(x, n))})
    # The drift path with 1,000,000 vs 1,000,000 rows: n = 500000, n d^2 from 0.01 to 400.
    for t in np.geomspace(0.01, 400, 60):
        d = math.sqrt(t / 500000)
        cases.append({"n": 500000, "d": d, "sf": float(scipy.stats.kstwo.sf(d, 500000))})
    return cases


def smirnov_cases():
    rng = np.random.default_rng(11)
    cases = []
    for n in [1, 2, 5, 10, 50, 999, 1000, 1001, 5000, 100000, 500000, 1000000, 1000001, 3000000]:
        xs = [0.0, 1.0, 0.5 / n, 1.0 / n, 2.0 / n, 1 - 1.0 / n, 1 - 0.5 / n, 0.5 / math.sqrt(n), 0.5]
        xs += [math.sqrt(t / (2 * n)) for t in np.geomspace(1e-3, 745, 22)]
        xs += list(rng.uniform(0, 1, 3))
        for x in sorted(set(x for x in xs if 0 <= x <= 1)):
            cases.append({"n": n, "x": x, "sf": float(scipy.special.smirnov(n, x))})
    return cases


# ---------------------------------------------------------------- chi-square
def chi2_cases():
    cases = []
    for df in [1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 199, 200]:
        xs = list(np.geomspace(1e-3, 2000, 28)) + [df - 1.0, df, df + 1.0, df + 2.0, 2 * df, df + 3 * math.sqrt(2 * df)]
        for x in sorted(set(x for x in xs if x > 0)):
            cases.append({"x": x, "df": df, "sf": float(scipy.stats.chi2.sf(x, df))})
    for x, df in [(0.0, 3), (-1.0, 3), (3.841458820694124, 1), (1e-300, 1), (5.5, 0.5), (12.25, 2.5), (7.0, 1000)]:
        cases.append({"x": x, "df": df, "sf": float(scipy.stats.chi2.sf(x, df))})
    return cases


def contingency_cases():
    rng = np.random.default_rng(3)
    cases = []

    def add(label, a, b):
        a = np.asarray(a, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        keep = (a + b) > 0
        if keep.sum() < 2:
            stat, p, dof = 0.0, 1.0, 0
        else:
            r = scipy.stats.chi2_contingency(np.vstack([a[keep], b[keep]]), correction=False)
            stat, p, dof = float(r[0]), float(r[1]), int(r[2])
        cases.append({"label": label, "a": a, "b": b, "statistic": stat, "dof": dof, "pValue": p})

    add("docs example", [10, 20, 30], [20, 20, 20])
    add("2x2", [12, 5], [7, 14])
    add("identical proportions", [10, 20, 30], [20, 40, 60])
    add("empty category dropped", [10, 0, 30, 5], [20, 0, 25, 5])
    add("single category left", [10, 0, 0], [5, 0, 0])
    add("all categories empty but one row", [0, 7], [0, 3])
    add("no categories", [], [])
    add("strong drift, tiny p", [1000, 10, 5], [10, 1000, 900])
    add("one-sided category", [50, 0, 30], [0, 40, 30])
    for k in [3, 5, 10, 40, 150]:
        p = rng.dirichlet(np.ones(k))
        q = 0.8 * p + 0.2 * rng.dirichlet(np.ones(k))
        add(f"random k={k}", rng.multinomial(2000, p), rng.multinomial(1500, q))
    add("non-integer weights", [1.5, 2.25, 3.0], [2.0, 0.5, 4.75])
    return cases


# ---------------------------------------------------------------- quantiles, PSI bins, PSI
def linspace_inner(bins):
    return np.linspace(0, 1, bins + 1)[1:-1]


def quantile_cases():
    rng = np.random.default_rng(5)
    cases = []
    samples = [
        ("n=1", np.array([4.2])),
        ("n=2", np.array([-1.0, 3.0])),
        ("small ints", np.arange(1.0, 6.0)),
        ("ties", np.sort(rng.integers(0, 4, 23).astype(float))),
        ("normal n=101", np.sort(rng.normal(size=101))),
        ("normal n=200", np.sort(rng.normal(size=200))),
        ("wide magnitudes", np.sort(rng.normal(size=37) * 10.0 ** rng.integers(-8, 9, 37))),
        ("with infinities", np.array([-np.inf, 0.0, 1.0, 2.0, np.inf])),
    ]
    qs = sorted(set([0.0, 1.0, 0.5, 0.25, 0.75, 0.1, 0.9, 0.3, 0.7, 1 / 3, 2 / 3, 0.999, 1e-9]
                    + list(linspace_inner(10)) + list(linspace_inner(7)) + list(linspace_inner(20))))
    for label, x in samples:
        with np.errstate(invalid="ignore"):
            vals = np.quantile(x, qs)
        cases.append({"label": label, "sorted": x, "q": qs, "values": vals})
    return cases


def psi_cases():
    rng = np.random.default_rng(9)
    EPS = 1e-4
    cases = []

    def add(label, r, k, bins=10):
        r = np.sort(np.asarray(r, dtype=np.float64))
        k = np.sort(np.asarray(k, dtype=np.float64))
        inner = np.unique(np.quantile(r, np.linspace(0, 1, bins + 1)[1:-1]))
        edges = np.concatenate([[-np.inf], inner, [np.inf]])
        cr = np.histogram(r, edges)[0]
        ck = np.histogram(k, edges)[0]
        pr = cr / len(r)
        pc = ck / len(k)
        pr, pc = np.clip(pr, EPS, None), np.clip(pc, EPS, None)
        psi = float(np.sum((pc - pr) * np.log(pc / pr)))
        cases.append(
            {"label": label, "ref": r, "cur": k, "bins": bins, "innerEdges": inner, "refCounts": cr,
             "curCounts": ck, "psi": psi}
        )

    def r3(x):
        return np.round(x, 3)

    add("normal vs normal, same", r3(rng.normal(size=300)), r3(rng.normal(size=250)))
    add("normal vs shifted", r3(rng.normal(size=300)), r3(rng.normal(0.5, 1, size=250)))
    add("normal vs wider", r3(rng.normal(size=200)), r3(rng.normal(0, 2, size=200)))
    add("unrounded normal (full-precision edges)", rng.normal(size=97), rng.normal(0.3, 1, size=80))
    add("heavily tied reference (duplicate quantile edges)", rng.integers(0, 3, 200), rng.integers(0, 4, 150))
    add("constant reference", np.full(50, 7.0), r3(rng.normal(7, 1, size=40)))
    add("binary / categorical-like", (rng.random(200) < 0.3).astype(float), (rng.random(150) < 0.6).astype(float))
    add("current outside reference range (empty bins, floor)", rng.uniform(0, 1, 300), rng.uniform(5, 6, 100))
    add("tiny samples", [1.0, 2.0], [3.0])
    add("bins=5", r3(rng.exponential(size=250)), r3(rng.exponential(1.3, size=260)), bins=5)
    add("bins=4 (<= 8 terms: plain loop)", r3(rng.normal(size=100)), r3(rng.normal(0.2, 1, size=90)), bins=4)
    add("bins=20 (pairwise blocks)", r3(rng.normal(size=400)), r3(rng.normal(0.1, 1.1, size=300)), bins=20)
    add("bins=200 (> 128 terms: split)", rng.integers(0, 10000, 800), rng.integers(0, 11000, 700), bins=200)
    add("bins=1 (no inner edge)", r3(rng.normal(size=30)), r3(rng.normal(size=20)), bins=1)
    return cases


def psi_proportion_cases():
    """populationStabilityIndex on given proportion vectors (categorical use), incl. zeros hitting the floor."""
    rng = np.random.default_rng(10)
    EPS = 1e-4
    cases = []
    vecs = [
        ([0.5, 0.5], [0.4, 0.6]),
        ([0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]),
        ([0.7, 0.3, 0.0], [0.2, 0.3, 0.5]),
        ([1.0, 0.0], [0.0, 1.0]),
        ([0.00005, 0.99995], [0.00002, 0.99998]),
    ]
    for k in [3, 8, 9, 16, 17, 129, 150]:
        vecs.append((rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))))
    for r, c in vecs:
        pr, pc = np.clip(np.asarray(r, float), EPS, None), np.clip(np.asarray(c, float), EPS, None)
        cases.append({"ref": r, "cur": c, "psi": float(np.sum((pc - pr) * np.log(pc / pr)))})
    return cases


# ---------------------------------------------------------------- Jensen-Shannon, Wasserstein
def js_cases():
    rng = np.random.default_rng(12)
    vecs = [
        ([1.0, 0.0], [0.0, 1.0]),
        ([1.0, 0.0], [0.5, 0.5]),
        ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]),
        ([2.0, 3.0, 5.0], [0.2, 0.3, 0.5]),
        ([10, 0, 3, 0], [0, 0, 3, 1]),
        ([0.25, 0.25, 0.5], [0.25, 0.5, 0.25]),
        ([0.5, 0.5], [0.5000001, 0.4999999]),
    ]
    for k in [3, 8, 10, 20, 200]:
        vecs.append((rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))))
        vecs.append((rng.integers(0, 50, k).astype(float) + 1, rng.integers(0, 50, k).astype(float)))
    cases = []
    for p, q in vecs:
        cases.append({"p": p, "q": q, "distance": float(jensenshannon(p, q, base=2))})
    return cases


def wasserstein_cases():
    rng = np.random.default_rng(13)
    pairs = [
        ([0.0, 1.0, 3.0], [5.0, 6.0, 8.0]),
        ([1.0], [1.0]),
        ([1.0], [4.0]),
        ([0.0, 0.0, 1.0], [0.0, 1.0, 1.0]),
        ([1.0, 2.0, 2.0, 3.0], [1.0, 2.0, 2.0, 3.0]),
        (rng.integers(0, 5, 40).astype(float), rng.integers(0, 7, 30).astype(float)),
        (rng.normal(size=100), rng.normal(0.5, 2, size=70)),
        (np.round(rng.exponential(size=500), 3), np.round(rng.exponential(3, size=600), 3)),
        # > 8192 merged terms (numpy sums in blocks of 8192): arithmetic progressions, rebuilt in TS
        ({"n": 5000, "start": 0, "step": 3}, {"n": 4000, "start": 1, "step": 4}),
        ({"n": 9000, "start": 5, "step": 1}, {"n": 100, "start": -50, "step": 97}),
        (rng.normal(size=7) * 1e6, rng.normal(size=3) * 1e-6),
    ]
    cases = []
    for a, b in pairs:
        sa = progression(a) if isinstance(a, dict) else np.sort(np.asarray(a, dtype=np.float64))
        sb = progression(b) if isinstance(b, dict) else np.sort(np.asarray(b, dtype=np.float64))
        cases.append(
            {
                "a": a if isinstance(a, dict) else sa,
                "b": b if isinstance(b, dict) else sb,
                "distance": float(scipy.stats.wasserstein_distance(sa, sb)),
            }
        )
    return cases


# ---------------------------------------------------------------- BH and McNemar
def bh_reference(p):
    """statsmodels.stats.multitest.multipletests(p, method='fdr_bh')[1], with NaN kept out (numpy only)."""
    p = np.asarray(p, dtype=np.float64)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    pv = p[ok]
    order = np.argsort(pv)
    ps = pv[order]
    m = len(ps)
    ecdffactor = np.arange(1, m + 1) / float(m)
    corrected = np.minimum.accumulate((ps / ecdffactor)[::-1])[::-1]
    corrected[corrected > 1] = 1
    back = np.empty_like(corrected)
    back[order] = corrected
    out[ok] = back
    return out


def bh_cases():
    rng = np.random.default_rng(14)
    vecs = [
        [0.01, 0.04, 0.03, np.nan],
        [0.05],
        [],
        [np.nan, np.nan],
        [0.0, 1.0, 0.5],
        [0.02, 0.02, 0.02, 0.5],
        [0.9, 0.95, 0.99, 1.0],
    ]
    for m in [5, 20, 100]:
        v = rng.uniform(0, 1, m) ** 3
        v[rng.random(m) < 0.1] = np.nan
        vecs.append(list(v))
    return [{"p": v, "adjusted": bh_reference(v)} for v in vecs]


def mcnemar_cases():
    pairs = [(0, 0), (1, 0), (0, 1), (1, 9), (5, 5), (3, 12), (10, 11), (40, 60), (100, 150), (0, 30), (1, 1000),
             (1000, 1100), (12345, 12000), (40000, 41000), (500000, 501500), (3, 1070), (0, 1100)]
    cases = []
    for b, c in pairs:
        k = min(b, c)
        p = min(1.0, float(scipy.stats.binom.cdf(k, b + c, 0.5)) * 2)
        cases.append({"b": b, "c": c, "pValue": p})
    return cases


# ---------------------------------------------------------------- helpers: numpy summation order, special functions
def numpy_sum_cases():
    """np.sum of x_i = ((i * 7919) % 10007) / 997 - 5 + (i % 3) * 1e-9: correctly rounded operations only, so
    TypeScript rebuilds the same doubles; the sum depends on numpy's pairwise/blocked order."""
    cases = []
    sizes = list(range(0, 41)) + [63, 64, 65, 127, 128, 129, 130, 255, 256, 257, 1000, 8191, 8192, 8193, 20001, 100003]
    for n in sizes:
        i = np.arange(n)
        x = ((i * 7919) % 10007) / 997.0 - 5.0 + (i % 3) * 1e-9
        cases.append({"n": n, "sum": float(np.sum(x))})
    return cases


def special_cases():
    import mpmath as mp

    mp.mp.dps = 50
    cases = []
    for x in [1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.7, 10.0, 15.5, 30.25, 171.5, 1000.0, 123456.75]:
        cases.append({"fn": "logGamma", "x": x, "value": float(mp.loggamma(mp.mpf(x)))})
    for x in [0.0, 0.5, 1.0, 3.0, 7.5, 14.5, 15.0, 0.3, 2.7, 12.9, 15.5, 16.0, 35.5, 36.0, 80.5, 81.0, 500.0, 501.0, 1e6]:
        n = mp.mpf(x)
        v = 0
        if x > 0:
            v = mp.loggamma(n + 1) - (n + mp.mpf(1) / 2) * mp.log(n) + n - mp.log(mp.sqrt(2 * mp.pi))
        cases.append({"fn": "stirlingError", "x": x, "value": float(v)})
    bd0_args = [(3, 5), (0, 2.5), (10, 10), (10, 10.5), (1000, 1001), (5e5, 5.0007e5), (2, 1e6), (1e6, 3), (7.5, 6.1)]
    for x, m in bd0_args:
        xx, mm = mp.mpf(x), mp.mpf(m)
        v = mm if x == 0 else xx * mp.log(xx / mm) + mm - xx
        cases.append({"fn": "binomialDeviance", "x": x, "m": m, "value": float(v)})
    ldexp_args = [(0.75, 4), (1.0, -1074), (1.5, -1074), (1.0, -1075), (3.0, -1075), (2.0**100, -1100), (1.0, 1023),
                  (0.5, 1025), (1.0, 1024), (1e-310, 60), (-0.75, -1030), (0.0, 5), (1.0, -1022), (0.999, -1022)]
    for x, e in ldexp_args:
        with np.errstate(over="ignore"):
            cases.append({"fn": "ldexp", "x": x, "e": e, "value": float(np.ldexp(np.float64(x), e))})
    return cases


def spearman_cases():
    """scipy.stats.spearmanr(x, y).correlation on literal samples: continuous, ties, few distinct values, infinite
    values (ranked like any other), a monotone transform, perfect and inverse order, n = 2."""
    rng = np.random.default_rng(20260412)
    cases = []

    def add(label, x, y):
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        def ordered(v):
            # scipy 1.10's rankdata gives NaN for every rank when a value is infinite. Ranks only see order and ties:
            # infinities become finite values beyond the rest, equal to each other, with the same ranks.
            big = 2 * (1 + np.max(np.abs(v[np.isfinite(v)])))
            return np.where(np.isposinf(v), big, np.where(np.isneginf(v), -big, v))

        rho = scipy.stats.spearmanr(ordered(x), ordered(y)).correlation
        cases.append({"label": label, "x": x, "y": y, "rho": float(rho)})

    a = np.round(rng.normal(size=60), 4)
    add("normal, correlated", a, np.round(0.6 * a + rng.normal(size=60), 4))
    add("normal, independent", np.round(rng.normal(size=80), 4), np.round(rng.normal(size=80), 4))
    add("ties: 5 levels vs continuous", rng.integers(0, 5, size=200), np.round(rng.normal(size=200), 3))
    add("ties on both sides", rng.integers(0, 3, size=150), rng.integers(0, 4, size=150))
    b = np.round(rng.exponential(size=40), 4)
    add("monotone transform (exp)", b, np.round(np.exp(b), 6))
    add("inverse order", np.arange(30), -np.arange(30) * 2.5)
    c = np.round(rng.normal(size=50), 3)
    c[[3, 17]] = np.inf
    c[9] = -np.inf
    add("infinite values", c, np.where(np.isfinite(c), c, 5.0) + np.round(rng.normal(size=50), 3))
    add("n = 2", [1.0, 2.0], [3.0, 1.0])
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    files = [
        ("ks_two_sample.json", ks_cases,
         "scipy.stats.ks_2samp(a, b, alternative='two-sided', method=...) on sorted literal samples; "
         "methodUsed = exact|asymp as scipy chose it"),
        ("ks_two_sample_progressions.json", ks_progression_cases,
         "ks_2samp on samples start + step * i (i < n), rebuilt exactly in TS"),
        ("kstwo_sf.json", kstwo_cases, "scipy.stats.kstwo.sf(d, n)"),
        ("smirnov.json", smirnov_cases, "scipy.special.smirnov(n, x)"),
        ("chi2_sf.json", chi2_cases, "scipy.stats.chi2.sf(x, df)"),
        ("chi2_contingency.json", contingency_cases,
         "scipy.stats.chi2_contingency(vstack([a, b])[:, a + b > 0], correction=False); "
         "fewer than 2 categories -> 0, 0, 1"),
        ("quantile.json", quantile_cases, "np.quantile(sorted, q) (method linear)"),
        ("psi.json", psi_cases,
         "numpy PSI peer: unique(quantile(ref, linspace(0,1,bins+1)[1:-1])) edges, histogram counts, "
         "clip 1e-4, np.sum"),
        ("psi_proportions.json", psi_proportion_cases,
         "np.sum((pc - pr) * np.log(pc / pr)) after np.clip(., 1e-4, None)"),
        ("jensen_shannon.json", js_cases, "scipy.spatial.distance.jensenshannon(p, q, base=2)"),
        ("wasserstein.json", wasserstein_cases, "scipy.stats.wasserstein_distance(a, b)"),
        ("benjamini_hochberg.json", bh_cases,
         "statsmodels multipletests(method='fdr_bh') re-implemented in numpy; NaN kept out of m"),
        ("numpy_sum.json", numpy_sum_cases, "np.sum of x_i = ((i * 7919) % 10007) / 997 - 5 + (i % 3) * 1e-9, i < n"),
        ("special.json", special_cases, "mpmath (50 digits) logGamma, stirlingError, binomialDeviance; np.ldexp"),
        ("spearman.json", spearman_cases,
         "scipy.stats.spearmanr(x, y).correlation (infinities as equal values beyond the finite ones)"),
        ("mcnemar_exact.json", mcnemar_cases,
         "min(1, 2 * scipy.stats.binom.cdf(min(b, c), b + c, 0.5)) (statsmodels mcnemar exact=True)"),
    ]
    for name, make, description in files:
        write(name, description, make())

if __name__ == "__main__":
    main()
