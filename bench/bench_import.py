"""Benchmark: import 1,000,000 order rows (target: within 60 s on 2 cores).

Creates its own database (never touches matviet_bench), seeds stores and customers with SQL,
writes a realistic CSV (Vietnamese headers, dd/mm/yyyy dates, "1.250.000" amounts, 10 % of rows
identified by phone only, 0.5 % bad rows), then times a first import and an identical re-import.
Also times phone normalisation of 1M distinct raw numbers in Python.

    python bench/bench_import.py [--server URL] [--rows 1000000] [--customers 200000] [--keep] [--scored]
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import psycopg

from matviet_desktop.core.customers.phones import _normalise_cached, normalise_phone
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.importing import Progress, run_import

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:55432/postgres"


def create_database(server: str, name: str) -> str:
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


def seed(url: str, customers: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO stores (code, name, province) SELECT 'S' || lpad(g::text, 3, '0'), 'Cửa hàng ' || g, 'HCM'"
            " FROM generate_series(1, 50) g"
        )
        conn.execute(
            "INSERT INTO customers (external_id, full_name, phone, search_text)"
            " SELECT 'C' || lpad(g::text, 7, '0'), 'Khách ' || g, '+8491' || lpad(g::text, 7, '0'), ''"
            " FROM generate_series(1, %s) g",
            (customers,),
        )
        conn.execute("ANALYZE")


def write_orders_csv(path: Path, rows: int, customers: int, seed_value: int = 7) -> None:
    rng = np.random.default_rng(seed_value)
    cust = rng.integers(1, customers + 1, rows)
    store = rng.integers(1, 51, rows)
    day = rng.integers(1, 29, rows)
    month = rng.integers(1, 13, rows)
    year = rng.integers(2019, 2025, rows)
    hour = rng.integers(8, 22, rows)
    minute = rng.integers(0, 60, rows)
    amount = rng.integers(2, 400, rows) * 10_000
    discount = np.where(rng.random(rows) < 0.2, rng.integers(1, 10, rows) * 10_000, 0)
    by_phone = rng.random(rows) < 0.10
    bad = rng.random(rows) < 0.005
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Mã đơn hàng",
                "Mã KH",
                "Số điện thoại",
                "Cửa hàng",
                "Ngày mua",
                "Thành tiền",
                "Giảm giá",
                "Trạng thái",
            ]
        )
        for i in range(rows):
            c = int(cust[i])
            ext = "" if by_phone[i] else f"C{c:07d}"
            phone = f"091 {c:07d}" if by_phone[i] else ""
            total = f"{int(amount[i]):,}".replace(",", ".")
            if bad[i]:
                total = "-" + total  # negative amount: rejected
            writer.writerow(
                [
                    f"B{i:08d}",
                    ext,
                    phone,
                    f"S{int(store[i]):03d}",
                    f"{int(day[i]):02d}/{int(month[i]):02d}/{int(year[i])} {int(hour[i]):02d}:{int(minute[i]):02d}",
                    total,
                    str(int(discount[i])),
                    "Hoàn thành",
                ]
            )


def backend_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a local server backend, from /proc: a figure the other jobs on
    this shared machine do not inflate the way they inflate wall time."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_import(url: str, path: Path, label: str) -> None:
    engine = make_engine(url, pool_size=1)
    with engine.connect() as conn:  # the pool hands the same connection to run_import
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    server_cpu = backend_cpu_seconds(pid)
    client_cpu = time.process_time()
    marks: list[tuple[str, float]] = []
    start = time.perf_counter()

    def progress(p: Progress) -> None:
        if not marks or marks[-1][0] != p.phase:
            marks.append((p.phase, time.perf_counter() - start))

    report = run_import(engine, "orders", path, progress=progress)
    total = time.perf_counter() - start
    server_cpu = backend_cpu_seconds(pid) - server_cpu
    client_cpu = time.process_time() - client_cpu
    engine.dispose()
    phases = ", ".join(f"{phase}@{t:.1f}s" for phase, t in marks)
    print(
        f"{label}: {report.total_rows:,} rows in {total:.1f} s — inserted {report.inserted:,}, updated"
        f" {report.updated:,}, unchanged {report.unchanged:,}, rejected {report.rejected_rows:,}"
        f" {report.reasons}\n  phases: {phases}\n  cpu: python {client_cpu:.1f} s + postgres backend"
        f" {server_cpu:.1f} s = {client_cpu + server_cpu:.1f} s; load average {os.getloadavg()[0]:.1f}"
    )


def bench_phones(n: int) -> None:
    values = [f"0{9 if i % 2 else 3}{i:08d}"[:10] for i in range(n)]
    values = [f"{v[:4]} {v[4:7]} {v[7:]}" for v in values]
    _normalise_cached.cache_clear()
    start = time.perf_counter()
    for value in values:
        _normalise_cached.__wrapped__(value)
    elapsed = time.perf_counter() - start
    assert normalise_phone(values[1]).ok
    print(
        f"phones: {n:,} distinct raw numbers normalised in {elapsed:.1f} s ({elapsed / n * 1e6:.1f} µs each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=DEFAULT_SERVER)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument(
        "--scored",
        action="store_true",
        help="as after a scoring run: the scoring facts exist, so the import's rows mark their customers",
    )
    args = parser.parse_args()

    print(f"cores: {os.cpu_count()}, rows: {args.rows:,}, customers: {args.customers:,}")
    url = create_database(args.server, "bench_importing")
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    seed(url, args.customers)
    if args.scored:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "INSERT INTO scoring_facts_state (id, fingerprint, ref_day, compare_all, engagement_types, built_at) "
                "VALUES (1, 'bench', 20000, false, '{eye_exam}', now())"
            )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "orders_1m.csv"
        start = time.perf_counter()
        write_orders_csv(path, args.rows, args.customers)
        print(f"csv: {path.stat().st_size / 1e6:.0f} MB written in {time.perf_counter() - start:.1f} s")
        timed_import(url, path, "first import")
        timed_import(url, path, "re-import (same file)")
    bench_phones(args.rows)
    if not args.keep:
        with psycopg.connect(args.server, autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "bench_importing" WITH (FORCE)')


if __name__ == "__main__":
    main()
