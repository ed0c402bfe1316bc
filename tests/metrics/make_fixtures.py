#!/usr/bin/python3
"""Reference values for lib/metrics, produced independently by scikit-learn.

Rerun (from the project root, with Debian's python3-sklearn; not the pyenv python3 on PATH):

    /usr/bin/python3 tests/metrics/make_fixtures.py

It writes data/fixtures/metrics/{roc,thresholds,classification,regression,precision-recall,significance}.json: each case holds its
seeded inputs AND sklearn's outputs, so the TypeScript tests read both. The output is deterministic
(numpy default_rng with fixed seeds). Non-finite floats are written as the strings "NaN", "Infinity",
"-Infinity" (JSON has no such numbers); the tests turn them back into numbers.

Notes on sklearn versions: with sklearn < 1.3 (Debian's 1.2.1) roc_curve's thresholds[0] is
thresholds[1] + 1; sklearn >= 1.3 and lib/metrics use +Infinity. The fixture stores what the installed
sklearn returned plus its version; the test checks thresholds[1:] against it and thresholds[0] = +Infinity.
"""
import json
import os

import numpy as np
import sklearn
from sklearn import metrics

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "fixtures", "metrics")


def clean(x):
    """numpy → plain JSON-able Python, non-finite floats as strings."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return clean(x.tolist())
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if np.isnan(x):
            return "NaN"
        if np.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    return x


def write(name, cases):
    doc = {
        "generator": "tests/metrics/make_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(doc), f, separators=(",", ":"))
        f.write("\n")


# ---------------------------------------------------------------- ROC / thresholds


def roc_inputs():
    """(name, y, score, weight or None) for the ROC and threshold cases."""
    cases = []
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 200)
    cases.append(("continuous", y, rng.normal(size=200) + 1.2 * y, None))

    rng = np.random.default_rng(2)
    y = rng.integers(0, 2, 300)
    score = np.round(rng.normal(size=300) + y, 1)  # many ties
    cases.append(("ties", y, score, None))

    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 300)
    score = np.round(rng.normal(size=300) + 0.8 * y, 1)
    w = rng.uniform(0.1, 3.0, 300)
    w[rng.random(300) < 0.1] = 0.0  # zero weights are dropped by sklearn
    cases.append(("ties_float_weights", y, score, w))

    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 250)
    score = np.round(rng.uniform(size=250) * 0.6 + 0.4 * y, 2)
    cases.append(("ties_integer_weights", y, score, rng.integers(0, 4, 250).astype(float)))

    rng = np.random.default_rng(5)
    y = (rng.random(4000) < 0.2).astype(int)  # imbalanced, large: fine fpr resolution
    score = np.round(rng.normal(size=4000) + 2.0 * y, 2)
    cases.append(("large_imbalanced", y, score, None))

    rng = np.random.default_rng(6)
    y = rng.integers(0, 2, 100)
    score = (rng.normal(size=100) + y).astype(np.float32).astype(np.float64)  # float32-exact
    cases.append(("float32_scores", y, score, None))

    cases.append(("sklearn_doc", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]), None))
    cases.append(("all_tied", np.array([0, 1, 0, 1, 1]), np.full(5, 0.5), None))
    cases.append(("perfect", np.array([0, 0, 0, 1, 1]), np.array([0.1, 0.2, 0.3, 0.8, 0.9]), None))
    cases.append(("inverted", np.array([1, 1, 0, 0]), np.array([0.1, 0.2, 0.8, 0.9]), None))
    cases.append(("negative_scores", np.array([0, 1, 1, 0, 1, 0]), np.array([-3.0, -1.0, -1.0, -2.0, 0.0, -1.0]), None))
    cases.append(("only_negatives", np.zeros(5, dtype=int), np.array([0.3, 0.1, 0.3, 0.7, 0.2]), None))
    return cases


def both_classes(y):
    return 0 < int(np.sum(y)) < len(y)


def signal_efficiency(fpr, tpr, eps):
    """Highest tpr on the piecewise-linear path through the ROC points at fpr = eps (explicit loop)."""
    best = -1.0
    for k in range(len(fpr) - 1):
        x0, x1, y0, y1 = fpr[k], fpr[k + 1], tpr[k], tpr[k + 1]
        if x0 <= eps <= x1:
            best = max(best, y1 if x1 == x0 else y0 + (y1 - y0) * (eps - x0) / (x1 - x0))
    return best


EPS_B = [0.0, 1e-3, 1e-2, 0.05, 0.1, 0.3, 0.5, 1.0]


def roc_cases():
    out = []
    for name, y, score, w in roc_inputs():
        case = {"name": name, "yTrue": y, "score": score, "sampleWeight": w}
        for drop in (True, False):
            fpr, tpr, thr = metrics.roc_curve(y, score, sample_weight=w, drop_intermediate=drop)
            case["drop" if drop else "full"] = {"fpr": fpr, "tpr": tpr, "thresholds": thr}
        if both_classes(y):  # otherwise roc_auc_score raises and ε_S is undefined: the test expects errors
            case["rocAuc"] = metrics.roc_auc_score(y, score, sample_weight=w)
            fpr, tpr, _ = metrics.roc_curve(y, score, sample_weight=w, drop_intermediate=False)
            case["signalEfficiency"] = [{"eps": e, "value": signal_efficiency(fpr, tpr, e)} for e in EPS_B]
        out.append(case)
    return out


def threshold_cases():
    out = []
    for name, y, score, w in roc_inputs():
        fpr, tpr, thr = metrics.roc_curve(y, score, sample_weight=w, drop_intermediate=False)
        thr = thr.copy()
        thr[0] = np.inf  # the "accept nothing" point
        j = tpr - fpr
        k = int(np.argmax(j))
        youden = {"threshold": thr[k], "value": j[k]} if both_classes(y) else None
        # Accuracy: brute force over +inf and every distinct score, decreasing, with accuracy_score.
        candidates = np.r_[np.inf, np.unique(score)[::-1]]
        accs = np.array([metrics.accuracy_score(y, (score >= t).astype(int), sample_weight=w) for t in candidates])
        k = int(np.argmax(accs))
        acc = {"threshold": candidates[k], "value": accs[k]}
        cut = float(np.median(score))
        out.append({
            "name": name, "yTrue": y, "score": score, "sampleWeight": w,
            "youden": youden, "accuracy": acc,
            "binarize": {"threshold": cut, "output": (score >= cut).astype(int)},
        })
    return out


# ---------------------------------------------------------------- classification


def prf(y, p, **kw):
    pr, rc, f, s = metrics.precision_recall_fscore_support(y, p, **kw)
    return {"precision": pr, "recall": rc, "f1": f, "support": s}


def binary_cases():
    out = []
    rng = np.random.default_rng(10)
    y = rng.integers(0, 2, 120)
    p = np.where(rng.random(120) < 0.75, y, 1 - y)
    w = rng.uniform(0.2, 2.0, 120)
    no_pos_pred = np.zeros(6, dtype=int)
    inputs = [
        ("random", y, p, None),
        ("random_weighted", y, p, w),
        ("no_predicted_positive", np.array([0, 1, 0, 1, 0, 0]), no_pos_pred, None),
        ("no_true_positive", np.zeros(5, dtype=int), np.array([0, 1, 0, 0, 1]), None),
        ("all_negative", np.zeros(4, dtype=int), np.zeros(4, dtype=int), None),
    ]
    for name, y, p, w in inputs:
        case = {"name": name, "yTrue": y, "yPred": p, "sampleWeight": w,
                "accuracy": metrics.accuracy_score(y, p, sample_weight=w),
                "confusionMatrix": metrics.confusion_matrix(y, p, sample_weight=w, labels=[0, 1])}
        for z in (0, 1):
            case[f"zd{z}"] = {
                "precision": metrics.precision_score(y, p, sample_weight=w, zero_division=z),
                "recall": metrics.recall_score(y, p, sample_weight=w, zero_division=z),
                "f1": metrics.f1_score(y, p, sample_weight=w, zero_division=z),
            }
        out.append(case)
    return out


def multiclass_cases():
    out = []
    rng = np.random.default_rng(20)
    y = rng.integers(0, 4, 150)
    p = np.where(rng.random(150) < 0.6, y, rng.integers(0, 3, 150))  # class 3 rarely predicted
    w = rng.uniform(0.1, 2.5, 150)
    y2 = rng.choice([2, 5, 7, -1], 90)
    p2 = np.where(rng.random(90) < 0.5, y2, rng.choice([2, 5, 7, 11], 90))  # 11 never true
    inputs = [
        ("four_classes", y, p, None, None),
        ("four_classes_weighted", y, p, w, None),
        ("labels_subset_reordered", y, p, None, [3, 1, 0]),
        ("labels_with_absent", y, p, w, [0, 1, 2, 3, 9]),
        ("odd_labels", y2, p2, None, None),
        ("odd_labels_weighted_subset", y2, p2, w[:90], [7, 11, 2]),
    ]
    for name, y, p, w, labels in inputs:
        case = {"name": name, "yTrue": y, "yPred": p, "sampleWeight": w, "labels": labels,
                "accuracy": metrics.accuracy_score(y, p, sample_weight=w),
                "confusionMatrix": metrics.confusion_matrix(y, p, sample_weight=w, labels=labels),
                "labelsUsed": labels if labels is not None else np.unique(np.r_[y, p])}
        for z in (0, 1):
            case[f"zd{z}"] = {
                avg: prf(y, p, average=None if avg == "none" else avg, labels=labels, sample_weight=w, zero_division=z)
                for avg in ("none", "macro", "micro", "weighted")
            }
        out.append(case)
    # sklearn's special case: weighted average with zero total support.
    y = np.array([0, 1, 1, 0]); p = np.array([9, 1, 0, 0])
    for name, labels in (("weighted_no_support_predicted", [9]), ("weighted_no_support_unpredicted", [8])):
        case = {"name": name, "yTrue": y, "yPred": p, "sampleWeight": None, "labels": labels, "labelsUsed": labels}
        for z in (0, 1):
            case[f"zd{z}"] = {"weighted": prf(y, p, average="weighted", labels=labels, zero_division=z)}
        out.append(case)
    return out


# ---------------------------------------------------------------- precision-recall / significance


def precision_recall_cases():
    """precision_recall_curve and average_precision_score on the ROC inputs (no positives: the test expects errors)."""
    out = []
    for name, y, score, w in roc_inputs():
        case = {"name": name, "yTrue": y, "score": score, "sampleWeight": w}
        if int(np.sum(y)) > 0:
            precision, recall, thr = metrics.precision_recall_curve(y, score, sample_weight=w)
            case.update({
                "precision": precision,
                "recall": recall,
                "thresholds": thr,
                "averagePrecision": metrics.average_precision_score(y, score, sample_weight=w),
            })
        out.append(case)
    return out


def best_significance(y, score, w, min_background_mc):
    """Best s/sqrt(b) over cuts score >= t at every distinct score of a non-zero-weight sample (explicit loop)."""
    best = {"threshold": "Infinity", "s": 0.0, "b": 0.0, "sOverSqrtB": 0.0, "nBackgroundMc": 0}
    for t in sorted(set(score[w != 0].tolist()), reverse=True):
        passed = score >= t
        s = float(np.sum(w[passed & (y == 1)]))
        b = float(np.sum(w[passed & (y == 0)]))
        nb = int(np.sum(passed & (y == 0)))
        if nb < min_background_mc or b <= 0:
            continue
        z = s / np.sqrt(b)
        if z > best["sOverSqrtB"]:
            best = {"threshold": t, "s": s, "b": b, "sOverSqrtB": z, "nBackgroundMc": nb}
    return best


def significance_cases():
    out = []
    for name, y, score, w in roc_inputs():
        if w is None:  # physics weights: expected events per sample, signal rarer and lighter
            w = np.where(y == 1, 0.05, 1.0) * np.random.default_rng(40).uniform(0.5, 1.5, len(y))
        case = {"name": name, "yTrue": y, "score": score, "sampleWeight": w}
        for m in (0, 1, 10):
            case[f"min{m}"] = best_significance(y, score, w, m)
        out.append(case)
    return out


# ---------------------------------------------------------------- regression


def regression_cases():
    out = []
    rng = np.random.default_rng(30)
    y1 = rng.normal(3.0, 2.0, 60)
    p1 = y1 + rng.normal(0.5, 1.0, 60)  # biased: explained variance > R²
    w1 = rng.uniform(0.1, 3.0, 60)
    y2 = rng.normal(size=(40, 3)) * np.array([1.0, 10.0, 0.1])
    p2 = y2 + rng.normal(size=(40, 3)) * np.array([0.5, 4.0, 0.2])
    w2 = rng.uniform(0.5, 1.5, 40)
    y_const = np.c_[np.full(8, 2.0), rng.normal(size=8)]
    p_const = np.c_[np.full(8, 2.0) + np.r_[0, 0, 0, 0, 0, 0, 0, 0.1], rng.normal(size=8)]
    inputs = [
        ("single", y1, p1, None),
        ("single_weighted", y1, p1, w1),
        ("multi", y2, p2, None),
        ("multi_weighted", y2, p2, w2),
        ("constant_target", y_const, p_const, None),
        ("constant_target_perfect", np.c_[np.full(5, 1.0), np.full(5, 1.0)], np.c_[np.full(5, 1.0), np.full(5, 1.0)], None),
        ("perfect", y1[:10], y1[:10], None),
        ("one_sample", np.array([1.5]), np.array([2.0]), None),
    ]
    for name, y, p, w in inputs:
        case = {"name": name, "yTrue": y, "yPred": p, "sampleWeight": w}
        for mo in ("uniform_average", "raw_values", "variance_weighted"):
            case[mo] = {
                "explainedVariance": metrics.explained_variance_score(y, p, sample_weight=w, multioutput=mo),
                "explainedVarianceNotFinite": metrics.explained_variance_score(y, p, sample_weight=w, multioutput=mo, force_finite=False),
                "r2Score": metrics.r2_score(y, p, sample_weight=w, multioutput=mo),
            }
            if mo != "variance_weighted":
                case[mo].update({
                    "mse": metrics.mean_squared_error(y, p, sample_weight=w, multioutput=mo),
                    "rmse": metrics.mean_squared_error(y, p, sample_weight=w, multioutput=mo, squared=False),
                    "mae": metrics.mean_absolute_error(y, p, sample_weight=w, multioutput=mo),
                })
        out.append(case)
    return out


if __name__ == "__main__":
    import warnings

    warnings.simplefilter("ignore")  # sklearn warns on the deliberate 0/0 and one-sample cases
    os.makedirs(OUT, exist_ok=True)
    write("roc.json", roc_cases())
    write("thresholds.json", threshold_cases())
    write("classification.json", {"binary": binary_cases(), "multiclass": multiclass_cases()})
    write("regression.json", regression_cases())
    write("precision-recall.json", precision_recall_cases())
    write("significance.json", significance_cases())
    print(f"wrote {OUT} with sklearn {sklearn.__version__}, numpy {np.__version__}")
