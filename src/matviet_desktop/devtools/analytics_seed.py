"""Synthetic, plausible data for the analytics and campaign screens, written set-based in SQL.

For screenshots, UI tests and benchmarks when no demo database is at hand: stores, customers,
two years of orders, lifecycle and segment-membership history, and a year of campaigns with
targets, delivery/open/click times, holdout groups, costs, then the product's own attribution refresh.
Deterministic for a given `seed`. Development helper only; the app never calls it.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

_STEPS = [
    # Stores
    """
    INSERT INTO stores (code, name, province)
    SELECT 'MV' || lpad(g.i::text, 2, '0'), 'Mắt Việt ' || p.name, p.name
    FROM generate_series(1, 12) AS g(i)
    JOIN (VALUES (1,'Hà Nội'),(2,'Hồ Chí Minh'),(3,'Đà Nẵng'),(4,'Hải Phòng'),(5,'Cần Thơ'),(6,'Huế'),
                 (7,'Nha Trang'),(8,'Biên Hòa'),(9,'Vinh'),(10,'Quy Nhơn'),(11,'Buôn Ma Thuột'),(12,'Hạ Long'))
         AS p(i, name) ON p.i = g.i
    """,
    # Customers: phones spread over the carriers' prefixes, stages and scores drawn at random.
    """
    INSERT INTO customers (full_name, phone, email, home_store_id, created_at, sms_consent, zalo_consent,
                           email_consent)
    SELECT 'Khách hàng ' || i,
           '+84' || (ARRAY['96','97','98','90','93','91','94','92','86','88'])[1 + (i % 10)]
                 || lpad(i::text, 7, '0'),
           'kh' || i || '@example.vn',
           (SELECT min(id) FROM stores) + (i % 12),
           :t0 - make_interval(days => (random() * 900)::int),
           random() < 0.85, random() < 0.6, random() < 0.5
    FROM generate_series(1, :n) AS i
    """,
    """
    INSERT INTO customer_scores (customer_id, lifecycle_stage, engagement_score, churn_risk, clv_tier, scored_at)
    SELECT id,
           (ARRAY['new','active','active','loyal','at_risk','at_risk','churned','reactivated'])[1 + floor(random() * 8)::int],
           least(100, greatest(0, (random() * 70 + random() * 30)::int)),
           round((random() * 100)::numeric, 2),
           (ARRAY['VIP','High','Medium','Medium','Low','Low'])[1 + floor(random() * 6)::int],
           :t0
    FROM customers
    """,
    # Orders: 0–4 per customer over two years; amounts 300 000 – 5 000 000 ₫.
    """
    INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, status)
    SELECT 'SEED-' || c.rn || '-' || k,
           c.id, c.home_store_id,
           :t0 - make_interval(days => (random() * 730)::int, hours => (8 + random() * 12)::int),
           round((300000 + random() * 4700000)::numeric, -3),
           CASE WHEN random() < 0.04 THEN 'refunded' ELSE 'completed' END
    FROM (SELECT id, home_store_id, row_number() OVER (ORDER BY id) AS rn FROM customers) c
    CROSS JOIN LATERAL generate_series(1, (random() * 4)::int) AS k
    """,
    # Lifecycle history: the current stage since a change date, and a plausible earlier stage.
    """
    WITH x AS (
        SELECT customer_id AS id, lifecycle_stage AS stage, :t0 - make_interval(days => (random() * 300)::int) AS changed,
               (ARRAY['new','active','loyal','at_risk'])[1 + floor(random() * 4)::int] AS before
        FROM customer_scores
    )
    INSERT INTO customer_lifecycle_history (customer_id, stage, previous_stage, valid_from, valid_to)
    SELECT id, before, NULL, changed - interval '400 days', changed FROM x
    UNION ALL
    SELECT id, stage, before, changed, NULL FROM x
    """,
    # One built-in style segment per lifecycle stage and per CLV tier, with memberships from history.
    """
    INSERT INTO segment_rules (name, rule_type, conditions, customer_count)
    SELECT s.name, s.kind, jsonb_build_object('seed', s.code), 0
    FROM (VALUES ('Khách mới','lifecycle','new'),('Đang hoạt động','lifecycle','active'),
                 ('Trung thành','lifecycle','loyal'),('Có nguy cơ','lifecycle','at_risk'),
                 ('Đã rời bỏ','lifecycle','churned'),('Quay lại','lifecycle','reactivated'),
                 ('Khách VIP','clv','VIP'),('Giá trị cao','clv','High')) AS s(name, kind, code)
    """,
    """
    INSERT INTO segment_membership_history (customer_id, segment_rule_id, joined_at, left_at)
    SELECT h.customer_id, r.id, h.valid_from, h.valid_to
    FROM customer_lifecycle_history h
    JOIN segment_rules r ON r.rule_type = 'lifecycle' AND r.conditions->>'seed' = h.stage
    """,
    """
    INSERT INTO segment_membership_history (customer_id, segment_rule_id, joined_at, left_at)
    SELECT c.id, r.id, c.created_at, NULL
    FROM customers c JOIN customer_scores sc ON sc.customer_id = c.id
    JOIN segment_rules r ON r.rule_type = 'clv' AND r.conditions->>'seed' = sc.clv_tier
    """,
    """
    INSERT INTO customer_segments (customer_id, segment_rule_id)
    SELECT customer_id, segment_rule_id FROM segment_membership_history WHERE left_at IS NULL
    """,
    "UPDATE segment_rules r SET customer_count = (SELECT count(*) FROM customer_segments s WHERE s.segment_rule_id = r.id)",
    # A year of campaigns, two a month, rotating channels and segments.
    """
    INSERT INTO campaigns (name, campaign_type, status, target_type, segment_rule_id, message_content,
                           started_at, completed_at, attribution_days, created_at, cost_per_message)
    SELECT (ARRAY['Ưu đãi tròng kính','Nhắc khám mắt định kỳ','Tri ân khách VIP','Kính mát mùa hè',
                  'Chào mừng khách mới','Quay lại nhận quà'])[1 + (i % 6)] || ' ' || to_char(d, 'MM/YYYY'),
           (ARRAY['sms','zalo','email'])[1 + (i % 3)],
           CASE WHEN i = 24 THEN 'sending' ELSE 'completed' END,
           'segment',
           (SELECT id FROM segment_rules ORDER BY name OFFSET (i % 8) LIMIT 1),
           '[QC] Mắt Việt: ưu đãi dành cho {ten}. Từ chối: soạn TC gửi 8xxx',
           d, CASE WHEN i = 24 THEN NULL ELSE d + interval '1 day' END, 7, d - interval '3 days',
           (ARRAY[750, 300, 50])[1 + (i % 3)]
    FROM generate_series(1, 24) AS i,
         LATERAL (SELECT :t0 - make_interval(days => (24 - i) * 15) + make_interval(hours => (i % 4)) AS d) AS t
    """,
    "UPDATE campaigns SET promo_code = 'MV' || upper(left(id::text, 6))",
    # Targets: a sample of the segment's members; 10 % holdout; send hours spread over the day.
    """
    INSERT INTO campaign_targets (campaign_id, customer_id, phone, email, status, sent_at, delivered_at,
                                  opened_at, clicked_at, error_message)
    SELECT c.id, m.customer_id, cu.phone, cu.email,
           CASE WHEN r.h < 0.10 THEN 'holdout'
                WHEN r.f < 0.06 THEN 'failed'
                WHEN c.status = 'sending' AND r.p < 0.4 THEN 'pending'
                ELSE 'delivered' END,
           CASE WHEN r.h >= 0.10 AND NOT (c.status = 'sending' AND r.p < 0.4)
                THEN c.started_at + make_interval(mins => (r.p * 480)::int) END,
           CASE WHEN r.h >= 0.10 AND r.f >= 0.06 AND NOT (c.status = 'sending' AND r.p < 0.4)
                THEN c.started_at + make_interval(mins => (r.p * 480)::int + 1) END,
           CASE WHEN c.campaign_type <> 'sms' AND r.h >= 0.10 AND r.f >= 0.06 AND r.o < 0.35
                     AND NOT (c.status = 'sending' AND r.p < 0.4)
                THEN c.started_at + make_interval(mins => (r.p * 480)::int + 30) END,
           CASE WHEN r.h >= 0.10 AND r.f >= 0.06 AND r.o < 0.09 AND NOT (c.status = 'sending' AND r.p < 0.4)
                THEN c.started_at + make_interval(mins => (r.p * 480)::int + 45) END,
           CASE WHEN r.h >= 0.10 AND r.f < 0.06 THEN 'Số điện thoại không liên lạc được' END
    FROM campaigns c
    JOIN segment_membership_history m ON m.segment_rule_id = c.segment_rule_id
         AND m.joined_at <= c.started_at AND (m.left_at IS NULL OR m.left_at > c.started_at)
    JOIN customers cu ON cu.id = m.customer_id
    CROSS JOIN LATERAL (SELECT random() AS h, random() AS f, random() AS p, random() AS o,
                               random() AS pick
                        WHERE cu.id IS NOT NULL) AS r  -- correlated, so drawn per row
    WHERE r.pick < :target_share
    """,
    # Campaign response: extra orders from a share of reached customers (holdout buys less).
    """
    INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, status, promo_code)
    SELECT 'RESP-' || row_number() OVER (), t.customer_id, cu.home_store_id,
           COALESCE(t.sent_at, c.started_at) + make_interval(hours => 4 + (random() * 140)::int),
           round((500000 + random() * 3000000)::numeric, -3), 'completed',
           CASE WHEN t.clicked_at IS NOT NULL THEN c.promo_code END
    FROM campaign_targets t
    JOIN campaigns c ON c.id = t.campaign_id
    JOIN customers cu ON cu.id = t.customer_id
    WHERE (t.status = 'holdout' AND random() < 0.03)
       OR (t.status = 'delivered' AND random() < CASE WHEN t.clicked_at IS NOT NULL THEN 0.35 ELSE 0.05 END)
    """,
    """
    INSERT INTO campaign_costs (campaign_id, cost_type, amount, description)
    SELECT c.id, c.campaign_type, count(t.sent_at) * c.cost_per_message, 'Cước gửi tin'
    FROM campaigns c JOIN campaign_targets t ON t.campaign_id = c.id
    GROUP BY c.id, c.campaign_type, c.cost_per_message
    """,
    """
    UPDATE campaigns c SET total_cost = k.amount, target_count = k.targets
    FROM (SELECT c2.id, COALESCE(sum(cc.amount), 0) AS amount,
                 (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c2.id) AS targets
          FROM campaigns c2 LEFT JOIN campaign_costs cc ON cc.campaign_id = c2.id GROUP BY c2.id) k
    WHERE k.id = c.id
    """,
    # Engagement events for the sends (the Customer 360 timeline and engagement scoring read them).
    """
    INSERT INTO customer_engagements (customer_id, engagement_type, channel, reference_id, created_at)
    SELECT t.customer_id, 'campaign_sent', c.campaign_type, c.id, t.sent_at
    FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id WHERE t.sent_at IS NOT NULL
    """,
    "ANALYZE",
]


def seed(engine: Engine, customers: int = 2000, seed_value: float = 0.42, target_share: float = 0.5) -> None:
    """Fill an empty, migrated database. `target_share`: share of a segment each campaign reaches."""
    with engine.begin() as conn:
        conn.execute(text("SELECT setseed(:s)"), {"s": seed_value})
        t0 = conn.execute(
            text(
                "SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '8 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh'"
            )
        ).scalar()
        for step in _STEPS:
            if step == "ANALYZE":
                continue
            params = {"n": customers, "t0": t0, "target_share": target_share}
            conn.execute(text(step), {k: v for k, v in params.items() if f":{k}" in step})
    # Attribution exactly as the product computes it (last touch, first touch, linear, holdout window).
    from matviet_desktop.core.attribution.models import refresh

    refresh(engine)
    # Membership history was written by hand above: build the segment revenue rollup from it.
    from matviet_desktop.core.analytics.segment_revenue import rebuild_all

    rebuild_all(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
