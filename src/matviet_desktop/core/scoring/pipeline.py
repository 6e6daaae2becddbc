"""`score_all`: score every customer as of a moment and write the results back in one transaction.

Steps: the per-customer facts refreshed for the customers whose data changed (core.scoring.facts;
a backdated run aggregates the orders instead) -> one read per customer (COPY out) -> fit BG/NBD and Gamma-Gamma and predict in numpy -> COPY
into the next `customer_scores` table -> order aggregates updated where they changed -> lifecycle
history appended -> the next table indexed and swapped in -> the run recorded in `scoring_runs`.
Readers never see a half-scored database (MVCC and a swap at commit), so the app can stay open
while it runs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import psycopg
from sqlalchemy import Engine

from matviet_desktop.core.scoring import (
    behaviour,
    clv,
    engagement,
    facts,
    facts_read,
    lifecycle,
    rfm,
    writeback,
)
from matviet_desktop.core.scoring.aggregate import default_partitions, read_customer_aggregate
from matviet_desktop.core.scoring.btyd import bgnbd, gamma_gamma
from matviet_desktop.core.scoring.btyd._fit import FitError
from matviet_desktop.core.scoring.settings import ScoringSettings, settings_from_rows

log = logging.getLogger(__name__)
ProgressCallback = Callable[[str, float], None]  # (step label in Vietnamese, fraction 0..1)
CancelCheck = Callable[[], bool]  # True to stop; checked between steps


class ScoringCancelled(RuntimeError):
    pass


@dataclass
class ScoringRunResult:
    run_id: int
    as_of: dt.datetime
    customers_scored: int
    params: dict[str, Any]
    counts: dict[str, dict[str, int]]
    timings: dict[str, float] = field(default_factory=dict)


def _as_float(column: pd.Series) -> np.ndarray:
    return pd.to_numeric(column).to_numpy(dtype=np.float64)


def compute_scores(
    frame: pd.DataFrame, settings: ScoringSettings, previous: dict[str, Any] | None = None
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Pure numpy/pandas: aggregate rows in, staging rows and fitted parameters out. `previous`
    is the last run's params: its fitted models start the optimisers (same optimum, fewer steps)."""
    n_orders = frame["n_orders"].to_numpy(np.int64)
    n_days = frame["n_days"].to_numpy(np.int64)
    buyers = n_orders > 0
    total = np.nan_to_num(_as_float(frame["total_spent"]), nan=0.0)  # text (exact) or float8
    first_amount = frame["first_day_amount"].fillna(0.0).to_numpy(np.float64)
    since_first = frame["days_since_first"].to_numpy(np.float64)
    since_last = frame["days_since_last"].to_numpy(np.float64)
    span = frame["span_days"].to_numpy(np.float64)

    # Lifecycle.
    life_in = lifecycle.LifecycleInput(
        order_count=n_orders,
        purchase_days=n_days,
        days_since_first=since_first,
        days_since_last=since_last,
        span_days=span,
        gap_before_last=frame["gap_before_last"].to_numpy(np.float64),
    )
    chain_gap = lifecycle.chain_interval_days(life_in, settings)
    stage = lifecycle.stages(life_in, settings, chain_gap)
    interval = lifecycle.expected_interval_days(life_in, settings, chain_gap)

    # RFM (only buyers are ranked; prospects get no scores).
    r = rfm.quintile_scores(np.where(buyers, since_last, np.nan), higher_is_better=False)
    f = rfm.frequency_scores(n_orders, settings.rfm_frequency_thresholds)
    m = rfm.quintile_scores(np.where(buyers, total, np.nan))
    segment = rfm.segments(r, f, m)

    # BTYD on buyers, days as the unit.
    x = np.maximum(n_days - 1, 0)[buyers].astype(np.float64)
    tx = span[buyers]
    T = since_first[buyers]
    with np.errstate(divide="ignore", invalid="ignore"):
        avg_repeat = np.where(x > 0, (total[buyers] - first_amount[buyers]) / np.maximum(x, 1), 0.0)
    params: dict[str, Any] = {"chain_interval_days": chain_gap, "settings": settings.as_dict()}
    n_buyers = int(buyers.sum())
    clv_pred = np.full(len(frame), np.nan)
    p_alive = np.full(len(frame), np.nan)
    exp_1y = np.full(len(frame), np.nan)
    churn = np.full(len(frame), np.nan)
    next_days = np.full(len(frame), np.nan)
    model: bgnbd.BgNbdParams | None = None
    if n_buyers >= 2 and (x > 0).any():
        try:
            model = bgnbd.fit_bgnbd(x, tx, T, _fitted(previous, "bgnbd", ("r", "alpha", "a", "b")))
        except FitError as exc:
            # Every other score still stands; the probabilistic columns stay empty this run and
            # the run records why (the model-health dashboard shows it).
            params["bgnbd"] = {"error": str(exc)}
    if model is not None:
        params["bgnbd"] = model.as_dict()
        try:
            spend: gamma_gamma.GammaGammaParams | None = gamma_gamma.fit_gamma_gamma(
                x, avg_repeat, _fitted(previous, "gamma_gamma", ("p", "q", "v"))
            )
            params["gamma_gamma"] = spend.as_dict() if spend else None
        except FitError as exc:
            spend = None
            params["gamma_gamma"] = {"error": str(exc)}
        own_avg = np.where(x > 0, avg_repeat, total[buyers] / np.maximum(n_orders[buyers], 1))
        pred = clv.predict(model, spend, x, tx, T, avg_repeat if spend else own_avg, settings)
        clv_pred[buyers] = pred.clv
        p_alive[buyers] = pred.p_alive
        exp_1y[buyers] = pred.expected_purchases_1y
        churn[buyers] = pred.churn_risk
        next_days[buyers] = pred.days_to_next_purchase
    elif "bgnbd" not in params:
        params["bgnbd"] = None  # too little history to fit: probabilistic columns stay empty

    tier = np.full(len(frame), None, dtype=object)
    ranked = buyers & ~np.isnan(clv_pred)
    tier[ranked] = clv.tiers(clv_pred[ranked], settings)

    aov = np.where(buyers, total / np.maximum(n_orders, 1), np.nan)
    first_store = frame["first_store_id"].to_numpy(np.float64)
    first_channel = np.where(frame["first_in_store"].to_numpy(object) == "t", "in_store", "online")
    acq = _acquisition_costs(first_store, first_channel, settings)
    formula = np.where(buyers, clv.formula_clv(aov, interval, acq, settings), np.nan)

    buckets = frame[["t0", "t1", "t2", "t3", "t4", "t5"]].to_numpy(np.int64)
    out = pd.DataFrame(
        {
            "customer_id": frame["customer_id"],
            "lifecycle_stage": stage,
            "clv_predicted": np.round(clv_pred, 0),
            "clv_tier": tier,
            "engagement_score": engagement.scores(
                frame["decayed_purchases"].to_numpy(np.float64),
                frame["decayed_other"].to_numpy(np.float64),
                settings,
            ),
            "churn_risk": np.round(churn * 100.0, 2),
            "days_to_next_purchase": np.ceil(next_days),
            "preferred_channel": behaviour.preferred_channel(
                frame["n_in_store"].to_numpy(np.int64), frame["n_online"].to_numpy(np.int64)
            ),
            "preferred_category": frame["preferred_category"],
            "rfm_recency_days": since_last,
            "rfm_r": np.where(buyers, r, np.nan),
            "rfm_f": np.where(buyers, f, np.nan),
            "rfm_m": np.where(buyers, m, np.nan),
            "rfm_segment": segment,
            "clv_formula": np.round(formula, 0),
            "p_alive": np.round(p_alive, 4),
            "expected_purchases_1y": np.round(exp_1y, 4),
            "price_sensitivity": np.round(
                behaviour.price_sensitivity(
                    frame["discounted_spend"].fillna(0.0).to_numpy(np.float64), total
                ),
                4,
            ),
            "preferred_store_id": frame["preferred_store_id"],
            "purchase_timing": behaviour.purchase_timing(buckets),
        }
    )
    return out, params


def _fitted(previous: dict[str, Any] | None, model: str, names: tuple[str, ...]) -> list[float] | None:
    fitted = (previous or {}).get(model)
    if not isinstance(fitted, dict) or any(not isinstance(fitted.get(n), int | float) for n in names):
        return None
    return [float(fitted[n]) for n in names]


def _acquisition_costs(
    first_store: np.ndarray, first_channel: np.ndarray, settings: ScoringSettings
) -> np.ndarray:
    costs = settings.acquisition_cost
    by_channel = costs.get("by_channel", {})
    default = float(costs.get("default", 0))
    result = np.array([float(by_channel.get(ch, default)) for ch in ("in_store", "online")])[
        (first_channel == "online").astype(np.int64)
    ]
    for store_key, value in costs.get("by_store", {}).items():  # a handful of stores at most
        result[first_store == float(store_key)] = float(value)
    return result


def _distribution(values: pd.Series) -> dict[str, int]:
    counts = values.fillna("(none)").value_counts()
    return {str(k): int(v) for k, v in counts.items()}


def score_all(
    engine: Engine,
    as_of: dt.datetime | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ScoringRunResult:
    """Score every customer as of `as_of` (default: now) and record the run."""
    as_of = as_of or dt.datetime.now(dt.UTC)
    if as_of.tzinfo is None:
        raise ValueError("as_of phải có múi giờ (timestamptz), ví dụ 2026-11-26T00:00:00+07:00.")
    report = progress or (lambda _label, _fraction: None)
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def step(name: str) -> None:
        if cancel is not None and cancel():
            raise ScoringCancelled("Đã huỷ chấm điểm theo yêu cầu.")
        timings[name] = round(time.perf_counter() - started - sum(timings.values()), 3)

    raw = engine.raw_connection()
    conn: psycopg.Connection = raw.driver_connection  # type: ignore[assignment]
    try:
        with conn.transaction():
            run_id = conn.execute(
                "INSERT INTO scoring_runs (as_of, status) VALUES (%s, 'running') RETURNING id", (as_of,)
            ).fetchone()[0]  # type: ignore[index]
        try:
            with conn.transaction():
                writeback.take_scoring_lock(conn, session=True)
            try:
                result = _score_in_one_transaction(
                    conn, _connector(engine), run_id, as_of, report, step, timings, started
                )
            finally:
                with conn.transaction():
                    writeback.release_scoring_lock(conn)
        except BaseException as exc:
            status = "cancelled" if isinstance(exc, ScoringCancelled) else "failed"
            with conn.transaction():
                conn.execute(
                    "UPDATE scoring_runs SET status = %s, finished_at = now(), error = %s WHERE id = %s",
                    (status, str(exc)[:2000], run_id),
                )
            raise
        return result
    finally:
        raw.close()


def _connector(engine: Engine) -> Callable[[], psycopg.Connection]:
    """Extra connections for the parallel aggregate, with the engine's credentials."""
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    return lambda: psycopg.connect(url)


def _score_in_one_transaction(
    conn: psycopg.Connection,
    connect: Callable[[], psycopg.Connection],
    run_id: int,
    as_of: dt.datetime,
    report: ProgressCallback,
    step: Callable[[str], None],
    timings: dict[str, float],
    started: float,
) -> ScoringRunResult:
    with conn.transaction():
        settings = load_settings_psycopg(conn)
        use_facts = facts.usable_at(conn, as_of, settings)
    # Orders or weighted engagements dated after the as-of: a backtest or a re-run of a past day,
    # or (with as-of = now) future-dated data, which keeps every run on the slow path: say so.
    facts_info: dict[str, Any] = {"facts": "not_used", "facts_reason": "data_after_as_of"}
    if not use_facts:
        log.info("scoring as of %s aggregates the orders: some data is dated after it", as_of.isoformat())
    if use_facts:
        report("Cập nhật dữ liệu tổng hợp của khách có thay đổi", 0.02)
        facts_info = facts.refresh(conn, settings, as_of, connect, default_partitions())
    step("facts")
    with conn.transaction():
        writeback.take_scoring_lock(conn)
        # Holding the lock, any other run still marked running was killed mid-way (e.g. the app's
        # child process terminated on cancel): its transaction rolled back, so say so.
        conn.execute(
            "UPDATE scoring_runs SET status = 'failed', finished_at = now(), "
            "error = 'Lần chấm điểm bị dừng giữa chừng; không có thay đổi nào được ghi.' "
            "WHERE status = 'running' AND id <> %s",
            (run_id,),
        )
        report("Tổng hợp đơn hàng theo khách", 0.05)
        if use_facts:
            frame = facts_read.read_frame(
                conn, settings, as_of, facts.ref_day(conn), connect, default_partitions()
            )
        else:
            frame = read_customer_aggregate(conn, as_of, settings, connect, default_partitions())
        step("aggregate")
        report("Ước lượng mô hình và dự báo", 0.35)
        scores, params = compute_scores(frame, settings, _last_params(conn))
        params.update(facts_info)
        step("model")
        report("Ghi kết quả", 0.6)
        updated = writeback.write_scores(conn, scores, as_of)
        step("copy")
        if _orders_after(conn, as_of):
            # A backdated run (a backtest, a re-run of a past day): the stored order aggregates
            # describe all orders to date and must not be turned back to this day's values.
            params["order_aggregates_written"] = 0
        elif use_facts:
            params["order_aggregates_written"] = facts_read.write_order_aggregates(conn)
        else:
            params["order_aggregates_written"] = writeback.update_order_aggregates(
                conn, order_aggregates(frame)
            )
        step("order_aggregates")
        report("Ghi lịch sử vòng đời", 0.8)
        writeback.append_lifecycle_history(conn, run_id, as_of)
        step("history")
        report("Lập chỉ mục và thay bảng điểm", 0.9)
        writeback.swap_in_scores(conn)
        step("swap")
        counts = {
            "lifecycle_stage": _distribution(scores["lifecycle_stage"]),
            "clv_tier": _distribution(scores["clv_tier"]),
            "rfm_segment": _distribution(scores["rfm_segment"]),
        }
        timings["total"] = round(time.perf_counter() - started, 3)
        conn.execute(
            "UPDATE scoring_runs SET status = 'succeeded', finished_at = now(), customers_scored = %s, "
            "params = %s, counts = %s, timings = %s WHERE id = %s",
            (updated, _json(params), _json(counts), _json(timings), run_id),
        )
    report("Hoàn tất", 1.0)
    return ScoringRunResult(run_id, as_of, int(updated), params, counts, timings)


def _last_params(conn: psycopg.Connection) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT params FROM scoring_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def _orders_after(conn: psycopg.Connection, as_of: dt.datetime) -> bool:
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM orders WHERE status = 'completed' AND order_date > %s)", (as_of,)
    ).fetchone()
    return bool(row and row[0])


def order_aggregates(frame: pd.DataFrame) -> pd.DataFrame:
    """The customers whose stored order aggregates changed, with the new values as exact text."""
    frame = frame[frame["order_aggregates_changed"] == "t"]
    return pd.DataFrame(
        {
            "customer_id": frame["customer_id"],
            "order_count": frame["n_orders"],
            "total_spent": frame["total_spent"].fillna("0"),
            "avg_order_value": frame["avg_order_value"],
            "first_purchase_at": frame["first_purchase_at"],
            "last_purchase_at": frame["last_purchase_at"],
            "discount_share": frame["order_discount_share"],
        }
    )


def load_settings_psycopg(conn: psycopg.Connection) -> ScoringSettings:
    rows = conn.execute("SELECT key, value FROM app_settings WHERE key LIKE 'scoring.%%'").fetchall()
    return settings_from_rows(rows)


def _json(value: Any) -> str:
    return json.dumps(_clean(value), allow_nan=False)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, float | np.floating):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value
