"""Attribution refresh for a 100k-target campaign on a 1M-customer database (target: < 10 s).

    python bench/bench_attribution.py                      # copy of matviet_bench if it exists,
                                                           # else a generated 1M-customer database
    python bench/bench_attribution.py --generate --customers 1000000 --orders-per-customer 3

The database `bench_campaigns` on the benchmark server is (re)created as a copy of `matviet_bench`
(never modified) or generated with generate_series, migrated to head, then given:
  - campaign A: 100,000 targets sent 30 days before the newest order, 10 % holdout, promo code;
  - campaigns B and C: 50,000 targets each, overlapping A's customers and window (competition);
and `attribution.refresh(engine, [A])` is timed (warm runs after one cold run), plus a full refresh.
Prints a JSON line with the figures. The machine is 2 shared cores: expect noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
import uuid

import psycopg
from sqlalchemy import text

from matviet_desktop.core.attribution import campaign_report, refresh
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine

SERVER = "postgresql://postgres@127.0.0.1:55432"
DB = "bench_campaigns"


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def exists(name: str) -> bool:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def create_copy() -> None:
    admin(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    for _ in range(60):  # fails while someone is connected to the template: retry
        try:
            admin(f"CREATE DATABASE {DB} TEMPLATE matviet_bench")
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(5)
    raise SystemExit("matviet_bench is busy; try again later")


def generate(conn, customers: int, orders_per_customer: int) -> None:
    """1M customers and their orders over two years, in SQL (a few minutes on 2 cores)."""
    conn.execute(text("INSERT INTO stores (code, name, province) SELECT 'B' || i, 'Cửa hàng ' || i, 'Hà Nội' "
                      "FROM generate_series(1, 50) i"))  # fmt: skip
    conn.execute(
        text(
            "INSERT INTO customers (full_name, phone, sms_consent, home_store_id) "
            "SELECT 'Khách ' || i, '+849' || lpad(i::text, 8, '0'), true, 1 + i % 50 "
            "FROM generate_series(1, :n) i"
        ),
        {"n": customers},
    )
    conn.execute(
        text(
            """
            INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, status, promo_code)
            SELECT 'BO' || row_number() OVER (), c.id, 1 + (abs(hashtext(c.id::text || k)) % 50),
                   timestamptz '2026-11-01' - make_interval(secs => (abs(hashtext(c.id::text || k || 'd')) % 63072000)),
                   (200000 + abs(hashtext(c.id::text || k || 'a')) % 5000000)::numeric,
                   CASE WHEN abs(hashtext(c.id::text || k || 's')) % 20 = 0 THEN 'refunded' ELSE 'completed' END,
                   CASE WHEN abs(hashtext(c.id::text || k || 'p')) % 10 = 0 THEN 'BENCH10' END
              FROM customers c CROSS JOIN generate_series(1, :k) k
            """
        ),
        {"k": orders_per_customer},
    )


def add_campaigns(conn) -> str:
    newest = conn.execute(text("SELECT max(order_date) FROM orders")).scalar_one()
    start = conn.execute(
        text("SELECT CAST(:d AS timestamptz) - interval '30 days'"), {"d": newest}
    ).scalar_one()

    def campaign(name: str, at, n: int, offset: int, holdout_every: int | None, promo: str | None) -> str:
        cid = conn.execute(
            text(
                "INSERT INTO campaigns (name, campaign_type, purpose, status, started_at, attribution_days, "
                "promo_code, holdout_pct) VALUES (:n, 'sms', 'advertising', 'completed', :at, 7, :p, :h) RETURNING id"
            ),
            {"n": name, "at": at, "p": promo, "h": 10 if holdout_every else 0},
        ).scalar_one()
        conn.execute(
            text(
                """
                INSERT INTO campaign_targets (campaign_id, customer_id, phone, status, sent_at, delivered_at, clicked_at)
                SELECT :c, id, phone,
                       CASE WHEN :h > 0 AND rn % :h = 0 THEN 'holdout' ELSE 'delivered' END,
                       CASE WHEN :h > 0 AND rn % :h = 0 THEN NULL ELSE CAST(:at AS timestamptz) END,
                       CASE WHEN :h > 0 AND rn % :h = 0 THEN NULL ELSE CAST(:at AS timestamptz) + interval '1 minute' END,
                       CASE WHEN rn % 25 = 0 THEN CAST(:at AS timestamptz) + interval '2 hours' END
                  FROM (SELECT id, phone, row_number() OVER (ORDER BY id) AS rn
                          FROM customers ORDER BY id OFFSET :o LIMIT :n) s
                """
            ),
            {"c": cid, "h": holdout_every or 0, "at": at, "o": offset, "n": n},
        )
        return str(cid)

    a = campaign("Bench A", start, 100_000, 0, 10, "BENCH10")
    campaign("Bench B", start + dt.timedelta(days=2), 50_000, 50_000, None, None)
    campaign("Bench C", start - dt.timedelta(days=3), 50_000, 80_000, None, "BENCH10")
    conn.execute(text("ANALYZE"))
    return a


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--generate", action="store_true", help="generate data even if matviet_bench exists")
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--orders-per-customer", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="time again on the existing bench_campaigns")
    args = parser.parse_args()

    t = time.perf_counter()
    if args.reuse and exists(DB):
        source = "reused"
        engine = make_engine(f"{SERVER}/{DB}")
        with engine.connect() as conn:
            campaign_a = str(
                conn.execute(text("SELECT id FROM campaigns WHERE name = 'Bench A'")).scalar_one()
            )
    else:
        source = "matviet_bench" if exists("matviet_bench") and not args.generate else "generated"
        if source == "matviet_bench":
            create_copy()
        else:
            admin(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
            admin(f"CREATE DATABASE {DB}")
        engine = make_engine(f"{SERVER}/{DB}")
        migrate.upgrade(engine)
        with engine.begin() as conn:
            if source == "generated":
                generate(conn, args.customers, args.orders_per_customer)
            campaign_a = add_campaigns(conn)
    with engine.connect() as conn:
        sizes = conn.execute(
            text("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM orders), "
                 "(SELECT count(*) FROM campaign_targets WHERE campaign_id = :a)"),
            {"a": campaign_a},
        ).one()  # fmt: skip
    setup_s = time.perf_counter() - t

    cid = uuid.UUID(campaign_a)
    timings = []
    for _ in range(args.runs + 1):  # the first run is cold
        timings.append(refresh(engine, [cid]).seconds)
    result = refresh(engine, [cid])
    full = refresh(engine)
    t = time.perf_counter()
    report = campaign_report(engine, cid)
    report_s = time.perf_counter() - t
    engine.dispose()
    print(
        json.dumps(
            {
                "source": source,
                "customers": sizes[0],
                "orders": sizes[1],
                "targets": sizes[2],
                "setup_s": round(setup_s, 1),
                "refresh_cold_s": timings[0],
                "refresh_warm_median_s": statistics.median(timings[1:]),
                "refresh_all_campaigns_s": full.seconds,
                "rows_by_model": result.rows_by_model,
                "report_s": round(report_s, 3),
                "revenue": str(report.revenue),
                "incremental_revenue": str(report.lift.incremental_revenue if report.lift else None),
                "target_s": 10,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
