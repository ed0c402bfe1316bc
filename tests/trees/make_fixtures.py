#!/usr/bin/python3
"""Reference data and scikit-learn results for lib/trees.

Rerun (from the project root, with Debian's python3-sklearn; not the pyenv python3 on PATH):

    /usr/bin/python3 tests/trees/make_fixtures.py

It writes data/fixtures/trees/:
  - <name>_X.npy (float32, n x d, C order; NaN = missing) and <name>_y.npy (float64) for the data sets
    classification, missing, imbalanced, multiclass, regression, outliers: the first n_train rows are
    the training set, the rest the test set;
  - sklearn.json: sklearn's version, each data set's n_train, and sklearn's test scores
    (HistGradientBoosting with its test-set probabilities / predictions, RandomForest,
    IsolationForest with its score_samples), plus exact reference values: bin edges of
    _BinMapper, IsolationForest's average path length c(n), and HalfBinomialLoss gradients/hessians.
Deterministic: fixed random_state everywhere, n_jobs=1, one OpenMP thread.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor, IsolationForest, RandomForestClassifier
from sklearn.ensemble._hist_gradient_boosting.binning import _BinMapper
from sklearn.ensemble._iforest import _average_path_length
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from threadpoolctl import threadpool_limits

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "fixtures", "trees")


def save(name, X, y, n_train):
    X = np.ascontiguousarray(X, dtype=np.float32)
    np.save(os.path.join(OUT, f"{name}_X.npy"), X)
    np.save(os.path.join(OUT, f"{name}_y.npy"), np.asarray(y, dtype=np.float64))
    X = X.astype(np.float64)  # sklearn sees exactly the stored values
    return X[:n_train], np.asarray(y)[:n_train], X[n_train:], np.asarray(y)[n_train:]


def hgb_clf(Xtr, ytr, Xte, yte, proba=False, **kw):
    m = HistGradientBoostingClassifier(early_stopping=False, random_state=0, **kw).fit(Xtr, ytr)
    p = m.predict_proba(Xte)
    out = {"accuracy": accuracy_score(yte, m.predict(Xte))}
    if p.shape[1] == 2:
        out["auc"] = roc_auc_score(yte, p[:, 1])
    if proba:  # for a value-by-value comparison: P(class 1) if binary, else row-major n x K
        out["proba"] = (p[:, 1] if p.shape[1] == 2 else p.ravel()).tolist()
    return out


def rf_clf(Xtr, ytr, Xte, yte, **kw):
    m = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1, **kw).fit(Xtr, ytr)
    p = m.predict_proba(Xte)[:, 1]
    return {"accuracy": accuracy_score(yte, m.predict(Xte)), "auc": roc_auc_score(yte, p),
            "top_features": np.argsort(-m.feature_importances_)[:3].tolist()}


def main():
    os.makedirs(OUT, exist_ok=True)
    ref = {"sklearn": sklearn.__version__, "numpy": np.__version__, "datasets": {}}

    X, y = make_classification(n_samples=3000, n_features=20, n_informative=8, n_redundant=4, flip_y=0.03, random_state=0)
    d = save("classification", X, y, 2000)
    ref["datasets"]["classification"] = {"n_train": 2000, "hgb": hgb_clf(*d, proba=True), "hgb_depth3_lr05": hgb_clf(*d, max_depth=3, learning_rate=0.05, max_iter=200),
                                         "rf": rf_clf(*d), "rf_entropy": rf_clf(*d, criterion="entropy", min_samples_leaf=3)}

    rng = np.random.default_rng(5)
    Xm = X.copy()
    Xm[rng.random(Xm.shape) < 0.1] = np.nan
    d = save("missing", Xm, y, 2000)
    ref["datasets"]["missing"] = {"n_train": 2000, "hgb": hgb_clf(*d, proba=True)}

    X, y = make_classification(n_samples=4000, n_features=10, n_informative=5, weights=[0.95, 0.05], flip_y=0.01, class_sep=0.8, random_state=1)
    d = save("imbalanced", X, y, 3000)
    Xtr, ytr = d[0], d[1]
    bal = np.where(ytr == 1, len(ytr) / (2 * ytr.sum()), len(ytr) / (2 * (len(ytr) - ytr.sum())))
    m = HistGradientBoostingClassifier(early_stopping=False, random_state=0).fit(Xtr, ytr, sample_weight=bal)
    ref["datasets"]["imbalanced"] = {"n_train": 3000, "rf_balanced": rf_clf(*d, class_weight="balanced", min_samples_leaf=2),
                                     "hgb_weighted": {"auc": roc_auc_score(d[3], m.predict_proba(d[2])[:, 1]),
                                                      "proba": m.predict_proba(d[2])[:, 1].tolist()}}

    X, y = make_classification(n_samples=2000, n_features=10, n_informative=6, n_classes=3, n_clusters_per_class=1, random_state=2)
    d = save("multiclass", X, y, 1400)
    ref["datasets"]["multiclass"] = {"n_train": 1400, "hgb": hgb_clf(*d, proba=True)}

    X, y = make_regression(n_samples=2000, n_features=10, n_informative=6, noise=10.0, random_state=3)
    y = y + 0.01 * y ** 2  # a little non-linearity
    Xtr, ytr, Xte, yte = save("regression", X, y, 1400)
    m = HistGradientBoostingRegressor(early_stopping=False, random_state=0).fit(Xtr, ytr)
    ref["datasets"]["regression"] = {"n_train": 1400, "hgb": {"r2": r2_score(yte, m.predict(Xte)), "predict": m.predict(Xte).tolist()}}

    rng = np.random.default_rng(7)
    inliers = rng.normal(size=(1000, 5))
    outliers = rng.uniform(-4, 4, size=(50, 5))
    X = np.vstack([inliers, outliers]).astype(np.float32)
    y = np.r_[np.zeros(1000), np.ones(50)]
    perm = rng.permutation(len(y))
    X, y = X[perm], y[perm]
    save("outliers", X, y, len(y))
    Xf = X.astype(np.float64)
    iso = IsolationForest(n_estimators=200, random_state=0).fit(Xf)
    s = iso.score_samples(Xf)
    ref["datasets"]["outliers"] = {"n_train": len(y), "iforest": {"auc": roc_auc_score(y, -s), "score_samples": s.tolist(),
                                                                   "offset": iso.offset_}}

    # Exact references.
    rng = np.random.default_rng(11)
    col_many = np.round(rng.normal(size=1000), 3)  # > 255 distinct values with ties
    col_many[rng.random(1000) < 0.05] = np.nan
    col_few = rng.integers(0, 7, size=1000).astype(np.float64) * 0.5
    col_const = np.full(1000, 2.5)
    Xb = np.c_[col_many, col_few, col_const]
    bm = _BinMapper(n_bins=256, subsample=None).fit(Xb)
    ref["binning"] = {"columns": [np.where(np.isnan(c), None, c).tolist() for c in Xb.T],
                      "edges": [t.tolist() for t in bm.bin_thresholds_],
                      "binned": bm.transform(Xb).T.tolist()}
    ns = [0, 1, 2, 3, 4, 5, 10, 100, 256, 1000, 100000]
    ref["average_path_length"] = {"n": ns, "c": _average_path_length(np.array(ns)).tolist()}
    from sklearn._loss.loss import HalfBinomialLoss
    yy = np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.0])
    raw = np.array([-3.0, -0.5, 0.0, 0.7, 4.0, 40.0])
    g, h = HalfBinomialLoss().gradient_hessian(y_true=yy, raw_prediction=raw)
    ref["log_loss"] = {"y": yy.tolist(), "raw": raw.tolist(), "gradient": g.tolist(), "hessian": h.tolist(),
                       "loss": HalfBinomialLoss().loss(y_true=yy, raw_prediction=raw).tolist()}

    with open(os.path.join(OUT, "sklearn.json"), "w") as f:
        json.dump(ref, f, separators=(",", ":"))
    print(f"sklearn {sklearn.__version__}, numpy {np.__version__}: wrote {OUT}")
    summary = {k: {m: {kk: vv for kk, vv in v.items() if kk not in ("score_samples", "proba", "predict")} for m, v in d.items() if m != "n_train"}
               for k, d in ref["datasets"].items()}
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    # One OpenMP thread: HistGradientBoosting's sums then run in sample order, as lib/trees does, so
    # its near-tie splits (e.g. between a bin and an empty neighbour) fall the same way.
    with threadpool_limits(limits=1):
        main()
