"""Behaviour (plan 1.2 C): channel, timing and price sensitivity from per-customer counts.

Preferred store and category are picked in SQL (most orders / most item spend); here the
count columns the aggregate returns become labels.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

# Local time (Asia/Ho_Chi_Minh): morning before 12:00, afternoon 12:00-16:59, evening from 17:00.
TIMING_BUCKETS = (
    "weekday_morning",
    "weekday_afternoon",
    "weekday_evening",
    "weekend_morning",
    "weekend_afternoon",
    "weekend_evening",
)
TIMING_LABELS = {
    "weekday_morning": "Sáng ngày thường",
    "weekday_afternoon": "Chiều ngày thường",
    "weekday_evening": "Tối ngày thường",
    "weekend_morning": "Sáng cuối tuần",
    "weekend_afternoon": "Chiều cuối tuần",
    "weekend_evening": "Tối cuối tuần",
}
CHANNEL_LABELS = {"in_store": "Tại cửa hàng", "online": "Trực tuyến"}


def preferred_channel(in_store: NDArray[np.int64], online: NDArray[np.int64]) -> NDArray[np.object_]:
    """'in_store' or 'online' (website and phone orders) by order count; ties go to the store."""
    out = np.where(online > in_store, "online", "in_store").astype(object)
    out[(in_store + online) == 0] = None
    return out


def purchase_timing(bucket_counts: NDArray[np.int64]) -> NDArray[np.object_]:
    """The bucket with the most orders (columns in TIMING_BUCKETS order); earliest bucket on ties."""
    out = np.asarray(TIMING_BUCKETS, dtype=object)[np.argmax(bucket_counts, axis=1)]
    out[bucket_counts.sum(axis=1) == 0] = None
    return out


def price_sensitivity(
    discounted_spend: NDArray[np.float64], total_spend: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Share of spend on orders with a discount or promo code, 0..1; NaN without spend."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total_spend > 0, np.clip(discounted_spend / total_spend, 0, 1), np.nan)
