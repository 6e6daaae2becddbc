"""Customer 360: everything about one customer, read in one unit of work.

Profile and consents, scored metrics, lifecycle history, the engagement timeline, orders with
their items, segment memberships, campaign history and likely duplicates. Every list is bounded
(a customer with years of history still loads instantly); the timeline can be filtered by type.
Tables added by other areas (lifecycle history) are read only when present, so the page works on
any schema revision that has the foundation.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, text

TIMELINE_LIMIT = 500
ORDERS_LIMIT = 100


@dataclass(frozen=True)
class Consent:
    channel: str  # 'sms', 'zalo', 'email'
    granted: bool
    at: dt.datetime | None
    source: str | None


@dataclass(frozen=True)
class OrderLine:
    category: str
    product: str | None
    quantity: int
    unit_price: Decimal
    discount: Decimal


@dataclass(frozen=True)
class OrderSummary:
    id: uuid.UUID
    external_id: str
    order_date: dt.datetime
    store: str | None
    channel: str
    status: str
    total_amount: Decimal
    discount_amount: Decimal
    promo_code: str | None
    lines: list[OrderLine] = field(default_factory=list)


@dataclass(frozen=True)
class TimelineEvent:
    at: dt.datetime
    kind: str  # an ENGAGEMENT_TYPES value
    channel: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class SegmentMembership:
    segment_id: uuid.UUID
    name: str
    rule_type: str | None
    assigned_at: dt.datetime | None


@dataclass(frozen=True)
class CampaignContact:
    campaign_id: uuid.UUID
    name: str
    channel: str
    status: str | None
    sent_at: dt.datetime | None
    delivered_at: dt.datetime | None
    opened_at: dt.datetime | None
    clicked_at: dt.datetime | None
    error: str | None
    attributed_revenue: Decimal | None


@dataclass(frozen=True)
class StagePeriod:
    stage: str
    previous_stage: str | None
    valid_from: dt.datetime
    valid_to: dt.datetime | None


@dataclass(frozen=True)
class DuplicateSuggestion:
    id: uuid.UUID
    full_name: str
    phone: str | None
    email: str | None
    order_count: int
    reason: str  # 'same_email', 'same_name_birthday'


@dataclass(frozen=True)
class Customer360:
    profile: dict[str, Any]  # every customers column plus home_store / preferred_store names
    consents: list[Consent]
    lifecycle_history: list[StagePeriod]
    timeline: list[TimelineEvent]
    orders: list[OrderSummary]
    segments: list[SegmentMembership]
    campaigns: list[CampaignContact]
    duplicates: list[DuplicateSuggestion]

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(str(self.profile["id"]))


class CustomerNotFound(LookupError):
    pass


def _table_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": name}).scalar_one()


def _profile(conn: Connection, customer_id: uuid.UUID) -> dict[str, Any]:
    row = (
        conn.execute(
            text(
                # Scores first so that customers' own columns win any clash of names.
                "SELECT sc.*, c.*, hs.name AS home_store, ps.name AS preferred_store FROM customers c "
                "LEFT JOIN customer_scores sc ON sc.customer_id = c.id "
                "LEFT JOIN stores hs ON hs.id = c.home_store_id "
                "LEFT JOIN stores ps ON ps.id = sc.preferred_store_id WHERE c.id = :id"
            ),
            {"id": customer_id},
        )
        .mappings()
        .first()
    )
    if row is None:
        raise CustomerNotFound(f"Không tìm thấy khách hàng {customer_id}")
    return dict(row)


def timeline(
    conn_or_engine: Connection | Engine,
    customer_id: uuid.UUID,
    kinds: list[str] | None = None,
    limit: int = TIMELINE_LIMIT,
) -> list[TimelineEvent]:
    """Engagements newest first, optionally only some types (purchase, eye_exam, campaign_…)."""
    sql = (
        "SELECT created_at, engagement_type, channel, coalesce(metadata, '{}'::jsonb) "
        "FROM customer_engagements WHERE customer_id = :id"
        + (" AND engagement_type = ANY(:kinds)" if kinds else "")
        + " ORDER BY created_at DESC LIMIT :limit"
    )
    params: dict[str, Any] = {"id": customer_id, "limit": limit}
    if kinds:
        params["kinds"] = list(kinds)
    if isinstance(conn_or_engine, Engine):
        with conn_or_engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
    else:
        rows = conn_or_engine.execute(text(sql), params).all()
    return [TimelineEvent(r[0], r[1], r[2], r[3] if isinstance(r[3], dict) else {}) for r in rows]


def _orders(conn: Connection, customer_id: uuid.UUID) -> list[OrderSummary]:
    orders = conn.execute(
        text(
            "SELECT o.id, o.external_id, o.order_date, s.name, o.channel, o.status, o.total_amount, "
            "o.discount_amount, o.promo_code FROM orders o LEFT JOIN stores s ON s.id = o.store_id "
            "WHERE o.customer_id = :id ORDER BY o.order_date DESC LIMIT :limit"
        ),
        {"id": customer_id, "limit": ORDERS_LIMIT},
    ).all()
    if not orders:
        return []
    lines: dict[uuid.UUID, list[OrderLine]] = {}
    for r in conn.execute(
        text(
            "SELECT i.order_id, i.category, p.name, i.quantity, i.unit_price, i.discount FROM order_items i "
            "LEFT JOIN products p ON p.id = i.product_id WHERE i.order_id = ANY(:ids) ORDER BY i.id"
        ),
        {"ids": [o[0] for o in orders]},
    ):
        lines.setdefault(r[0], []).append(OrderLine(r[1], r[2], r[3], r[4], r[5]))
    return [
        OrderSummary(
            id=o[0], external_id=o[1], order_date=o[2], store=o[3], channel=o[4], status=o[5],
            total_amount=o[6], discount_amount=o[7], promo_code=o[8], lines=lines.get(o[0], []),
        )
        for o in orders
    ]  # fmt: skip


def _segments(conn: Connection, customer_id: uuid.UUID) -> list[SegmentMembership]:
    rows = conn.execute(
        text(
            "SELECT r.id, r.name, r.rule_type, cs.assigned_at FROM customer_segments cs "
            "JOIN segment_rules r ON r.id = cs.segment_rule_id WHERE cs.customer_id = :id ORDER BY r.name"
        ),
        {"id": customer_id},
    ).all()
    return [SegmentMembership(*r) for r in rows]


def _campaigns(conn: Connection, customer_id: uuid.UUID) -> list[CampaignContact]:
    rows = conn.execute(
        text(
            "SELECT c.id, c.name, c.campaign_type, t.status, t.sent_at, t.delivered_at, t.opened_at, "
            "t.clicked_at, t.error_message, "
            "(SELECT sum(a.attributed_revenue) FROM campaign_attributions a "
            " WHERE a.campaign_id = c.id AND a.customer_id = t.customer_id) "
            "FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id "
            "WHERE t.customer_id = :id ORDER BY coalesce(t.sent_at, c.created_at) DESC LIMIT 200"
        ),
        {"id": customer_id},
    ).all()
    return [CampaignContact(*r) for r in rows]


def _lifecycle_history(conn: Connection, customer_id: uuid.UUID) -> list[StagePeriod]:
    if not _table_exists(conn, "customer_lifecycle_history"):
        return []
    rows = conn.execute(
        text(
            "SELECT stage, previous_stage, valid_from, valid_to FROM customer_lifecycle_history "
            "WHERE customer_id = :id ORDER BY valid_from DESC LIMIT 100"
        ),
        {"id": customer_id},
    ).all()
    return [StagePeriod(*r) for r in rows]


def _duplicates(conn: Connection, profile: dict[str, Any]) -> list[DuplicateSuggestion]:
    """Other customers who are probably the same person: same e-mail, or same full name and birthday.

    (Same phone cannot happen: phone is unique.) Both lookups are index scans.
    """
    rows = conn.execute(
        text(
            """
            SELECT id, full_name, phone, email, order_count, reason FROM (
                SELECT c.id, c.full_name, c.phone, c.email, c.order_count, 'same_email' AS reason, 1 AS rank
                FROM customers c
                WHERE CAST(:email AS text) IS NOT NULL AND lower(c.email) = lower(CAST(:email AS text))
                  AND c.id <> :id
                UNION ALL
                SELECT c.id, c.full_name, c.phone, c.email, c.order_count,
                       'same_name_birthday', 2
                FROM customers c
                WHERE c.full_name = :name AND c.id <> :id AND c.birthday = CAST(:birthday AS date)
            ) d
            ORDER BY rank, order_count DESC LIMIT 10
            """
        ),
        {
            "id": profile["id"],
            "email": profile.get("email"),
            "name": profile["full_name"],
            "birthday": profile.get("birthday"),
        },
    ).all()
    seen: set[uuid.UUID] = set()
    result = []
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            result.append(DuplicateSuggestion(*r))
    return result


def duplicate_suggestions(engine: Engine, customer_id: uuid.UUID) -> list[DuplicateSuggestion]:
    with engine.connect() as conn:
        return _duplicates(conn, _profile(conn, customer_id))


def customer_360(
    engine: Engine, customer_id: uuid.UUID, timeline_kinds: list[str] | None = None
) -> Customer360:
    """All Customer 360 data in one read-only transaction (a consistent snapshot)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        profile = _profile(conn, customer_id)
        consents = [
            Consent(
                ch,
                bool(profile[f"{ch}_consent"]),
                profile[f"{ch}_consent_at"],
                profile[f"{ch}_consent_source"],
            )
            for ch in ("sms", "zalo", "email")
        ]
        return Customer360(
            profile=profile,
            consents=consents,
            lifecycle_history=_lifecycle_history(conn, customer_id),
            timeline=timeline(conn, customer_id, timeline_kinds),
            orders=_orders(conn, customer_id),
            segments=_segments(conn, customer_id),
            campaigns=_campaigns(conn, customer_id),
            duplicates=_duplicates(conn, profile),
        )
