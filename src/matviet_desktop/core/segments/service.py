"""Segments as a service: live counts and previews, and create/edit/duplicate/delete.

Saved rules are checked against the database too: referenced segments must exist and a rule may
not reach its own segment through membership conditions (cycle), so refreshes always have a
dependency order. Materialisation lives in `refresh.py`, history queries in `history.py`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update

from matviet_desktop.core.db.models import Campaign, CustomerSegment, SegmentMembershipHistory, SegmentRule
from matviet_desktop.core.segments.compiler import (
    as_node,
    count_query,
    customer_rows,
    customers,
    fetches_customers_by_key,
    scores,
    where_clause,
)
from matviet_desktop.core.segments.halves import count_in_halves, second_connection_free
from matviet_desktop.core.segments.probes import PROBE_COST_RATIO, choose_probes
from matviet_desktop.core.segments.rules import (
    RULE_VERSION,
    RuleError,
    RuleInvalid,
    parse_rule,
    segment_references,
    to_json,
    unwrap,
)

segment_rules = cast(Table, SegmentRule.__table__)
# Counts over a million customers hash the event sets they test membership of; give them room so
# `NOT IN (subquery)` stays a hashed subplan instead of a per-row rescan.
COUNT_WORK_MEM = "128MB"
# Page reads priced as cached ones (the CRM's working set lives in memory) for rules that start
# from `customer_scores` and fetch the few customers they leave by primary key: at the default 4
# (spinning disks) the planner scans a million customers instead (nested rule: 580 → 315 ms).
# Only there: at 1.1 some profile counts AND a 660k-entry consent bitmap they do not need.
KEY_FETCH_RANDOM_PAGE_COST = "1.1"


class SegmentError(Exception):
    """A refusal the user can act on; the message is Vietnamese and says what to do."""


class SegmentNotFound(SegmentError):
    pass


class SegmentInUse(SegmentError):
    def __init__(self, name: str, users: list[str]) -> None:
        self.users = users
        super().__init__(
            f"Không thể xóa phân khúc “{name}” vì đang được dùng bởi: {', '.join(users)}. "
            "Hãy bỏ phân khúc khỏi các chiến dịch/phân khúc đó trước."
        )


@dataclass(frozen=True)
class SegmentInfo:
    id: uuid.UUID
    name: str
    description: str | None
    segment_type: str
    rule_type: str | None
    conditions: Any
    rule_version: int
    builtin_key: str | None
    is_active: bool
    customer_count: int
    refreshed_at: dt.datetime | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    store_id: int | None
    created_by: uuid.UUID | None


_INFO_COLUMNS = [segment_rules.c[name] for name in SegmentInfo.__dataclass_fields__]


def _info(row: Any) -> SegmentInfo:
    data = dict(row._mapping)
    data["is_active"] = bool(data["is_active"])
    data["customer_count"] = data["customer_count"] or 0
    return SegmentInfo(**data)


def tuned(conn: Connection, fetch_by_key: bool = False) -> Connection:
    """SET LOCAL the memory the segment queries need (inside the caller's transaction).

    JIT is off: compiling a count's expressions costs 20–45 ms, more than it saves on a
    sub-second query over a million customers.
    """
    conn.execute(
        text("SELECT set_config('work_mem', :mem, true), set_config('jit', 'off', true)"),
        {"mem": COUNT_WORK_MEM},
    )
    if fetch_by_key:
        conn.execute(
            text("SELECT set_config('random_page_cost', :cost, true)"), {"cost": KEY_FETCH_RANDOM_PAGE_COST}
        )
    return conn


# --- live counts and previews ----------------------------------------------------------------

PREVIEW_COLUMNS = (
    "id",
    "external_id",
    "full_name",
    "phone",
    "email",
    "province",
    "lifecycle_stage",
    "clv_tier",
    "rfm_segment",
    "order_count",
    "total_spent",
    "last_purchase_at",
)


def count(engine: Engine, rule: Any, as_of: dt.date | None = None) -> int:
    """How many customers match `rule` (JSON or parsed) at `as_of` (default: today, live).

    A count with per-customer probes runs on one core (PostgreSQL does not parallelise
    correlated subqueries); when the pool has a connection to spare it is taken in two halves
    at once instead (halves.py)."""
    node = as_node(rule)
    by_key = fetches_customers_by_key(node)
    in_halves = second_connection_free(engine)
    with engine.begin() as conn:
        ratio = PROBE_COST_RATIO / 2 if in_halves else PROBE_COST_RATIO
        probes = choose_probes(tuned(conn, fetch_by_key=by_key), node, as_of, ratio)
        if not (probes and in_halves):
            return int(conn.execute(count_query(node, as_of, probes)).scalar_one())
    return count_in_halves(
        engine,
        lambda c: tuned(c, fetch_by_key=by_key),
        lambda lo, hi: count_query(node, as_of, probes, (lo, hi)),
    )


# A preview walks customers from the highest spender down and stops at `limit` matches, about
# limit × customers / matches rows. Past this many rows, computing the matches and sorting them
# is cheaper (a rule matching nobody would otherwise walk all million customers).
PREVIEW_WALK_MAX_ROWS = 20_000


def preview(
    engine: Engine, rule: Any, limit: int = 50, as_of: dt.date | None = None, matches: int | None = None
) -> list[dict[str, Any]]:
    """Up to `limit` matching customers, highest spenders first. `matches`: the rule's count, when
    the caller has it (the builder counts first); without it the preview counts."""
    limit = max(1, min(int(limit), 1000))
    node = as_node(rule)
    if matches is None:
        matches = count(engine, node, as_of)
    if matches == 0:
        return []
    columns = [(scores.c if name in scores.c else customers.c)[name] for name in PREVIEW_COLUMNS]
    with engine.begin() as conn:
        customers_total = conn.execute(
            text("SELECT greatest(reltuples, 1) FROM pg_class WHERE oid = 'customers'::regclass")
        ).scalar_one()
        if limit * customers_total / matches <= PREVIEW_WALK_MAX_ROWS:
            # Served by a backward scan of ix_customers_total_spent_id.
            order = (customers.c.total_spent.desc(), customers.c.id.desc())
        else:
            # The same order (total_spent is NOT NULL), but NULLS LAST is not what the index
            # gives, so PostgreSQL finds the matches first and sorts them.
            order = (customers.c.total_spent.desc().nulls_last(), customers.c.id.desc())
        query = select(*columns).select_from(customer_rows).where(where_clause(node, as_of))
        return [dict(r._mapping) for r in tuned(conn).execute(query.order_by(*order).limit(limit))]


# --- dependencies between segments -----------------------------------------------------------


def dependency_graph(conn: Connection) -> dict[uuid.UUID, set[uuid.UUID]]:
    """segment → segments its rule tests membership of (dynamic segments only)."""
    graph: dict[uuid.UUID, set[uuid.UUID]] = {}
    rows = conn.execute(select(segment_rules.c.id, segment_rules.c.segment_type, segment_rules.c.conditions))
    for sid, kind, conditions in rows:
        refs: set[uuid.UUID] = set()
        if kind == "dynamic" and conditions:
            try:
                refs = segment_references(parse_rule(conditions))
            except RuleInvalid:
                refs = set()
        graph[sid] = refs
    return graph


def _reaches(graph: dict[uuid.UUID, set[uuid.UUID]], start: uuid.UUID, goal: uuid.UUID) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, ()))
    return False


def _segment_paths(data: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        if "segment" in data and not (set(data) & {"all", "any", "not"}):
            yield path, str(data["segment"])
        for key in ("all", "any"):
            if isinstance(data.get(key), list):
                for i, child in enumerate(data[key]):
                    yield from _segment_paths(child, f"{path}.{key}[{i}]")
        if "not" in data:
            yield from _segment_paths(data["not"], f"{path}.not")


def check_rule(conn: Connection, rule: Any, segment_id: uuid.UUID | None = None) -> Any:
    """Parse a rule for saving: structure, referenced segments exist, no cycle. Returns JSON."""
    data = unwrap(rule)
    node = parse_rule(data)
    graph = dependency_graph(conn)
    errors = []
    for path, ref in _segment_paths(data):
        ref_id = uuid.UUID(ref)
        if ref_id not in graph:
            errors.append(RuleError(f"{path}.segment", f"Phân khúc {ref} không tồn tại.", "unknown_segment"))
        elif segment_id is not None and _reaches(graph, ref_id, segment_id):
            errors.append(
                RuleError(
                    f"{path}.segment",
                    "Vòng lặp: phân khúc này (trực tiếp hoặc gián tiếp) lại dựa vào chính phân khúc đang sửa.",
                    "cycle",
                )
            )
    if errors:
        raise RuleInvalid(errors)
    return to_json(node)


# --- CRUD ------------------------------------------------------------------------------------


def get_segment(engine_or_conn: Engine | Connection, segment_id: uuid.UUID) -> SegmentInfo:
    query = select(*_INFO_COLUMNS).where(segment_rules.c.id == segment_id)
    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            row = conn.execute(query).first()
    else:
        row = engine_or_conn.execute(query).first()
    if row is None:
        raise SegmentNotFound(f"Không tìm thấy phân khúc {segment_id}.")
    return _info(row)


def list_segments(engine: Engine) -> list[SegmentInfo]:
    with engine.connect() as conn:
        rows = conn.execute(select(*_INFO_COLUMNS).order_by(segment_rules.c.name, segment_rules.c.id))
        return [_info(r) for r in rows]


def create_segment(
    engine: Engine,
    name: str,
    rule: Any = None,
    *,
    segment_type: str = "dynamic",
    description: str | None = None,
    rule_type: str | None = "custom",
    created_by: uuid.UUID | None = None,
    store_id: int | None = None,
) -> SegmentInfo:
    """A new segment. Dynamic segments need a rule; static ones start empty (see refresh.py)."""
    name = (name or "").strip()
    if not name:
        raise SegmentError("Tên phân khúc không được để trống.")
    if segment_type not in ("dynamic", "static"):
        raise SegmentError("Loại phân khúc phải là “dynamic” (theo quy tắc) hoặc “static” (danh sách).")
    with engine.begin() as conn:
        if segment_type == "dynamic":
            if rule is None:
                raise SegmentError("Phân khúc động cần một quy tắc.")
            conditions = check_rule(conn, rule)
        else:
            conditions = {"all": []} if rule is None else check_rule(conn, rule)
        new_id = conn.execute(
            insert(segment_rules)
            .values(
                name=name,
                description=description,
                rule_type=rule_type,
                conditions=conditions,
                segment_type=segment_type,
                rule_version=RULE_VERSION,
                created_by=created_by,
                store_id=store_id,
            )
            .returning(segment_rules.c.id)
        ).scalar_one()
        return get_segment(conn, new_id)


def update_segment(
    engine: Engine,
    segment_id: uuid.UUID,
    *,
    name: str | None = None,
    description: str | None = None,
    rule: Any = None,
    is_active: bool | None = None,
) -> SegmentInfo:
    """Edit a segment. A new rule takes effect at the next refresh (counts are live already)."""
    with engine.begin() as conn:
        current = get_segment(conn, segment_id)
        values: dict[str, Any] = {"updated_at": func.now()}
        if name is not None:
            if not name.strip():
                raise SegmentError("Tên phân khúc không được để trống.")
            values["name"] = name.strip()
        if description is not None:
            values["description"] = description
        if is_active is not None:
            values["is_active"] = is_active
        if rule is not None:
            if current.segment_type == "static":
                raise SegmentError("Phân khúc tĩnh không có quy tắc; hãy sửa danh sách thành viên.")
            values["conditions"] = check_rule(conn, rule, segment_id)
            values["rule_version"] = RULE_VERSION
        conn.execute(update(segment_rules).where(segment_rules.c.id == segment_id).values(**values))
        return get_segment(conn, segment_id)


def duplicate_segment(engine: Engine, segment_id: uuid.UUID, name: str | None = None) -> SegmentInfo:
    """A copy (not built in, not yet refreshed); a static segment's members are copied too."""
    from matviet_desktop.core.segments.refresh import copy_static_members

    source = get_segment(engine, segment_id)
    copy = create_segment(
        engine,
        name or f"{source.name} (bản sao)",
        source.conditions,
        segment_type=source.segment_type,
        description=source.description,
        rule_type=source.rule_type,
        created_by=source.created_by,
        store_id=source.store_id,
    )
    if source.segment_type == "static":
        copy_static_members(engine, source.id, copy.id)
        copy = get_segment(engine, copy.id)
    return copy


def segment_users(conn: Connection, segment_id: uuid.UUID) -> list[str]:
    """What refers to a segment: campaigns that target it and segments whose rule uses it."""
    users = [
        f"chiến dịch “{name}”"
        for (name,) in conn.execute(
            select(Campaign.name).where(Campaign.segment_rule_id == segment_id).order_by(Campaign.name)
        )
    ]
    graph = dependency_graph(conn)
    dependants = [sid for sid, refs in graph.items() if segment_id in refs and sid != segment_id]
    if dependants:
        names = conn.execute(
            select(segment_rules.c.name)
            .where(segment_rules.c.id.in_(dependants))
            .order_by(segment_rules.c.name)
        )
        users += [f"phân khúc “{n}”" for (n,) in names]
    return users


def delete_segment(engine: Engine, segment_id: uuid.UUID) -> None:
    """Delete a segment with its members and history; refused while something uses it."""
    with engine.begin() as conn:
        info = get_segment(conn, segment_id)
        conn.execute(select(segment_rules.c.id).where(segment_rules.c.id == segment_id).with_for_update())
        users = segment_users(conn, segment_id)
        if users:
            raise SegmentInUse(info.name, users)
        conn.execute(delete(CustomerSegment).where(CustomerSegment.segment_rule_id == segment_id))
        conn.execute(
            delete(SegmentMembershipHistory).where(SegmentMembershipHistory.segment_rule_id == segment_id)
        )
        conn.execute(delete(segment_rules).where(segment_rules.c.id == segment_id))
