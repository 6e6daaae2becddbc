"""Segment engine (issue 4): rule language, safe SQL compiler, live counts, materialisation.

The stable public API other areas call:

    count(engine, rule, as_of=None) -> int
    preview(engine, rule, limit=50, as_of=None, matches=None) -> list[dict]
    validate(rule) -> list[RuleError]
    catalogue_as_dict() / FIELDS / EVENTS            field catalogue for the UI builder
    members_query(rule, as_of=None) -> Select        SELECT customer_id …, for freezing audiences
    segment_members_query(segment_id) -> Select      materialised members of a saved segment
    create_segment / update_segment / duplicate_segment / delete_segment / get_segment / list_segments
    refresh(engine, segment_id) / refresh_all(engine)
    set_static_members(engine, segment_id, ids, mode=) / import_static_csv(engine, segment_id, path)
    members_on(segment_id, day) / count_on / flows / size_history
    ensure_builtins(engine)
    export_csv(engine, segment_id, path) / export_xlsx(engine, segment_id, path)
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, select

from matviet_desktop.core.segments.builtin import builtin_definitions, ensure_builtins
from matviet_desktop.core.segments.catalogue import EVENTS, FIELDS, catalogue_as_dict
from matviet_desktop.core.segments.compiler import members_query, memberships
from matviet_desktop.core.segments.export import export_csv, export_xlsx
from matviet_desktop.core.segments.history import Flow, count_on, flows, members_on, size_history
from matviet_desktop.core.segments.refresh import RefreshResult, refresh, refresh_all, set_static_members
from matviet_desktop.core.segments.rules import RuleError, RuleInvalid, parse_rule, validate
from matviet_desktop.core.segments.service import (
    SegmentError,
    SegmentInfo,
    SegmentInUse,
    SegmentNotFound,
    count,
    create_segment,
    delete_segment,
    duplicate_segment,
    get_segment,
    list_segments,
    preview,
    update_segment,
)
from matviet_desktop.core.segments.static import ImportReport, import_static_csv


def segment_members_query(segment_id: uuid.UUID) -> Select[Any]:
    """`SELECT customer_id` of a saved segment's materialised members (refresh it first)."""
    m = memberships.c
    return select(m.customer_id).where(m.segment_rule_id == segment_id, m.customer_id.is_not(None))


__all__ = [
    "EVENTS",
    "FIELDS",
    "Flow",
    "ImportReport",
    "RefreshResult",
    "RuleError",
    "RuleInvalid",
    "SegmentError",
    "SegmentInUse",
    "SegmentInfo",
    "SegmentNotFound",
    "builtin_definitions",
    "catalogue_as_dict",
    "count",
    "count_on",
    "create_segment",
    "delete_segment",
    "duplicate_segment",
    "ensure_builtins",
    "export_csv",
    "export_xlsx",
    "flows",
    "get_segment",
    "import_static_csv",
    "list_segments",
    "members_on",
    "members_query",
    "parse_rule",
    "preview",
    "refresh",
    "refresh_all",
    "segment_members_query",
    "set_static_members",
    "size_history",
    "update_segment",
    "validate",
]
