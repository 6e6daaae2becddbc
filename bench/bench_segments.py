"""Segment engine benchmark on a 1M-customer database.

    python bench/bench_segments.py [--server-url URL] [--db bench_segments] [--runs 20] [--explain]

Copies `matviet_bench2` (or `matviet_bench`: the 1M demo database, see bench/README.md) when it exists into its
own database, or generates a synthetic 1M-customer base with SQL, applies the migrations, then measures:
  * live count latency of 12 representative rules (profile, scored, aggregate, event, nested),
    p50/p95 per rule and p95 over all runs (target < 300 ms);
  * refresh of a ~200k-member segment: first build, a refresh after the rule changed, and a
    no-change refresh (target < 5 s).
Prints a table and a JSON line. The machine is shared (2 cores): figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import psycopg
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matviet_desktop.core import segments as seg
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.segments.compiler import count_query

SERVER = "postgresql+psycopg://postgres@127.0.0.1:55432/postgres"

RULES: dict[str, object] = {
    "profile: HCM women with email": {
        "all": [
            {"field": "province", "op": "eq", "value": "Hồ Chí Minh"},
            {"field": "gender", "op": "eq", "value": "female"},
            {"field": "has_email", "op": "eq", "value": True},
        ]
    },
    "profile: birthday in 7 days, SMS ok": {
        "all": [
            {"field": "birthday", "op": "anniversary_within_days", "value": 7},
            {"field": "sms_consent", "op": "eq", "value": True},
        ]
    },
    "profile: search 'nguyen', 2 home stores": {
        "all": [
            {"field": "search", "op": "contains", "value": "nguyen"},
            {"field": "home_store_code", "op": "in", "value": ["S001", "S002"]},
        ]
    },
    "scored: at-risk/churned VIP+high": {
        "all": [
            {"field": "lifecycle_stage", "op": "in", "value": ["at_risk", "churned"]},
            {"field": "clv_tier", "op": "in", "value": ["vip", "high"]},
        ]
    },
    "scored: churn >= 70, engagement < 30": {
        "all": [
            {"field": "churn_risk", "op": "gte", "value": 70},
            {"field": "engagement_score", "op": "lt", "value": 30},
        ]
    },
    "scored: RFM champions": {"field": "rfm_segment", "op": "eq", "value": "champions"},
    "aggregate: spent 5–50M and 3+ orders": {
        "all": [
            {"field": "total_spent", "op": "between", "value": [5_000_000, 50_000_000]},
            {"field": "order_count", "op": "gte", "value": 3},
        ]
    },
    "aggregate: lapsed > 1 year": {
        "all": [
            {"field": "last_purchase_at", "op": "more_than_days_ago", "value": 365},
            {"field": "order_count", "op": "gte", "value": 1},
        ]
    },
    "event: 2+ sunglasses purchases in 2 years": {
        "event": "purchase",
        "where": {"category": "sunglasses"},
        "count_op": "gte",
        "count": 2,
        "within_last_days": 730,
    },
    "event: SMS consent, no open in 90 days": {
        "all": [
            {"field": "sms_consent", "op": "eq", "value": True},
            {"event": "campaign_opened", "count_op": "eq", "count": 0, "within_last_days": 90},
        ]
    },
    "event: detractor NPS in a year": {
        "event": "nps_response",
        "where": {"max_score": 6},
        "within_last_days": 365,
    },
    "nested: loyal lapsing or VIP exam due": {
        "all": [
            {"not": {"field": "province", "op": "is_null"}},
            {
                "any": [
                    {
                        "all": [
                            {"field": "lifecycle_stage", "op": "eq", "value": "loyal"},
                            {"not": {"event": "purchase", "within_last_days": 180}},
                        ]
                    },
                    {
                        "all": [
                            {"field": "clv_tier", "op": "eq", "value": "vip"},
                            {"event": "eye_exam", "count_op": "eq", "count": 0, "within_last_days": 365},
                        ]
                    },
                ]
            },
        ]
    },
}
# On matviet_bench2 (demo seed, scored): 206,622 members; the change adds 37,634 and drops 1,905.
REFRESH_RULE = {"field": "churn_risk", "op": "gte", "value": 86.5}
REFRESH_RULE_CHANGED = {"field": "churn_risk", "op": "between", "value": [85.5, 95]}
# A larger first build (433,056 members there), the figure quoted before 0009.
REFRESH_RULE_LARGE = {"field": "churn_risk", "op": "gte", "value": 80}


def admin(server_url: str) -> psycopg.Connection:
    return psycopg.connect(server_url.replace("+psycopg", ""), autocommit=True)


def prepare(server_url: str, db: str, fresh: bool) -> str:
    url = server_url.rsplit("/", 1)[0] + "/" + db
    with admin(server_url) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone()
        if exists and not fresh:
            print(f"reusing database {db}", flush=True)
            return url
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        template = None
        for candidate in ("matviet_bench2", "matviet_bench"):  # the seeded 1M demo databases
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (candidate,)).fetchone():
                template = candidate
                break
        for attempt in range(60):
            try:
                conn.execute(f'CREATE DATABASE "{db}"' + (f' TEMPLATE "{template}"' if template else ""))
                break
            except psycopg.errors.ObjectInUse:  # someone is connected to the template: retry
                time.sleep(2 + attempt % 5)
    engine = make_engine(url)
    if template:
        print(f"copied {template} → {db}; migrating")
        migrate.upgrade(engine)
    else:
        print(f"generating synthetic data in {db}")
        from segments_bench_data import generate

        migrate.upgrade(engine)
        generate(engine, lambda m: print(m, flush=True))
    engine.dispose()
    return url


def bench_counts(url: str, runs: int, explain: bool) -> dict[str, dict[str, float]]:
    engine = make_engine(url)  # the app's pool size: a count may take two connections (halves.py)
    results: dict[str, dict[str, float]] = {}
    all_ms: list[float] = []
    for name, rule in RULES.items():
        n = seg.count(engine, rule)  # warm the cache and the plan
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            seg.count(engine, rule)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
        results[name] = {"count": n, "p50_ms": statistics.median(times), "p95_ms": p95}
        all_ms += times
        print(f"{name:45} {n:>9}  p50 {results[name]['p50_ms']:7.1f} ms  p95 {p95:7.1f} ms")
        if explain:
            with engine.begin() as conn:
                conn.execute(text("SET LOCAL work_mem = '128MB'"))
                conn.execute(text("SET LOCAL jit = off"))  # as seg.count does
                compiled = count_query(rule).compile(engine, compile_kwargs={"render_postcompile": True})
                plan = conn.exec_driver_sql(
                    "EXPLAIN (ANALYZE, BUFFERS) " + str(compiled), compiled.params
                ).all()
                print("\n".join(f"    {r[0]}" for r in plan))
    all_ms.sort()
    overall = all_ms[max(0, int(round(0.95 * len(all_ms))) - 1)]
    print(f"{'ALL RULES':45} {'':>9}  p95 {overall:7.1f} ms (target < 300 ms)")
    results["_overall"] = {"p95_ms": overall}
    engine.dispose()
    return results


def bench_refresh(url: str, large: bool) -> dict[str, float]:
    engine = make_engine(url, pool_size=1)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM segment_rules WHERE name = 'bench 200k'"))
    info = seg.create_segment(engine, "bench 200k", REFRESH_RULE)
    out = {}
    for label, rule in (("first build", None), ("rule changed", REFRESH_RULE_CHANGED), ("no change", None)):
        if rule is not None:
            seg.update_segment(engine, info.id, rule=rule)
        started = time.perf_counter()
        [result] = seg.refresh(engine, info.id)
        seconds = time.perf_counter() - started
        out[label] = seconds
        print(
            f"refresh {label:14} size {result.size:>7} +{result.joined:<7} -{result.left:<7} {seconds:6.2f} s (target < 5 s)"
        )
    seg.delete_segment(engine, info.id)
    if large:
        info = seg.create_segment(engine, "bench 200k", REFRESH_RULE_LARGE)
        started = time.perf_counter()
        [result] = seg.refresh(engine, info.id)
        out["first build, large"] = seconds = time.perf_counter() - started
        print(
            f"refresh {'first, large':14} size {result.size:>7} +{result.joined:<7} -{result.left:<7} {seconds:6.2f} s"
        )
        seg.delete_segment(engine, info.id)
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server-url", default=SERVER)
    parser.add_argument("--db", default="bench_segments")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark database")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of every rule")
    parser.add_argument("--skip-refresh", action="store_true")
    parser.add_argument("--skip-counts", action="store_true")
    parser.add_argument("--large", action="store_true", help="also time the first build of a 433k segment")
    args = parser.parse_args()
    url = prepare(args.server_url, args.db, args.fresh)
    with make_engine(url).connect() as conn:
        customers = conn.execute(text("SELECT count(*) FROM customers")).scalar_one()
    print(f"customers: {customers:,}")
    counts = {} if args.skip_counts else bench_counts(url, args.runs, args.explain)
    refresh = {} if args.skip_refresh else bench_refresh(url, args.large)
    print(json.dumps({"customers": customers, "counts": counts, "refresh_s": refresh}, ensure_ascii=False))


if __name__ == "__main__":
    main()
