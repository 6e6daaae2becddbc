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
import resource
import time
from pathlib import Path

import psutil
import psycopg

from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.demo.seed import seed_demo
from matviet_desktop.devtools.pgcluster import start_throwaway_cluster


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _server_cpu_seconds(datadir: Path | None) -> float | None:
    """CPU seconds used so far by a local cluster: postmaster, live children, and reaped children
    (backends and parallel workers that already exited). None when the server is not ours."""
    if datadir is None:
        return None
    try:
        pid = int((datadir / "postmaster.pid").read_text().splitlines()[0])
        postmaster = psutil.Process(pid)
        t = postmaster.cpu_times()
        total = t.user + t.system + t.children_user + t.children_system
        for child in postmaster.children(recursive=True):
            c = child.cpu_times()
            total += c.user + c.system
        return total
    except (OSError, ValueError, psutil.Error):
        return None


def _client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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
        datadir = cluster.datadir if cluster is not None else None
        client_cpu0, server_cpu0 = _client_cpu_seconds(), _server_cpu_seconds(datadir)

        def progress(fraction: float, message: str) -> None:
            print(f"  {time.perf_counter() - t0:7.1f}s [{fraction:4.0%}] {message}", flush=True)

        result = seed_demo(
            engine, customers=args.customers, seed=args.seed, as_of=args.as_of, progress=progress
        )
        engine.dispose()
        client_cpu = _client_cpu_seconds() - client_cpu0
        server_cpu1 = _server_cpu_seconds(datadir)
        server_cpu = None if server_cpu0 is None or server_cpu1 is None else server_cpu1 - server_cpu0
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
                    # CPU time is what contention cannot inflate; on an idle 2-core machine the wall
                    # time lies between max(client, server) and client + server
                    "client_cpu_seconds": round(client_cpu, 1),
                    "server_cpu_seconds": None if server_cpu is None else round(server_cpu, 1),
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
