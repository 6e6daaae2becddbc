"""Materialise segment members: joiners inserted, leavers deleted, history kept, one transaction.

The new member set goes into a temporary table (from the compiled rule, or by COPY for static
lists); two set-based statements then apply the difference to `customer_segments` and open/close
stays in `segment_membership_history`, so membership on any past day can be queried. Segments
that depend on others (membership conditions) are refreshed after them.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from typing import Any

from sqlalchemy import Column, Connection, Engine, MetaData, Table, insert, select, text
from sqlalchemy.dialects.postgresql import UUID

from matviet_desktop.core.analytics import segment_revenue
from matviet_desktop.core.segments.compiler import VN, members_query
from matviet_desktop.core.segments.probes import choose_probes
from matviet_desktop.core.segments.rules import parse_rule
from matviet_desktop.core.segments.service import (
    SegmentError,
    dependency_graph,
    get_segment,
    segment_rules,
    tuned,
)

_new_members = Table(
    "segment_refresh_new",
    MetaData(),
    Column("customer_id", UUID),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)

_LEAVE = text(
    """
    WITH gone AS (
        DELETE FROM customer_segments cs
        WHERE cs.segment_rule_id = :sid
          AND NOT EXISTS (SELECT 1 FROM segment_refresh_new n WHERE n.customer_id = cs.customer_id)
        RETURNING cs.customer_id
    ), closed AS (
        UPDATE segment_membership_history h SET left_at = :now
        FROM gone
        WHERE h.segment_rule_id = :sid AND h.customer_id = gone.customer_id AND h.left_at IS NULL
        RETURNING 1
    )
    SELECT count(*) FROM gone
    """
)
# Time-ordered ids (UUIDv7 layout): `:id_prefix` is 48 bits of ms time, version 7, the variant
# and 40 random bits, made once per refresh (`_id_prefix`); each joiner appends its rank in
# customer order (32 bits). With gen_random_uuid() each of 200k joiners went to a random page of
# the primary key; now the key grows at its right edge and, rows being inserted in customer
# order, every index of `customer_segments` is filled in order.
_JOIN = text(
    """
    WITH joined AS (
        INSERT INTO customer_segments (id, customer_id, segment_rule_id, assigned_at)
        SELECT
            CAST(:id_prefix || lpad(to_hex(row_number() OVER (ORDER BY n.customer_id)), 8, '0') AS uuid),
            n.customer_id, CAST(:sid AS uuid), CAST(:now AS timestamptz)
        FROM (SELECT DISTINCT customer_id FROM segment_refresh_new) n
        WHERE NOT EXISTS (
            SELECT 1 FROM customer_segments cs
            WHERE cs.segment_rule_id = :sid AND cs.customer_id = n.customer_id
        )
        ORDER BY n.customer_id
        RETURNING customer_id
    ), opened AS (
        INSERT INTO segment_membership_history (customer_id, segment_rule_id, joined_at)
        SELECT customer_id, :sid, :now FROM joined
        RETURNING 1
    )
    SELECT count(*) FROM joined
    """
)
_FINISH = text(
    """
    WITH size AS (SELECT count(*) AS n FROM customer_segments WHERE segment_rule_id = :sid),
    upd AS (
        UPDATE segment_rules SET customer_count = (SELECT n FROM size), refreshed_at = :now
        WHERE id = :sid
    )
    INSERT INTO segment_size_history (segment_rule_id, day, size, recorded_at)
    SELECT :sid, :day, n, :now FROM size
    ON CONFLICT (segment_rule_id, day) DO UPDATE SET size = EXCLUDED.size, recorded_at = EXCLUDED.recorded_at
    RETURNING size
    """
)


def _id_prefix(now: dt.datetime) -> str:
    """The first 24 of the 32 hex digits of this refresh's membership ids (see `_JOIN`)."""
    ms = int(now.timestamp() * 1000) & ((1 << 48) - 1)
    variant = 0x8 | secrets.randbits(2)  # binary 10xx
    # ms time | version 7 | 12 random bits | variant | 28 random bits; 42 random bits in all.
    return f"{ms:012x}7{secrets.randbits(12):03x}{variant:x}{secrets.randbits(28):07x}"


@dataclass(frozen=True)
class RefreshResult:
    segment_id: uuid.UUID
    name: str
    joined: int
    left: int
    size: int
    seconds: float


def _lock(conn: Connection, segment_id: uuid.UUID) -> Any:
    row = conn.execute(
        select(segment_rules.c.name, segment_rules.c.segment_type, segment_rules.c.conditions)
        .where(segment_rules.c.id == segment_id)
        .with_for_update()
    ).first()
    if row is None:
        get_segment(conn, segment_id)  # raises SegmentNotFound
    return row


def _apply(
    conn: Connection, segment_id: uuid.UUID, name: str, started: float, replace: bool
) -> RefreshResult:
    """Apply `segment_refresh_new` to the segment: as the full new set, or as additions only."""
    # Index and statistics for the new set: the planner must not mistake it (or a table that
    # was just filled and not yet analysed) for a tiny one and pick a quadratic nested loop.
    conn.execute(text("CREATE INDEX ON segment_refresh_new (customer_id)"))
    conn.execute(text("ANALYZE segment_refresh_new"))
    # Tables filled by the previous refresh may not be analysed yet; a nested loop planned on
    # stale statistics turned a 20k-leaver refresh quadratic (minutes). Hash joins stay linear.
    conn.execute(text("SELECT set_config('enable_nestloop', 'off', true)"))
    now = conn.execute(text("SELECT now()")).scalar_one()
    params = {"sid": segment_id, "now": now}
    left = conn.execute(_LEAVE, params).scalar_one() if replace else 0
    joined = conn.execute(_JOIN, {**params, "id_prefix": _id_prefix(now)}).scalar_one()
    size = conn.execute(_FINISH, {**params, "day": now.astimezone(VN).date()}).scalar_one()
    segment_revenue.rebuild(conn, segment_id)  # the segment dashboard's revenue rollup
    return RefreshResult(segment_id, name, joined, left, size, round(time.perf_counter() - started, 3))


def _refresh_one(conn: Connection, segment_id: uuid.UUID) -> RefreshResult:
    started = time.perf_counter()
    row = _lock(conn, segment_id)
    _new_members.create(conn)  # dropped at commit
    if row.segment_type == "dynamic":
        node = parse_rule(row.conditions)
        members = members_query(node, probes=choose_probes(conn, node))
        conn.execute(insert(_new_members).from_select(["customer_id"], members))
        return _apply(conn, segment_id, row.name, started, replace=True)
    # Static: members are what was uploaded; only the size history is recorded.
    return _apply(conn, segment_id, row.name, started, replace=False)


def refresh_order(conn: Connection, segment_ids: Iterable[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Segments to refresh, dependencies first: all of them, or the given ones and their dependants."""
    graph = dependency_graph(conn)
    wanted = set(graph) if segment_ids is None else set(segment_ids)
    if segment_ids is not None:
        frontier = list(wanted)
        while frontier:
            sid = frontier.pop()
            for other, refs in graph.items():
                if sid in refs and other not in wanted:
                    wanted.add(other)
                    frontier.append(other)
    try:
        order = list(TopologicalSorter({s: graph.get(s, set()) & wanted for s in wanted}).static_order())
    except CycleError as exc:  # saved rules are checked, so only hand-edited data gets here
        raise SegmentError(f"Các phân khúc phụ thuộc vòng tròn: {exc.args[1]}") from exc
    return order


def refresh(engine: Engine, segment_id: uuid.UUID, *, cascade: bool = True) -> list[RefreshResult]:
    """Refresh one segment (then, with `cascade`, the segments whose rules use it)."""
    with engine.connect() as conn:
        order = refresh_order(conn, [segment_id]) if cascade else [segment_id]
    return [refresh_segment(engine, sid) for sid in order]


def refresh_all(engine: Engine, *, only_active: bool = True) -> list[RefreshResult]:
    with engine.connect() as conn:
        order = refresh_order(conn)
        inactive = set()
        if only_active:
            inactive = set(
                conn.scalars(select(segment_rules.c.id).where(segment_rules.c.is_active.is_(False)))
            )
    return [refresh_segment(engine, sid) for sid in order if sid not in inactive]


def refresh_segment(engine: Engine, segment_id: uuid.UUID) -> RefreshResult:
    """One segment in one transaction (concurrent refreshes of it wait for the row lock)."""
    with engine.begin() as conn:
        return _refresh_one(tuned(conn), segment_id)


# --- static segments -------------------------------------------------------------------------


def _copy_ids(conn: Connection, customer_ids: Iterable[uuid.UUID]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy("COPY segment_refresh_new (customer_id) FROM STDIN") as copy:
        for cid in customer_ids:
            copy.write_row((cid,))


def set_static_members(
    engine: Engine, segment_id: uuid.UUID, customer_ids: Iterable[uuid.UUID], *, mode: str = "replace"
) -> RefreshResult:
    """Replace, add to or remove from a static segment's members (ids not in `customers` are ignored)."""
    if mode not in ("replace", "add", "remove"):
        raise ValueError(mode)
    started = time.perf_counter()
    with engine.begin() as conn:
        row = _lock(conn, segment_id)
        if row.segment_type != "static":
            raise SegmentError(f"“{row.name}” là phân khúc động: thành viên do quy tắc quyết định.")
        _new_members.create(conn)  # dropped at commit
        _copy_ids(conn, customer_ids)
        # Unknown ids are ignored; `remove` turns "ids to drop" into "members to keep".
        conn.execute(text(_DROP_UNKNOWN))
        if mode == "remove":
            conn.execute(
                text("CREATE TEMP TABLE segment_refresh_drop ON COMMIT DROP AS TABLE segment_refresh_new")
            )
            conn.execute(text("TRUNCATE segment_refresh_new"))
            conn.execute(text(_KEEP_OTHERS), {"sid": segment_id})
        return _apply(conn, segment_id, row.name, started, replace=mode != "add")


_DROP_UNKNOWN = """
    DELETE FROM segment_refresh_new n WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = n.customer_id)
"""
_KEEP_OTHERS = """
    INSERT INTO segment_refresh_new (customer_id)
    SELECT cs.customer_id FROM customer_segments cs
    WHERE cs.segment_rule_id = :sid
      AND NOT EXISTS (SELECT 1 FROM segment_refresh_drop d WHERE d.customer_id = cs.customer_id)
"""


def copy_static_members(engine: Engine, source_id: uuid.UUID, target_id: uuid.UUID) -> RefreshResult:
    with engine.connect() as conn:
        ids = list(
            conn.scalars(
                text("SELECT customer_id FROM customer_segments WHERE segment_rule_id = :sid"),
                {"sid": source_id},
            )
        )
    return set_static_members(engine, target_id, ids)
