"""The send loop: claim → provider call (no row lock held) → fenced finalize, for any number of
workers on any number of workstations. Thread-friendly (one `SendEngine` per thread, its own
connection), cooperative stop through a `threading.Event`, progress through a callback.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

import psycopg
from sqlalchemy import Engine

from matviet_desktop.core.channels.base import Channel, OutboundBatch, OutboundMessage
from matviet_desktop.core.sending import compliance, outbox
from matviet_desktop.core.sending.deadline import Backoff, DbSession, DbUnavailable
from matviet_desktop.core.sending.errors import Outcome, SendResult
from matviet_desktop.core.sending.failpoints import failpoint
from matviet_desktop.core.sending.ratelimit import RateLimiter

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_PROVIDER = {"sms": "esms", "zalo": "esms_zns", "email": "smtp"}
ChannelFactory = Callable[[str], Channel]


@dataclass
class EngineConfig:
    batch_size: int = 20  # targets per claim
    concurrency: int = 4  # parallel provider calls per worker
    lease_s: float = 120.0
    idle_poll_s: float = 1.0
    rescue_interval_s: float = 15.0
    backoff_base_s: float = 10.0  # full jitter: uniform(0, min(cap, base·2^(attempt-1)))
    backoff_cap_s: float = 900.0
    dedup_margin_s: float = 4 * 3600.0  # resend only while now - first attempt < window - margin
    db_deadline_s: float = 10.0
    # A worker frozen inside a transaction holds its row locks until the server ends the session:
    # this bounds how long a rescuer waits for them. Our transactions last milliseconds.
    idle_tx_timeout_s: float = 15.0
    idle_horizon_s: float = 5.0  # until_idle: stop when nothing is due within this horizon
    qc_batch_size: int = 500
    rate_per_s: float | None = None  # override the provider setting
    status_check_s: float = 1.0  # how often pause/cancel is noticed
    delivery_poll_s: float = 120.0  # delivery-status polling from the loop; 0 = never

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> EngineConfig:
        """Headless tuning: `MATVIET_SEND_<FIELD>` (e.g. MATVIET_SEND_LEASE_S=60)."""
        env = os.environ if environ is None else environ
        config = cls()
        for name, value in vars(config).items():
            raw = env.get(f"MATVIET_SEND_{name.upper()}")
            if raw:
                setattr(config, name, float(raw) if value is None else type(value)(float(raw)))
        return config


@dataclass
class WorkerStats:
    claimed: int = 0
    accepted: int = 0
    failed: int = 0
    in_doubt: int = 0
    retried: int = 0
    released: int = 0
    excluded: int = 0
    lost_lease: int = 0
    duplicates_absorbed: int = 0
    throttled: int = 0
    paused_campaigns: int = 0
    db_errors: int = 0
    rescued: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class CampaignInfo:
    id: uuid.UUID
    name: str
    campaign_type: str
    purpose: str
    provider: str
    provider_account: str
    template_id: str | None
    status: str = "sending"
    checked_at: float = field(default=0.0)

    @property
    def advertising(self) -> bool:
        return self.purpose == "advertising"


def database_url(database: str | Engine) -> str:
    return database if isinstance(database, str) else database.url.render_as_string(hide_password=False)


def default_channel_factory(url: str) -> ChannelFactory:
    def make(provider: str) -> Channel:
        from matviet_desktop.core.channels import registry

        return registry.make_channel(url, provider)

    return make


class SendEngine:
    def __init__(
        self,
        database: str | Engine,
        *,
        worker_id: uuid.UUID | None = None,
        config: EngineConfig | None = None,
        channel_factory: ChannelFactory | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.url = database_url(database)
        self.worker_id = worker_id or uuid.uuid4()
        self.config = config or EngineConfig()
        self.session = DbSession(
            self.url,
            application_name=f"matviet-sender-{str(self.worker_id)[:8]}",
            deadline_s=self.config.db_deadline_s,
            idle_tx_timeout_s=self.config.idle_tx_timeout_s,
        )
        self.channel_factory = channel_factory or default_channel_factory(self.url)
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.stats = WorkerStats()
        self._channels: dict[str, Channel] = {}
        self._limiters: dict[str, RateLimiter] = {}
        self._prefix: str | None = None
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=self.config.concurrency, thread_name_prefix="send")

    # --- database helpers -------------------------------------------------------------------
    def _db(self, fn: Callable[[psycopg.Connection], T]) -> T:
        return self.session.run(fn)

    def _db_until(self, fn: Callable[[psycopg.Connection], T], give_up_at: float) -> T | None:
        """Retry a write through database outages until `give_up_at` (monotonic); after that the
        lease has expired anyway and the rescue plus the RequestId take over. At least one retry
        runs on a fresh connection: a worker that was frozen finds its session ended by the server,
        and its fenced write still belongs in the audit (as a lost lease)."""
        backoff = Backoff()
        tries = 0
        while True:
            tries += 1
            try:
                return self.session.run(fn)
            except DbUnavailable as exc:
                self.stats.db_errors += 1
                if time.monotonic() >= give_up_at and tries >= 2:
                    log.warning("giving up a database write after the lease expired: %s", exc)
                    return None
                time.sleep(min(backoff.next_delay(), max(0.05, give_up_at - time.monotonic())))

    @property
    def prefix(self) -> str:
        if self._prefix is None:
            self._prefix = self._db(_install_prefix)
        return self._prefix

    # --- public -------------------------------------------------------------------------------
    def stop(self) -> None:
        self._stop.set()

    def run(
        self,
        campaign_id: uuid.UUID | None = None,
        *,
        until_idle: bool = False,
        stop_event: threading.Event | None = None,
        progress: Callable[[WorkerStats], None] | None = None,
    ) -> WorkerStats:
        """Work every campaign in status 'sending' (or only `campaign_id`) until stopped, or with
        `until_idle` until nothing is due. Returns this worker's counters."""
        stop = stop_event or self._stop
        backoff = Backoff()
        next_rescue = 0.0
        next_heartbeat = 0.0
        next_delivery = time.monotonic() + self.config.delivery_poll_s
        try:
            while not stop.is_set():
                try:
                    now = time.monotonic()
                    if now >= next_heartbeat:
                        self._heartbeat()
                        next_heartbeat = now + 10
                    if now >= next_rescue:
                        self._rescue()
                        next_rescue = now + self.config.rescue_interval_s
                    if self.config.delivery_poll_s and now >= next_delivery:
                        self._poll_delivery(campaign_id)
                        next_delivery = now + self.config.delivery_poll_s
                    worked = False
                    for camp in self._campaigns(campaign_id):
                        if stop.is_set():
                            break
                        worked |= self._work_once(camp, stop)
                        if progress:
                            progress(self.stats)
                    backoff.reset()
                    if worked:
                        continue
                    self._rescue()
                    self._db(lambda c: outbox.complete_campaigns(c, campaign_id))
                    if until_idle and not self._has_due_work(campaign_id):
                        break
                    stop.wait(self.config.idle_poll_s * random.uniform(0.5, 1.0))
                except DbUnavailable as exc:
                    self.stats.db_errors += 1
                    delay = backoff.next_delay()
                    log.warning("database unavailable (%s); retrying in %.1f s", exc, delay)
                    stop.wait(delay)
        finally:
            self._farewell()
        return self.stats

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        for channel in self._channels.values():
            channel.close()
        self.session.close()

    # --- loop pieces --------------------------------------------------------------------------
    def _heartbeat(self) -> None:
        sent = self.stats.accepted
        self._db(
            lambda c: c.execute(
                "INSERT INTO workers (id, host, pid, app_version) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET last_heartbeat = now(), sent_count = %s, stopped_at = NULL",
                (self.worker_id, socket.gethostname()[:255], os.getpid(), _version(), sent),
            )
        )

    def _farewell(self) -> None:
        try:
            self._db(
                lambda c: c.execute("UPDATE workers SET stopped_at = now() WHERE id = %s", (self.worker_id,))
            )
        except DbUnavailable:
            pass

    def _rescue(self) -> None:
        window = self._dedup_window()
        counts = self._db(lambda c: outbox.rescue(c, dedup_window_s=window))
        self.stats.rescued += counts["expired_leases"]

    def _dedup_window(self) -> float:
        from matviet_desktop.core.channels.esms import DEDUP_WINDOW_S

        return max(0.0, DEDUP_WINDOW_S - self.config.dedup_margin_s)

    def _campaigns(self, campaign_id: uuid.UUID | None) -> list[CampaignInfo]:
        rows = self._db(
            lambda c: c.execute(
                "SELECT id, name, campaign_type, purpose, provider, provider_account, message_template_id "
                "FROM campaigns WHERE status = 'sending' AND (%(c)s::uuid IS NULL OR id = %(c)s) ORDER BY started_at",
                {"c": campaign_id},
            ).fetchall()
        )
        return [
            CampaignInfo(r[0], r[1], r[2], r[3], r[4] or DEFAULT_PROVIDER.get(r[2], "esms"), r[5], r[6])
            for r in rows
        ]

    def _has_due_work(self, campaign_id: uuid.UUID | None) -> bool:
        skip_qc = (
            ""
            if compliance.in_sms_window(self.clock())
            else "AND NOT (c.purpose = 'advertising' AND c.campaign_type = 'sms')"
        )
        row = self._db(
            lambda c: c.execute(
                "SELECT EXISTS (SELECT 1 FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id "  # noqa: S608 - fixed SQL fragments; values are bound parameters
                "WHERE c.status = 'sending' AND (%(c)s::uuid IS NULL OR c.id = %(c)s) "
                f"{skip_qc} AND (t.status = 'sending' OR (t.status IN ('pending','retry_wait') "
                "AND t.attempts < t.max_attempts AND t.next_attempt_at <= now() + make_interval(secs => %(h)s))))",
                {"c": campaign_id, "h": self.config.idle_horizon_s},
            ).fetchone()
        )
        return bool(row and row[0])

    def _halt_reason(self, camp: CampaignInfo, stop: threading.Event) -> str | None:
        if stop.is_set():
            return "stop"
        now = time.monotonic()
        if now - camp.checked_at >= self.config.status_check_s:
            row = self._db(
                lambda c: c.execute("SELECT status FROM campaigns WHERE id = %s", (camp.id,)).fetchone()
            )
            camp.status, camp.checked_at = (row[0] if row else "cancelled"), now
        if camp.status == "sending":
            return None
        return "cancelled" if camp.status == "cancelled" else "paused"

    def _channel(self, camp: CampaignInfo) -> tuple[Channel, RateLimiter]:
        if camp.provider not in self._channels:
            self._channels[camp.provider] = self.channel_factory(camp.provider)
        channel = self._channels[camp.provider]
        account = f"{camp.provider}:{camp.provider_account}"
        if account not in self._limiters:
            rate = self.config.rate_per_s or float(getattr(channel, "settings", {}).get("rate_per_s", 10))
            self._limiters[account] = RateLimiter(self._db, account, rate)
        return channel, self._limiters[account]

    def _poll_delivery(self, campaign_id: uuid.UUID | None) -> None:
        from matviet_desktop.core.sending.delivery import poll_delivery

        try:
            poll_delivery(self.url, campaign_id=campaign_id, channel_factory=self.channel_factory)
        except Exception:  # delivery polling must never stop sending
            log.exception("delivery polling failed")

    def _work_once(self, camp: CampaignInfo, stop: threading.Event) -> bool:
        try:
            channel, limiter = self._channel(camp)
        except (ValueError, RuntimeError, OSError) as exc:
            # Missing or wrong provider settings: nothing can be sent until someone fixes them.
            reason = f"Chưa cấu hình được kênh gửi {camp.provider}: {exc}"
            self._db(
                lambda c: c.execute(
                    "UPDATE campaigns SET status = 'paused_error', pause_reason = %s, updated_at = now() "
                    "WHERE id = %s AND status = 'sending'",
                    (reason, camp.id),
                )
            )
            log.error("%s", reason)
            self.stats.paused_campaigns += 1
            return False
        if camp.advertising and camp.campaign_type == "sms":
            if not compliance.in_sms_window(self.clock()):
                return False  # Decree 91: advertising SMS wait for 07:00–22:00, never dropped
            return self._work_batch(camp, channel, limiter, stop)
        return self._work_targets(camp, channel, limiter, stop)

    # --- per-target channels ------------------------------------------------------------------
    def _work_targets(
        self, camp: CampaignInfo, channel: Channel, limiter: RateLimiter, stop: threading.Event
    ) -> bool:
        cfg = self.config
        adv = camp.campaign_type if camp.advertising else None
        claim = self._db(
            lambda c: outbox.claim(
                c,
                camp.id,
                worker=self.worker_id,
                limit=cfg.batch_size,
                lease_s=cfg.lease_s,
                prefix=self.prefix,
                advertising_channel=adv,
            )
        )
        self.stats.excluded += claim.excluded
        if not claim.targets:
            return claim.excluded > 0
        failpoint("after_claim")
        self.stats.claimed += len(claim.targets)
        lease_end = time.monotonic() + cfg.lease_s
        pending = deque(claim.targets)
        in_flight: dict[Future[SendResult], tuple[outbox.Target, dt.datetime]] = {}
        halt: str | None = None
        last_renew = time.monotonic()
        finished: list[tuple[list[outbox.Target], SendResult, dt.datetime]] = []
        first_finished = 0.0
        while pending or in_flight or finished:
            if halt is None:
                halt = self._halt_reason(camp, stop)
            if halt and pending:
                self._release(claim.token, [t.id for t in pending], lease_end, cancelled=halt == "cancelled")
                pending.clear()
            while halt is None and pending and len(in_flight) < cfg.concurrency:
                delay = limiter.try_acquire()
                if delay > 0:
                    if not in_flight:
                        stop.wait(delay)
                    break
                target = pending.popleft()
                message = self._message(camp, target)
                in_flight[self._pool.submit(channel.send, message)] = (target, self.clock())
            if in_flight:
                done, _ = wait(list(in_flight), timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in done:
                    target, started = in_flight.pop(fut)
                    result = _result_of(fut)
                    if result.outcome in (Outcome.ACCEPTED, Outcome.DUPLICATE):
                        failpoint("after_provider_ok")
                    if not finished:
                        first_finished = time.monotonic()
                    finished.append(([target], result, started))
            # Finalize in small groups (one transaction each): far fewer round trips, and a crash
            # in between is covered like any other (RequestId, or in doubt).
            flush = finished and (
                not in_flight
                or len(finished) >= cfg.concurrency
                or time.monotonic() - first_finished > 0.1
                or any(r.outcome not in (Outcome.ACCEPTED, Outcome.DUPLICATE) for _, r, _ in finished)
            )
            if flush:
                verdicts = self._apply(camp, channel, limiter, claim.token, finished, lease_end)
                finished = []
                if "account" in verdicts:
                    halt = "account"
                if "lost" in verdicts and pending:
                    # Our claim was rescued by someone else: send nothing more from it.
                    self.stats.lost_lease += len(pending)
                    pending.clear()
            if time.monotonic() - last_renew > cfg.lease_s / 4 and (pending or in_flight):
                last_renew = time.monotonic()
                try:
                    held = self._db(lambda c: outbox.renew(c, claim.token, cfg.lease_s))
                    lease_end = last_renew + cfg.lease_s
                    if held == 0 and pending:
                        # Someone rescued our rows (we were frozen past the lease): send nothing more.
                        log.warning(
                            "lost lease on %d unsent target(s); leaving them to their new owner", len(pending)
                        )
                        self.stats.lost_lease += len(pending)
                        pending.clear()
                except DbUnavailable:
                    self.stats.db_errors += 1
        return True

    def _message(self, camp: CampaignInfo, t: outbox.Target) -> OutboundMessage:
        data = dict(t.template_data or {})
        subject = t.subject
        if camp.advertising and camp.campaign_type == "email" and subject is not None:
            subject = compliance.advertising_subject(subject)
        return OutboundMessage(
            request_id=t.request_id,
            phone=t.phone,
            email=t.email,
            content=t.content or "",
            subject=subject,
            template_id=str(data.pop("_template_id", None) or camp.template_id or "") or None,
            template_data=data,
            campaign_name=camp.name,
            advertising=camp.advertising,
        )

    # --- advertising SMS batches --------------------------------------------------------------
    def _work_batch(
        self, camp: CampaignInfo, channel: Channel, limiter: RateLimiter, stop: threading.Event
    ) -> bool:
        cfg = self.config
        opt_out = str(getattr(channel, "settings", {}).get("opt_out_text", ""))
        claim = self._db(
            lambda c: outbox.claim_batch(
                c,
                camp.id,
                worker=self.worker_id,
                batch_size=cfg.qc_batch_size,
                lease_s=cfg.lease_s,
                prefix=self.prefix,
                opt_out_text=opt_out,
            )
        )
        self.stats.excluded += claim.excluded
        if not claim.targets:
            return claim.excluded > 0
        self.stats.claimed += len(claim.targets)
        lease_end = time.monotonic() + cfg.lease_s
        ids = [t.id for t in claim.targets]
        halt = None if limiter.acquire(stop.is_set) else "stop"
        halt = halt or self._halt_reason(camp, stop)
        if halt:
            self._release(claim.token, ids, lease_end, cancelled=halt == "cancelled")
            return True
        assert claim.batch_request_id and claim.batch_content is not None
        started = self.clock()
        batch = OutboundBatch(
            claim.batch_request_id, [t.phone or "" for t in claim.targets], claim.batch_content, camp.name
        )
        result = channel.send_batch(batch)
        if result.outcome in (Outcome.ACCEPTED, Outcome.DUPLICATE):
            failpoint("after_provider_ok")
        self._apply(
            camp, channel, limiter, claim.token, [(claim.targets, result, started)], lease_end, claim.batch_id
        )
        return True

    # --- decisions ----------------------------------------------------------------------------
    def _backoff(self, attempts: int) -> float:
        cfg = self.config
        return random.uniform(0, min(cfg.backoff_cap_s, cfg.backoff_base_s * 2 ** max(0, attempts - 1)))

    def _decide(self, channel: Channel, t: outbox.Target, r: SendResult) -> outbox.Finish:
        reason = f"{channel.provider} {r.code}: {r.message}".strip(": ")
        o = r.outcome
        if o == Outcome.ACCEPTED:
            return outbox.Finish("accepted", r.code, provider_msg_id=r.provider_msg_id, cost=r.cost)
        if o == Outcome.DUPLICATE:
            # The provider already holds this RequestId, so an earlier attempt (crashed, timed out,
            # or whose commit was lost) reached it. Definitive failures are terminal and never resent.
            self.stats.duplicates_absorbed += 1
            if t.attempts <= 1:
                log.warning("RequestId %s already known to the provider on a first attempt", t.request_id)
            return outbox.Finish(
                "accepted",
                r.code,
                provider_msg_id=r.provider_msg_id,
                error="Nhà cung cấp đã nhận RequestId này từ lần gửi trước",
            )
        if o == Outcome.PERMANENT:
            return outbox.Finish("failed", r.code, "permanent", reason)
        if o in (Outcome.ACCOUNT, Outcome.THROTTLE):
            delay = r.retry_after_s or (1.0 if o == Outcome.THROTTLE else 0.0)
            return outbox.Finish("retry_wait", r.code, o.value, reason, delay_s=delay, refund_attempt=True)
        exhausted = t.attempts >= t.max_attempts
        if o == Outcome.TRANSIENT_SAFE:
            if exhausted:
                return outbox.Finish("failed", r.code, "transient", f"Hết {t.max_attempts} lần thử. {reason}")
            return outbox.Finish("retry_wait", r.code, "transient", reason, delay_s=self._backoff(t.attempts))
        # Outcome.UNKNOWN: perhaps sent.
        if channel.dedup_window_s is None:
            return outbox.Finish(
                "in_doubt", r.code, "in_doubt", f"Không rõ đã gửi hay chưa, không tự gửi lại. {reason}"
            )
        age = (self.clock() - t.first_attempt_at).total_seconds()
        if age >= channel.dedup_window_s - self.config.dedup_margin_s:
            return outbox.Finish(
                "in_doubt", r.code, "in_doubt", f"Quá thời hạn chống trùng của nhà cung cấp. {reason}"
            )
        if exhausted:
            return outbox.Finish("failed", r.code, "transient", f"Hết {t.max_attempts} lần thử. {reason}")
        return outbox.Finish("retry_wait", r.code, "transient", reason, delay_s=self._backoff(t.attempts))

    def _apply(
        self,
        camp: CampaignInfo,
        channel: Channel,
        limiter: RateLimiter,
        token: uuid.UUID,
        items: list[tuple[list[outbox.Target], SendResult, dt.datetime]],
        lease_end: float,
        batch_id: uuid.UUID | None = None,
    ) -> set[str]:
        """Finalize a group of finished sends in one transaction. Returns verdicts:
        'account' (campaign paused), 'lost' (some finalize changed nothing)."""
        plans = []
        pause_reason = None
        for targets, result, started in items:
            # A batch retries as a whole: its oldest member's counters speak for it.
            lead = min(targets, key=lambda t: t.first_attempt_at)
            finish = self._decide(channel, lead, result)
            if result.outcome == Outcome.ACCOUNT or result.pause_campaign:
                pause_reason = (
                    f"Nhà cung cấp {channel.provider} báo lỗi {result.code} ({result.message}): "
                    "kiểm tra tài khoản/số dư/cấu hình rồi tiếp tục chiến dịch"
                )
            if result.outcome == Outcome.THROTTLE:
                limiter.throttled()
                self.stats.throttled += 1
            elif result.outcome == Outcome.ACCEPTED:
                limiter.succeeded()
            plans.append((targets, finish, result.outcome.value, started))
        rows = [
            outbox.Outcome(t.id, finish, outcome, started)
            for targets, finish, outcome, started in plans
            for t in targets
        ]

        def write(conn: psycopg.Connection) -> set[uuid.UUID]:
            changed = outbox.finalize(
                conn, token, rows, worker=self.worker_id, channel=camp.campaign_type, batch_id=batch_id
            )
            failpoint("in_finalize")  # frozen here, the worker holds its rows' locks
            if pause_reason:
                conn.execute(
                    "UPDATE campaigns SET status = 'paused_error', pause_reason = %s, updated_at = now() "
                    "WHERE id = %s AND status = 'sending'",
                    (pause_reason, camp.id),
                )
            return changed

        changed = self._db_until(write, lease_end) or set()
        verdicts: set[str] = set()
        counter = {
            "accepted": "accepted",
            "failed": "failed",
            "in_doubt": "in_doubt",
            "retry_wait": "retried",
        }
        for row in rows:
            if row.target_id not in changed:
                self.stats.lost_lease += 1
                verdicts.add("lost")
                continue
            name = counter[row.finish.status]
            setattr(self.stats, name, getattr(self.stats, name) + 1)
        if "lost" in verdicts:
            log.warning("lost lease on target(s) of campaign %s: finalize changed nothing", camp.id)
        if pause_reason and "lost" not in verdicts:
            self.stats.paused_campaigns += 1
            camp.status = "paused_error"
            verdicts.add("account")
        return verdicts

    def _release(self, token: uuid.UUID, ids: list[uuid.UUID], lease_end: float, *, cancelled: bool) -> None:
        n = self._db_until(lambda c: outbox.release(c, token, ids, cancelled=cancelled), lease_end)
        self.stats.released += n or 0


def _result_of(fut: Future[SendResult]) -> SendResult:
    try:
        return fut.result()
    except Exception as exc:  # an adapter bug must not kill the loop: the outcome is unknown
        log.exception("channel raised")
        return SendResult(Outcome.UNKNOWN, "EXCEPTION", f"{type(exc).__name__}: {exc}")


def _install_prefix(conn: psycopg.Connection) -> str:
    """A short per-database prefix for RequestIds, so staging and production sharing one eSMS
    account never collide (research §5.3)."""
    from psycopg.types.json import Jsonb

    candidate = f"mv{uuid.uuid4().hex[:6]}-"
    conn.execute(
        "INSERT INTO app_settings (key, value, description) VALUES ('sending.install_prefix', %s, "
        "'Tiền tố RequestId của cơ sở dữ liệu này') ON CONFLICT (key) DO NOTHING",
        (Jsonb(candidate),),
    )
    row = conn.execute("SELECT value FROM app_settings WHERE key = 'sending.install_prefix'").fetchone()
    assert row is not None
    return str(row[0])


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("matviet-desktop")
    except Exception:
        return "dev"


def summary(stats: WorkerStats) -> dict[str, Any]:
    return stats.as_dict()
