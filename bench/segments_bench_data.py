"""Synthetic 1M-customer data for the segment benchmark, made with set-based SQL.

Used until the demo generator's `matviet_bench` database exists (then the benchmark copies that
instead). Distributions are rough but shaped like the demo: most customers buy once or twice,
a few buy often; campaigns reach a third of the base.
"""

from __future__ import annotations

from psycopg.sql import SQL
from psycopg.sql import Identifier as sql_id
from sqlalchemy import Engine

STEPS = [
    (
        "stores",
        """
        INSERT INTO stores (code, name, province)
        SELECT 'S' || lpad(i::text, 3, '0'), 'Mắt Việt ' || i,
               (ARRAY['Hà Nội','Hồ Chí Minh','Đà Nẵng','Cần Thơ','Hải Phòng','Bình Dương'])[1 + i % 6]
        FROM generate_series(1, 60) i
        """,
    ),
    (
        "campaigns",
        """
        INSERT INTO campaigns (name, campaign_type, status)
        SELECT 'Chiến dịch ' || i, (ARRAY['sms','zalo','email'])[1 + i % 3], 'completed'
        FROM generate_series(1, 30) i
        """,
    ),
    (
        "customers",
        """
        INSERT INTO customers (
            full_name, phone, email, gender, birthday, province, home_store_id, created_at,
            sms_consent, zalo_consent, email_consent, search_text,
            lifecycle_stage, clv_predicted, clv_tier, engagement_score, churn_risk, days_to_next_purchase,
            preferred_channel, preferred_category, rfm_recency_days, rfm_r, rfm_f, rfm_m, rfm_segment,
            p_alive, expected_purchases_1y, price_sensitivity, preferred_store_id, purchase_timing)
        SELECT name, '+849' || lpad(i::text, 8, '0'),
               CASE WHEN r1 < 0.6 THEN 'khach' || i || '@example.vn' END,
               (ARRAY['female','male','female','other'])[1 + floor(r2 * 4)::int],
               CASE WHEN r3 < 0.85 THEN date '1955-01-01' + floor(r4 * 18000)::int END,
               CASE WHEN r5 < 0.95 THEN (ARRAY['Hà Nội','Hồ Chí Minh','Đà Nẵng','Cần Thơ','Hải Phòng','Bình Dương','Huế'])[1 + floor(r5 * 7.3)::int % 7] END,
               CASE WHEN r6 < 0.9 THEN 1 + floor(r6 * 66)::int % 60 END,
               now() - make_interval(secs => r7 * 5 * 365 * 86400),
               r8 < 0.6, r9 < 0.4, r1 < 0.3, translate(lower(name), 'ễệịáảốđạăươ', 'eeiaaodaauo'),
               (ARRAY['prospect','prospect','new','active','active','active','loyal','at_risk','at_risk','churned','churned','churned','reactivated'])[1 + floor(r2 * 13)::int],
               round((r3 * r3 * 60000000)::numeric, -3),
               CASE WHEN r3 > 0.975 THEN 'vip' WHEN r3 > 0.894 THEN 'high' WHEN r3 > 0.547 THEN 'medium' ELSE 'low' END,
               floor(r4 * 101)::int, round((r9 * 100)::numeric, 2), CASE WHEN r9 < 0.8 THEN floor(r6 * 700)::int END,
               (ARRAY['in_store','online'])[1 + floor(r7 * 2)::int],
               (ARRAY['glasses','sunglasses','contact_lenses','accessories','eye_exam'])[1 + floor(r8 * 5)::int],
               floor(r5 * 1800)::int, 1 + floor(r1 * 5)::int, 1 + floor(r2 * 5)::int, 1 + floor(r4 * 5)::int,
               (ARRAY['champions','loyal','potential_loyalist','new','promising','need_attention','about_to_sleep','at_risk','cant_lose_them','hibernating','lost','other'])[1 + floor(r6 * 12)::int],
               round(r8::numeric, 4), round((r1 * 3)::numeric, 4), round(r9::numeric, 4),
               1 + floor(r7 * 60)::int, (ARRAY['weekday','weekend'])[1 + floor(r4 * 2)::int]
        FROM (
            SELECT i,
                   (ARRAY['Nguyễn','Nguyễn','Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])[1 + floor(random() * 18)::int]
                   || ' ' || (ARRAY['Văn','Thị','Minh','Ngọc','Đức','Thu','Hoàng','Quốc'])[1 + floor(random() * 8)::int]
                   || ' ' || (ARRAY['An','Bình','Châu','Dũng','Hà','Hải','Hạnh','Hùng','Lan','Linh','Mai','Nam','Ngọc','Phương','Quân','Thảo','Trang','Tuấn','Vy','Yến'])[1 + floor(random() * 20)::int] AS name,
                   random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9
            FROM generate_series(1, 1000000) i
        ) g
        """,
    ),
    (
        "orders",
        # 2.2M orders over 80% of customers, skewed so a few customers buy often.
        """
        INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, discount_amount, status, channel, promo_code)
        WITH picks AS MATERIALIZED (
            SELECT i, 1 + floor(power(random(), 1.6) * 800000)::int AS n FROM generate_series(1, 2200000) i
        )
        SELECT 'B' || p.i, b.id, 1 + floor(random() * 60)::int,
               now() - make_interval(secs => random() * 3 * 365 * 86400),
               round((300000 + random() * random() * 8000000)::numeric, -3),
               CASE WHEN random() < 0.3 THEN 100000 ELSE 0 END,
               CASE WHEN random() < 0.92 THEN 'completed' WHEN random() < 0.5 THEN 'cancelled' ELSE 'refunded' END,
               (ARRAY['in_store','in_store','in_store','website','phone'])[1 + floor(random() * 5)::int],
               CASE WHEN random() < 0.15 THEN (ARRAY['SUMMER10','VIP','TET2026'])[1 + floor(random() * 3)::int] END
        FROM picks p JOIN bench_ids b ON b.n = p.n
        """,
    ),
    (
        "order_items",
        """
        INSERT INTO order_items (order_id, category, quantity, unit_price,
                                 order_customer_id, order_placed_at, order_status)
        SELECT id, (ARRAY['glasses','glasses','sunglasses','contact_lenses','accessories','eye_exam'])[1 + floor(random() * 6)::int], 1, total_amount,
               customer_id, order_date, status
        FROM orders;
        INSERT INTO order_items (order_id, category, quantity, unit_price,
                                 order_customer_id, order_placed_at, order_status)
        SELECT id, (ARRAY['sunglasses','accessories','eye_exam'])[1 + floor(random() * 3)::int], 1, 100000,
               customer_id, order_date, status
        FROM orders WHERE random() < 0.3
        """,
    ),
    (
        "customer_engagements",
        """
        INSERT INTO customer_engagements (customer_id, engagement_type, channel, metadata, created_at)
        WITH picks AS MATERIALIZED (
            SELECT 1 + floor(random() * 1000000)::int AS n,
                   (ARRAY['store_visit','store_visit','eye_exam','eye_exam','nps_response','opt_out'])[1 + floor(random() * 6)::int] AS kind,
                   now() - make_interval(secs => random() * 3 * 365 * 86400) AS at
            FROM generate_series(1, 2500000)
        )
        SELECT b.id, p.kind, 'in_store',
               CASE WHEN p.kind = 'nps_response' THEN jsonb_build_object('score', floor(random() * 11)::int) END,
               p.at
        FROM picks p JOIN bench_ids b ON b.n = p.n
        """,
    ),
    (
        "campaign_targets",
        """
        INSERT INTO campaign_targets (campaign_id, customer_id, phone, status, sent_at, delivered_at, opened_at, clicked_at)
        WITH c AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) AS k FROM campaigns),
        picks AS MATERIALIZED (
            SELECT DISTINCT c.id AS campaign_id, c.k, 1 + floor(random() * 1000000)::int AS n
            FROM c CROSS JOIN generate_series(1, 100000)
        )
        SELECT p.campaign_id, b.id, '+84', 'sent', s.sent, s.sent + interval '1 minute',
               CASE WHEN s.r < 0.3 THEN s.sent + interval '2 hours' END,
               CASE WHEN s.r < 0.08 THEN s.sent + interval '3 hours' END
        FROM picks p JOIN bench_ids b ON b.n = p.n
        CROSS JOIN LATERAL (SELECT now() - make_interval(days => (p.k * 30)::int) AS sent, random() + p.n * 0 AS r) s
        """,
    ),
    (
        "aggregates",
        """
        UPDATE customers c SET order_count = a.n, total_spent = a.spent, avg_order_value = round(a.spent / a.n, 2),
               first_purchase_at = a.first, last_purchase_at = a.last,
               discount_share = round(a.discounted / a.n, 4)
        FROM (
            SELECT customer_id, count(*) n, sum(total_amount) spent, min(order_date) first, max(order_date) last,
                   count(*) FILTER (WHERE discount_amount > 0)::numeric discounted
            FROM orders WHERE status = 'completed' GROUP BY customer_id
        ) a
        WHERE a.customer_id = c.id
        """,
    ),
]


# A step is skipped when its table already has rows, so that a broken run can resume.
_EXISTS = SQL("SELECT EXISTS (SELECT 1 FROM {table})")
_DONE = {"aggregates": "SELECT EXISTS (SELECT 1 FROM customers WHERE order_count > 0)"}
_BENCH_IDS = """
    CREATE TEMP TABLE IF NOT EXISTS bench_ids AS SELECT row_number() OVER () AS n, id FROM customers;
    CREATE INDEX IF NOT EXISTS bench_ids_n ON bench_ids (n)
"""


def generate(engine: Engine, log: object = print) -> None:
    import time

    # One connection throughout: the steps share a temporary table of customer numbers.
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.autocommit = True
        with raw.cursor() as cur:
            cur.execute("SET synchronous_commit = off")
            for name, sql in STEPS:
                if cur.execute(_DONE.get(name, _EXISTS.format(table=sql_id(name)))).fetchone()[0]:  # type: ignore[index]
                    log(f"  {name}: already there")  # type: ignore[operator]
                    continue
                if name not in ("stores", "campaigns", "customers"):
                    for statement in _BENCH_IDS.split(";\n"):
                        cur.execute(statement)
                started = time.perf_counter()
                for statement in sql.split(";\n"):
                    if statement.strip():
                        cur.execute(statement)  # fixed SQL, no parameters
                log(f"  {name}: {time.perf_counter() - started:.1f}s")  # type: ignore[operator]
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
