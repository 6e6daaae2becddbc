"""Throughput of the sending engine (issue 6): N customer-care targets through the fake eSMS
with a fixed reply latency, W worker processes sharing one configured rate limit.

Pass criterion: ≥ 95 % of the configured rate, zero duplicate acceptances.

    python bench/bench_sending.py [--targets 100000] [--rate 200] [--workers 4] [--latency-ms 30]

Runs on its own throwaway PostgreSQL cluster (devtools.pgcluster), so nothing else is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from matviet_desktop.core.channels.fake.esms import FakeEsms  # noqa: E402
from matviet_desktop.core.channels.fake.http import FakeHttpServer  # noqa: E402
from matviet_desktop.core.db import migrate  # noqa: E402
from matviet_desktop.core.db.engine import make_engine  # noqa: E402
from matviet_desktop.devtools.pgcluster import start_throwaway_cluster  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--targets", type=int, default=100_000)
    ap.add_argument("--rate", type=float, default=200.0)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--latency-ms", type=float, default=30.0)
    ap.add_argument("--concurrency", type=int, default=4)
    args = ap.parse_args()

    cluster = start_throwaway_cluster(prefix="matviet-bench-send-", synchronous_commit="on")
    server = FakeHttpServer()
    fake = FakeEsms()
    fake.install(server)
    fake.faults.latency_s = args.latency_ms / 1000
    server.start()
    procs: list[subprocess.Popen[bytes]] = []
    try:
        url = cluster.url()
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(
                "INSERT INTO customers (full_name, phone) SELECT 'Khách ' || i, '+8490' || lpad(i::text, 7, '0') "
                "FROM generate_series(1, %s) i",
                (args.targets,),
            )
            cid = conn.execute(
                "INSERT INTO campaigns (name, campaign_type, purpose, status) "
                "VALUES ('bench', 'sms', 'customer_care', 'sending') RETURNING id"
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO campaign_targets (campaign_id, customer_id, phone, content) "
                "SELECT %s, id, phone, 'Cam on quy khach da mua kinh tai Mat Viet' FROM customers",
                (cid,),
            )
            conn.execute("VACUUM ANALYZE campaign_targets")
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "MATVIET_ESMS_BASE_URL": server.url,
            "MATVIET_ESMS_API_KEY": "key",
            "MATVIET_ESMS_SECRET_KEY": "secret",
            "MATVIET_ESMS_BRANDNAME": "MATVIET",
            "MATVIET_SEND_RATE_PER_S": str(args.rate),
            "MATVIET_SEND_BATCH_SIZE": "50",
            "MATVIET_SEND_CONCURRENCY": str(args.concurrency),
            "MATVIET_SEND_IDLE_POLL_S": "0.2",
        }
        started = time.monotonic()
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "matviet_desktop.core.sending.runner",
                    "--database-url",
                    url,
                    "--campaign",
                    str(cid),
                    "--until-idle",
                ],
                env=env,
                stdout=subprocess.PIPE,
            )
            for _ in range(args.workers)
        ]
        # Steady-state rate: from the 1st to the last acceptance (excludes process start-up).
        first_at = None
        while any(p.poll() is None for p in procs):
            if first_at is None and fake.total_accepted > 0:
                first_at = time.monotonic()
            time.sleep(0.05)
        finished = time.monotonic()
        outputs = [json.loads(p.stdout.read() or b"{}") for p in procs if p.stdout]
        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
            counts = dict(
                conn.execute(
                    "SELECT status, count(*) FROM campaign_targets WHERE campaign_id = %s GROUP BY status",
                    (cid,),
                ).fetchall()
            )
        steady = args.targets / (finished - (first_at or started))
        result = {
            "targets": args.targets,
            "configured_rate": args.rate,
            "workers": args.workers,
            "latency_ms": args.latency_ms,
            "wall_s": round(finished - started, 1),
            "steady_rate_per_s": round(steady, 1),
            "share_of_configured": round(steady / args.rate, 3),
            "statuses": counts,
            "duplicates": len(fake.duplicates()),
            "provider_requests": sum(fake.raw.values()),
            "throttled_160": fake.codes.get("160", 0),
            "per_worker_accepted": [o.get("accepted") for o in outputs],
            "load_average": os.getloadavg(),
        }
        print(json.dumps(result, indent=2))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        server.stop()
        cluster.destroy()


if __name__ == "__main__":
    main()
