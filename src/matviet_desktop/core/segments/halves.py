"""Counting a rule in two halves at once, for the counts PostgreSQL keeps on one core.

A count whose EXISTS tests probe per customer (probes.py) runs correlated subplans, which
PostgreSQL never puts in a parallel plan: on the 1M-customer demo database the nested benchmark
rule used one core for ~260 ms while the other idled. Here the customer id space is cut in two
and each half is counted on its own connection, at the same time. Both transactions share one
snapshot (`pg_export_snapshot`, as pg_dump does), so the sum counts one moment of the data.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

from sqlalchemy import Connection, Engine, Select, text

# Customer ids are random (gen_random_uuid), so each half holds about half the customers.
MIDDLE = uuid.UUID(int=1 << 127)
HALVES: tuple[tuple[uuid.UUID | None, uuid.UUID | None], ...] = ((None, MIDDLE), (MIDDLE, None))
_SNAPSHOT_ID = re.compile(r"[0-9A-F]+-[0-9A-F]+(-[0-9A-F]+)?")
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="segment-count-half")


def second_connection_free(engine: Engine) -> bool:
    """True when the pool has a connection to spare for the second half without waiting
    (a count must never queue behind the app's other database work)."""
    pool: Any = engine.pool
    size = getattr(pool, "size", None)
    checked_out = getattr(pool, "checkedout", None)
    if not callable(size) or not callable(checked_out):
        return False
    return int(checked_out()) + 2 <= int(size())


def count_in_halves(
    engine: Engine,
    prepare: Callable[[Connection], object],
    query_for: Callable[[uuid.UUID | None, uuid.UUID | None], Select[Any]],
) -> int:
    """Sum of `query_for(lo, hi)` (a one-row count of the ids in [lo, hi)) over both halves,
    each on its own connection, in one snapshot. `prepare` tunes each transaction."""
    with engine.connect() as first, engine.connect() as second:
        first = first.execution_options(isolation_level="REPEATABLE READ")
        second = second.execution_options(isolation_level="REPEATABLE READ")
        with first.begin(), second.begin():
            snapshot = first.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            if not _SNAPSHOT_ID.fullmatch(snapshot):  # inlined below: SET takes no parameters
                raise ValueError(f"unexpected snapshot id {snapshot!r}")
            second.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            for conn in (first, second):
                prepare(conn)
            (lo1, hi1), (lo2, hi2) = HALVES
            other = _POOL.submit(lambda: int(second.execute(query_for(lo2, hi2)).scalar_one()))
            try:
                mine = int(first.execute(query_for(lo1, hi1)).scalar_one())
            finally:
                wait([other])  # never end the transactions while the other half still runs
            return mine + other.result()
