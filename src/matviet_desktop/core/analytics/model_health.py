"""Model health: how far marketing can trust the scores, from the scoring engine's time-split
backtest (`core.scoring.evaluate.backtest`).

Core returns metric codes, values and a level (good / fair / poor) against documented
thresholds; the UI turns them into plain Vietnamese sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pandas as pd
from sqlalchemy import Engine, text

# metric code → (good when ≥, fair when ≥); bias is judged on its absolute value, lower is better.
THRESHOLDS: dict[str, tuple[float, float]] = {
    "churn_auc": (0.75, 0.65),
    "purchases_spearman": (0.40, 0.25),
    "top_decile_lift": (3.0, 2.0),
    "clv_spearman": (0.35, 0.20),
    "clv_top_decile_lift": (3.0, 2.0),
    "lifecycle_balanced_accuracy": (0.70, 0.60),
    "engagement_auc": (0.70, 0.60),
}
BIAS_LIMITS = (0.10, 0.25)


class ModelHealthUnavailable(RuntimeError):
    """The scoring engine (and its backtest) is not installed in this build."""


@dataclass(frozen=True)
class Assessment:
    metric: str
    value: float
    level: str  # 'good', 'fair', 'poor'


@dataclass(frozen=True)
class ModelHealth:
    cut: dt.datetime
    holdout_end: dt.datetime
    holdout_days: int
    customers: int
    assessments: list[Assessment]
    calibration: pd.DataFrame  # x (repeat purchases before the cut, 7 = 7+), customers, actual, predicted
    lifecycle: pd.DataFrame  # stage, customers, holdout_purchase_rate
    purchases: dict[str, float]
    demo_truth: dict[str, float] | None
    computed_at: dt.datetime | None = None


def _level(metric: str, value: float) -> str:
    if metric == "purchases_bias":
        good, fair = BIAS_LIMITS
        return "good" if abs(value) <= good else "fair" if abs(value) <= fair else "poor"
    good, fair = THRESHOLDS[metric]
    return "good" if value >= good else "fair" if value >= fair else "poor"


def assess(report: Any) -> list[Assessment]:
    """Grade each backtest metric that is present (a BacktestReport or anything shaped like it)."""
    purchases = getattr(report, "purchases", {}) or {}
    value = getattr(report, "value", {}) or {}
    lifecycle = getattr(report, "lifecycle", {}) or {}
    engagement = getattr(report, "engagement", {}) or {}
    found = {
        "churn_auc": getattr(report, "churn_auc", None),
        "purchases_bias": purchases.get("bias"),
        "purchases_spearman": purchases.get("spearman"),
        "top_decile_lift": purchases.get("top_decile_lift"),
        "clv_spearman": value.get("spearman_clv_vs_holdout_spend"),
        "clv_top_decile_lift": value.get("top_decile_lift_clv"),
        "lifecycle_balanced_accuracy": lifecycle.get("balanced_accuracy"),
        "engagement_auc": engagement.get("auc_any_holdout_purchase"),
    }
    return [
        Assessment(metric, float(v), _level(metric, float(v)))
        for metric, v in found.items()
        if v is not None and v == v  # skip NaN
    ]


def from_report(report: Any) -> ModelHealth:
    lifecycle = getattr(report, "lifecycle", {}) or {}
    rates = lifecycle.get("holdout_purchase_rate_by_stage", {})
    counts = lifecycle.get("customers_by_stage", {})
    stages = pd.DataFrame(
        [{"stage": s, "customers": counts.get(s, 0), "holdout_purchase_rate": r} for s, r in rates.items()],
        columns=["stage", "customers", "holdout_purchase_rate"],
    )
    calibration = pd.DataFrame(
        list(getattr(report, "calibration_by_frequency", []) or []),
        columns=["x", "customers", "actual", "predicted"],
    )
    return ModelHealth(
        cut=report.cut,
        holdout_end=report.holdout_end,
        holdout_days=int(report.holdout_days),
        customers=int(report.customers),
        assessments=assess(report),
        calibration=calibration,
        lifecycle=stages,
        purchases=dict(getattr(report, "purchases", {}) or {}),
        demo_truth=getattr(report, "demo_truth", None),
        computed_at=dt.datetime.fromisoformat(report.computed_at)
        if getattr(report, "computed_at", None)
        else None,
    )


SETTING_KEY = "analytics.model_health.last_backtest"


def _finite(value: Any) -> Any:
    """NaN/∞ (an undefined metric, e.g. an AUC with one class) become None: JSON has no NaN."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _report_dict(report: Any) -> dict[str, Any]:
    data = report.as_dict() if hasattr(report, "as_dict") else dict(vars(report))
    as_text = json.dumps(
        _finite(data), default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v)
    )
    return dict(json.loads(as_text))


def run_backtest(engine: Engine, holdout_days: int = 365) -> ModelHealth:
    """Run the backtest (calibrate before the newest order − holdout_days, compare with what
    happened) and keep the result in `app_settings`, so the dashboard opens instantly next time."""
    try:
        from matviet_desktop.core.scoring.evaluate import backtest
    except ImportError as exc:  # the scoring engine is not part of this build
        raise ModelHealthUnavailable(str(exc)) from exc
    report = backtest(engine, holdout_days)
    data = _report_dict(report)
    data["computed_at"] = dt.datetime.now(dt.UTC).isoformat()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO app_settings (key, value, description, updated_at) "
                "VALUES (:k, CAST(:v AS jsonb), :d, now()) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()"
            ),
            {
                "k": SETTING_KEY,
                "v": json.dumps(data),
                "d": "Last scoring backtest shown on the model health page",
            },
        )
    return from_dict(data)


def from_dict(data: dict[str, Any]) -> ModelHealth:
    fields = dict(data)
    for key in ("cut", "holdout_end"):
        fields[key] = dt.datetime.fromisoformat(str(fields[key]))
    return from_report(SimpleNamespace(**fields))


def load_saved(engine: Engine) -> ModelHealth | None:
    """The last backtest result, or None when none was run on this database."""
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM app_settings WHERE key = :k"), {"k": SETTING_KEY}
        ).scalar()
    return from_dict(value) if value else None
