"""Make `bench_ui_campaigns`: a copy of the 1M-customer `matviet_bench` with what the dashboards
read filled in by the product's own code — schema at this branch's head, two scoring runs six
months apart (lifecycle history and scores), lifecycle segments with membership history, and the
attribution refresh. `matviet_bench` itself is never modified.

    PYTHONPATH=src python bench/prepare_bench_ui_campaigns.py [--server-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from zoneinfo import ZoneInfo

import psycopg
from sqlalchemy import text

from matviet_desktop.core.attribution.models import refresh
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.scoring.pipeline import score_all
from matviet_desktop.core.segments import refresh_all

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TARGET = "bench_ui_campaigns"

LIFECYCLE_SEGMENTS = [
    ("new", "Khách mới"),
    ("active", "Đang hoạt động"),
    ("loyal", "Trung thành"),
    ("reactivated", "Quay lại"),
    ("at_risk", "Có nguy cơ"),
    ("churned", "Đã rời bỏ"),
    ("prospect", "Tiềm năng"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-url", default="postgresql+psycopg://postgres@127.0.0.1:55432/postgres")
    args = parser.parse_args()
    admin = args.server_url.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{TARGET}" WITH (FORCE)')
        for attempt in range(60):  # fails while someone is connected to the template
            try:
                conn.execute(f'CREATE DATABASE "{TARGET}" TEMPLATE matviet_bench')
                break
            except psycopg.errors.ObjectInUse:
                time.sleep(5 + attempt)
    url = args.server_url.rsplit("/", 1)[0] + "/" + TARGET
    engine = make_engine(url)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        # The demo seed (foundation schema) uses 'sent'/'opened'/'clicked' as target statuses, which
        # the sending migration's check constraint does not allow; the timestamps keep the funnel.
        conn.execute(
            text(
                "UPDATE campaign_targets SET status = CASE status WHEN 'sent' THEN 'accepted' ELSE 'delivered' END "
                "WHERE status IN ('sent', 'opened', 'clicked')"
            )
        )
    migrate.upgrade(engine)
    print(f"migrated {time.perf_counter() - t0:.1f}s")
    for as_of in (dt.datetime(2026, 5, 26, tzinfo=VN), dt.datetime(2026, 11, 26, tzinfo=VN)):
        t = time.perf_counter()
        score_all(engine, as_of)
        print(f"scored as of {as_of.date()} in {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    with engine.begin() as conn:
        for code, name in LIFECYCLE_SEGMENTS:
            seg_id = conn.execute(
                text(
                    "INSERT INTO segment_rules (name, rule_type, conditions, builtin_key) "
                    "VALUES (:n, 'lifecycle', CAST(:c AS jsonb), :k) RETURNING id"
                ),
                {
                    "n": name,
                    "c": f'{{"field": "lifecycle_stage", "op": "eq", "value": "{code}"}}',
                    "k": f"bench_{code}",
                },
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO segment_membership_history (customer_id, segment_rule_id, joined_at, left_at) "
                    "SELECT customer_id, :s, valid_from, valid_to FROM customer_lifecycle_history WHERE stage = :code"
                ),
                {"s": seg_id, "code": code},
            )
            conn.execute(
                text(
                    "INSERT INTO customer_segments (customer_id, segment_rule_id) "
                    "SELECT customer_id, :s FROM customer_lifecycle_history WHERE stage = :code AND valid_to IS NULL"
                ),
                {"s": seg_id, "code": code},
            )
    print(f"segments {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    # The history above was written by hand; a refresh, as the app runs daily, records today's
    # size and count (the Segments page reads them) and rebuilds the revenue rollup.
    refresh_all(engine)
    print(f"segment refresh and revenue rollup {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    result = refresh(engine)
    print(f"attribution refresh {time.perf_counter() - t:.1f}s: {result}")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()


if __name__ == "__main__":
    main()
