#!/usr/bin/env python3
"""An example of "your own training code" for `modelguard train --run`: scikit-learn in, ONNX out.

    npx modelguard train --run "python3 examples/train_sklearn.py --data DATA.csv --target y --out model.onnx" \
      --model model.onnx --data DATA.csv

Fits StandardScaler + LogisticRegression on the numeric columns (minus --exclude) and writes an ONNX model that
`modelguard evaluate` and `compare` read: a float [N, F] input, `label` + `probabilities` outputs, and the feature
names in the model metadata so the evaluator feeds the right columns in the right order.

With skl2onnx installed (`pip install skl2onnx`) the export is skl2onnx's own; without it (Debian ships no
skl2onnx) the same graph is written with onnx.helper: ai.onnx.ml Scaler + LinearClassifier, as skl2onnx does.
Needs: python3 with pandas, scikit-learn and onnx (Debian: python3-pandas python3-sklearn python3-onnx).
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="training CSV")
    parser.add_argument("--target", required=True, help="the label column")
    parser.add_argument("--exclude", default="", help="comma-separated columns to leave out (ids, leaky columns)")
    parser.add_argument("--out", required=True, help="where to write model.onnx")
    parser.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength")
    args = parser.parse_args()

    df = pd.read_csv(args.data)
    if args.target not in df.columns:
        print(f"{args.data}: no column '{args.target}'", file=sys.stderr)
        return 2
    excluded = {c for c in args.exclude.split(",") if c} | {args.target}
    features = [c for c in df.columns if c not in excluded and pd.api.types.is_numeric_dtype(df[c])]
    x = df[features].to_numpy(dtype=np.float32)
    y = df[args.target].to_numpy()
    print(f"training on {len(df)} rows, {len(features)} features", flush=True)

    model = make_pipeline(StandardScaler(), LogisticRegression(C=args.C, max_iter=1000))
    model.fit(x, y)
    print(f"train accuracy {model.score(x, y):.4f}", flush=True)

    onnx_model = export(model, features)
    onnx_model.metadata_props.add(key="feature_names", value=json.dumps(features))
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "wb") as f:
        f.write(onnx_model.SerializeToString())
    print(f"wrote {args.out}", flush=True)
    return 0


def export(model, features):
    try:
        from skl2onnx import to_onnx  # the usual route

        return to_onnx(
            model,
            np.zeros((1, len(features)), dtype=np.float32),
            options={id(model.steps[-1][1]): {"zipmap": False}},
            target_opset={"": 13, "ai.onnx.ml": 2},
        )
    except ImportError:
        return export_with_onnx_helper(model, len(features))


def export_with_onnx_helper(model, width):
    import onnx
    from onnx import TensorProto, helper

    scaler, clf = model.steps[0][1], model.steps[-1][1]
    coef, intercept = clf.coef_, clf.intercept_
    if coef.shape[0] == 1:  # binary: scores for class 0 and 1, as skl2onnx writes them
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    labels = {"classlabels_ints": [int(v) for v in clf.classes_]}
    nodes = [
        helper.make_node(
            "Scaler", ["input"], ["scaled"], domain="ai.onnx.ml",
            offset=[float(v) for v in scaler.mean_], scale=[float(1 / v) for v in scaler.scale_],
        ),
        helper.make_node(
            "LinearClassifier", ["scaled"], ["label", "probabilities"], domain="ai.onnx.ml",
            coefficients=[float(v) for v in coef.ravel()], intercepts=[float(v) for v in intercept],
            post_transform="LOGISTIC" if clf.coef_.shape[0] == 1 else "SOFTMAX", **labels,
        ),
    ]
    graph = helper.make_graph(
        nodes,
        "train_sklearn",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, width])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, len(clf.classes_)]),
        ],
    )
    onnx_model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 2)],
        producer_name="examples/train_sklearn.py",
    )
    onnx.checker.check_model(onnx_model)
    return onnx_model


if __name__ == "__main__":
    sys.exit(main())
