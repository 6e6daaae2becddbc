"""Sending engine tables (issue 6): batches, attempt audit, workers, rate buckets, provider
settings, OAuth tokens and the do-not-contact list. The outbox itself is `campaign_targets`."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Identity, Index, Integer, Numeric, String, Text, func, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base


class SendBatch(Base):
    """An advertising SMS batch, frozen (members + RequestId) before its first attempt."""

    __tablename__ = "send_batches"
    __table_args__ = (Index("ix_send_batches_campaign_id", "campaign_id"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    campaign_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("campaigns.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(50), unique=True)
    content: Mapped[str] = mapped_column(Text)
    member_count: Mapped[int] = mapped_column(Integer)
    provider_msg_id: Mapped[str | None] = mapped_column(String(100))
    provider_code: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class SendAttempt(Base):
    """Append-only audit: one row per provider call, written in the finalize transaction."""

    __tablename__ = "send_attempts"
    __table_args__ = (
        Index("ix_send_attempts_target_id", "target_id"),
        Index("ix_send_attempts_batch_id", "batch_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    target_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("campaign_targets.id", ondelete="CASCADE")
    )
    batch_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("send_batches.id", ondelete="CASCADE")
    )
    attempt_no: Mapped[int] = mapped_column(Integer)
    worker_id: Mapped[uuid.UUID] = mapped_column(UUID)
    lease_token: Mapped[uuid.UUID] = mapped_column(UUID)
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    outcome: Mapped[str] = mapped_column(String(20))
    provider_code: Mapped[str | None] = mapped_column(String(30))
    error: Mapped[str | None] = mapped_column(Text)


class SendWorker(Base):
    """Observability only: claims, leases and the rescue never depend on this table."""

    __tablename__ = "workers"

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    app_version: Mapped[str | None] = mapped_column(String(50))
    started_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    last_heartbeat: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    stopped_at: Mapped[dt.datetime | None]
    sent_count: Mapped[int] = mapped_column(Integer, server_default="0")


class RateBucket(Base):
    """Token bucket per provider account, shared by every workstation."""

    __tablename__ = "rate_buckets"

    provider_account: Mapped[str] = mapped_column(String(130), primary_key=True)
    capacity: Mapped[Decimal] = mapped_column(Numeric(12, 3))
    refill_per_s: Mapped[Decimal] = mapped_column(Numeric(12, 3))
    tokens: Mapped[Decimal] = mapped_column(Numeric(12, 3))
    updated_at: Mapped[dt.datetime] = mapped_column(server_default=text("clock_timestamp()"))


class ProviderSetting(Base):
    """Non-secret provider settings (base URL, brandname, rate…). Secrets live in the keyring."""

    __tablename__ = "provider_settings"

    provider: Mapped[str] = mapped_column(String(30), primary_key=True)
    setting: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class OAuthToken(Base):
    """Zalo OAuth v4 token pair. The refresh token is single-use, so it is rotated under a row
    lock here: a keyring is per machine and several workstations must share one pair."""

    __tablename__ = "oauth_tokens"

    provider: Mapped[str] = mapped_column(String(30), primary_key=True)
    access_token: Mapped[str | None] = mapped_column(Text)
    access_expires_at: Mapped[dt.datetime | None]
    refresh_token: Mapped[str | None] = mapped_column(Text)
    rotated_at: Mapped[dt.datetime | None]
    rotated_by: Mapped[str | None] = mapped_column(String(255))


class DoNotContact(Base):
    """Do-not-call/do-not-mail list (Decree 91/2020). channel NULL = every channel."""

    __tablename__ = "do_not_contact"
    __table_args__ = (
        Index("ix_do_not_contact_phone", "phone"),
        Index("ix_do_not_contact_email", text("lower(email)")),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(255))
    channel: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())
