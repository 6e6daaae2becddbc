"""Time-split backtest of the scoring engine on the current database (research note §5.4).

Calibrate on everything up to the cut (as_of - holdout), predict the holdout window, compare with
what happened: the plan's success metrics 1 (segmentation accuracy: lifecycle), 3 (CLV
prediction) and 4 (engagement vs purchases). Nothing is written to the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import psycopg
from sqlalchemy import Engine

from matviet_desktop.core.scoring import metrics
from matviet_desktop.core.scoring.aggregate import read_customer_aggregate
from matviet_desktop.core.scoring.btyd import bgnbd
from matviet_desktop.core.scoring.pipeline import compute_scores, load_settings_psycopg
from matviet_desktop.core.scoring.settings import ScoringSettings

_HOLDOUT = """
SELECT customer_id::text AS customer_id,
       count(DISTINCT (order_date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS purchases,
       sum(total_amount)::float8 AS spend
FROM orders
WHERE status = 'completed' AND order_date > %(cut)s AND order_date <= %(end)s
GROUP BY customer_id
"""

_TRUTH = """
SELECT customer_id::text AS customer_id, purchase_rate_per_year, dropout_at
FROM demo_truth
"""


@dataclass
class BacktestReport:
    cut: dt.datetime
    holdout_end: dt.datetime
    holdout_days: int
    customers: int  # buyers at the cut (scored)
    purchases: dict[str, float]  # predicted vs actual holdout purchase days, model and naive
    value: dict[str, float]  # predicted vs actual holdout spend (VND)
    churn_auc: float  # churn_risk vs "no purchase in holdout"
    lifecycle: dict[str, Any]  # holdout purchase rate per stage, accuracy of "will not buy" stages
    engagement: dict[str, float]
    calibration_by_frequency: list[dict[str, float]]  # FHL-style table by calibration repeat count
    demo_truth: dict[str, float] | None = None
    model: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _latest_order(conn: psycopg.Connection) -> dt.datetime | None:
    row = conn.execute("SELECT max(order_date) FROM orders WHERE status = 'completed'").fetchone()
    return row[0] if row else None


def backtest(engine: Engine, holdout_days: int, as_of: dt.datetime | None = None) -> BacktestReport:
    if holdout_days < 1:
        raise ValueError("--holdout-days phải là số ngày dương, ví dụ 365.")
    raw = engine.raw_connection()
    conn: psycopg.Connection = raw.driver_connection  # type: ignore[assignment]
    try:
        with conn.transaction():
            end = as_of or _latest_order(conn)
            if end is None:
                raise ValueError("Cơ sở dữ liệu chưa có đơn hàng hoàn tất nào: không thể kiểm định.")
            cut = end - dt.timedelta(days=holdout_days)
            settings = dataclasses.replace(load_settings_psycopg(conn), churn_horizon_days=holdout_days)
            frame = read_customer_aggregate(conn, cut, settings)
            holdout = pd.DataFrame(
                conn.execute(_HOLDOUT, {"cut": cut, "end": end}).fetchall(),
                columns=["customer_id", "purchases", "spend"],
            )
            has_truth = conn.execute("SELECT EXISTS (SELECT 1 FROM demo_truth)").fetchone()[0]  # type: ignore[index]
            truth = (
                pd.DataFrame(conn.execute(_TRUTH).fetchall(), columns=["customer_id", "rate", "dropout_at"])
                if has_truth
                else None
            )
    finally:
        raw.close()
    return _report(frame, holdout, truth, settings, cut, end, holdout_days)


def _report(
    frame: pd.DataFrame,
    holdout: pd.DataFrame,
    truth: pd.DataFrame | None,
    settings: ScoringSettings,
    cut: dt.datetime,
    end: dt.datetime,
    holdout_days: int,
) -> BacktestReport:
    scores, params = compute_scores(frame, settings)
    buyers = frame["n_orders"].to_numpy() > 0
    if params.get("bgnbd") is None:
        raise ValueError("Quá ít lịch sử mua lặp lại trước mốc cắt để ước lượng mô hình.")
    if "error" in params["bgnbd"]:
        raise ValueError(f"Không ước lượng được mô hình trước mốc cắt: {params['bgnbd']['error']}")
    model = bgnbd.BgNbdParams(**params["bgnbd"])
    actual = frame[["customer_id"]].merge(holdout, on="customer_id", how="left").fillna(0)
    actual_n = actual["purchases"].to_numpy(np.float64)[buyers]
    actual_v = actual["spend"].to_numpy(np.float64)[buyers]
    x = np.maximum(frame["n_days"].to_numpy(np.float64) - 1, 0)[buyers]
    tx = frame["span_days"].to_numpy(np.float64)[buyers]
    T = frame["days_since_first"].to_numpy(np.float64)[buyers]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        predicted = bgnbd.expected_purchases(model, float(holdout_days), x, tx, T)
    naive = np.where(T > 0, x / np.maximum(T, 1.0), 0.0) * holdout_days
    churn = scores["churn_risk"].to_numpy(np.float64)[buyers]
    no_purchase = actual_n == 0
    clv_h = scores["clv_predicted"].to_numpy(np.float64)[buyers]
    # CLV (3-year, discounted) ranks customers by value; compared with holdout spend by rank.
    clv_value = np.where(predicted > 0, clv_h, 0.0)
    stage = scores["lifecycle_stage"].to_numpy(object)[buyers]
    engagement = scores["engagement_score"].to_numpy(np.float64)[buyers]

    lifecycle: dict[str, Any] = {"holdout_purchase_rate_by_stage": {}, "customers_by_stage": {}}
    for name in sorted(set(stage)):
        mask = stage == name
        lifecycle["holdout_purchase_rate_by_stage"][name] = round(float((actual_n[mask] > 0).mean()), 4)
        lifecycle["customers_by_stage"][name] = int(mask.sum())
    lapsed = np.isin(stage, ["churned", "at_risk"])
    lifecycle["accuracy"] = round(float((lapsed == no_purchase).mean()), 4)
    lifecycle["balanced_accuracy"] = round(
        float(
            (
                (lapsed & no_purchase).sum() / max(no_purchase.sum(), 1)
                + (~lapsed & ~no_purchase).sum() / max((~no_purchase).sum(), 1)
            )
            / 2
        ),
        4,
    )

    table = []
    for k in range(8):
        mask = x == k if k < 7 else x >= 7
        if mask.any():
            table.append(
                {
                    "x": k,
                    "customers": int(mask.sum()),
                    "actual": round(float(actual_n[mask].mean()), 4),
                    "predicted": round(float(predicted[mask].mean()), 4),
                }
            )

    truth_report = None
    if truth is not None and len(truth):
        joined = frame[["customer_id"]][buyers].merge(truth, on="customer_id", how="left")
        rate = joined["rate"].to_numpy(np.float64)
        dropout = pd.to_datetime(joined["dropout_at"], utc=True)
        alive_truth = (dropout.isna() | (dropout > pd.Timestamp(cut))).to_numpy()
        ok = ~np.isnan(rate)
        truth_report = {
            "customers": int(ok.sum()),
            "spearman_predicted_vs_true_rate": round(metrics.spearman(predicted[ok], rate[ok]), 4),
            "p_alive_auc_vs_true_alive": round(
                metrics.roc_auc(scores["p_alive"].to_numpy(np.float64)[buyers][ok], alive_truth[ok]), 4
            ),
            "churn_auc_vs_true_dropout": round(metrics.roc_auc(churn[ok], ~alive_truth[ok]), 4),
        }

    return BacktestReport(
        cut=cut,
        holdout_end=end,
        holdout_days=holdout_days,
        customers=int(buyers.sum()),
        purchases={
            "actual_total": float(actual_n.sum()),
            "predicted_total": round(float(predicted.sum()), 2),
            "naive_total": round(float(naive.sum()), 2),
            "bias": round(float(predicted.sum() / max(actual_n.sum(), 1) - 1), 4),
            "mae": round(metrics.mean_absolute_error(predicted, actual_n), 4),
            "mae_naive": round(metrics.mean_absolute_error(naive, actual_n), 4),
            "spearman": round(metrics.spearman(predicted, actual_n), 4),
            "top_decile_lift": round(metrics.top_decile_lift(predicted, actual_n), 3),
        },
        value={
            "actual_total": round(float(actual_v.sum()), 0),
            "spearman_clv_vs_holdout_spend": round(metrics.spearman(clv_value, actual_v), 4),
            "top_decile_lift_clv": round(metrics.top_decile_lift(clv_value, actual_v), 3),
        },
        churn_auc=round(metrics.roc_auc(churn, no_purchase), 4),
        lifecycle=lifecycle,
        engagement={
            "spearman_vs_holdout_purchases": round(metrics.spearman(engagement, actual_n), 4),
            "auc_any_holdout_purchase": round(metrics.roc_auc(engagement, ~no_purchase), 4),
        },
        calibration_by_frequency=table,
        demo_truth=truth_report,
        model={
            "bgnbd": params["bgnbd"],
            "gamma_gamma": params.get("gamma_gamma"),
            "chain_interval_days": params["chain_interval_days"],
        },
    )
