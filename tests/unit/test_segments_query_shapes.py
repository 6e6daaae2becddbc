"""The shapes of compiled counts that the speed targets depend on (issue 4, docs/benchmarks/segments.md).

Correctness of every shape is the differential tests' job; these pin which tables a count reads,
so a refactor that silently brings back the million-customer scan fails here.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from sqlalchemy.dialects import postgresql

from matviet_desktop.core.segments.compiler import count_query, fetches_customers_by_key, members_query

NESTED = {
    "all": [
        {"not": {"field": "province", "op": "is_null"}},
        {
            "any": [
                {
                    "all": [
                        {"field": "lifecycle_stage", "op": "eq", "value": "loyal"},
                        {"not": {"event": "purchase", "within_last_days": 180}},
                    ]
                },
                {
                    "all": [
                        {"field": "clv_tier", "op": "eq", "value": "vip"},
                        {"event": "eye_exam", "count_op": "eq", "count": 0, "within_last_days": 365},
                    ]
                },
            ]
        },
    ]
}
SUNGLASSES = {
    "event": "purchase",
    "where": {"category": "sunglasses"},
    "count_op": "gte",
    "count": 2,
    "within_last_days": 730,
}


def _sql(query: Any) -> str:
    return str(query.compile(dialect=postgresql.dialect()))


def _outer_from(sql: str) -> str:
    """The FROM clause of the outermost select (up to its WHERE, or the end)."""
    depth, start = 0, None
    for m in re.finditer(r"\(|\)|\bFROM\b|\bWHERE\b", sql):
        token = m.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth == 0 and token == "FROM" and start is None:
            start = m.end()
        elif depth == 0 and token == "WHERE" and start is not None:
            return sql[start : m.start()]
    assert start is not None
    return sql[start:]


def test_a_scored_rule_with_profile_fields_starts_from_the_scores() -> None:
    sql = _sql(count_query(NESTED))
    assert re.match(r"\s*customer_scores JOIN customers ON", _outer_from(sql)), sql
    # Event subqueries test the score row's id only, so the scored branch is decided on the scores scan.
    assert "coalesce" not in sql
    assert "= customer_scores.customer_id" in sql
    assert fetches_customers_by_key(NESTED)


@pytest.mark.parametrize(
    "rule",
    [
        # a customer without scores may match: the outer join stays
        {"any": [{"field": "clv_tier", "op": "eq", "value": "vip"}, {"field": "province", "op": "is_null"}]},
        {"not": {"field": "clv_tier", "op": "eq", "value": "vip"}},
    ],
)
def test_rules_a_customer_without_scores_can_match_keep_the_outer_join(rule: Any) -> None:
    assert "LEFT OUTER JOIN customer_scores" in _outer_from(_sql(count_query(rule)))
    assert not fetches_customers_by_key(rule)


@pytest.mark.parametrize(
    "rule",
    [
        SUNGLASSES,
        {"event": "nps_response", "where": {"max_score": 6}, "within_last_days": 365},
        {"all": [{"event": "campaign_opened", "count_op": "eq", "count": 2}]},
        {"segment": str(uuid.UUID(int=7)), "member": True},
    ],
)
def test_a_lone_event_or_membership_is_counted_from_its_own_rows(rule: Any) -> None:
    for query in (count_query(rule), members_query(rule)):
        sql = _sql(query)
        assert "customers" not in re.sub(r"\w*customers?_\w*|\w+_customers\b", "", sql), sql


@pytest.mark.parametrize(
    "rule",
    [
        # customers without events match these: they need every customer
        {"event": "purchase", "count_op": "eq", "count": 0, "within_last_days": 90},
        {"event": "purchase", "count_op": "lte", "count": 2},
        {"not": {"event": "eye_exam"}},
        {"segment": str(uuid.UUID(int=7)), "member": False},
    ],
)
def test_conditions_customers_without_events_satisfy_still_read_customers(rule: Any) -> None:
    assert _outer_from(_sql(count_query(rule))).strip() == "customers"
