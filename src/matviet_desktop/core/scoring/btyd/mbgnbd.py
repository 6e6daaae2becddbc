"""MBG/NBD (Batislam, Denizel & Filiztekin 2007; Wagner & Hoppe 2008 erratum).

Like BG/NBD, but a customer may also drop out at time 0 (right after the first purchase), so
one-time buyers are not assumed alive. Likelihood in the form of lifetimes' ModifiedBetaGeoFitter,
fitted on log-parameters with an analytic gradient:

    A1 = lnG(r+x) - lnG(r) + r ln(alpha)
    A2 = lnG(a+b) + lnG(b+x+1) - lnG(b) - lnG(a+b+x+1)
    A3 = -(r+x) ln(alpha+T)
    A4 = ln(a) - ln(b+x) + (r+x) (ln(alpha+T) - ln(alpha+t_x))
    LL = A1 + A2 + A3 + ln(1 + e^A4)

A4 is the log-odds of "dropped out after the last purchase" against "still alive at T";
sigma = sigmoid(A4) is the posterior share of the first and carries every A4 term of the gradient.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import digamma, gammaln, hyp2f1

from matviet_desktop.core.scoring.btyd._fit import (
    Compressed,
    FloatArray,
    Objective,
    compress,
    maximise_with_warm_start,
)


@dataclass(frozen=True)
class MbgNbdParams:
    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float = float("nan")
    n_customers: int = 0

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _softplus(z: FloatArray) -> FloatArray:
    """ln(1 + e^z) without overflow for large z or underflow loss for very negative z."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def _log_odds_dead(
    r: float, alpha: float, a: float, b: float, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """A4: ln(a/(b+x)) + (r+x) ln((alpha+T)/(alpha+t_x)); defined for x = 0 too (death at time 0)."""
    return np.log(a) - np.log(b + x) + (r + x) * (np.log(alpha + T) - np.log(alpha + tx))


def log_likelihood(
    r: float, alpha: float, a: float, b: float, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """Per-customer log-likelihood."""
    x = np.asarray(x, dtype=np.float64)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x + 1) - gammaln(b) - gammaln(a + b + x + 1)
    a3 = -(r + x) * np.log(alpha + T)
    return a1 + a2 + a3 + _softplus(_log_odds_dead(r, alpha, a, b, x, tx, T))


class _Summary:
    """Compressed rows plus the distinct x values: terms that depend on x alone (the gamma and
    digamma functions) are evaluated once per distinct x instead of once per row."""

    def __init__(self, x: FloatArray, tx: FloatArray, T: FloatArray, w: FloatArray, n: int) -> None:
        self.x, self.tx, self.T, self.w, self.n = x, tx, T, w, n
        self.ux, self.x_index = np.unique(x, return_inverse=True)

    def neg_ll_and_grad(self, log_params: FloatArray) -> tuple[float, FloatArray]:
        r, alpha, a, b = np.exp(log_params)
        ux, k, w = self.ux, self.x_index, self.w
        x, tx, T = self.x, self.tx, self.T
        # Per distinct x.
        u_a1 = gammaln(r + ux) - gammaln(r) + r * np.log(alpha)
        u_a2 = gammaln(a + b) + gammaln(b + ux + 1) - gammaln(b) - gammaln(a + b + ux + 1)
        u_log_ab = np.log(a) - np.log(b + ux)
        u_psi_r = digamma(r + ux) - digamma(r) + np.log(alpha)
        u_psi_a = digamma(a + b) - digamma(a + b + ux + 1)
        u_psi_b = digamma(b + ux + 1) - digamma(b) + u_psi_a
        # Per row.
        rx = r + x
        log_at = np.log(alpha + T)
        log_atx = np.log(alpha + tx)
        a4 = u_log_ab[k] + rx * (log_at - log_atx)
        soft = _softplus(a4)
        ll_rows = -rx * log_at + soft
        sigma = np.exp(a4 - soft)  # sigmoid(A4), stable at both ends
        ww4 = w * sigma  # weight x posterior share of "dropped out after t_x"
        ww3 = w - ww4  # weight x posterior share of "still alive at T"
        # Sum per distinct x first, then combine: the row-level work is a few vector ops.
        wx = np.bincount(k, weights=w, minlength=len(ux))
        w4x = np.bincount(k, weights=ww4, minlength=len(ux))
        ll = float(wx @ (u_a1 + u_a2) + w @ ll_rows)
        d_r = wx @ u_psi_r - ww3 @ log_at - ww4 @ log_atx
        d_alpha = r / alpha * w.sum() - (ww3 * rx) @ (1.0 / (alpha + T)) - (ww4 * rx) @ (1.0 / (alpha + tx))
        d_a = wx @ u_psi_a + w4x.sum() / a
        d_b = wx @ u_psi_b - w4x @ (1.0 / (b + ux))
        grad = np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
        return -ll / self.n, -grad / self.n


def _objective(data: Compressed) -> Objective:
    x, tx, T = data.columns
    return _Summary(x, tx, T, data.weights, data.n_customers).neg_ll_and_grad


def fit_mbgnbd(x: FloatArray, tx: FloatArray, T: FloatArray) -> MbgNbdParams:
    """Maximum-likelihood MBG/NBD parameters for a summary table."""
    data = compress(x, tx, T)
    cx, ctx, cT = data.columns
    start = np.log(np.array([1.0, max(float(np.mean(cT)), 1e-3), 1.0, 1.0]))
    best = maximise_with_warm_start(data, _objective, start, model="MBG/NBD")
    r, alpha, a, b = (float(v) for v in np.exp(best))
    ll = float(data.weights @ log_likelihood(r, alpha, a, b, cx, ctx, cT))
    return MbgNbdParams(r, alpha, a, b, ll, data.n_customers)


def _odds_dead(p: MbgNbdParams, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    log_odds = _log_odds_dead(p.r, p.alpha, p.a, p.b, x, tx, T)
    return np.exp(np.minimum(log_odds, 700.0))


def p_alive(p: MbgNbdParams, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    """P(alive at T | x, t_x, T) = 1 / (1 + e^A4); below 1 for one-time buyers too."""
    return 1.0 / (1.0 + _odds_dead(p, np.asarray(x, dtype=np.float64), tx, T))


def expected_purchases(
    p: MbgNbdParams, t: float | FloatArray, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """E[Y(t) | x, t_x, T]: expected repeat purchases in the next t time units (Wagner & Hoppe 2008):

    (a+b+x)/(a-1) * [1 - 2F1(r+x, b+x+1; a+b+x; t/(alpha+T+t)) ((alpha+T)/(alpha+T+t))^(r+x)] * P(alive).

    Unlike BG/NBD, 2F1's third parameter a+b+x is always positive, so no special case is needed.
    """
    x = np.asarray(x, dtype=np.float64)
    z = t / (p.alpha + T + t)
    ratio = np.exp((p.r + x) * (np.log(p.alpha + T) - np.log(p.alpha + T + t)))
    bracket = 1.0 - ratio * hyp2f1(p.r + x, p.b + x + 1, p.a + p.b + x, z)
    return (p.a + p.b + x) / (p.a - 1) * bracket / (1.0 + _odds_dead(p, x, tx, T))
