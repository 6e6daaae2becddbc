"""Grading of the scoring backtest (pure: no database)."""

from __future__ import annotations

import datetime as dt
import math
from types import SimpleNamespace

from matviet_desktop.core.analytics import model_health as mh


def report(**overrides: object) -> SimpleNamespace:
    base = dict(
        cut=dt.datetime(2025, 11, 26, tzinfo=dt.UTC),
        holdout_end=dt.datetime(2026, 11, 26, tzinfo=dt.UTC),
        holdout_days=365,
        customers=1000,
        churn_auc=0.78,
        purchases={"bias": -0.18, "spearman": 0.30, "top_decile_lift": 1.5},
        value={"spearman_clv_vs_holdout_spend": 0.36, "top_decile_lift_clv": 2.0},
        lifecycle={
            "balanced_accuracy": 0.61,
            "holdout_purchase_rate_by_stage": {"active": 0.4, "churned": 0.05},
            "customers_by_stage": {"active": 600, "churned": 400},
        },
        engagement={"auc_any_holdout_purchase": float("nan")},
        calibration_by_frequency=[{"x": 0, "customers": 700, "actual": 0.2, "predicted": 0.25}],
        demo_truth=None,
    )
    base.update(overrides)
    return SimpleNamespace(**base)


def test_levels_follow_the_thresholds_and_skip_undefined_metrics() -> None:
    graded = {a.metric: a.level for a in mh.assess(report())}
    assert graded == {
        "churn_auc": "good",  # ≥ 0.75
        "purchases_bias": "fair",  # |−0.18| ≤ 0.25
        "purchases_spearman": "fair",
        "top_decile_lift": "poor",
        "clv_spearman": "good",
        "clv_top_decile_lift": "fair",  # exactly the fair threshold
        "lifecycle_balanced_accuracy": "fair",
    }  # engagement AUC is NaN: not graded


def test_from_report_builds_tables_and_survives_a_json_round_trip() -> None:
    health = mh.from_report(report())
    assert health.lifecycle.set_index("stage")["customers"].to_dict() == {"active": 600, "churned": 400}
    assert health.calibration["predicted"].tolist() == [0.25]
    stored = mh._report_dict(report())
    assert stored["engagement"]["auc_any_holdout_purchase"] is None  # NaN is not valid JSON
    again = mh.from_dict(stored)
    assert again.cut == health.cut and [a.metric for a in again.assessments] == [
        a.metric for a in health.assessments
    ]
    assert not any(isinstance(a.value, float) and math.isnan(a.value) for a in again.assessments)
