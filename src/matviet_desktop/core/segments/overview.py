"""The segment list screen's data in three queries: segments, 90-day size history, users.

"Used by" names the campaigns that target a segment and the segments whose rules test
membership of it, so staff see why a delete would be refused before they try.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from matviet_desktop.core.db.models import Campaign, SegmentSizeHistory
from matviet_desktop.core.segments.service import SegmentInfo, dependency_graph, list_segments


@dataclass(frozen=True)
class SegmentOverview:
    info: SegmentInfo
    sizes: list[tuple[dt.date, int]] = field(default_factory=list)  # oldest first
    used_by_campaigns: list[str] = field(default_factory=list)
    used_by_segments: list[str] = field(default_factory=list)

    @property
    def used_by(self) -> list[str]:
        return self.used_by_campaigns + self.used_by_segments


def segment_overview(engine: Engine, days: int = 90) -> list[SegmentOverview]:
    segments = list_segments(engine)
    names = {s.id: s.name for s in segments}
    since = dt.date.today() - dt.timedelta(days=days)
    sizes: dict[uuid.UUID, list[tuple[dt.date, int]]] = {}
    campaigns: dict[uuid.UUID, list[str]] = {}
    h = SegmentSizeHistory.__table__.c
    with engine.connect() as conn:
        for sid, day, size in conn.execute(
            select(h.segment_rule_id, h.day, h.size).where(h.day >= since).order_by(h.segment_rule_id, h.day)
        ):
            sizes.setdefault(sid, []).append((day, size))
        for sid, name in conn.execute(
            select(Campaign.segment_rule_id, Campaign.name)
            .where(Campaign.segment_rule_id.is_not(None))
            .order_by(Campaign.name)
        ):
            if sid is not None:
                campaigns.setdefault(sid, []).append(name)
        graph = dependency_graph(conn)
    dependants: dict[uuid.UUID, list[str]] = {}
    for sid, refs in graph.items():
        for ref in refs:
            if ref != sid and sid in names:
                dependants.setdefault(ref, []).append(names[sid])
    return [
        SegmentOverview(s, sizes.get(s.id, []), campaigns.get(s.id, []), sorted(dependants.get(s.id, [])))
        for s in segments
    ]
