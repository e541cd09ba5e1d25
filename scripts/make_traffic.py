#!/usr/bin/env python3
"""Writes fixtures/traffic/production.jsonl: a replayable production stream for the demo and monitor tests.

1,200 events drawn (seeded, with replacement) from the breast-cancer rows: the first 600 from test.csv (the same
distribution as training), the last 600 from current.csv (drift planted: texture x1.3, smoothness +0.02, size bands
moved), so drift starts exactly halfway. Each event is {id, features} without the id column or the label.
"""
import json
import os
import numpy as np
import pandas as pd

HERE = os.path.dirname(__file__)
DATA = os.path.join(HERE, "..", "fixtures", "datasets", "breast_cancer")
OUT = os.path.join(HERE, "..", "fixtures", "traffic")
os.makedirs(OUT, exist_ok=True)

rng = np.random.default_rng(20261123)
clean = pd.read_csv(os.path.join(DATA, "test.csv"))
drifted = pd.read_csv(os.path.join(DATA, "current.csv"))
features = [c for c in clean.columns if c not in ("id", "malignant")]
with open(os.path.join(OUT, "production.jsonl"), "w") as f:
    for i in range(1200):
        frame = clean if i < 600 else drifted
        row = frame.iloc[int(rng.integers(0, len(frame)))]
        values = {c: (row[c].item() if hasattr(row[c], "item") else row[c]) for c in features}
        f.write(json.dumps({"id": f"evt-{i:05d}", "features": values}, separators=(",", ":")) + "\n")
