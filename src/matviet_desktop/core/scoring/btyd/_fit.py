"""Shared fitting helpers: row compression and log-parameter optimisation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy.optimize import minimize

FloatArray = NDArray[np.float64]


class FitError(RuntimeError):
    """The optimiser did not converge; the message says on what data and why."""


@dataclass(frozen=True)
class Compressed:
    """Unique rows of the summary table and how many customers share each."""

    columns: tuple[FloatArray, ...]
    weights: FloatArray
    n_customers: int


def compress(*columns: FloatArray) -> Compressed:
    """Collapse identical rows (most customers share a handful of (x, t_x, T) values)."""
    if len(columns[0]) == 0:
        raise FitError("Không có khách hàng nào để ước lượng mô hình (bảng tóm tắt rỗng).")
    # Hash grouping (pandas) is several times faster than sorting 1M rows lexicographically.
    frame = pd.DataFrame({i: np.asarray(c, dtype=np.float64) for i, c in enumerate(columns)})
    sizes = frame.groupby(list(frame.columns), sort=False, dropna=False).size()
    index = sizes.index
    if isinstance(index, pd.MultiIndex):
        unique = tuple(index.get_level_values(i).to_numpy(np.float64) for i in range(index.nlevels))
    else:
        unique = (index.to_numpy(np.float64),)
    return Compressed(unique, np.asarray(sizes, dtype=np.float64), len(frame))


def unique_rows(*columns: FloatArray) -> tuple[tuple[FloatArray, ...], NDArray[np.intp]]:
    """Distinct rows and, per input row, the index of its distinct row (predict once per row type)."""
    frame = pd.DataFrame({i: np.asarray(c, dtype=np.float64) for i, c in enumerate(columns)})
    codes = frame.groupby(list(frame.columns), sort=False, dropna=False).ngroup().to_numpy()
    _, first = np.unique(codes, return_index=True)
    return tuple(frame[i].to_numpy()[first] for i in frame.columns), codes.astype(np.intp)


def maximise_log_params(
    neg_ll_and_grad: Callable[[FloatArray], tuple[float, FloatArray]],
    start: FloatArray,
    *,
    model: str,
    gtol: float = 1e-7,
) -> FloatArray:
    """Minimise the mean negative log-likelihood over log-parameters with analytic gradients."""
    result = minimize(
        neg_ll_and_grad,
        start,
        jac=True,
        method="L-BFGS-B",
        options={"gtol": gtol, "maxiter": 2000, "ftol": 1e-13},
    )
    if not np.all(np.isfinite(result.x)) or (not result.success and np.max(np.abs(result.jac)) > 1e-4):
        raise FitError(
            f"Mô hình {model} không hội tụ: {result.message}. Kiểm tra dữ liệu tóm tắt (frequency, recency, T)."
        )
    return np.asarray(result.x, dtype=np.float64)


def from_previous_or_cold(
    maximise: Callable[[FloatArray, bool], FloatArray], previous: Sequence[float] | None, cold: FloatArray
) -> FloatArray:
    """`maximise(start, start_is_warm)` from log(previous parameters) when they are usable (all
    finite and positive), else from `cold`. A warm start that fails (yesterday's optimum where
    today's data is ill-conditioned) is retried from `cold`."""
    values = None if previous is None else np.asarray(previous, dtype=np.float64)
    if (
        values is None
        or values.shape != cold.shape
        or not (np.all(np.isfinite(values)) and np.all(values > 0))
    ):
        return maximise(cold, False)
    try:
        # A start far from today's optimum may wander through overflowing regions before failing.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return maximise(np.log(values), True)
    except FitError:
        return maximise(cold, False)


def numeric_gradient(f: Callable[[FloatArray], float], x: FloatArray, step: float = 1e-6) -> FloatArray:
    """Central differences, for models whose gradient has no closed form in scipy."""
    grad = np.empty_like(x)
    for i in range(len(x)):
        e = np.zeros_like(x)
        e[i] = step
        grad[i] = (f(x + e) - f(x - e)) / (2 * step)
    return grad


Objective = Callable[[FloatArray], tuple[float, FloatArray]]


def maximise_with_warm_start(
    data: Compressed,
    objective: Callable[[Compressed], Objective],
    start: FloatArray,
    model: str,
    *,
    start_is_warm: bool = False,
) -> FloatArray:
    """`maximise_log_params` on all distinct rows; with many of them, warm-started from a fit on a
    weighted 20k subsample, so that the full-data optimiser needs only a few steps. A warm
    `start` (e.g. the previous run's optimum, on nearly the same data) skips the subsample."""
    if len(data.weights) > 50_000 and not start_is_warm:
        rng = np.random.default_rng(0)
        pick = rng.choice(len(data.weights), 20_000, replace=False, p=data.weights / data.weights.sum())
        sub = compress(*(column[pick] for column in data.columns))
        start = maximise_log_params(objective(sub), start, model=model, gtol=1e-5)
    return maximise_log_params(objective(data), start, model=model)
