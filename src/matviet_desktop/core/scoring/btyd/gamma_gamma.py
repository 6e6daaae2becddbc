"""Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013, note 025).

Fitted on repeat buyers only (x > 0, average repeat spend z > 0); one-time buyers get the
population mean p*gamma/(q-1) through the conditional expectation with x = 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import digamma, gammaln

from matviet_desktop.core.scoring.btyd._fit import (
    FitError,
    FloatArray,
    compress,
    from_previous_or_cold,
    maximise_log_params,
)


@dataclass(frozen=True)
class GammaGammaParams:
    p: float
    q: float
    v: float  # the papers' gamma; lifetimes calls it v
    log_likelihood: float = float("nan")
    n_customers: int = 0

    def as_dict(self) -> dict[str, float]:
        return asdict(self)

    @property
    def population_mean(self) -> float:
        return self.p * self.v / (self.q - 1) if self.q > 1 else float("nan")


def log_likelihood(p: float, q: float, v: float, x: FloatArray, z: FloatArray) -> FloatArray:
    """Per-customer log-likelihood of the average spend z over x transactions."""
    px = p * x
    return (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1) * np.log(z)
        + px * np.log(x)
        - (px + q) * np.log(v + z * x)
    )


def _neg_ll_and_grad(
    log_params: FloatArray, x: FloatArray, z: FloatArray, w: FloatArray, n: int
) -> tuple[float, FloatArray]:
    p, q, v = np.exp(log_params)
    px = p * x
    log_vzx = np.log(v + z * x)
    psi_pxq = digamma(px + q)
    ll = log_likelihood(p, q, v, x, z)
    d_p = x * (psi_pxq - digamma(px) + np.log(z) + np.log(x) - log_vzx)
    d_q = psi_pxq - digamma(q) + np.log(v) - log_vzx
    d_v = q / v - (px + q) / (v + z * x)
    grad = np.array([w @ d_p * p, w @ d_q * q, w @ d_v * v])
    return -float(w @ ll) / n, -grad / n


def fit_gamma_gamma(
    x: FloatArray, z: FloatArray, previous: Sequence[float] | None = None
) -> GammaGammaParams:
    """Fit on customers with x > 0 and z > 0 (others are ignored, as the model requires);
    `previous` (p, q, v) from a fit on nearly the same data starts the optimiser there."""
    x = np.asarray(x, dtype=np.float64)
    z = np.asarray(z, dtype=np.float64)
    keep = (x > 0) & (z > 0)
    if keep.sum() < 2:
        raise FitError("Gamma-Gamma cần ít nhất 2 khách mua lặp lại có giá trị đơn > 0.")
    data = compress(x[keep], z[keep])
    cx, cz = data.columns
    # Scale-free start: q = 2 puts the population mean p*v at the observed mean.
    mean_z = float(np.average(cz, weights=data.weights))
    cold = np.log(np.array([1.0, 2.0, mean_z]))
    args = (cx, cz, data.weights, data.n_customers)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        best = from_previous_or_cold(
            lambda start, _warm: maximise_log_params(
                lambda lp: _neg_ll_and_grad(lp, *args), start, model="Gamma-Gamma"
            ),
            previous,
            cold,
        )
    p, q, v = (float(val) for val in np.exp(best))
    ll = float(data.weights @ log_likelihood(p, q, v, cx, cz))
    return GammaGammaParams(p, q, v, ll, data.n_customers)


def expected_spend(params: GammaGammaParams, x: FloatArray, z: FloatArray) -> FloatArray:
    """E(M | x, z) = (v + z x) p / (p x + q - 1); x = 0 gives the population mean."""
    x = np.asarray(x, dtype=np.float64)
    z = np.where(x > 0, np.asarray(z, dtype=np.float64), 0.0)
    return (params.v + z * x) * params.p / (params.p * x + params.q - 1)
