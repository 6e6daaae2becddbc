"""Which EXISTS tests the probe planner considers, and what the probe form compiles to."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql

from matviet_desktop.core.segments.compiler import as_node, count_query
from matviet_desktop.core.segments.probes import guarded_tests
from matviet_desktop.core.segments.rules import EventCondition, FieldCondition, Not
from tests.unit.test_segments_query_shapes import NESTED

LOYAL = {"field": "lifecycle_stage", "op": "eq", "value": "loyal"}
VIP = {"field": "clv_tier", "op": "eq", "value": "vip"}
NO_PURCHASE = {"not": {"event": "purchase", "within_last_days": 180}}
EXAM = {"event": "eye_exam", "within_last_days": 365}


def _summary(rule: Any) -> list[tuple[str, list[str]]]:
    out = []
    for test, guards in guarded_tests(as_node(rule)):
        assert isinstance(test, EventCondition)
        names = []
        for guard, negated in guards:
            inner = guard.child if isinstance(guard, Not) else guard
            assert isinstance(inner, FieldCondition)
            # the polarity the guard is evaluated with: its own `not` flipped by the context's
            names.append(("not " if negated != isinstance(guard, Not) else "") + inner.field)
        out.append((test.event, names))
    return out


def test_the_nested_rule_has_two_tests_each_guarded_by_its_branch_and_the_outer_and() -> None:
    assert _summary(NESTED) == [
        ("purchase", ["not province", "lifecycle_stage"]),
        ("eye_exam", ["not province", "clv_tier"]),
    ]


def test_tests_outside_any_or_are_left_to_postgresql_joins() -> None:
    assert guarded_tests(as_node({"all": [LOYAL, NO_PURCHASE]})) == []
    assert guarded_tests(as_node({"any": [{"all": [LOYAL, NO_PURCHASE]}]})) == []  # an OR of one


def test_or_siblings_do_not_guard_each_other_and_negation_turns_and_into_or() -> None:
    assert _summary({"any": [LOYAL, EXAM]}) == [("eye_exam", [])]
    # not (vip and no exam) = not vip or exam: an OR, and `vip` is no guard of it
    assert _summary({"not": {"all": [VIP, {"not": EXAM}]}}) == [("eye_exam", [])]
    # not (not vip or exam) = vip and no exam, under the outer OR: `vip` guards, positively
    rule = {"any": [LOYAL, {"not": {"any": [{"not": VIP}, EXAM]}}]}
    assert _summary(rule) == [("eye_exam", ["clv_tier"])]


def test_counted_events_are_not_exists_tests() -> None:
    counted = {"event": "purchase", "count_op": "gte", "count": 2}
    assert guarded_tests(as_node({"any": [LOYAL, counted]})) == []


def test_purchases_by_category_are_never_probed_for_want_of_a_per_customer_index() -> None:
    by_category = {"event": "purchase", "where": {"category": "sunglasses"}, "count_op": "eq", "count": 0}
    assert guarded_tests(as_node({"any": [VIP, {"all": [LOYAL, by_category]}]})) == []
    by_store = {"event": "purchase", "where": {"store_code": "S001"}, "count_op": "eq", "count": 0}
    assert _summary({"any": [VIP, {"all": [LOYAL, by_store]}]}) == [("purchase", ["lifecycle_stage"])]


def test_a_probed_test_cannot_be_hashed_and_its_columns_come_first() -> None:
    node = as_node({"any": [{"all": [NO_PURCHASE, LOYAL]}, VIP]})
    (test, _), *_ = guarded_tests(node)
    plain = str(count_query(node).compile(dialect=postgresql.dialect()))
    probed = str(count_query(node, probes=frozenset({id(test)})).compile(dialect=postgresql.dialect()))
    assert "OFFSET" not in plain
    assert probed.count("OFFSET 0") == 1
    # the lifecycle test is written before the subquery, so only loyal customers reach it
    assert probed.index("lifecycle_stage") < probed.index("EXISTS")
