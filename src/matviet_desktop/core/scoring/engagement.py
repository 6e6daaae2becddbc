"""Engagement score 0-100 from time-decayed touchpoints.

raw = sum over touchpoints of weight(type) * 0.5 ** (age_days / half_life); purchases come from
completed orders (one per purchase day), every other type from `customer_engagements` (its
`purchase` rows are skipped so purchases are not counted twice). score = 100 * (1 - exp(-raw /
scale)), 0 when raw <= 0: saturating, so a few recent strong signals reach the upper range and
the score is comparable across runs (a percentile would move when others change).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from matviet_desktop.core.scoring.settings import ScoringSettings


def decay_rate_per_day(settings: ScoringSettings) -> float:
    return float(np.log(2.0) / settings.engagement_half_life_days)


def non_purchase_weights(settings: ScoringSettings) -> tuple[list[str], list[float]]:
    """Engagement types and weights bound into the SQL aggregate (purchases come from orders)."""
    items = [(k, float(v)) for k, v in settings.engagement_weights.items() if k != "purchase" and v != 0]
    return [k for k, _ in items], [v for _, v in items]


def scores(
    decayed_purchases: NDArray[np.float64], decayed_other: NDArray[np.float64], settings: ScoringSettings
) -> NDArray[np.int64]:
    raw = settings.engagement_weights.get("purchase", 0.0) * decayed_purchases + decayed_other
    score = 100.0 * -np.expm1(-np.maximum(raw, 0.0) / settings.engagement_scale)
    return np.clip(np.rint(score), 0, 100).astype(np.int64)
