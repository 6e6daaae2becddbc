"""BG/NBD (Fader, Hardie & Lee 2005): repeat purchases x in (0, T], last at t_x.

Likelihood per customer (FHL 2005 eq. 6), fitted on log-parameters with an analytic gradient.
Predictions: E[Y(t) | x, t_x, T], P(alive), P(no purchase in the next t) and the median wait to
the next purchase given alive (lambda | data, alive ~ Gamma(r + x, alpha + T)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import betaln, digamma, gammaln, hyp2f1

from matviet_desktop.core.scoring.btyd._fit import (
    Compressed,
    FloatArray,
    Objective,
    compress,
    from_previous_or_cold,
    maximise_with_warm_start,
)


@dataclass(frozen=True)
class BgNbdParams:
    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float = float("nan")
    n_customers: int = 0

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def log_likelihood(
    r: float, alpha: float, a: float, b: float, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """Per-customer log-likelihood."""
    x = np.asarray(x, dtype=np.float64)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    a4 = np.full_like(x, -np.inf)
    xr = x[repeat]
    a4[repeat] = np.log(a) - np.log(b + xr - 1) - (r + xr) * np.log(alpha + tx[repeat])
    return a1 + a2 + np.logaddexp(a3, a4)


class _Summary:
    """Compressed rows plus the distinct x values: terms that depend on x alone are evaluated
    once per distinct x (a few dozen) instead of once per row."""

    def __init__(self, x: FloatArray, tx: FloatArray, T: FloatArray, w: FloatArray, n: int) -> None:
        self.x, self.tx, self.T, self.w, self.n = x, tx, T, w, n
        self.ux, self.x_index = np.unique(x, return_inverse=True)
        self.repeat = x > 0
        self.u_repeat = self.ux > 0

    def neg_ll_and_grad(self, log_params: FloatArray) -> tuple[float, FloatArray]:
        r, alpha, a, b = np.exp(log_params)
        ux, k, w = self.ux, self.x_index, self.w
        x, tx, T = self.x, self.tx, self.T
        # Per distinct x.
        u_b1 = np.where(self.u_repeat, b + (ux - 1), 1.0)  # b + (x-1): (b + 1) - 1 is 0 for b < 1e-16
        u_a1 = gammaln(r + ux) - gammaln(r) + r * np.log(alpha)
        u_a2 = gammaln(b + ux) + gammaln(a + b) - gammaln(b) - gammaln(a + b + ux)
        u_log_a4 = np.where(self.u_repeat, np.log(a) - np.log(u_b1), -np.inf)
        u_psi_r = digamma(r + ux) - digamma(r) + np.log(alpha)
        u_psi_abx = digamma(a + b) - digamma(a + b + ux)
        u_psi_b = digamma(b + ux) - digamma(b) + u_psi_abx
        # Per row.
        rx = r + x
        log_at = np.log(alpha + T)
        log_atx = np.log(alpha + tx)
        a3 = -rx * log_at
        # log(e^a3 + e^a4) = a3 + log(1 + e^(a4 - a3)), without np.logaddexp (ten times slower).
        odds = np.exp(np.minimum(u_log_a4[k] + rx * (log_at - log_atx), 700.0))
        total = 1.0 + odds
        mix = a3 + np.log(total)
        ww3 = w / total  # weight x share of the "still alive at T" branch
        ww4 = w - ww3  # weight x share of the "dropped out after t_x" branch (0 when x = 0)
        # Sum per distinct x first, then combine: the row-level work is a few vector ops.
        wx = np.bincount(k, weights=w, minlength=len(ux))
        w4x = np.bincount(k, weights=ww4, minlength=len(ux))
        ll = float(wx @ (u_a1 + u_a2) + w @ mix)
        d_r = wx @ u_psi_r - ww3 @ log_at - ww4 @ log_atx
        d_alpha = r / alpha * w.sum() - (ww3 * rx) @ (1.0 / (alpha + T)) - (ww4 * rx) @ (1.0 / (alpha + tx))
        d_a = wx @ u_psi_abx + w4x.sum() / a
        d_b = wx @ u_psi_b - w4x @ (1.0 / u_b1)
        grad = np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
        return -ll / self.n, -grad / self.n


def _objective(data: Compressed) -> Objective:
    x, tx, T = data.columns
    return _Summary(x, tx, T, data.weights, data.n_customers).neg_ll_and_grad


def fit_bgnbd(
    x: FloatArray, tx: FloatArray, T: FloatArray, previous: Sequence[float] | None = None
) -> BgNbdParams:
    """Maximum-likelihood BG/NBD parameters for a summary table; `previous` (r, alpha, a, b), a
    fit on nearly the same data, starts the optimiser close to the answer."""
    data = compress(x, tx, T)
    cx, ctx, cT = data.columns
    cold = np.log(np.array([1.0, max(float(np.mean(cT)), 1e-3), 1.0, 1.0]))
    best = from_previous_or_cold(
        lambda start, warm: maximise_with_warm_start(
            data, _objective, start, model="BG/NBD", start_is_warm=warm
        ),
        previous,
        cold,
    )
    r, alpha, a, b = (float(v) for v in np.exp(best))
    ll = float(data.weights @ log_likelihood(r, alpha, a, b, cx, ctx, cT))
    return BgNbdParams(r, alpha, a, b, ll, data.n_customers)


def _odds_dead(p: BgNbdParams, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    """a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x) for x > 0, else 0 (BG/NBD: x=0 means alive)."""
    repeat = x > 0
    safe_b = np.where(repeat, p.b + (x - 1), 1.0)
    log_odds = np.log(p.a) - np.log(safe_b) + (p.r + x) * (np.log(p.alpha + T) - np.log(p.alpha + tx))
    return np.where(repeat, np.exp(np.minimum(log_odds, 700.0)), 0.0)


def p_alive(p: BgNbdParams, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    return 1.0 / (1.0 + _odds_dead(p, np.asarray(x, dtype=np.float64), tx, T))


def expected_purchases(
    p: BgNbdParams, t: float | FloatArray, x: FloatArray, tx: FloatArray, T: FloatArray
) -> FloatArray:
    """E[Y(t) | x, t_x, T]: expected repeat purchases in the next t time units."""
    x = np.asarray(x, dtype=np.float64)
    c = p.a + p.b + x - 1
    z = t / (p.alpha + T + t)
    ratio = np.exp((p.r + x) * (np.log(p.alpha + T) - np.log(p.alpha + T + t)))
    # a + b + x - 1 <= 0 makes 2F1 undefined (lifetimes#442); it only happens for x = 0 with a + b < 1,
    # where the Taylor limit of the bracket is used instead.
    safe_c = np.where(c > 1e-9, c, 1.0)
    bracket = 1.0 - ratio * hyp2f1(p.r + x, p.b + x, safe_c, z)
    head = np.where(c > 1e-9, safe_c / (p.a - 1 if abs(p.a - 1) > 1e-12 else 1e-12), 0.0)
    value = head * bracket
    fallback = (p.r + x) * p.b / (p.a + p.b - 1 if abs(p.a + p.b - 1) > 1e-12 else 1e-12) * -np.log1p(-z)
    value = np.where(c > 1e-9, value, fallback)
    return value / (1.0 + _odds_dead(p, x, tx, T))


def p_no_purchase(p: BgNbdParams, t: float, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    """P(no purchase in (T, T + t] | history) = 1 - P(alive) + P(alive) ((alpha+T)/(alpha+T+t))^(r+x)."""
    alive = p_alive(p, x, tx, T)
    survive = np.exp(
        (p.r + np.asarray(x, dtype=np.float64)) * (np.log(p.alpha + T) - np.log(p.alpha + T + t))
    )
    return 1.0 - alive + alive * survive


def median_wait_if_alive(p: BgNbdParams, x: FloatArray, T: FloatArray) -> FloatArray:
    """Median time to the next purchase given alive: (alpha+T)(2^(1/(r+x)) - 1)."""
    return (p.alpha + np.asarray(T, dtype=np.float64)) * np.expm1(
        np.log(2.0) / (p.r + np.asarray(x, dtype=np.float64))
    )
