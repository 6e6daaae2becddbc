"""Demo seeding against real PostgreSQL: deterministic, plausible, consistent with the schema."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.customers.stats import refresh_order_stats
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.demo.seed import DemoDataExists, seed_demo
from matviet_desktop.core.demo.vn_phones import MOBILE_PREFIXES

AS_OF = dt.date(2026, 11, 26)
CUSTOMERS = 3000

CHECKSUMS = {
    "customers": "SELECT md5(string_agg(concat_ws('|', id, external_id, full_name, phone, email, gender, birthday,"
    " province, home_store_id, created_at, sms_consent, zalo_consent_at, search_text, order_count, total_spent),"
    " ',' ORDER BY external_id)) FROM customers",
    "orders": "SELECT md5(string_agg(concat_ws('|', id, customer_id, store_id, order_date, total_amount,"
    " discount_amount, status, channel, promo_code), ',' ORDER BY external_id)) FROM orders",
    "order_items": "SELECT md5(string_agg(concat_ws('|', order_id, product_id, quantity, unit_price, discount),"
    " ',' ORDER BY id)) FROM order_items",
    "engagements": "SELECT md5(string_agg(concat_ws('|', id, customer_id, engagement_type, channel, reference_id,"
    " metadata::text, created_at), ',' ORDER BY id)) FROM customer_engagements",
    "targets": "SELECT md5(string_agg(concat_ws('|', campaign_id, customer_id, status, sent_at, opened_at),"
    " ',' ORDER BY id)) FROM campaign_targets",
    "truth": "SELECT md5(string_agg(concat_ws('|', customer_id, purchase_rate_per_year, dropout_at, persona),"
    " ',' ORDER BY customer_id)) FROM demo_truth",
}


def _checksums(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {name: conn.execute(text(sql)).scalar_one() for name, sql in CHECKSUMS.items()}


@pytest.fixture(scope="module")
def seeded(pg_server, template_db) -> tuple[Engine, dict]:  # type: ignore[no-untyped-def]
    """One seeded database shared by the read-only checks of this module."""
    url = pg_server.create_database("demo_seed_checks", template=template_db)
    engine = make_engine(url)
    result = seed_demo(engine, customers=CUSTOMERS, seed=7, as_of=AS_OF)
    yield engine, result.counts
    engine.dispose()
    pg_server.drop_database("demo_seed_checks")


def _scalar(engine: Engine, sql: str) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_same_seed_gives_identical_checksums(seeded, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    first, _ = seeded
    seed_demo(engine, customers=CUSTOMERS, seed=7, as_of=AS_OF)
    assert _checksums(engine) == _checksums(first)


def test_other_seed_gives_other_data(seeded, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    first, _ = seeded
    seed_demo(engine, customers=CUSTOMERS, seed=8, as_of=AS_OF)
    ours, theirs = _checksums(engine), _checksums(first)
    assert all(ours[k] != theirs[k] for k in ours)


def test_counts_reported_match_the_tables(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, counts = seeded
    for table, expected in counts.items():
        assert _scalar(engine, f"SELECT count(*) FROM {table}") == expected  # noqa: S608
    assert counts["customers"] == CUSTOMERS
    assert 55 <= _scalar(engine, "SELECT count(*) FROM stores WHERE district IS NOT NULL") <= 65


def test_phones_are_canonical_unique_and_mostly_valid_mobiles(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, _ = seeded
    with engine.connect() as conn:
        phones = [r[0] for r in conn.execute(text("SELECT phone FROM customers WHERE phone IS NOT NULL"))]
    assert len(phones) == len(set(phones))
    assert all(re.fullmatch(r"\+84\d{9,10}", p) for p in phones)
    mobiles = [p for p in phones if len(p) == 12 and p[3:5] in MOBILE_PREFIXES]
    assert 0.97 <= len(mobiles) / len(phones) < 1.0  # a few legacy/landline numbers, as in real exports
    assert 0.94 <= len(phones) / CUSTOMERS < 0.99  # some customers left no phone or share one


def test_names_and_people_look_vietnamese(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, _ = seeded
    nguyen = _scalar(engine, "SELECT avg((full_name LIKE 'Nguyễn %')::int) FROM customers")
    assert 0.30 <= float(nguyen) <= 0.45  # type: ignore[arg-type]
    accented = _scalar(
        engine,
        "SELECT avg((full_name <> translate(full_name, 'ễạảăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ', ''))::int) FROM customers",
    )
    assert float(accented) > 0.9  # type: ignore[arg-type]
    thi = _scalar(
        engine, "SELECT avg((full_name LIKE '% Thị %')::int) FROM customers WHERE gender = 'female'"
    )
    van_women = _scalar(
        engine, "SELECT count(*) FROM customers WHERE gender = 'female' AND full_name LIKE '% Văn %'"
    )
    assert 0.15 < float(thi) < 0.5 and van_women == 0  # type: ignore[arg-type]
    emails = _scalar(engine, "SELECT avg((email IS NOT NULL)::int) FROM customers")
    assert 0.15 < float(emails) < 0.5  # type: ignore[arg-type]
    assert (
        _scalar(
            engine,
            "SELECT count(*) FROM customers WHERE email IS NOT NULL AND email !~ '^[a-z0-9.]+@[a-z.]+$'",
        )
        == 0
    )
    ages = _scalar(engine, "SELECT max(extract(year FROM age(DATE '2026-11-26', birthday))) FROM customers")
    assert 5 < float(ages) < 100  # type: ignore[arg-type]


def test_history_spans_years_with_seasonality(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, _ = seeded
    first = _scalar(engine, "SELECT min(order_date) FROM orders")
    last = _scalar(engine, "SELECT max(order_date) FROM orders")
    assert (last - first).days >= 4 * 365  # type: ignore[operator]
    assert last < dt.datetime(2026, 11, 26, tzinfo=dt.UTC)  # type: ignore[operator]
    summer = _scalar(
        engine,
        "SELECT avg((i.category = 'sunglasses')::int) FILTER (WHERE extract(month FROM o.order_date) IN (5,6,7,8))"
        " / avg((i.category = 'sunglasses')::int) FILTER (WHERE extract(month FROM o.order_date) IN (11,12,1,3))"
        " FROM order_items i JOIN orders o ON o.id = i.order_id",
    )
    assert float(summer) > 1.4  # type: ignore[arg-type]


def test_category_mix_prices_discounts_and_statuses(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, _ = seeded
    with engine.connect() as conn:
        mix = dict(conn.execute(text("SELECT category, count(*) FROM order_items GROUP BY 1")).all())
        status = dict(conn.execute(text("SELECT status, count(*) FROM orders GROUP BY 1")).all())
        price = dict(
            conn.execute(
                text(
                    "SELECT category, percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) FROM order_items GROUP BY 1"
                )
            ).all()
        )
    assert set(mix) == {"glasses", "sunglasses", "contact_lenses", "accessories", "eye_exam"}
    assert mix["glasses"] == max(mix.values())
    assert 300_000 <= price["glasses"] <= 3_000_000 and price["sunglasses"] > price["contact_lenses"]
    total = sum(status.values())
    assert 0.01 < status["cancelled"] / total < 0.05 and 0.005 < status["refunded"] / total < 0.03
    promo = _scalar(engine, "SELECT avg((promo_code IS NOT NULL)::int) FROM orders")
    assert 0.1 < float(promo) < 0.45  # type: ignore[arg-type]
    multi = _scalar(
        engine, "SELECT avg((n > 1)::int) FROM (SELECT count(*) n FROM order_items GROUP BY order_id) x"
    )
    assert float(multi) > 0.3  # type: ignore[arg-type]
    bad_totals = _scalar(
        engine,
        "SELECT count(*) FROM orders o JOIN (SELECT order_id, sum(unit_price * quantity - discount) t, sum(discount) d"
        " FROM order_items GROUP BY 1) i ON i.order_id = o.id WHERE o.total_amount <> i.t OR o.discount_amount <> i.d",
    )
    assert bad_totals == 0


def test_buyers_are_heterogeneous(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, _ = seeded
    one_time = _scalar(engine, "SELECT avg((order_count = 1)::int) FROM customers WHERE order_count > 0")
    assert 0.35 < float(one_time) < 0.7  # type: ignore[arg-type]
    frequent = _scalar(engine, "SELECT avg((order_count >= 5)::int) FROM customers")
    assert 0.02 < float(frequent) < 0.2  # type: ignore[arg-type]
    dropped = _scalar(engine, "SELECT avg((dropout_at IS NOT NULL)::int) FROM demo_truth")
    assert 0.2 < float(dropped) < 0.8  # type: ignore[arg-type]
    late = _scalar(
        engine,
        "SELECT count(*) FROM demo_truth t JOIN orders o ON o.customer_id = t.customer_id"
        " WHERE o.order_date > t.dropout_at AND coalesce(o.promo_code, '') !~ '^(SMSTET|ZHE|ZB2S|EBF|ZKHAM)'",
    )
    assert late == 0  # nobody buys on their own after dropping out


def test_engagements_and_campaigns_are_consistent(seeded) -> None:  # type: ignore[no-untyped-def]
    engine, _ = seeded
    with engine.connect() as conn:
        kinds = dict(
            conn.execute(text("SELECT engagement_type, count(*) FROM customer_engagements GROUP BY 1")).all()
        )
        nps = conn.execute(
            text(
                "SELECT min((metadata->>'score')::int), max((metadata->>'score')::int) FROM customer_engagements WHERE engagement_type = 'nps_response'"
            )
        ).one()
        statuses = {r[0] for r in conn.execute(text("SELECT DISTINCT status FROM campaign_targets"))}
        sent_rows = conn.execute(
            text("SELECT count(*) FROM customer_engagements WHERE engagement_type = 'campaign_sent'")
        ).scalar_one()
        targets = conn.execute(text("SELECT count(*) FROM campaign_targets")).scalar_one()
        purchases = conn.execute(
            text(
                "SELECT count(*) FROM customer_engagements e JOIN orders o ON o.id = e.reference_id WHERE e.engagement_type = 'purchase'"
            )
        ).scalar_one()
        not_cancelled = conn.execute(
            text("SELECT count(*) FROM orders WHERE status <> 'cancelled'")
        ).scalar_one()
        campaign_orders = conn.execute(
            text("SELECT count(*) FROM orders WHERE promo_code ~ '^(SMSTET|ZHE|ZB2S|EBF|ZKHAM)'")
        ).scalar_one()
        unexplained = conn.execute(
            text(
                "SELECT count(*) FROM orders o WHERE o.promo_code ~ '^(SMSTET|ZHE|ZB2S|EBF|ZKHAM)' AND NOT EXISTS ("
                " SELECT 1 FROM campaign_targets t WHERE t.customer_id = o.customer_id"
                " AND o.order_date BETWEEN t.sent_at AND t.sent_at + interval '7 days' AND t.delivered_at IS NOT NULL)"
            )
        ).scalar_one()
    assert {"purchase", "eye_exam", "store_visit", "nps_response", "campaign_sent", "campaign_opened"} <= set(
        kinds
    )
    assert nps[0] >= 0 and nps[1] == 10
    assert {"accepted", "delivered", "failed"} == statuses
    assert sent_rows == targets and purchases == not_cancelled
    assert campaign_orders > 0 and unexplained == 0  # campaign codes are used only by reached customers


def test_stored_order_stats_equal_refresh_order_stats(seeded, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    seed_demo(engine, customers=500, seed=3, as_of=AS_OF)
    with engine.begin() as conn:
        assert refresh_order_stats(conn) == 0  # the seeded aggregates are exactly what SQL computes
        conn.execute(
            text(
                "UPDATE customers SET order_count = 0, total_spent = 0 WHERE external_id IN ('KH00000001', 'KH00000002')"
            )
        )
        some = [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM customers WHERE external_id IN ('KH00000001', 'KH00000003')")
            )
        ]
        assert refresh_order_stats(conn, some) == 1  # only the changed one of the two requested rows
        assert refresh_order_stats(conn) == 1  # KH00000002 was outside the subset
        assert (
            conn.execute(
                text(
                    "SELECT count(*) FROM customers WHERE order_count = 0 AND total_spent = 0 AND first_purchase_at IS NOT NULL"
                )
            ).scalar_one()
            == 0
        )


def test_refuses_to_mix_with_existing_data_unless_replacing(engine: Engine) -> None:
    seed_demo(engine, customers=200, seed=1, as_of=AS_OF)
    with pytest.raises(DemoDataExists, match="--replace"):
        seed_demo(engine, customers=200, seed=2, as_of=AS_OF)
    seed_demo(engine, customers=300, seed=2, as_of=AS_OF, replace=True)
    assert _scalar(engine, "SELECT count(*) FROM customers") == 300
    # indexes, keys and foreign keys came back after the load
    assert (
        _scalar(engine, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_customers_search_text_prefix'")
        == 1
    )
    assert (
        _scalar(
            engine,
            "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_orders_customer_id_customers' AND convalidated",
        )
        == 1
    )


def test_reseeding_leaves_no_marks_and_the_next_score_rebuilds_the_facts(engine: Engine) -> None:
    from matviet_desktop.core.scoring.pipeline import score_all

    after = dt.datetime.combine(AS_OF + dt.timedelta(days=2), dt.time(), dt.UTC)  # after all seeded data
    seed_demo(engine, customers=300, seed=5, as_of=AS_OF)
    first = score_all(engine, after)
    assert first.params["facts"] == "rebuilt"
    seed_demo(engine, customers=300, seed=6, as_of=AS_OF, replace=True)
    with engine.connect() as conn:
        marks = conn.execute(text("SELECT count(*) FROM scoring_dirty_customers")).scalar_one()
        disabled = conn.execute(
            text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'scoring_mark_%' AND tgenabled = 'D'")
        ).scalar_one()
    assert (marks, disabled) == (0, 0)  # the seed skipped the marks and switched the triggers back on
    again = score_all(engine, after)
    assert (again.params["facts"], again.params["facts_reason"]) == ("rebuilt", "missing")
