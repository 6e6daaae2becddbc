"""Send rate per provider account, shared by every workstation through one database row
(research §5.5), with a local AIMD multiplier: throttling answers halve this worker's share,
successes win it back slowly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import psycopg

TAKE_SQL = """
UPDATE rate_buckets SET
  tokens = LEAST(capacity, tokens + extract(epoch FROM clock_timestamp() - updated_at) * refill_per_s) - %(n)s,
  updated_at = clock_timestamp()
WHERE provider_account = %(acct)s
  AND LEAST(capacity, tokens + extract(epoch FROM clock_timestamp() - updated_at) * refill_per_s) >= %(n)s
RETURNING tokens
"""


def ensure_bucket(conn: psycopg.Connection, account: str, rate_per_s: float) -> None:
    """Create the bucket, or apply a changed rate. Capacity ≈ 0.1 s of traffic keeps bursts small."""
    capacity = max(1.0, rate_per_s / 10)
    conn.execute(
        "INSERT INTO rate_buckets (provider_account, capacity, refill_per_s, tokens) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (provider_account) DO UPDATE SET capacity = excluded.capacity, "
        "refill_per_s = excluded.refill_per_s WHERE rate_buckets.refill_per_s <> excluded.refill_per_s",
        (account, capacity, rate_per_s, capacity),
    )


class RateLimiter:
    """Hands out send permits; `run_db` runs a function on the worker's DB session."""

    def __init__(self, run_db: Callable[..., Any], account: str, rate_per_s: float) -> None:
        self.run_db, self.account, self.rate = run_db, account, rate_per_s
        self.take = max(1, min(10, int(rate_per_s // 20)))
        self.local = 0.0
        self.multiplier = 1.0
        self.not_before = 0.0
        self.throttled_count = 0
        run_db(lambda conn: ensure_bucket(conn, account, rate_per_s))

    def try_acquire(self) -> float:
        """0.0 when a permit was taken, else how long to wait before asking again."""
        now = time.monotonic()
        if now < self.not_before:  # throttled: this worker keeps to rate × multiplier on its own
            return self.not_before - now
        if self.local < 1.0:
            got = self.run_db(
                lambda conn: conn.execute(TAKE_SQL, {"n": self.take, "acct": self.account}).fetchone()
            )
            if got is None:
                return (self.take / self.rate) * random.uniform(0.5, 1.0)
            self.local += self.take
        self.local -= 1.0
        if self.multiplier < 1.0:
            self.not_before = now + 1.0 / (self.rate * self.multiplier)
        return 0.0

    def acquire(self, stopped: Callable[[], bool]) -> bool:
        while not stopped():
            wait = self.try_acquire()
            if wait == 0.0:
                return True
            time.sleep(wait)
        return False

    def throttled(self) -> None:
        self.throttled_count += 1
        self.multiplier = max(0.05, self.multiplier / 2)
        self.not_before = time.monotonic() + 1.0 / (self.rate * self.multiplier)

    def succeeded(self) -> None:
        if self.multiplier < 1.0:
            self.multiplier = min(1.0, self.multiplier + 0.02)
