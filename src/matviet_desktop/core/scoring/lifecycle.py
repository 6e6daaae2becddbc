"""Lifecycle stage (plan 1.2 A), measured against each customer's expected purchase date.

"No purchase for 90 days = churned" would mark almost every eyewear buyer churned (they buy every
1-2 years), so "overdue" counts days past the expected next purchase: last purchase + the
customer's own mean gap (with enough purchase days), else the chain-wide typical gap.

Precedence, first match wins:
  prospect (no orders) > new (first purchase within 30 days) > reactivated (bought within 90 days
  after a gap that had made them churned) > loyal (5+ orders and a purchase within 60 days) >
  churned (90+ days overdue) > at_risk (30-89 days overdue) > active (less than 30 days overdue).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matviet_desktop.core.scoring.settings import ScoringSettings

STAGES = ("prospect", "new", "reactivated", "loyal", "churned", "at_risk", "active")
STAGE_LABELS = {
    "prospect": "Tiềm năng",
    "new": "Mới",
    "active": "Đang hoạt động",
    "loyal": "Trung thành",
    "at_risk": "Có nguy cơ",
    "churned": "Đã rời bỏ",
    "reactivated": "Quay lại",
}

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class LifecycleInput:
    """Per-customer arrays (days); NaN where undefined (no orders, or fewer than 2 purchase days)."""

    order_count: NDArray[np.int64]
    purchase_days: NDArray[np.int64]  # distinct purchase days
    days_since_first: FloatArray
    days_since_last: FloatArray
    span_days: FloatArray  # last - first purchase day
    gap_before_last: FloatArray  # last - second-to-last purchase day


def chain_interval_days(inp: LifecycleInput, settings: ScoringSettings) -> float:
    """The typical gap between purchases chain-wide: median mean-gap of repeat buyers."""
    if settings.chain_interval_days is not None:
        return float(settings.chain_interval_days)
    repeat = inp.purchase_days >= 2
    if not repeat.any():
        return settings.fallback_interval_days
    gaps = inp.span_days[repeat] / (inp.purchase_days[repeat] - 1)
    return float(np.median(gaps))


def expected_interval_days(inp: LifecycleInput, settings: ScoringSettings, chain_gap: float) -> FloatArray:
    own = inp.purchase_days >= settings.own_interval_min_purchases
    with np.errstate(divide="ignore", invalid="ignore"):
        own_gap = inp.span_days / np.maximum(inp.purchase_days - 1, 1)
    return np.where(own, np.maximum(own_gap, 1.0), chain_gap)


def stages(inp: LifecycleInput, settings: ScoringSettings, chain_gap: float) -> NDArray[np.object_]:
    s = settings
    interval = expected_interval_days(inp, s, chain_gap)
    overdue = inp.days_since_last - interval
    # Churned just before the latest purchase: the gap that ended with it ran 90+ days past the
    # date the customer was then expected (their interval before that purchase is not known
    # separately, so the current expectation is used).
    was_churned = (inp.purchase_days >= 2) & (inp.gap_before_last - interval >= s.churned_overdue_days)
    has_orders = inp.order_count > 0
    with np.errstate(invalid="ignore"):
        conditions = [
            ~has_orders,
            inp.days_since_first < s.new_within_days,
            was_churned & (inp.days_since_last < s.reactivated_within_days),
            (inp.order_count >= s.loyal_min_orders) & (inp.days_since_last <= s.loyal_within_days),
            overdue >= s.churned_overdue_days,
            overdue >= s.at_risk_overdue_days,
        ]
    names = ["prospect", "new", "reactivated", "loyal", "churned", "at_risk"]
    return np.select(conditions, names, default="active").astype(object)
