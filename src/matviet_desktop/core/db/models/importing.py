"""Imports and customer identity: import log, rejected rows, consent history, do-not-contact list,
duplicate review queue and merge audit (issue 5)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base

IMPORT_KINDS = ("stores", "customers", "orders", "order_items", "engagements", "consents", "do_not_contact")
CONSENT_CHANNELS = ("sms", "zalo", "email")


class Import(Base):
    """One run of an import (also dry runs), with what it did."""

    __tablename__ = "imports"
    __table_args__ = (
        CheckConstraint("status IN ('running','completed','failed','cancelled')", name="status"),
        Index("ix_imports_file_sha256", "file_sha256"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_size: Mapped[int] = mapped_column(BigInteger)
    encoding: Mapped[str | None] = mapped_column(String(40))
    delimiter: Mapped[str | None] = mapped_column(String(4))
    headers: Mapped[Any | None] = mapped_column(JSONB)  # the file's header row, in order
    mapping: Mapped[Any | None] = mapped_column(JSONB)  # field → column index used
    dry_run: Mapped[bool] = mapped_column(server_default="false")
    status: Mapped[str] = mapped_column(String(20), server_default="running")
    total_rows: Mapped[int] = mapped_column(Integer, server_default="0")
    valid_rows: Mapped[int] = mapped_column(Integer, server_default="0")
    inserted_rows: Mapped[int] = mapped_column(Integer, server_default="0")
    updated_rows: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged_rows: Mapped[int] = mapped_column(Integer, server_default="0")
    rejected_rows: Mapped[int] = mapped_column(Integer, server_default="0")
    created_by: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    finished_at: Mapped[dt.datetime | None]
    message: Mapped[str | None] = mapped_column(Text)


class ImportReject(Base):
    """One problem with one row of an import file (a row may have several)."""

    __tablename__ = "import_rejects"
    __table_args__ = (Index("ix_import_rejects_import_id_line_no", "import_id", "line_no"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    import_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("imports.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)  # spreadsheet row number: header is row 1
    field: Mapped[str | None] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(Text)
    reason_code: Mapped[str] = mapped_column(String(50))
    message: Mapped[str] = mapped_column(Text)  # Vietnamese, for the store clerk
    raw: Mapped[Any | None] = mapped_column(JSONB)  # the row's cells as a JSON array, file order


class ConsentEvent(Base):
    """Consent history; customers.<channel>_consent mirrors the latest event per channel."""

    __tablename__ = "consent_events"
    __table_args__ = (
        CheckConstraint("channel IN ('sms','zalo','email')", name="channel"),
        UniqueConstraint(
            "customer_id", "channel", "granted", "occurred_at", "source", name="uq_consent_events_event"
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("customers.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(10))
    granted: Mapped[bool]
    occurred_at: Mapped[dt.datetime]
    source: Mapped[str] = mapped_column(String(50))  # 'store', 'web_form', 'import', 'sms_reply', …
    evidence: Mapped[str | None] = mapped_column(Text)
    import_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("imports.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class DoNotContact(Base):
    """Numbers/addresses never to contact (national DNC list, complaints); the sender enforces it."""

    __tablename__ = "do_not_contact"
    __table_args__ = (
        CheckConstraint("channel IN ('sms','zalo','email','all')", name="channel"),
        CheckConstraint("phone IS NOT NULL OR email IS NOT NULL", name="phone_or_email"),
        Index("ix_do_not_contact_phone", "phone"),
        Index("ix_do_not_contact_email", "email"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    phone: Mapped[str | None] = mapped_column(String(20))  # canonical +84…
    email: Mapped[str | None] = mapped_column(String(255))  # lower case
    channel: Mapped[str] = mapped_column(String(10), server_default="all")
    reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class DuplicateCandidate(Base):
    """A probable duplicate pair awaiting review. Plain uuids (no FK) so history survives merges."""

    __tablename__ = "duplicate_candidates"
    __table_args__ = (
        CheckConstraint("customer_a < customer_b", name="ordered_pair"),
        CheckConstraint("status IN ('pending','merged','dismissed')", name="status"),
        UniqueConstraint("customer_a", "customer_b"),
        Index("ix_duplicate_candidates_customer_b", "customer_b"),
        Index("ix_duplicate_candidates_status", "status"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    customer_a: Mapped[uuid.UUID] = mapped_column(UUID)
    customer_b: Mapped[uuid.UUID] = mapped_column(UUID)
    reason: Mapped[str] = mapped_column(String(50))
    score: Mapped[Decimal] = mapped_column(Numeric(4, 3))
    status: Mapped[str] = mapped_column(String(20), server_default="pending")
    detected_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    resolved_at: Mapped[dt.datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(100))


class CustomerMerge(Base):
    """Audit of one merge, with everything needed to undo it."""

    __tablename__ = "customer_merges"
    __table_args__ = (Index("ix_customer_merges_survivor_id", "survivor_id"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    survivor_id: Mapped[uuid.UUID] = mapped_column(UUID)
    merged_id: Mapped[uuid.UUID] = mapped_column(UUID)
    merged_snapshot: Mapped[Any] = mapped_column(JSONB)  # the merged customer row as it was
    survivor_changes: Mapped[Any] = mapped_column(JSONB)  # survivor columns filled in: old values
    moved: Mapped[Any] = mapped_column(JSONB)  # {table: {"column": c, "pk": p, "ids": [...]}}
    removed: Mapped[Any] = mapped_column(JSONB)  # {table: [row, …]} rows dropped as conflicting
    candidate_id: Mapped[int | None] = mapped_column(BigInteger)
    merged_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    merged_by: Mapped[str | None] = mapped_column(String(100))
    undone_at: Mapped[dt.datetime | None]
    undone_by: Mapped[str | None] = mapped_column(String(100))
