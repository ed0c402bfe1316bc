#!/usr/bin/python3
"""scikit-learn side of bench/trees.ts: fits HistGradientBoostingClassifier and RandomForestClassifier
on the table that bench/trees.ts wrote, once on 1 thread and once on all cores, and prints one JSON
object on stdout: {"sklearn": version, "cores": n, "results": [{model, engine, fit_ms, predict_ms,
fit_cpu_ms, predict_cpu_ms, auc}]} (wall and CPU milliseconds; CPU summed over the process's threads).

    /usr/bin/python3 bench/trees_sklearn.py --x X.f32 --y y.f64 --features 30 --train 200000 \
        --iterations 100 --trees 20 [--threads 1,all]

X is float32 row-major (n x d), y float64 (n); the first `train` rows train, the rest test.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import roc_auc_score
from threadpoolctl import threadpool_limits


def timed(fit, predict):
    """Wall and CPU (all threads of the process) milliseconds of fit and predict."""
    t0, c0 = time.perf_counter(), time.process_time()
    model = fit()
    t1, c1 = time.perf_counter(), time.process_time()
    p = predict(model)
    t2, c2 = time.perf_counter(), time.process_time()
    return p, {"fit_ms": (t1 - t0) * 1e3, "predict_ms": (t2 - t1) * 1e3, "fit_cpu_ms": (c1 - c0) * 1e3, "predict_cpu_ms": (c2 - c1) * 1e3}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--x", required=True)
    ap.add_argument("--y", required=True)
    ap.add_argument("--features", type=int, required=True)
    ap.add_argument("--train", type=int, required=True)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--trees", type=int, default=20)
    ap.add_argument("--threads", default="1,all")
    a = ap.parse_args()
    X = np.fromfile(a.x, dtype=np.float32).reshape(-1, a.features).astype(np.float64)
    y = np.fromfile(a.y, dtype=np.float64)
    Xtr, ytr, Xte, yte = X[: a.train], y[: a.train], X[a.train:], y[a.train:]
    cores = len(os.sched_getaffinity(0)) or 1
    results = []
    for threads in a.threads.split(","):
        n = 1 if threads == "1" else cores
        engine = f"sklearn {n} thread{'s' if n > 1 else ''}"
        with threadpool_limits(limits=n):
            p, t = timed(
                lambda: HistGradientBoostingClassifier(max_iter=a.iterations, early_stopping=False, random_state=0).fit(Xtr, ytr),
                lambda m: m.predict_proba(Xte)[:, 1])
            results.append({"model": "gbdt", "engine": engine, **t, "auc": roc_auc_score(yte, p)})
            p, t = timed(
                lambda: RandomForestClassifier(n_estimators=a.trees, max_features="sqrt", n_jobs=n, random_state=0).fit(Xtr, ytr),
                lambda m: m.predict_proba(Xte)[:, 1])
            results.append({"model": "rf", "engine": engine, **t, "auc": roc_auc_score(yte, p)})
        print(f"done {engine}", file=sys.stderr)
    json.dump({"sklearn": sklearn.__version__, "cores": cores, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
