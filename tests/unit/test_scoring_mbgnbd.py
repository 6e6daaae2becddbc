"""MBG/NBD: our fit and predictions agree with lifetimes' ModifiedBetaGeoFitter on CDNOW, and the
analytic gradient agrees with central differences."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
from scipy.special import gammaln

from matviet_desktop.core.scoring.btyd import mbgnbd
from matviet_desktop.core.scoring.btyd._fit import compress, numeric_gradient
from tests.unit import cdnow


@pytest.fixture(scope="module")
def rfm() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = cdnow.summary()
    return d["frequency"].to_numpy(float), d["recency"].to_numpy(float), d["T"].to_numpy(float)


@pytest.fixture(scope="module")
def lifetimes_fit(rfm) -> Any:
    # lifetimes is the test-only oracle; its import warns under pandas 3 (warnings are errors here).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from lifetimes import ModifiedBetaGeoFitter

        return ModifiedBetaGeoFitter().fit(*rfm)


def lifetimes_log_likelihood(fitted: Any, x, tx, T) -> float:
    """lifetimes' own objective (a weighted mean of the per-customer LL) on unscaled time, as a sum."""
    params = np.log([fitted.params_[k] for k in ("r", "alpha", "a", "b")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mean_neg = fitted._negative_log_likelihood(params, x, tx, T, np.ones_like(x), 0.0)
    return -float(mean_neg) * len(x)


def test_fit_matches_lifetimes_parameters_and_log_likelihood(rfm, lifetimes_fit) -> None:
    ours = mbgnbd.fit_mbgnbd(*rfm)
    theirs = lifetimes_fit.params_
    assert ours.n_customers == 2357
    for k in ("r", "alpha", "a", "b"):
        assert getattr(ours, k) == pytest.approx(theirs[k], rel=1e-3), k
    theirs_ll = lifetimes_log_likelihood(lifetimes_fit, *rfm)
    assert ours.log_likelihood == pytest.approx(theirs_ll, rel=1e-3)
    # Both are the maximum of the same function: ours is not worse beyond rounding.
    assert ours.log_likelihood >= theirs_ll - 1e-6
    # Our LL formula is lifetimes' formula: equal at lifetimes' parameters.
    at_theirs = mbgnbd.log_likelihood(*(theirs[k] for k in ("r", "alpha", "a", "b")), *rfm).sum()
    assert at_theirs == pytest.approx(theirs_ll, rel=1e-12)


def test_p_alive_and_expected_purchases_match_lifetimes_on_every_customer(rfm, lifetimes_fit) -> None:
    x, tx, T = rfm
    theirs = lifetimes_fit.params_
    params = mbgnbd.MbgNbdParams(*(float(theirs[k]) for k in ("r", "alpha", "a", "b")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        their_alive = np.asarray(lifetimes_fit.conditional_probability_alive(x, tx, T), dtype=float)
        their_expected = {
            t: np.asarray(
                lifetimes_fit.conditional_expected_number_of_purchases_up_to_time(t, x, tx, T), dtype=float
            )
            for t in (1.0, 39.0, 104.0)
        }
    np.testing.assert_allclose(mbgnbd.p_alive(params, x, tx, T), their_alive, rtol=1e-6, atol=0)
    for t, expected in their_expected.items():
        np.testing.assert_allclose(
            mbgnbd.expected_purchases(params, t, x, tx, T), expected, rtol=1e-6, atol=0
        )


def test_one_time_buyers_can_be_dead_unlike_bgnbd(rfm) -> None:
    p = mbgnbd.fit_mbgnbd(*rfm)
    alive = mbgnbd.p_alive(
        p, np.array([0.0, 0.0, 2.0]), np.array([0.0, 0.0, 30.43]), np.array([1.0, 38.86, 38.86])
    )
    # Death at time 0 is possible, so even a brand-new one-time buyer is below 1 and it falls with T.
    assert alive[0] < 1.0
    assert alive[1] < alive[0]
    assert 0.0 < alive[2] < 1.0


@pytest.mark.parametrize(
    "point",
    [(0.525, 6.18, 0.891, 1.614), (0.2, 2.0, 3.0, 0.5), (2.0, 40.0, 0.3, 7.0), (0.05, 0.1, 15.0, 0.05)],
)
def test_analytic_gradient_matches_central_differences(rfm, point) -> None:
    data = compress(*rfm)
    summary = mbgnbd._Summary(*data.columns, data.weights, data.n_customers)
    log_params = np.log(np.array(point))
    value, grad = summary.neg_ll_and_grad(log_params)
    numeric = numeric_gradient(lambda v: summary.neg_ll_and_grad(v)[0], log_params)
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)
    # The objective is the mean negative per-customer LL.
    assert value == pytest.approx(-mbgnbd.log_likelihood(*point, *rfm).mean(), rel=1e-12)


def test_log_likelihood_stays_finite_when_the_dead_branch_dominates() -> None:
    # A long silence since the last purchase with a large r makes A4 ~ 2000: e^A4 overflows a float.
    r, alpha, a, b = 100.0, 1e-3, 0.5, 0.5
    x, tx, T = np.array([0.0, 5.0]), np.array([0.0, 1e-3]), np.array([1e6, 1e6])
    ll = mbgnbd.log_likelihood(r, alpha, a, b, x, tx, T)
    assert np.all(np.isfinite(ll))
    a4 = np.log(a) - np.log(b + x) + (r + x) * (np.log(alpha + T) - np.log(alpha + tx))
    assert a4.min() > 710  # np.exp(a4) would be inf
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x + 1) - gammaln(b) - gammaln(a + b + x + 1)
    a3 = -(r + x) * np.log(alpha + T)
    # ln(1 + e^A4) = A4 to double precision here.
    np.testing.assert_allclose(ll, a1 + a2 + a3 + a4, rtol=1e-12)
    assert np.all(mbgnbd.p_alive(mbgnbd.MbgNbdParams(r, alpha, a, b), x, tx, T) < 1e-300)


def test_compressing_identical_rows_does_not_change_the_fit(rfm) -> None:
    x, tx, T = rfm
    once = mbgnbd.fit_mbgnbd(x, tx, T)
    twice = mbgnbd.fit_mbgnbd(np.tile(x, 2), np.tile(tx, 2), np.tile(T, 2))
    assert twice.n_customers == 2 * once.n_customers
    assert twice.r == pytest.approx(once.r, rel=1e-4)
    assert twice.log_likelihood == pytest.approx(2 * once.log_likelihood, rel=1e-6)
