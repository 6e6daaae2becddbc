"""The stored scoring facts (migration 0011) give exactly the aggregate of the orders, after
every kind of write the triggers must notice, and a run uses them only when it may."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import numpy as np
import pandas as pd
import psycopg
import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.customers.stats import refresh_order_stats
from matviet_desktop.core.scoring import facts, facts_read
from matviet_desktop.core.scoring.aggregate import read_customer_aggregate
from matviet_desktop.core.scoring.pipeline import load_settings_psycopg, score_all
from tests.integration.scoring_data import (
    AS_OF,
    add_customer,
    add_engagement,
    add_order,
    add_stores,
    set_setting,
)

FLOATS = ["first_day_amount", "discounted_spend", "decayed_purchases", "decayed_other"]
NUMBERS = [
    "n_orders",
    "n_days",
    "days_since_first",
    "days_since_last",
    "span_days",
    "gap_before_last",
    "total_spent",
    *FLOATS,
    "n_in_store",
    "n_online",
    "t0",
    "t1",
    "t2",
    "t3",
    "t4",
    "t5",
    "first_store_id",
    "preferred_store_id",
]


@pytest.fixture
def people(engine: Engine) -> dict[str, uuid.UUID]:
    with engine.begin() as conn:
        add_stores(conn)
        names = ("loyal", "twice", "once", "online", "mover", "watcher", "prospect")
        c = {name: add_customer(conn, name) for name in names}
        for days in (700, 400, 250, 90, 3):
            add_order(conn, c["loyal"], days, 3_000_000, discount=100_000 if days < 100 else 0)
        add_order(conn, c["loyal"], 3, 500_000, category="sunglasses", hour=18)  # same day: one purchase day
        add_order(conn, c["twice"], 300, store_code="HN01")
        add_order(conn, c["twice"], 30, category="contact_lenses")
        add_order(conn, c["once"], 45, 1_250_000)
        add_order(conn, c["online"], 120, 800_000, channel="website", hour=21)
        add_order(conn, c["online"], 60, 900_000, status="cancelled")
        add_order(conn, c["mover"], 200)
        add_engagement(conn, c["watcher"], "eye_exam", 10)
        add_engagement(conn, c["watcher"], "store_visit", 400)
        add_engagement(conn, c["loyal"], "campaign_clicked", 2)
    return c


@pytest.fixture
def conn(engine: Engine) -> Iterator[psycopg.Connection]:
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


def _from_orders(conn: psycopg.Connection, as_of: dt.datetime) -> pd.DataFrame:
    with conn.transaction():
        return read_customer_aggregate(conn, as_of, load_settings_psycopg(conn))


def _from_facts(conn: psycopg.Connection, as_of: dt.datetime) -> pd.DataFrame:
    with conn.transaction():
        return facts_read.read_frame(conn, load_settings_psycopg(conn), as_of, facts.ref_day(conn))


def _model_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns compute_scores reads, in one representation (the orders path keeps money as
    exact text, the facts path sends float8)."""
    frame = frame.sort_values("customer_id").reset_index(drop=True)
    out = pd.DataFrame({"customer_id": frame["customer_id"].astype(str)})
    for name in NUMBERS:
        out[name] = pd.to_numeric(frame[name]).astype(float)
    for name in ("first_in_store", "preferred_category"):
        out[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return out


def _assert_same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    left, right = _model_inputs(left), _model_inputs(right)
    exact = [c for c in left.columns if c not in FLOATS]
    pd.testing.assert_frame_equal(left[exact], right[exact], check_exact=True)
    np.testing.assert_allclose(
        left[FLOATS].to_numpy(float), right[FLOATS].to_numpy(float), rtol=1e-9, atol=1e-12, equal_nan=True
    )


def _refresh(conn: psycopg.Connection, as_of: dt.datetime = AS_OF) -> dict[str, int | str]:
    with conn.transaction():
        settings = load_settings_psycopg(conn)
    return facts.refresh(conn, settings, as_of)


def test_facts_equal_the_aggregate_after_every_kind_of_change(engine: Engine, people, conn) -> None:
    first = _refresh(conn)
    assert first["facts"] == "rebuilt" and first["facts_reason"] == "missing"
    expected = _from_orders(conn, AS_OF)
    assert expected["n_orders"].sum() == 11 and (expected["decayed_other"] > 0).sum() == 2
    _assert_same(_from_facts(conn, AS_OF), expected)

    with engine.begin() as db:
        add_order(db, people["once"], 2, 4_000_000, channel="website")  # insert
        db.execute(  # a completed order refunded
            text(
                "UPDATE orders SET status = 'refunded' WHERE customer_id = :c AND order_date = "
                "(SELECT max(order_date) FROM orders WHERE customer_id = :c)"
            ),
            {"c": people["twice"]},
        )
        db.execute(  # an order moved to another customer (a merge)
            text("UPDATE orders SET customer_id = :to WHERE customer_id = :c"),
            {"c": people["mover"], "to": people["prospect"]},
        )
        db.execute(  # a line's category corrected
            text("UPDATE order_items SET category = 'sunglasses' WHERE order_customer_id = :c"),
            {"c": people["online"]},
        )
        db.execute(  # a lost engagement
            text("DELETE FROM customer_engagements WHERE customer_id = :c AND engagement_type = 'eye_exam'"),
            {"c": people["watcher"]},
        )
        db.execute(
            text(
                "DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE customer_id = :c "
                "AND order_date < now() - interval '600 days')"
            ),
            {"c": people["loyal"]},
        )
        db.execute(
            text("DELETE FROM orders WHERE customer_id = :c AND order_date < now() - interval '600 days'"),
            {"c": people["loyal"]},
        )
    expected = _from_orders(conn, AS_OF)
    with pytest.raises(AssertionError):  # the stored facts are now stale
        _assert_same(_from_facts(conn, AS_OF), expected)
    second = _refresh(conn)
    touched = {"once", "twice", "mover", "prospect", "online", "watcher", "loyal"}
    assert second == {"facts": "refreshed", "facts_reason": "", "facts_refreshed": len(touched)}
    _assert_same(_from_facts(conn, AS_OF), expected)
    # The same facts serve a later day: only the as-of arithmetic changes.
    later = AS_OF + dt.timedelta(days=40, hours=5)
    _assert_same(_from_facts(conn, later), _from_orders(conn, later))
    assert _refresh(conn, later)["facts_refreshed"] == 0


def test_facts_are_rebuilt_when_the_engagement_settings_change(engine: Engine, people, conn) -> None:
    _refresh(conn)
    with engine.begin() as db:
        set_setting(db, "engagement_half_life_days", "30")
    again = _refresh(conn)
    assert (again["facts"], again["facts_reason"]) == ("rebuilt", "settings")
    _assert_same(_from_facts(conn, AS_OF), _from_orders(conn, AS_OF))


def test_a_backdated_run_aggregates_the_orders_and_a_current_one_uses_the_facts(
    engine: Engine, people, monkeypatch
) -> None:
    assert score_all(engine, AS_OF - dt.timedelta(days=100)).params["facts"] == "not_used"
    rebuilt = score_all(engine, AS_OF).params
    # The seeded orders never set the customers' order aggregates: the first run writes all five.
    assert (rebuilt["facts"], rebuilt["order_aggregates_written"]) == ("rebuilt", 5)
    with engine.begin() as db:
        add_engagement(db, people["prospect"], "store_visit", 1)
        add_order(db, people["once"], 1, 700_000)
    refreshed = score_all(engine, AS_OF).params
    assert (refreshed["facts_refreshed"], refreshed["order_aggregates_written"]) == (2, 1)
    with engine.begin() as db:
        assert refresh_order_stats(db) == 0  # written as their one definition has them
    with engine.connect() as db:
        via_facts = db.execute(text(SCORES)).all()
    monkeypatch.setattr(facts, "usable_at", lambda *_: False)
    assert score_all(engine, AS_OF).params["facts"] == "not_used"
    with engine.connect() as db:
        via_orders = db.execute(text(SCORES)).all()
    assert via_facts == via_orders and len(via_orders) == len(people)


# Scores that do not go through the BG/NBD fit: on five buyers its optimum is ill-conditioned
# and moves with the order of the rows, which the two paths do not share (test above: the
# model's inputs are the same).
SCORES = (
    "SELECT customer_id, lifecycle_stage, rfm_segment, rfm_recency_days, engagement_score, preferred_channel, "
    "preferred_category, preferred_store_id, price_sensitivity, purchase_timing "
    "FROM customer_scores ORDER BY customer_id"
)


def test_customers_who_arrive_or_leave_are_in_the_facts_or_out(engine: Engine, people, conn) -> None:
    _refresh(conn)
    with engine.begin() as db:
        newcomer = add_customer(db, "newcomer")
        db.execute(
            text("DELETE FROM customers WHERE id = :c"), {"c": people["watcher"]}
        )  # engagements cascade
    # Read before the refresh: the departed customer is left out, the newcomer not yet known.
    stale = set(_from_facts(conn, AS_OF)["customer_id"])
    assert str(people["watcher"]) not in stale and str(newcomer) not in stale
    assert _refresh(conn)["facts_refreshed"] == 2
    with conn.transaction():
        stored = {str(r[0]) for r in conn.execute("SELECT customer_id FROM customer_order_facts")}
    assert str(newcomer) in stored and str(people["watcher"]) not in stored
    _assert_same(_from_facts(conn, AS_OF), _from_orders(conn, AS_OF))


def test_changes_are_marked_only_once_the_facts_exist(engine: Engine, people, conn) -> None:
    def marked() -> int:
        with conn.transaction():
            return conn.execute("SELECT count(*) FROM scoring_dirty_customers").fetchone()[0]  # type: ignore[index]

    with engine.begin() as db:
        add_order(db, people["once"], 3)  # no facts yet (a bulk load): nothing to keep up to date
    assert marked() == 0
    _refresh(conn)
    with engine.begin() as db:
        add_order(db, people["once"], 2)
    assert marked() == 2  # the order and its line
    with engine.begin() as db:
        add_engagement(db, people["once"], "campaign_sent", 1)  # weighs nothing in the score
    assert marked() == 2
    with engine.begin() as db:
        add_engagement(db, people["once"], "eye_exam", 1)
    assert marked() == 3
    with conn.transaction():  # an interrupted rebuild still marks, and is redone
        conn.execute("UPDATE scoring_facts_state SET fingerprint = 'building'")
    with engine.begin() as db:
        add_order(db, people["twice"], 2)
    assert marked() == 5
    again = _refresh(conn)
    assert (again["facts"], again["facts_reason"]) == ("rebuilt", "interrupted")
    _assert_same(_from_facts(conn, AS_OF), _from_orders(conn, AS_OF))


def test_a_model_that_does_not_converge_leaves_the_other_scores_standing(
    engine: Engine, people, monkeypatch
) -> None:
    from matviet_desktop.core.scoring.btyd import bgnbd
    from matviet_desktop.core.scoring.btyd._fit import FitError

    def no_convergence(*_args, **_kwargs):
        raise FitError("Mô hình BG/NBD không hội tụ: ABNORMAL")

    monkeypatch.setattr(bgnbd, "fit_bgnbd", no_convergence)
    result = score_all(engine, AS_OF)
    assert result.params["bgnbd"] == {"error": "Mô hình BG/NBD không hội tụ: ABNORMAL"}
    with engine.connect() as db:
        stages, predicted = db.execute(
            text("SELECT count(lifecycle_stage), count(clv_predicted) FROM customer_scores")
        ).one()
    assert (stages, predicted) == (len(people), 0)
