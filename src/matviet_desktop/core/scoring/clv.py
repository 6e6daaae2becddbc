"""Customer lifetime value (plan 1.2 B), churn risk and next purchase, from fitted BTYD models.

Time unit: days. Probabilistic CLV = sum over quarterly steps of E(M) * (E[Y(t_i)] - E[Y(t_i-1)])
discounted at the annual rate (lifetimes' `customer_lifetime_value` with quarterly steps: the
difference to monthly steps is below 0.5 % for eyewear purchase rates, at a third of the cost).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matviet_desktop.core.scoring.btyd import bgnbd, gamma_gamma
from matviet_desktop.core.scoring.btyd._fit import FloatArray, unique_rows
from matviet_desktop.core.scoring.settings import ScoringSettings

TIERS = ("vip", "high", "medium", "low")
TIER_LABELS = {"vip": "VIP", "high": "Cao", "medium": "Trung bình", "low": "Thấp"}
DAYS_PER_YEAR = 365.25
STEP_DAYS = DAYS_PER_YEAR / 4


@dataclass(frozen=True)
class Predictions:
    p_alive: FloatArray
    expected_purchases_1y: FloatArray
    clv: FloatArray
    churn_risk: FloatArray  # probability 0..1 of no purchase within the churn horizon
    days_to_next_purchase: FloatArray  # NaN when the customer is unlikely to return


def predict(
    model: bgnbd.BgNbdParams,
    spend: gamma_gamma.GammaGammaParams | None,
    x: FloatArray,
    tx: FloatArray,
    T: FloatArray,
    avg_repeat_spend: FloatArray,
    settings: ScoringSettings,
) -> Predictions:
    """All per-customer predictions; arrays hold only customers with at least one purchase."""
    (ux, utx, uT), back = unique_rows(x, tx, T)
    steps = int(round(settings.clv_horizon_years * 4))
    quarterly_discount = (1.0 + settings.annual_discount_rate) ** 0.25
    cumulative = np.zeros(len(ux))
    discounted = np.zeros(len(ux))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for i in range(1, steps + 1):
            current = bgnbd.expected_purchases(model, i * STEP_DAYS, ux, utx, uT)
            discounted += (current - cumulative) / quarterly_discount**i
            cumulative = current
        one_year = bgnbd.expected_purchases(model, DAYS_PER_YEAR, ux, utx, uT)
        alive = bgnbd.p_alive(model, ux, utx, uT)
        churn = bgnbd.p_no_purchase(model, float(settings.churn_horizon_days), ux, utx, uT)
        wait = bgnbd.median_wait_if_alive(model, ux, uT)
    wait = np.where(1.0 - churn >= settings.next_purchase_min_probability, wait, np.nan)
    if spend is not None:
        value = gamma_gamma.expected_spend(spend, x, avg_repeat_spend)
    else:  # too few repeat buyers to fit spend: use each customer's own average
        value = np.asarray(avg_repeat_spend, dtype=np.float64)
    return Predictions(
        p_alive=alive[back],
        expected_purchases_1y=one_year[back],
        clv=discounted[back] * value,
        churn_risk=churn[back],
        days_to_next_purchase=wait[back],
    )


def formula_clv(
    avg_order_value: FloatArray,
    interval_days: FloatArray,
    acquisition_cost: FloatArray,
    settings: ScoringSettings,
) -> FloatArray:
    """The plan's formula: AOV x purchases per year x expected lifespan - acquisition cost."""
    purchases_per_year = DAYS_PER_YEAR / np.maximum(interval_days, 1.0)
    return avg_order_value * purchases_per_year * settings.formula_lifespan_years - acquisition_cost


def tiers(values: FloatArray, settings: ScoringSettings) -> NDArray[np.object_]:
    """VIP/High/Medium/Low by rank (ties broken by position), so no tier is ever emptied by ties."""
    n = len(values)
    out = np.empty(n, dtype=object)
    if n == 0:
        return out
    order = np.argsort(-values, kind="stable")
    rank = np.empty(n, dtype=np.float64)
    rank[order] = np.arange(1, n + 1)
    share = rank / n
    bounds = np.cumsum(settings.tier_shares[:3])
    out[:] = np.select(
        [share <= bounds[0] + 1e-12, share <= bounds[1] + 1e-12, share <= bounds[2] + 1e-12],
        ["vip", "high", "medium"],
        default="low",
    )
    return out
