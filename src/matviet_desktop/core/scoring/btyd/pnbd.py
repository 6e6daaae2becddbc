"""Pareto/NBD (Schmittlein, Morrison & Colombo 1987), in the FHL "MATLAB note" form.

The likelihood involves 2F1 whose parameter derivatives have no closed form in scipy, so the
gradient is by central differences (on compressed rows, 8 extra evaluations per step). The
pipeline uses BG/NBD; Pareto/NBD is the cross-check and gives a P(alive) that is not 1 for
one-time buyers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import gammaln, hyp2f1

from matviet_desktop.core.scoring.btyd._fit import (
    FloatArray,
    compress,
    maximise_log_params,
    numeric_gradient,
)


@dataclass(frozen=True)
class ParetoNbdParams:
    r: float
    alpha: float
    s: float
    beta: float
    log_likelihood: float = float("nan")
    n_customers: int = 0

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _log_a0(
    r: float, alpha: float, s: float, beta: float, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """log of [2F1(.., (|a-b|)/(max+t_x)) / (max+t_x)^rsx - 2F1(.., /(max+T)) / (max+T)^rsx]."""
    second: float | FloatArray
    if alpha >= beta:
        big, small, second = alpha, beta, s + 1.0
    else:
        big, small, second = beta, alpha, r + x
    rsx = r + s + x
    q1 = big + tx
    q2 = big + T
    log_1 = np.log(hyp2f1(rsx, second, rsx + 1.0, (big - small) / q1)) - rsx * np.log(q1)
    log_2 = np.log(hyp2f1(rsx, second, rsx + 1.0, (big - small) / q2)) - rsx * np.log(q2)
    # log(e^l1 - e^l2) with l1 >= l2; equals -inf when t_x = T.
    return log_1 + np.log(-np.expm1(np.minimum(log_2 - log_1, 0.0)))


def log_likelihood(
    r: float, alpha: float, s: float, beta: float, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(divide="ignore"):
        a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
        alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
        dead = np.log(s) - np.log(r + s + x) + _log_a0(r, alpha, s, beta, x, tx, T)
        return a1 + np.logaddexp(alive, dead)


def fit_pnbd(x: FloatArray, tx: FloatArray, T: FloatArray) -> ParetoNbdParams:
    data = compress(x, tx, T)
    cx, ctx, cT = data.columns
    w, n = data.weights, data.n_customers

    def neg_ll(lp: FloatArray) -> float:
        r, alpha, s, beta = np.exp(lp)
        return -float(w @ log_likelihood(r, alpha, s, beta, cx, ctx, cT)) / n

    def neg_ll_and_grad(lp: FloatArray) -> tuple[float, FloatArray]:
        return neg_ll(lp), numeric_gradient(neg_ll, lp)

    mean_T = max(float(np.average(cT, weights=w)), 1e-3)
    start = np.log(np.array([1.0, mean_T, 1.0, mean_T]))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        best = maximise_log_params(neg_ll_and_grad, start, model="Pareto/NBD", gtol=1e-6)
    r, alpha, s, beta = (float(v) for v in np.exp(best))
    ll = float(w @ log_likelihood(r, alpha, s, beta, cx, ctx, cT))
    return ParetoNbdParams(r, alpha, s, beta, ll, n)


def p_alive(p: ParetoNbdParams, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(divide="ignore", over="ignore"):
        log_ratio = (
            np.log(p.s)
            - np.log(p.r + p.s + x)
            + (p.r + x) * np.log(p.alpha + T)
            + p.s * np.log(p.beta + T)
            + _log_a0(p.r, p.alpha, p.s, p.beta, x, tx, T)
        )
        return 1.0 / (1.0 + np.exp(log_ratio))


def expected_purchases(
    p: ParetoNbdParams, t: float, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """E[Y(t) | x, t_x, T] = P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]."""
    x = np.asarray(x, dtype=np.float64)
    s1 = p.s - 1 if abs(p.s - 1) > 1e-9 else 1e-9
    bracket = 1.0 - np.exp(s1 * (np.log(p.beta + T) - np.log(p.beta + T + t)))
    return p_alive(p, x, tx, T) * (p.r + x) * (p.beta + T) / ((p.alpha + T) * s1) * bracket
