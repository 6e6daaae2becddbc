"""Evaluation metrics for backtests (no scikit-learn dependency)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.stats import rankdata, spearmanr


def roc_auc(scores: ArrayLike, labels: ArrayLike) -> float:
    """Area under the ROC curve: P(score of a positive > score of a negative), ties count half."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(s)  # average ranks handle ties
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def spearman(a: ArrayLike, b: ArrayLike) -> float:
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return float(spearmanr(x, y).statistic)


def top_decile_lift(predicted: ArrayLike, actual: ArrayLike) -> float:
    """Share of the actual total held by the top 10 % by prediction, divided by 10 %."""
    p = np.asarray(predicted, dtype=np.float64)
    a = np.asarray(actual, dtype=np.float64)
    total = a.sum()
    if len(p) == 0 or total <= 0:
        return float("nan")
    k = max(1, int(np.ceil(len(p) * 0.1)))
    top = np.argsort(-p, kind="stable")[:k]
    return float(a[top].sum() / total / (k / len(p)))


def mean_absolute_error(predicted: ArrayLike, actual: ArrayLike) -> float:
    p = np.asarray(predicted, dtype=np.float64)
    a = np.asarray(actual, dtype=np.float64)
    return float(np.mean(np.abs(p - a))) if len(p) else float("nan")
