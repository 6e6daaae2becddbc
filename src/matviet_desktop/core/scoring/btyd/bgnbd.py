"""BG/NBD (Fader, Hardie & Lee 2005): repeat purchases x in (0, T], last at t_x.

Likelihood per customer (FHL 2005 eq. 6), fitted on log-parameters with an analytic gradient.
Predictions: E[Y(t) | x, t_x, T], P(alive), P(no purchase in the next t) and the median wait to
the next purchase given alive (lambda | data, alive ~ Gamma(r + x, alpha + T)).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import betaln, digamma, gammaln, hyp2f1

from matviet_desktop.core.scoring.btyd._fit import FloatArray, compress, maximise_log_params


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


def _neg_ll_and_grad(
    log_params: FloatArray, x: FloatArray, tx: FloatArray, T: FloatArray, w: FloatArray, n: int
) -> tuple[float, FloatArray]:
    r, alpha, a, b = np.exp(log_params)
    repeat = x > 0
    log_at = np.log(alpha + T)
    log_atx = np.log(alpha + tx)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(b + x) + gammaln(a + b) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * log_at
    a4 = np.where(repeat, np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * log_atx, -np.inf)
    mix = np.logaddexp(a3, a4)
    ll = a1 + a2 + mix
    w3 = np.exp(a3 - mix)  # share of the "still alive at T" branch
    w4 = 1.0 - w3  # share of the "dropped out after t_x" branch (0 when x = 0)
    psi_ab = digamma(a + b)
    psi_abx = digamma(a + b + x)
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * log_at - w4 * log_atx
    d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))
    d_a = psi_ab - psi_abx + w4 / a
    d_b = digamma(b + x) + psi_ab - digamma(b) - psi_abx - w4 / np.where(repeat, b + x - 1, 1.0)
    grad = np.array([w @ d_r * r, w @ d_alpha * alpha, w @ d_a * a, w @ d_b * b])
    return -float(w @ ll) / n, -grad / n


def fit_bgnbd(x: FloatArray, tx: FloatArray, T: FloatArray) -> BgNbdParams:
    """Maximum-likelihood BG/NBD parameters for a summary table."""
    data = compress(x, tx, T)
    cx, ctx, cT = data.columns
    start = np.log(np.array([1.0, max(float(np.mean(cT)), 1e-3), 1.0, 1.0]))
    args = (cx, ctx, cT, data.weights, data.n_customers)
    best = maximise_log_params(lambda p: _neg_ll_and_grad(p, *args), start, model="BG/NBD")
    r, alpha, a, b = (float(v) for v in np.exp(best))
    ll = float(data.weights @ log_likelihood(r, alpha, a, b, cx, ctx, cT))
    return BgNbdParams(r, alpha, a, b, ll, data.n_customers)


def _odds_dead(p: BgNbdParams, x: FloatArray, tx: FloatArray, T: FloatArray) -> FloatArray:
    """a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x) for x > 0, else 0 (BG/NBD: x=0 means alive)."""
    repeat = x > 0
    safe_b = np.where(repeat, p.b + x - 1, 1.0)
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
