"""Shared helpers for the sending tests: campaigns with targets made in SQL, the fake eSMS,
worker subprocesses, and the exactly-once / completeness checks."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import Engine, text

from matviet_desktop.core.channels.esms import EsmsClient
from matviet_desktop.core.channels.fake.esms import FakeEsms
from matviet_desktop.core.channels.fake.http import FakeHttpServer
from matviet_desktop.core.sending import outbox
from matviet_desktop.core.sending.deadline import libpq_conninfo
from matviet_desktop.core.sending.engine import EngineConfig, SendEngine, WorkerStats

SRC = Path(__file__).resolve().parents[2] / "src"

# Short delays so that retries happen within a test; the protocol is the same as in production.
FAST = dict(backoff_base_s=0.05, backoff_cap_s=0.2, idle_poll_s=0.1, rescue_interval_s=0.5, lease_s=30.0)


def make_campaign(
    engine: Engine,
    n: int,
    *,
    campaign_type: str = "sms",
    purpose: str = "customer_care",
    consent: bool = True,
    status: str = "sending",
    max_attempts: int = 8,
    first: int = 0,
    content: str = "Cam on quy khach da mua kinh tai Mat Viet",
) -> uuid.UUID:
    """A campaign with `n` targets (customers made with generate_series, phones +8490xxxxxxx)."""
    with engine.begin() as conn:
        cid = conn.execute(
            text(
                "INSERT INTO campaigns (name, campaign_type, purpose, status, message_content) "
                "VALUES (:name, :t, :p, :s, :m) RETURNING id"
            ),
            {
                "name": f"test-{uuid.uuid4().hex[:6]}",
                "t": campaign_type,
                "p": purpose,
                "s": status,
                "m": content,
            },
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO customers (full_name, phone, email, sms_consent, zalo_consent, email_consent) "
                "SELECT 'Khách ' || i, '+8490' || lpad(i::text, 7, '0'), 'k' || i || '@example.vn', :c, :c, :c "
                "FROM generate_series(CAST(:a AS int), CAST(:b AS int)) i ON CONFLICT (phone) DO NOTHING"
            ),
            {"a": first, "b": first + n - 1, "c": consent},
        )
        conn.execute(
            text(
                "INSERT INTO campaign_targets (campaign_id, customer_id, phone, email, content, subject, max_attempts) "
                "SELECT :cid, id, phone, email, :m, 'Ưu đãi tháng 11', :ma FROM customers "
                "WHERE phone >= '+8490' || lpad(CAST(:a AS text), 7, '0') AND phone <= '+8490' || lpad(CAST(:b AS text), 7, '0')"
            ),
            {"cid": cid, "m": content, "a": first, "b": first + n - 1, "ma": max_attempts},
        )
    return cid


class FakeProvider:
    def __init__(self) -> None:
        self.server = FakeHttpServer()
        self.esms = FakeEsms()
        self.esms.install(self.server)
        self.server.start()

    def settings(self, **extra: str) -> dict[str, str]:
        return {
            "base_url": self.server.url,
            "api_key": "key",
            "secret_key": "secret",
            "brandname": "MATVIET",
            "timeout_s": "2",
            "opt_out_text": "Tu choi QC soan TC gui 6058",
            **extra,
        }

    def factory(self, **extra: str):
        return lambda provider: EsmsClient(self.settings(**extra), zns=provider == "esms_zns")

    def env(self) -> dict[str, str]:
        return {
            "MATVIET_ESMS_BASE_URL": self.server.url,
            "MATVIET_ESMS_API_KEY": "key",
            "MATVIET_ESMS_SECRET_KEY": "secret",
            "MATVIET_ESMS_BRANDNAME": "MATVIET",
            "MATVIET_ESMS_TIMEOUT_S": "2",
        }


@contextmanager
def fake_esms() -> Iterator[FakeProvider]:
    provider = FakeProvider()
    try:
        yield provider
    finally:
        provider.server.stop()


def engine_for(db_url: str, provider: FakeProvider, **config: object) -> SendEngine:
    return SendEngine(db_url, config=EngineConfig(**{**FAST, **config}), channel_factory=provider.factory())  # type: ignore[arg-type]


def run_threads(
    db_url: str, provider: FakeProvider, n: int, cid: uuid.UUID, **config: object
) -> list[WorkerStats]:
    results: list[WorkerStats] = []
    errors: list[BaseException] = []

    def work() -> None:
        eng = engine_for(db_url, provider, **config)
        try:
            results.append(eng.run(cid, until_idle=True))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            eng.close()

    threads = [threading.Thread(target=work) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    return results


def spawn_worker(
    db_url: str,
    provider: FakeProvider,
    cid: uuid.UUID,
    *,
    failpoints: str = "",
    extra_env: dict[str, str] | None = None,
    args: tuple[str, ...] = ("--until-idle",),
    capture: bool = False,
    cli: bool = False,
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        **provider.env(),
        "PYTHONPATH": str(SRC),
        "MATVIET_FAILPOINTS": failpoints,
        **(extra_env or {}),
    }
    # The CLI (`matviet send-worker`) or the lighter runner module: same loop, faster start.
    entry = (
        ["-m", "matviet_desktop.cli.main", "send-worker"]
        if cli
        else ["-m", "matviet_desktop.core.sending.runner"]
    )
    return subprocess.Popen(
        [sys.executable, *entry, "--database-url", db_url, "--campaign", str(cid), *args],
        env=env,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )


def connect(db_url: str) -> psycopg.Connection:
    return psycopg.connect(libpq_conninfo(db_url), autocommit=True)


def assert_complete(db_url: str, cid: uuid.UUID) -> dict[str, int]:
    """Completeness invariant (research §6.3 test 17) and the status counts."""
    with connect(db_url) as conn:
        assert outbox.completeness_violations(conn, cid) == []
        return outbox.status_counts(conn, cid)


def assert_exactly_once(db_url: str, cid: uuid.UUID, fake: FakeEsms) -> None:
    """Every accepted target's RequestId was accepted by the provider exactly once."""
    with connect(db_url) as conn:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT request_id FROM campaign_targets WHERE campaign_id = %s AND status = 'accepted'",
                (cid,),
            )
        ]
    assert ids, "nothing was accepted"
    assert fake.duplicates() == {}
    assert all(fake.accepted[r] == 1 for r in ids), [r for r in ids if fake.accepted[r] != 1][:5]
