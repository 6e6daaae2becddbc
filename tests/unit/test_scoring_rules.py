"""RFM scoring and segments, lifecycle precedence and tiers on plain arrays."""

from __future__ import annotations

import itertools

import numpy as np

from matviet_desktop.core.scoring import clv, lifecycle, rfm
from matviet_desktop.core.scoring.settings import ScoringSettings


def test_every_rfm_segment_is_reachable_and_the_fallback_exists() -> None:
    grid = np.array(list(itertools.product(range(1, 6), repeat=3)))
    named = set(rfm.segments(grid[:, 0], grid[:, 1], grid[:, 2]))
    assert named == {key for key, *_ in rfm.SEGMENT_RULES} | {"other"}


def test_quintiles_give_ties_one_score_and_use_the_whole_scale() -> None:
    values = np.array([1.0] * 60 + list(range(2, 42)), dtype=float)
    scores = rfm.quintile_scores(values)
    assert len(set(scores[:60])) == 1
    assert scores.min() >= 1 and scores.max() == 5
    assert rfm.quintile_scores(np.array([np.nan, 3.0]))[0] == 0


def test_frequency_thresholds() -> None:
    scores = rfm.frequency_scores(np.array([0, 1, 2, 3, 4, 5, 6, 40]), (2, 3, 4, 6))
    assert scores.tolist() == [0, 1, 2, 3, 4, 4, 5, 5]


def test_lifecycle_precedence_new_beats_reactivated_and_loyal_beats_at_risk() -> None:
    s = ScoringSettings()
    inp = lifecycle.LifecycleInput(
        order_count=np.array([0, 2, 6, 6, 2]),
        purchase_days=np.array([0, 2, 6, 6, 2]),
        days_since_first=np.array([np.nan, 20, 900, 900, 1000]),
        days_since_last=np.array([np.nan, 1, 10, 300, 10]),
        span_days=np.array([np.nan, 19, 890, 600, 990]),
        gap_before_last=np.array([np.nan, 19, 100, 120, 990]),
    )
    stages = lifecycle.stages(inp, s, chain_gap=365.0)
    # Customer 3 has 6 orders (own gap 120 days), last 300 days ago: 180 days overdue -> churned.
    assert stages.tolist() == ["prospect", "new", "loyal", "churned", "reactivated"]


def test_tiers_by_rank_survive_complete_ties() -> None:
    tiers = clv.tiers(np.full(100, 42.0), ScoringSettings())
    counts = {t: int((tiers == t).sum()) for t in clv.TIERS}
    assert counts == {"vip": 5, "high": 15, "medium": 50, "low": 30}
