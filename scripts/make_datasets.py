#!/usr/bin/env python3
"""Writes the bundled example datasets into fixtures/datasets/ (deterministic; run with Debian's /usr/bin/python3).

Source: scikit-learn's bundled copy of the UCI Breast Cancer Wisconsin (Diagnostic) dataset (CC BY 4.0), which ships
inside the sklearn package, so nothing is downloaded. We add an `id`, a derived `size_band` category and split it.
`current.csv` is the test split with drift planted on purpose: texture scaled by 1.3, smoothness shifted, and the size
bands re-weighted, to exercise `modelguard drift`.
"""
import os
import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "datasets", "breast_cancer")
os.makedirs(OUT, exist_ok=True)

bunch = load_breast_cancer(as_frame=True)
df = bunch.frame.copy()
df.columns = [c.replace(" ", "_") for c in df.columns]
# sklearn codes malignant as 0; we make "malignant" the positive class, as clinicians read it.
df["target"] = (df["target"] == 0).astype(int)
df = df.rename(columns={"target": "malignant"})
df["size_band"] = pd.cut(df["mean_area"], bins=[0, 450, 800, np.inf], labels=["small", "medium", "large"]).astype(str)
df.insert(0, "id", np.arange(100001, 100001 + len(df)))
for c in df.columns:
    if df[c].dtype == float:
        df[c] = df[c].round(6)

rng = np.random.default_rng(20261122)
order = rng.permutation(len(df))
cut = int(round(0.7 * len(df)))
train = df.iloc[np.sort(order[:cut])]
test = df.iloc[np.sort(order[cut:])]
train.to_csv(os.path.join(OUT, "train.csv"), index=False)
test.to_csv(os.path.join(OUT, "test.csv"), index=False)

cur = test.copy()
cur["mean_texture"] = (cur["mean_texture"] * 1.3).round(6)
cur["mean_smoothness"] = (cur["mean_smoothness"] + 0.02).round(6)
swap = rng.random(len(cur)) < 0.5
cur.loc[swap & (cur["size_band"] == "small"), "size_band"] = "large"
cur.to_csv(os.path.join(OUT, "current.csv"), index=False)


def split_write(frame, name, seed, target):
    """Seeded 70/30 split of a bundled dataset into fixtures/datasets/<name>/{train,test}.csv."""
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "datasets", name)
    os.makedirs(out, exist_ok=True)
    frame = frame.copy()
    frame.columns = [c.replace(" ", "_").replace("(", "").replace(")", "").replace("/", "_") for c in frame.columns]
    for c in frame.columns:
        if frame[c].dtype == float and c != target:
            frame[c] = frame[c].round(6)
    r = np.random.default_rng(seed)
    idx = r.permutation(len(frame))
    k = int(round(0.7 * len(frame)))
    frame.iloc[np.sort(idx[:k])].to_csv(os.path.join(out, "train.csv"), index=False)
    frame.iloc[np.sort(idx[k:])].to_csv(os.path.join(out, "test.csv"), index=False)


from sklearn.datasets import load_diabetes, load_wine  # noqa: E402

# UCI Wine (multiclass, 3 cultivars), CC BY 4.0, bundled in scikit-learn. Classes as names, so labels are strings.
wine = load_wine(as_frame=True).frame
wine["target"] = wine["target"].map({0: "cultivar_a", 1: "cultivar_b", 2: "cultivar_c"})
wine = wine.rename(columns={"target": "cultivar", "od280/od315_of_diluted_wines": "od280_od315"})
split_write(wine, "wine", 7, "cultivar")

# Diabetes (regression; Efron et al. 2004, "Least Angle Regression"), bundled in scikit-learn, unscaled version.
diabetes = load_diabetes(as_frame=True, scaled=False).frame.rename(columns={"target": "progression"})
split_write(diabetes, "diabetes", 11, "progression")
