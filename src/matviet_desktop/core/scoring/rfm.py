"""RFM scores 1-5 and the named RFM segments.

Recency (days since the last purchase) and monetary (VND) are scored by quintile of the average
rank, so equal values always get the same score. Frequency is scored by fixed order-count
thresholds, because most eyewear customers have exactly one order and quintiles of a column that
is 60 % ties are meaningless.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.stats import rankdata

# (key, Vietnamese label, R range, F range, M range): the rsquaredacademy/rfm table, first match
# wins in this order. The order is ours: it makes every segment reachable (the package's order
# leaves New, Promising and Can't Lose Them unreachable). Adapted to eyewear, where most buyers
# have one order: New, Promising and Hibernating accept any M (the package's M <= 1/2 left 28 %
# of the demo customers, one-time buyers of pricier frames, in the fallback). Others: the rest.
SEGMENT_RULES: tuple[tuple[str, str, tuple[int, int], tuple[int, int], tuple[int, int]], ...] = (
    ("champions", "Nhà vô địch", (4, 5), (4, 5), (4, 5)),
    ("loyal_customers", "Khách trung thành", (2, 5), (3, 5), (3, 5)),
    ("cant_lose_them", "Không thể để mất", (1, 1), (4, 5), (4, 5)),
    ("new_customers", "Khách mới", (4, 5), (1, 1), (1, 5)),
    ("promising", "Triển vọng", (3, 4), (1, 1), (1, 5)),
    ("potential_loyalist", "Có thể trung thành", (3, 5), (1, 3), (1, 3)),
    ("need_attention", "Cần quan tâm", (2, 3), (2, 3), (2, 3)),
    ("about_to_sleep", "Sắp ngủ đông", (2, 3), (1, 2), (1, 2)),
    ("at_risk", "Có nguy cơ", (1, 2), (2, 5), (2, 5)),
    ("lost", "Đã mất", (1, 1), (1, 1), (1, 2)),
    ("hibernating", "Ngủ đông", (1, 2), (1, 2), (1, 5)),
)
FALLBACK_SEGMENT = ("other", "Khác")  # the value the segment catalogue lists
SEGMENT_LABELS = {key: label for key, label, *_ in SEGMENT_RULES} | {FALLBACK_SEGMENT[0]: FALLBACK_SEGMENT[1]}

IntArray = NDArray[np.int64]


def quintile_scores(values: NDArray[np.float64], higher_is_better: bool = True) -> IntArray:
    """1..5 by the average rank; ties share a score; NaN (no purchase) gets 0."""
    out = np.zeros(len(values), dtype=np.int64)
    ok = ~np.isnan(values)
    n = int(ok.sum())
    if n == 0:
        return out
    v = values[ok] if higher_is_better else -values[ok]
    ranks = rankdata(v, method="average")
    out[ok] = np.clip(np.ceil(5.0 * ranks / n), 1, 5).astype(np.int64)
    return out


def frequency_scores(order_counts: IntArray, thresholds: tuple[int, int, int, int]) -> IntArray:
    """1 order -> 1, then one point per threshold reached (default 2, 3, 4-5, 6+ orders); 0 orders -> 0."""
    counts = np.asarray(order_counts)
    scores = 1 + np.searchsorted(np.asarray(thresholds), counts, side="right")
    return np.where(counts > 0, scores, 0).astype(np.int64)


def segments(r: IntArray, f: IntArray, m: IntArray) -> NDArray[np.object_]:
    """Named segment per customer by the first matching rule; None for customers without orders."""
    conditions = [
        (r >= r0) & (r <= r1) & (f >= f0) & (f <= f1) & (m >= m0) & (m <= m1)
        for _, _, (r0, r1), (f0, f1), (m0, m1) in SEGMENT_RULES
    ]
    keys = [key for key, *_ in SEGMENT_RULES]
    named = np.select(conditions, keys, default=FALLBACK_SEGMENT[0]).astype(object)
    named[r == 0] = None
    return named
