"""score_all on hand-built orders in a real PostgreSQL: stages, tiers, RFM ties, history, atomicity."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.scoring.pipeline import ScoringCancelled, score_all
from tests.integration.scoring_data import (
    AS_OF,
    add_customer,
    add_engagement,
    add_order,
    add_stores,
    set_setting,
)


@pytest.fixture
def shop(engine: Engine) -> dict[str, uuid.UUID]:
    """One customer per lifecycle stage plus 32 look-alike one-time buyers (heavy RFM/CLV ties)."""
    with engine.begin() as conn:
        add_stores(conn)
        set_setting(conn, "chain_interval_days", "365")
        c = {
            name: add_customer(conn, name)
            for name in (
                "prospect",
                "new",
                "active",
                "at_risk",
                "churned",
                "loyal",
                "reactivated",
                "reactivated3",
                "online",
            )
        }
        add_order(conn, c["new"], 10)
        add_order(conn, c["active"], 200)
        add_order(conn, c["at_risk"], 410)  # 45 days past the 365-day expected gap
        add_order(conn, c["churned"], 500)  # 135 days past
        for days in (800, 640, 480, 320, 160, 20):
            add_order(conn, c["loyal"], days, 3_000_000)
        add_order(conn, c["reactivated"], 1000)
        add_order(conn, c["reactivated"], 20)
        for days in (1200, 1000, 30):
            add_order(conn, c["reactivated3"], days)
        # Website buyer, discounted, evenings on a weekend-free schedule; a cancelled order ignored.
        add_order(
            conn,
            c["online"],
            100,
            1_000_000,
            channel="website",
            discount=200_000,
            hour=19,
            category="sunglasses",
        )
        add_order(
            conn,
            c["online"],
            300,
            1_000_000,
            channel="website",
            hour=20,
            category="sunglasses",
            store_code="HN01",
        )
        add_order(conn, c["online"], 50, 9_000_000, status="cancelled")
        for i in range(32):
            twin = add_customer(conn, f"twin {i}")
            add_order(conn, twin, 150, 1_500_000)
        add_engagement(conn, c["new"], "eye_exam", 5)
        add_engagement(conn, c["new"], "store_visit", 5)
        add_engagement(conn, c["churned"], "opt_out", 30)
    return c


def _rows(engine: Engine) -> dict[str, dict]:
    with engine.connect() as conn:
        rows = (
            conn.execute(
                text(
                    "SELECT sc.*, c.* FROM customers c LEFT JOIN customer_scores sc ON sc.customer_id = c.id"
                )
            )
            .mappings()
            .all()
        )
    return {r["full_name"]: dict(r) for r in rows}


def test_every_lifecycle_stage_is_reachable(engine: Engine, shop) -> None:
    result = score_all(engine, AS_OF)
    rows = _rows(engine)
    expected = {
        "prospect": "prospect",
        "new": "new",
        "active": "active",
        "at_risk": "at_risk",
        "churned": "churned",
        "loyal": "loyal",
        "reactivated": "reactivated",
        "reactivated3": "reactivated",
    }
    assert {name: rows[name]["lifecycle_stage"] for name in expected} == expected
    assert result.customers_scored == 9 + 32
    assert result.counts["lifecycle_stage"]["prospect"] == 1


def test_prospects_get_no_scores_and_buyers_get_all(engine: Engine, shop) -> None:
    score_all(engine, AS_OF)
    rows = _rows(engine)
    prospect = rows["prospect"]
    assert prospect["clv_tier"] is None and prospect["clv_predicted"] is None and prospect["rfm_r"] is None
    assert prospect["order_count"] == 0 and prospect["scored_at"] is not None
    for name, row in rows.items():
        if name == "prospect":
            continue
        assert row["clv_predicted"] is not None and row["clv_predicted"] > 0, name
        assert 0 <= row["churn_risk"] <= 100, name
        assert 0 < row["p_alive"] <= 1, name
        assert row["rfm_segment"] is not None and 1 <= row["rfm_r"] <= 5, name


def test_tiers_split_by_rank_5_15_50_30_even_with_ties(engine: Engine, shop) -> None:
    score_all(engine, AS_OF)
    with engine.connect() as conn:
        tiers = dict(
            conn.execute(
                text("SELECT clv_tier, count(*) FROM customer_scores WHERE clv_tier IS NOT NULL GROUP BY 1")
            ).all()
        )
        # Higher tiers never hold a lower CLV than lower tiers.
        bounds = dict(
            conn.execute(text("SELECT clv_tier, min(clv_predicted) FROM customer_scores GROUP BY 1")).all()
        )
        tops = dict(
            conn.execute(text("SELECT clv_tier, max(clv_predicted) FROM customer_scores GROUP BY 1")).all()
        )
    assert tiers == {"vip": 2, "high": 6, "medium": 20, "low": 12}  # 40 buyers
    assert (
        bounds["vip"] >= tops["high"] and bounds["high"] >= tops["medium"] and bounds["medium"] >= tops["low"]
    )


def test_rfm_ties_share_scores_and_frequency_uses_fixed_thresholds(engine: Engine, shop) -> None:
    score_all(engine, AS_OF)
    rows = _rows(engine)
    twins = [r for n, r in rows.items() if n.startswith("twin")]
    assert {(r["rfm_r"], r["rfm_f"], r["rfm_m"], r["rfm_segment"]) for r in twins} == {
        (twins[0]["rfm_r"], 1, twins[0]["rfm_m"], twins[0]["rfm_segment"])
    }
    assert rows["loyal"]["rfm_f"] == 5 and rows["reactivated3"]["rfm_f"] == 3 and rows["online"]["rfm_f"] == 2
    assert rows["new"]["rfm_r"] == 5 and rows["loyal"]["rfm_m"] == 5
    assert rows["churned"]["rfm_recency_days"] == 500


def test_behaviour_and_engagement(engine: Engine, shop) -> None:
    score_all(engine, AS_OF)
    rows = _rows(engine)
    online = rows["online"]
    assert online["preferred_channel"] == "online" and rows["new"]["preferred_channel"] == "in_store"
    assert online["preferred_category"] == "sunglasses" and rows["new"]["preferred_category"] == "glasses"
    assert online["order_count"] == 2 and online["total_spent"] == 2_000_000  # cancelled order ignored
    assert float(online["price_sensitivity"]) == pytest.approx(0.5)
    # discount_share is core.customers.stats' order aggregate: the share of orders with a discount.
    assert float(online["discount_share"]) == pytest.approx(0.5)
    assert online["purchase_timing"] in ("weekday_evening", "weekend_evening")
    # Recent eye exam + visit + purchase beat an old purchase; an opt-out pulls the score down.
    assert (
        rows["new"]["engagement_score"]
        > rows["active"]["engagement_score"]
        > rows["churned"]["engagement_score"]
    )
    assert rows["prospect"]["engagement_score"] == 0


def test_lifecycle_history_records_changes_with_dates(engine: Engine, shop) -> None:
    first = score_all(engine, AS_OF)
    with engine.begin() as conn:
        add_order(conn, shop["churned"], 0, as_of=AS_OF + dt.timedelta(days=1))
    later = AS_OF + dt.timedelta(days=1)
    second = score_all(engine, later)
    with engine.connect() as conn:
        history = conn.execute(
            text(
                "SELECT stage, previous_stage, valid_from, valid_to, scoring_run_id FROM customer_lifecycle_history "
                "WHERE customer_id = :c ORDER BY valid_from"
            ),
            {"c": shop["churned"]},
        ).all()
        on_first_day = conn.execute(
            text(
                "SELECT stage FROM customer_lifecycle_history WHERE customer_id = :c "
                "AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)"
            ),
            {"c": shop["churned"], "d": AS_OF + dt.timedelta(hours=1)},
        ).scalar_one()
        unchanged = conn.execute(
            text("SELECT count(*) FROM customer_lifecycle_history WHERE customer_id = :c"),
            {"c": shop["active"]},
        ).scalar_one()
    assert [(h.stage, h.previous_stage) for h in history] == [("churned", None), ("reactivated", "churned")]
    assert history[0].valid_to == later and history[1].valid_from == later and history[1].valid_to is None
    assert (history[0].scoring_run_id, history[1].scoring_run_id) == (first.run_id, second.run_id)
    assert on_first_day == "churned" and unchanged == 1


def test_run_is_recorded_with_parameters_counts_and_timings(engine: Engine, shop) -> None:
    steps: list[str] = []
    result = score_all(engine, AS_OF, progress=lambda label, fraction: steps.append(label))
    with engine.connect() as conn:
        run = (
            conn.execute(text("SELECT * FROM scoring_runs WHERE id = :i"), {"i": result.run_id})
            .mappings()
            .one()
        )
    assert run["status"] == "succeeded" and run["customers_scored"] == 41
    assert set(run["params"]["bgnbd"]) >= {"r", "alpha", "a", "b", "log_likelihood"}
    assert run["counts"]["clv_tier"]["vip"] == 2
    assert run["timings"]["total"] > 0 and len(steps) >= 4


def test_a_cancelled_run_changes_nothing(engine: Engine, shop) -> None:
    calls = iter(range(100))

    def cancel_at_update() -> bool:
        return next(calls) >= 3  # aggregate, model and copy pass; stop before history

    with pytest.raises(ScoringCancelled):
        score_all(engine, AS_OF, cancel=cancel_at_update)
    with engine.connect() as conn:
        scored = conn.execute(text("SELECT count(*) FROM customer_scores")).scalar_one()
        history = conn.execute(text("SELECT count(*) FROM customer_lifecycle_history")).scalar_one()
        status = conn.execute(text("SELECT status FROM scoring_runs")).scalar_one()
    assert (scored, history, status) == (0, 0, "cancelled")


def test_an_empty_database_scores_without_error(engine: Engine) -> None:
    result = score_all(engine, AS_OF)
    assert result.customers_scored == 0


@pytest.mark.parametrize("parts", [2, 3])
def test_parallel_aggregate_equals_the_single_query(engine: Engine, shop, parts: int) -> None:
    """Id-range partitions on their own connections (one shared snapshot) give the same rows."""
    import psycopg

    from matviet_desktop.core.scoring.aggregate import read_customer_aggregate
    from matviet_desktop.core.scoring.settings import ScoringSettings

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as conn, conn.transaction():
        single = read_customer_aggregate(conn, AS_OF, ScoringSettings())
        split = read_customer_aggregate(conn, AS_OF, ScoringSettings(), lambda: psycopg.connect(url), parts)
        customers = conn.execute("SELECT count(*) FROM customers").fetchone()[0]  # type: ignore[index]
    assert len(single) == customers > 30 and single["n_orders"].sum() > 0
    single = single.sort_values("customer_id").reset_index(drop=True)
    split = split.sort_values("customer_id").reset_index(drop=True)
    assert split.equals(single)


def test_rescoring_rewrites_scores_but_leaves_unchanged_customers_untouched(engine: Engine, shop) -> None:
    score_all(engine, AS_OF)
    with engine.connect() as conn:
        versions = dict(conn.execute(text("SELECT id, xmin::text FROM customers")).all())
        first_run = conn.execute(text("SELECT count(*), min(scored_at) FROM customer_scores")).one()
    later = AS_OF + dt.timedelta(days=1)
    score_all(engine, later)
    with engine.connect() as conn:
        assert dict(conn.execute(text("SELECT id, xmin::text FROM customers")).all()) == versions
        second_run = conn.execute(text("SELECT count(*), min(scored_at) FROM customer_scores")).one()
        # The swapped-in table keeps the model's names, so the ORM and migrations still agree.
        names = set(
            conn.execute(
                text("SELECT indexname FROM pg_indexes WHERE tablename = 'customer_scores'")
            ).scalars()
        )
    assert second_run == (first_run[0], later) and first_run[0] == len(versions)
    assert names == {
        "pk_customer_scores",
        "ix_customer_scores_lifecycle_stage",
        "ix_customer_scores_clv_tier",
        "ix_customer_scores_rfm_segment",
    }


def test_a_second_concurrent_run_is_refused_and_recorded(engine: Engine, shop) -> None:
    from matviet_desktop.core.scoring.writeback import SCORING_LOCK_KEY

    with engine.connect() as other:
        other.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SCORING_LOCK_KEY})  # a run in progress
        with pytest.raises(RuntimeError, match="đang chạy"):
            score_all(engine, AS_OF)
        other.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCORING_LOCK_KEY})
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT status FROM scoring_runs ORDER BY id DESC LIMIT 1")).scalar_one()
            == "failed"
        )
        assert conn.execute(text("SELECT count(*) FROM customer_scores")).scalar_one() == 0


def test_a_run_left_running_by_a_killed_process_is_marked_failed_by_the_next(engine: Engine, shop) -> None:
    with engine.begin() as conn:
        stale = conn.execute(
            text("INSERT INTO scoring_runs (as_of, status) VALUES (now(), 'running') RETURNING id")
        ).scalar_one()
    result = score_all(engine, AS_OF)
    with engine.connect() as conn:
        statuses = dict(conn.execute(text("SELECT id, status FROM scoring_runs")).all())
    assert statuses == {stale: "failed", result.run_id: "succeeded"}


def test_a_backdated_run_leaves_the_order_aggregates_of_today(engine: Engine, shop) -> None:
    score_all(engine, AS_OF)
    with engine.connect() as conn:
        today = dict(
            conn.execute(
                text("SELECT id, (order_count, total_spent, last_purchase_at)::text FROM customers")
            ).all()
        )
    backdated = score_all(engine, AS_OF - dt.timedelta(days=200))
    with engine.connect() as conn:
        after = dict(
            conn.execute(
                text("SELECT id, (order_count, total_spent, last_purchase_at)::text FROM customers")
            ).all()
        )
        stage = conn.execute(
            text("SELECT count(*) FROM customer_scores WHERE scored_at = :t"), {"t": backdated.as_of}
        )
        assert stage.scalar_one() == len(today)  # the scores themselves are as of the backdated day
    assert after == today and backdated.params["order_aggregates_written"] == 0
