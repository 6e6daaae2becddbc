"""Per-customer probes or one hashed set, for the EXISTS tests a rule makes inside an OR.

At the top level of a rule PostgreSQL turns EXISTS into a semi- or anti-join and costs both join
methods well. Inside an OR it cannot: it either hashes every matching event once, or probes the
per-customer index for each customer reaching the test. It costs a probe like a random page read,
so it hashes even when a few thousand customers reach the test and hundreds of thousands of events
match ("loyal and no purchase in 180 days": 17k loyal customers, 338k orders; hashing them takes
~115 ms, probing ~35 ms).

So the compiler decides from PostgreSQL's own row estimates: the customers reaching the test (the
column tests evaluated before it — the compiler puts them first in every AND) against the rows the
hashed set would hold. One EXPLAIN each, ~1 ms, and only for rules with such a test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Select, literal_column, select

from matviet_desktop.core.segments.compiler import (
    compile_node,
    event_rows,
    has_subquery,
    rule_context,
    segment_members,
    tests_by_exists,
)
from matviet_desktop.core.segments.rules import AllOf, AnyOf, EventCondition, Node, Not, SegmentCondition

# Measured on the 1M-customer demo database with covering per-customer indexes (0012): an
# index-only probe costs ~2 µs, hashing one event row ~0.35 µs including its scan.
PROBE_COST_RATIO = 6.0

Guard = tuple[Node, bool]  # a column-test node and whether it is negated where it sits


def _probe_has_an_index(test: Node) -> bool:
    """Every event source has a per-customer index to probe (orders, engagements, campaign
    targets, memberships) except order lines by category: probing those would scan the
    category's lines once per customer."""
    return not (
        isinstance(test, EventCondition) and test.event == "purchase" and "category" in dict(test.where)
    )


def guarded_tests(node: Node) -> list[tuple[Node, list[Guard]]]:
    """The EXISTS tests under an OR that could probe, each with the column tests ANDed before it."""
    found: list[tuple[Node, list[Guard]]] = []

    def walk(n: Node, negate: bool, under_or: bool, guards: list[Guard]) -> None:
        match n:
            case AllOf(children) | AnyOf(children):
                if isinstance(n, AllOf) != negate:  # an AND once negations are pushed down
                    cheap = [(c, negate) for c in children if not has_subquery(c)]
                    for child in filter(has_subquery, children):
                        walk(child, negate, under_or, guards + cheap)
                else:
                    for child in filter(has_subquery, children):
                        walk(child, negate, under_or or len(children) > 1, guards)
            case Not(child):
                walk(child, not negate, under_or, guards)
            case _ if under_or and tests_by_exists(n) and _probe_has_an_index(n):
                found.append((n, guards))

    walk(node, False, False, [])
    return found


def estimated_rows(conn: Connection, query: Select[Any]) -> float:
    """PostgreSQL's estimate of the rows `query` returns (EXPLAIN, nothing executed)."""
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])


def _tested_rows(test: Node, ctx: Any) -> Select[Any]:
    if isinstance(test, SegmentCondition):
        return segment_members(test.segment, ctx)
    assert isinstance(test, EventCondition)
    return event_rows(test, ctx, counted=False)


def explain_tests(
    conn: Connection, node: Node, as_of: dt.date | None = None
) -> list[tuple[Node, tuple[float, float]]]:
    """Each EXISTS test under an OR with the estimated customers reaching it and rows it tests."""
    tests = guarded_tests(node)
    if not tests:
        return []
    source, ctx = rule_context(node, as_of)
    estimates = []
    for test, guards in tests:
        reach: Select[Any] = select(literal_column("1")).select_from(source.from_)
        reach = reach.where(*(compile_node(g, ctx, negated) for g, negated in guards))
        estimates.append((test, (estimated_rows(conn, reach), estimated_rows(conn, _tested_rows(test, ctx)))))
    return estimates


def choose_probes(
    conn: Connection, node: Node, as_of: dt.date | None = None, ratio: float = PROBE_COST_RATIO
) -> frozenset[int]:
    """id() of the tests in parsed rule `node` that should probe per customer; pass the result
    with the same `node` to count_query / members_query. Counting in two halves at once, pass
    half the ratio: each half probes half the customers but would hash every event."""
    return frozenset(
        id(test) for test, (reach, rows) in explain_tests(conn, node, as_of) if reach * ratio < rows
    )
