"""Plausible customers, orders and engagements generated in SQL, for UI tests and benchmarks.

Set-based (generate_series), so a million customers take a minute, not an hour. This is not the
demo generator (core/demo), which models purchase behaviour properly; it only fills every column
the customer screens show, with Vietnamese names and deterministic output for a given seed.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from matviet_desktop.core.text import fold

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE = ["Thị", "Văn", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Quốc", "Gia", "Bảo", "Thu", "Kim"]
GIVEN = [
    "Anh", "Ánh", "Bình", "Châu", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
    "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Phúc", "Phương", "Quân",
    "Quỳnh", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Trung", "Tuấn", "Uyên", "Việt", "Yến",
]  # fmt: skip
STORES = [
    ("HN01", "Mắt Việt Hoàn Kiếm", "Hà Nội"), ("HN02", "Mắt Việt Cầu Giấy", "Hà Nội"),
    ("HN03", "Mắt Việt Long Biên", "Hà Nội"), ("HCM01", "Mắt Việt Quận 1", "TP Hồ Chí Minh"),
    ("HCM02", "Mắt Việt Quận 3", "TP Hồ Chí Minh"), ("HCM03", "Mắt Việt Phú Nhuận", "TP Hồ Chí Minh"),
    ("HCM04", "Mắt Việt Thủ Đức", "TP Hồ Chí Minh"), ("DN01", "Mắt Việt Hải Châu", "Đà Nẵng"),
    ("HP01", "Mắt Việt Lê Chân", "Hải Phòng"), ("CT01", "Mắt Việt Ninh Kiều", "Cần Thơ"),
]  # fmt: skip
CATEGORIES = ["glasses", "sunglasses", "contact_lenses", "accessories", "eye_exam"]
STAGES = ["new", "active", "loyal", "at_risk", "churned", "reactivated"]


def _array(values: list[str]) -> str:
    return "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]::text[]"


def seed_reference(engine: Engine) -> None:
    with engine.begin() as conn:
        if conn.execute(text("SELECT count(*) FROM stores")).scalar_one() == 0:
            for code, name, province in STORES:
                conn.execute(
                    text("INSERT INTO stores (code, name, province) VALUES (:c, :n, :p)"),
                    {"c": code, "n": name, "p": province},
                )
        if conn.execute(text("SELECT count(*) FROM products")).scalar_one() == 0:
            conn.execute(
                text(
                    "INSERT INTO products (sku, name, category, brand, list_price) "
                    "SELECT 'SKU' || g, (ARRAY['Gọng kính','Kính mát','Kính áp tròng','Phụ kiện','Khám mắt'])"
                    "[1 + g % 5] || ' ' || (ARRAY['Rayban','Oakley','Gucci','Essilor','Acuvue','Mắt Việt'])"
                    "[1 + g % 6] || ' #' || g, "
                    "(ARRAY['glasses','sunglasses','contact_lenses','accessories','eye_exam'])[1 + g % 5], "
                    "(ARRAY['Rayban','Oakley','Gucci','Essilor','Acuvue','Mắt Việt'])[1 + g % 6], "
                    "(200000 + (g * 137) % 40 * 100000)::numeric FROM generate_series(1, 40) g"
                )
            )


def seed_customers(engine: Engine, customers: int = 1000, seed: float = 0.42) -> None:
    """Add `customers` customers with orders, items, engagements and scored metrics."""
    seed_reference(engine)
    family, middle, given = _array(FAMILY), _array(MIDDLE), _array(GIVEN)
    ffam, fmid, fgiv = (_array([fold(x) for x in arr]) for arr in (FAMILY, MIDDLE, GIVEN))
    with engine.begin() as conn:
        conn.execute(text("SELECT setseed(:s)"), {"s": seed})
        start = conn.execute(
            text("SELECT coalesce(max(substr(external_id, 2)::int), 0) FROM customers")
        ).scalar()
        conn.execute(
            text(
                f"""
                CREATE TEMP TABLE _g ON COMMIT DROP AS
                SELECT g AS n, 1 + (g::bigint * 7919) % {len(FAMILY)} AS f, 1 + (g::bigint * 104729) % {len(MIDDLE)} AS m,
                       1 + (g::bigint * 1299709) % {len(GIVEN)} AS gv, random() AS r1, random() AS r2, random() AS r3
                FROM generate_series(:start + 1, :start + :count) g
                """,  # noqa: S608 - only constant arrays are interpolated
            ),
            {"start": start, "count": customers},
        )
        conn.execute(
            text(
                f"""
                INSERT INTO customers (external_id, full_name, phone, email, gender, birthday, province,
                    home_store_id, created_at, sms_consent, sms_consent_at, sms_consent_source,
                    zalo_consent, email_consent, search_text)
                SELECT 'C' || lpad(n::text, 8, '0'),
                       ({family})[f] || ' ' || ({middle})[m] || ' ' || ({given})[gv],
                       '+849' || lpad(n::text, 8, '0'),
                       CASE WHEN r1 < 0.6 THEN lower(({fgiv})[gv]) || '.' || n || '@gmail.com' END,
                       CASE WHEN ({middle})[m] = 'Thị' OR r2 < 0.5 THEN 'female' ELSE 'male' END,
                       date '1960-01-01' + (r3 * 16000)::int,
                       s.province, s.id,
                       now() - ((r1 * 1500)::int || ' days')::interval,
                       r2 < 0.8, now() - ((r2 * 700)::int || ' days')::interval, 'cua_hang',
                       r3 < 0.5, r1 < 0.4,
                       ({ffam})[f] || ' ' || ({fmid})[m] || ' ' || ({fgiv})[gv] || ' 849' || lpad(n::text, 8, '0')
                         || ' 09' || lpad(n::text, 8, '0')
                         || CASE WHEN r1 < 0.6 THEN ' ' || lower(({fgiv})[gv]) || '.' || n || '@gmail.com' ELSE '' END
                FROM _g
                CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM stores) a
                JOIN stores s ON s.id = a.ids[1 + _g.n % cardinality(a.ids)]
                """,  # noqa: S608 - only constant arrays are interpolated
            )
        )
        # Orders: 0–7 per customer, more for "loyal" looking ones.
        conn.execute(
            text(
                """
                INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount,
                                    discount_amount, status, channel, promo_code)
                SELECT 'O' || c.external_id || '-' || k, c.id, c.home_store_id,
                       c.created_at + ((k * 97 + (hashtext(c.external_id) & 255)) || ' days')::interval,
                       (500000 + (abs(hashtext(c.external_id || k)) % 60) * 100000)::numeric,
                       CASE WHEN (hashtext(c.external_id) + k) % 4 = 0 THEN 100000 ELSE 0 END,
                       CASE WHEN (hashtext(c.external_id) + k) % 19 = 0 THEN 'refunded' ELSE 'completed' END,
                       (ARRAY['in_store','in_store','in_store','website','phone'])[1 + abs(hashtext(c.id::text)) % 5],
                       CASE WHEN (hashtext(c.external_id) + k) % 4 = 0 THEN 'TET2026' END
                FROM customers c
                JOIN _g ON c.external_id = 'C' || lpad(_g.n::text, 8, '0')
                CROSS JOIN LATERAL generate_series(1, (abs(hashtext(c.external_id)) % 8)) k
                WHERE c.created_at + ((k * 97 + (hashtext(c.external_id) & 255)) || ' days')::interval < now()
                """
            )
        )
        conn.execute(
            text(
                """
                INSERT INTO order_items (order_id, product_id, category, quantity, unit_price, discount,
                                         order_customer_id, order_placed_at, order_status)
                SELECT o.id, p.id, p.category, 1, o.total_amount, o.discount_amount,
                       o.customer_id, o.order_date, o.status
                FROM orders o JOIN customers c ON c.id = o.customer_id
                JOIN _g ON c.external_id = 'C' || lpad(_g.n::text, 8, '0')
                JOIN products p ON p.id = 1 + abs(hashtext(o.external_id)) % 40
                """
            )
        )
        conn.execute(
            text(
                """
                INSERT INTO customer_engagements (customer_id, engagement_type, channel, reference_id,
                                                  metadata, created_at)
                SELECT o.customer_id, 'purchase', o.channel, o.id,
                       jsonb_build_object('amount', o.total_amount, 'order', o.external_id), o.order_date
                FROM orders o JOIN customers c ON c.id = o.customer_id
                JOIN _g ON c.external_id = 'C' || lpad(_g.n::text, 8, '0')
                UNION ALL
                SELECT o.customer_id, 'eye_exam', 'in_store', NULL,
                       jsonb_build_object('result', 'Cận 1.5 độ'), o.order_date - interval '2 hours'
                FROM orders o JOIN customers c ON c.id = o.customer_id
                JOIN _g ON c.external_id = 'C' || lpad(_g.n::text, 8, '0')
                WHERE abs(hashtext(o.external_id)) % 3 = 0
                UNION ALL
                SELECT c.id, 'nps_response', 'sms', NULL, jsonb_build_object('score', 6 + abs(hashtext(c.phone)) % 5),
                       coalesce(c.created_at, now()) + interval '10 days'
                FROM customers c JOIN _g ON c.external_id = 'C' || lpad(_g.n::text, 8, '0') WHERE _g.r2 < 0.3
                """
            )
        )
        conn.execute(
            text(
                """
                UPDATE customers c SET order_count = a.n, total_spent = a.spent, avg_order_value = a.aov,
                       first_purchase_at = a.first_at, last_purchase_at = a.last_at, discount_share = a.disc
                FROM (
                    SELECT customer_id, count(*) n, sum(total_amount) spent, round(avg(total_amount), 2) aov,
                           min(order_date) first_at, max(order_date) last_at,
                           avg((discount_amount > 0)::int)::numeric(5,4) disc
                    FROM orders WHERE status = 'completed' GROUP BY customer_id
                ) a WHERE a.customer_id = c.id
                """
            )
        )
        # Plausible scored metrics, so screens look real before the scoring engine has run.
        conn.execute(
            text(
                f"""
                INSERT INTO customer_scores (customer_id, rfm_recency_days, lifecycle_stage, clv_predicted, clv_formula, clv_tier,
                    engagement_score, churn_risk, p_alive, expected_purchases_1y, days_to_next_purchase, rfm_r, rfm_f, rfm_m, rfm_segment, preferred_channel, preferred_category, price_sensitivity, preferred_store_id, purchase_timing, scored_at)
                SELECT c.id,
                    coalesce(extract(day FROM now() - c.last_purchase_at)::int, 9999),
                    CASE
                        WHEN c.order_count = 0 THEN 'prospect'
                        WHEN c.first_purchase_at > now() - interval '30 days' THEN 'new'
                        WHEN c.order_count >= 5 AND c.last_purchase_at > now() - interval '120 days' THEN 'loyal'
                        WHEN c.last_purchase_at > now() - interval '200 days' THEN 'active'
                        WHEN c.last_purchase_at > now() - interval '365 days' THEN 'at_risk'
                        ELSE 'churned' END,
                    round(c.total_spent * (0.4 + _g.r3)::numeric, -3),
                    round(c.total_spent * (0.3 + _g.r2)::numeric, -3),
                    CASE WHEN c.order_count = 0 THEN NULL
                        WHEN c.total_spent > 15000000 THEN 'vip' WHEN c.total_spent > 8000000 THEN 'high'
                        WHEN c.total_spent > 3000000 THEN 'medium' ELSE 'low' END,
                    (_g.r1 * 100)::int,
                    round((5 + 90 * _g.r2)::numeric, 2),  -- churn_risk in percent, as scoring writes it
                    round((0.95 - 0.9 * _g.r2)::numeric, 4),
                    round((_g.r3 * 3)::numeric, 4),
                    (30 + _g.r1 * 300)::int,
                    1 + (_g.r1 * 4.99)::int,
                    least(5, 1 + c.order_count / 2),
                    1 + (_g.r3 * 4.99)::int,
                    (ARRAY['champions','loyal','potential_loyalist','at_risk','hibernating'])
                                  [1 + (_g.r2 * 4.99)::int],
                    (ARRAY['sms','zalo','email'])[1 + (_g.r3 * 2.99)::int],
                    ({_array(CATEGORIES)})[1 + (_g.r1 * 4.99)::int],
                    c.discount_share,
                    c.home_store_id,
                    CASE WHEN _g.r2 < 0.4 THEN 'weekend' ELSE 'weekday' END,
                    now()
                FROM customers c JOIN _g ON c.external_id = 'C' || lpad(_g.n::text, 8, '0')
                """,  # noqa: S608 - only constant arrays are interpolated
            )
        )
    with engine.begin() as conn:
        # Fold the GIN fast-update pending list into the index, or the first searches scan it all.
        conn.execute(text("SELECT gin_clean_pending_list('ix_customers_search_words'::regclass)"))
        conn.execute(text("ANALYZE customers"))
        conn.execute(text("ANALYZE orders"))
