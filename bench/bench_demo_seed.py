"""Benchmark: seed N demo customers (default 1,000,000) into a fresh database and print the timing.

Usage:
    python bench/bench_demo_seed.py [--customers N] [--seed S] [--as-of DATE] [--server-url URL] [--keep NAME]

Without --server-url a throwaway PostgreSQL cluster is started (devtools/pgcluster.py) and
destroyed afterwards. With --server-url (a superuser URL to the `postgres` database), a database
named by --keep (default: a temporary name, dropped afterwards) is created there, migrated to
head and seeded; with --keep it stays, and VACUUM ANALYZE runs on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time

import psycopg

from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.demo.seed import seed_demo
from matviet_desktop.devtools.pgcluster import start_throwaway_cluster


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 11, 26))
    parser.add_argument(
        "--server-url", default=None, help="superuser URL of an existing server's postgres database"
    )
    parser.add_argument("--keep", default=None, help="name of a database to create and keep")
    args = parser.parse_args()

    cluster = None
    if args.server_url:
        server_url = args.server_url
    else:
        cluster = start_throwaway_cluster(prefix="matviet-bench-")
        server_url = cluster.url()
    name = args.keep or f"bench_demo_seed_{os.getpid()}"
    base = server_url.rsplit("/", 1)[0]
    try:
        with psycopg.connect(_libpq(server_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        engine = make_engine(f"{base}/{name}", pool_size=1)
        t0 = time.perf_counter()
        migrate.upgrade(engine)
        migrated = time.perf_counter() - t0

        def progress(fraction: float, message: str) -> None:
            print(f"  {time.perf_counter() - t0:7.1f}s [{fraction:4.0%}] {message}", flush=True)

        result = seed_demo(
            engine, customers=args.customers, seed=args.seed, as_of=args.as_of, progress=progress
        )
        engine.dispose()
        vacuum = None
        if args.keep:
            t1 = time.perf_counter()
            with psycopg.connect(_libpq(f"{base}/{name}"), autocommit=True) as conn:
                conn.execute("VACUUM ANALYZE")
            vacuum = time.perf_counter() - t1
        load_avg = os.getloadavg() if hasattr(os, "getloadavg") else None
        print(
            json.dumps(
                {
                    "customers": args.customers,
                    "seed": args.seed,
                    "as_of": args.as_of.isoformat(),
                    "migrate_seconds": round(migrated, 1),
                    "seed_seconds": round(result.seconds, 1),
                    "phases": {k: round(v, 1) for k, v in result.phases.items()},
                    "vacuum_analyze_seconds": None if vacuum is None else round(vacuum, 1),
                    "counts": result.counts,
                    "load_average_at_end": load_avg,
                },
                indent=2,
            )
        )
    finally:
        if not args.keep:
            with psycopg.connect(_libpq(server_url), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if cluster is not None:
            cluster.destroy()


if __name__ == "__main__":
    main()
