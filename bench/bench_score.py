"""Full `score_all` on the 1M-customer database vs the floor, both timed in the same run.

Floor = a bare SQL aggregate of completed orders per customer (streamed out through COPY) plus a
COPY of 1M rows into a temporary table. Targets: score_all <= 60 s and <= 3x the floor.

The benchmark never writes to `matviet_bench`: it clones it (CREATE DATABASE ... TEMPLATE) into
`bench_scoring` and upgrades the clone to this branch's schema.

    PYTHONPATH=src python bench/bench_score.py [--server URL] [--template matviet_bench]
                                                [--database bench_scoring] [--reuse]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import time
import uuid

import psycopg

from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.scoring.pipeline import score_all

SERVER = "postgresql://postgres@127.0.0.1:55432/"


def clone(server: str, template: str, database: str) -> None:
    with psycopg.connect(server + "postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for attempt in range(60):
            try:
                conn.execute(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')
                return
            except psycopg.errors.ObjectInUse:  # someone is connected to the template: retry
                print(f"template busy, retry {attempt + 1}")
                time.sleep(5)
    raise SystemExit(f"could not clone {template}: still in use")


def floor_seconds(url: str) -> tuple[float, float, int]:
    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        size = 0
        with (
            conn.cursor() as cur,
            cur.copy(
                "COPY (SELECT customer_id, count(*), sum(total_amount), min(order_date), max(order_date) "
                "FROM orders WHERE status = 'completed' GROUP BY customer_id) TO STDOUT"
            ) as copy,
        ):
            for block in copy:
                size += len(block)
        aggregate_s = time.perf_counter() - start
        n = conn.execute("SELECT count(*) FROM customers").fetchone()[0]  # type: ignore[index]
        rows = "".join(f"{uuid.uuid4()}\t{i}\t{i * 1000}.00\n" for i in range(n)).encode()
        start = time.perf_counter()
        conn.execute("CREATE TEMP TABLE floor_copy (customer_id uuid, k integer, amount numeric(15,2))")
        with conn.cursor() as cur, cur.copy("COPY floor_copy FROM STDIN") as copy:
            buf = io.BytesIO(rows)
            while chunk := buf.read(1 << 20):
                copy.write(chunk)
        copy_s = time.perf_counter() - start
        conn.rollback()
    return aggregate_s, copy_s, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=SERVER)
    parser.add_argument("--template", default="matviet_bench")
    parser.add_argument("--database", default="bench_scoring")
    parser.add_argument("--reuse", action="store_true", help="score an existing copy (no re-clone)")
    parser.add_argument("--as-of", default=None, help="ISO timestamp; default: latest order")
    parser.add_argument(
        "--touch",
        type=int,
        default=5000,
        help="before the run, rewrite the orders of this many random customers (a day's changes: "
        "the run must re-aggregate them); 0 = none",
    )
    args = parser.parse_args()

    if not args.reuse:
        clone(args.server, args.template, args.database)
    url = args.server + args.database
    engine = make_engine(url)
    migrate.upgrade(engine)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE")
        as_of = (
            dt.datetime.fromisoformat(args.as_of)
            if args.as_of
            # A daily run right after the last data arrived (as-of = now would be the same).
            else conn.execute(
                "SELECT greatest((SELECT max(order_date) FROM orders), "
                "(SELECT max(created_at) FROM customer_engagements))"
            ).fetchone()[0]  # type: ignore[index]
        )
        orders = conn.execute("SELECT count(*) FROM orders").fetchone()[0]  # type: ignore[index]
        if args.touch:
            # A no-op rewrite fires the same triggers as a day's new orders and status changes.
            touched = conn.execute(
                "UPDATE orders SET status = status WHERE customer_id IN "
                "(SELECT customer_id FROM orders ORDER BY random() LIMIT %s)",
                (args.touch,),
            ).rowcount
            print(f"touched {touched:,} orders of {args.touch:,} random buyers")

    aggregate_s, copy_s, customers = floor_seconds(url)
    floor = aggregate_s + copy_s
    print(f"database {args.database}: {customers:,} customers, {orders:,} orders, as of {as_of}")
    print(f"floor: aggregate {aggregate_s:.2f} s + COPY 1M rows {copy_s:.2f} s = {floor:.2f} s")

    steps: list[tuple[float, str]] = []
    start = time.perf_counter()
    result = score_all(
        engine, as_of, progress=lambda label, f: steps.append((time.perf_counter() - start, label))
    )
    total = time.perf_counter() - start
    engine.dispose()
    print(f"score_all: {total:.2f} s for {result.customers_scored:,} customers; steps {result.timings}")
    print(f"ratio to floor {total / floor:.2f}x (target <= 3x): {'OK' if total <= 3 * floor else 'FAIL'}")
    print(f"absolute (target <= 60 s): {'OK' if total <= 60 else 'FAIL'}")
    print(f"lifecycle {result.counts['lifecycle_stage']}")
    print(f"tiers {result.counts['clv_tier']}")
    print(f"rfm {result.counts['rfm_segment']}")
    print(f"bgnbd {result.params.get('bgnbd')}")
    print(f"gamma-gamma {result.params.get('gamma_gamma')}")
    facts = {
        k: v for k, v in result.params.items() if k.startswith("facts") or k == "order_aggregates_written"
    }
    print(f"facts {facts}")


if __name__ == "__main__":
    main()
