"""Scoring settings: every threshold, weight and cost, stored as `app_settings` rows `scoring.<name>`.

Defaults live here; a row overrides one field. Values are JSON (numbers, or an object for
`acquisition_cost`). The settings UI edits the rows; `score_all` records the values it used.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

PREFIX = "scoring."


def _default_engagement_weights() -> dict[str, float]:
    # Why these: a purchase is the strongest signal; an eye exam or store visit is a strong intent
    # signal in eyewear; NPS answers and clicks show attention; opens are weak (image proxies
    # inflate them); sent/delivered say nothing about the customer; an opt-out counts against.
    return {
        "purchase": 10.0,
        "eye_exam": 6.0,
        "store_visit": 4.0,
        "nps_response": 3.0,
        "campaign_clicked": 3.0,
        "campaign_opened": 1.0,
        "campaign_delivered": 0.0,
        "campaign_sent": 0.0,
        "opt_out": -10.0,
    }


def _default_acquisition_cost() -> dict[str, Any]:
    # VND per new customer; most specific wins: store, then channel of the first order, then default.
    return {"default": 150_000, "by_channel": {"in_store": 150_000, "online": 100_000}, "by_store": {}}


@dataclass(frozen=True)
class ScoringSettings:
    # Lifecycle (plan 1.2 A), in days.
    new_within_days: int = 30
    loyal_min_orders: int = 5
    loyal_within_days: int = 60
    at_risk_overdue_days: int = 30
    churned_overdue_days: int = 90
    reactivated_within_days: int = 90
    own_interval_min_purchases: int = 3  # purchase days needed to trust the customer's own gap
    chain_interval_days: float | None = None  # None: median gap of repeat buyers, computed per run
    fallback_interval_days: float = 540.0  # used when there are no repeat buyers at all
    # RFM: fixed frequency thresholds (orders) for scores 2..5; recency and monetary are quintiles.
    rfm_frequency_thresholds: tuple[int, int, int, int] = (2, 3, 4, 6)
    # CLV (plan 1.2 B).
    clv_horizon_years: float = 3.0
    annual_discount_rate: float = 0.10
    formula_lifespan_years: float = 3.0
    acquisition_cost: dict[str, Any] = field(default_factory=_default_acquisition_cost)
    tier_shares: tuple[float, float, float, float] = (0.05, 0.15, 0.50, 0.30)  # VIP, High, Medium, Low
    # Churn and next purchase.
    churn_horizon_days: int = 365
    next_purchase_min_probability: float = 0.25  # below: "unlikely to return", no date
    # Engagement.
    engagement_half_life_days: float = 180.0
    engagement_scale: float = 15.0  # raw decayed points giving 63 of 100
    engagement_weights: dict[str, float] = field(default_factory=_default_engagement_weights)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def load_settings(conn: Connection) -> ScoringSettings:
    """Defaults overridden by any `scoring.*` rows."""
    rows = conn.execute(
        text("SELECT key, value FROM app_settings WHERE key LIKE :p"), {"p": PREFIX + "%"}
    ).all()
    return settings_from_rows(rows)


def settings_from_rows(rows: Any) -> ScoringSettings:
    """(key, JSON value) rows -> settings; unknown keys are ignored."""
    names = {f.name: f for f in dataclasses.fields(ScoringSettings)}
    overrides: dict[str, Any] = {}
    for key, value in rows:
        name = key[len(PREFIX) :]
        if name in names:
            overrides[name] = tuple(value) if isinstance(value, list) else value
    return ScoringSettings(**overrides)


def acquisition_cost_for(settings: ScoringSettings, store_id: int | None, channel: str | None) -> float:
    costs = settings.acquisition_cost
    if store_id is not None and str(store_id) in costs.get("by_store", {}):
        return float(costs["by_store"][str(store_id)])
    if channel is not None and channel in costs.get("by_channel", {}):
        return float(costs["by_channel"][channel])
    return float(costs.get("default", 0))
