"""Membership over time: who was in a segment on a given day, flows between segments, sizes.

A stay is [joined_at, left_at); membership "on day D" means at the end of D in Vietnam, the same
instant the rule language uses for an as-of date.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, func, literal, or_, select, union_all

from matviet_desktop.core.db.models import SegmentSizeHistory
from matviet_desktop.core.segments.compiler import Context, day_start, history


def members_on(segment_id: uuid.UUID, day: dt.date) -> Select[Any]:
    """`SELECT customer_id` of the members of a segment at the end of `day`."""
    end = day_start(day + dt.timedelta(days=1))
    h = history.c
    return select(h.customer_id).where(
        h.segment_rule_id == segment_id, h.joined_at < end, or_(h.left_at.is_(None), h.left_at >= end)
    )


def count_on(engine: Engine, segment_id: uuid.UUID, day: dt.date) -> int:
    query = select(func.count()).select_from(members_on(segment_id, day).subquery())
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


@dataclass(frozen=True)
class Flow:
    from_segment: uuid.UUID | None  # None: in none of the given segments
    to_segment: uuid.UUID | None
    customers: int


def flows(engine: Engine, segment_ids: list[uuid.UUID], start: dt.date, end: dt.date) -> list[Flow]:
    """How members moved between segments from the end of `start` to the end of `end`.

    Customers in several of the segments count once per pair. Customers in none of them on one
    side appear with `None` on that side (they entered or left the whole group).
    """
    if not segment_ids:
        return []

    def side(day: dt.date) -> Any:
        parts = [
            select(members_on(sid, day).subquery().c.customer_id, literal(sid).label("segment_id"))
            for sid in segment_ids
        ]
        return union_all(*parts).subquery()

    before, after = side(start), side(end)
    joined = before.outerjoin(after, before.c.customer_id == after.c.customer_id, full=True)
    query = (
        select(before.c.segment_id, after.c.segment_id, func.count())
        .select_from(joined)
        .group_by(before.c.segment_id, after.c.segment_id)
        .order_by(func.count().desc())
    )
    with engine.connect() as conn:
        return [Flow(a, b, n) for a, b, n in conn.execute(query)]


def size_history(engine: Engine, segment_id: uuid.UUID, days: int = 90) -> list[tuple[dt.date, int]]:
    """(day, size) of the last `days` days that had a refresh, oldest first (for sparklines)."""
    s = SegmentSizeHistory.__table__.c
    since = Context(dt.date.today(), live=True).as_of - dt.timedelta(days=days)
    query = select(s.day, s.size).where(s.segment_rule_id == segment_id, s.day >= since).order_by(s.day)
    with engine.connect() as conn:
        return [(d, n) for d, n in conn.execute(query)]
