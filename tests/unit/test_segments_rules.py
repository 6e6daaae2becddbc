"""Rule validation: every error names the offending node and says what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments.compiler import FIELD_COLUMNS, anniversary_keys
from matviet_desktop.core.segments.rules import parse_rule, to_json, validate
from matviet_desktop.core.segments.schema import rule_json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(
    ("rule", "path", "code"),
    [
        ({"field": "salary", "op": "eq", "value": 1}, "$.field", "unknown_field"),
        ({"field": "gender", "op": "gt", "value": "male"}, "$.op", "bad_operator"),
        ({"field": "gender", "op": "eq", "value": "robot"}, "$.value", "bad_enum"),
        ({"field": "total_spent", "op": "gte", "value": "nhiều"}, "$.value", "bad_number"),
        ({"field": "total_spent", "op": "gte", "value": True}, "$.value", "bad_number"),
        ({"field": "total_spent", "op": "gte", "value": float("nan")}, "$.value", "bad_number"),
        ({"field": "total_spent", "op": "between", "value": [5, 1]}, "$.value", "bad_between"),
        ({"field": "birthday", "op": "eq", "value": "15/06/1990"}, "$.value", "bad_date"),
        ({"field": "birthday", "op": "anniversary_within_days", "value": 400}, "$.value", "bad_integer"),
        ({"field": "province", "op": "in", "value": []}, "$.value", "bad_list"),
        ({"field": "province", "op": "is_null", "value": 1}, "$.value", "unexpected_value"),
        ({"field": "province", "op": "contains"}, "$.value", "missing_value"),
        (
            {"all": [{"field": "gender", "op": "eq", "value": "male"}, {"any": [{"oops": 1}]}]},
            "$.all[1].any[0]",
            "unknown_node",
        ),
        (
            {"not": {"event": "purchase", "where": {"colour": "red"}}},
            "$.not.where.colour",
            "unknown_property",
        ),
        ({"event": "purchase", "count_op": "gt"}, "$.count_op", "bad_count_op"),
        ({"event": "nps_response", "where": {"max_score": 11}}, "$.where.max_score", "out_of_range"),
        ({"event": "teleport"}, "$.event", "unknown_event"),
        ({"segment": "not-a-uuid"}, "$.segment", "bad_uuid"),
        ({"all": [], "any": []}, "$", "ambiguous_group"),
        ({"field": "gender", "op": "eq", "value": "male", "extra": 1}, "$.extra", "unknown_key"),
        ([1, 2], "$", "not_an_object"),
    ],
)
def test_invalid_rules_name_the_offending_node(rule: object, path: str, code: str) -> None:
    errors = validate(rule)
    assert (errors[0].path, errors[0].code) == (path, code), errors
    assert errors[0].message  # Vietnamese, actionable


def test_depth_and_size_limits() -> None:
    deep: dict = {"field": "gender", "op": "eq", "value": "male"}
    for _ in range(cat.MAX_DEPTH + 5):
        deep = {"not": deep}
    assert validate(deep)[0].code == "too_deep"
    wide = {"any": [{"field": "gender", "op": "eq", "value": "male"}] * (cat.MAX_NODES + 1)}
    assert validate(wide)[-1].code == "too_many_nodes"


def test_parse_normalises_and_round_trips() -> None:
    rule = {
        "all": [
            {"field": "clv_predicted", "op": "between", "value": [1000000, 2.5e7]},
            {"event": "purchase", "where": {"category": "sunglasses"}, "within_last_days": 90},
            {"version": 1, "rule": {"field": "gender", "op": "eq", "value": "female"}}["rule"],
        ]
    }
    node = parse_rule({"version": 1, "rule": rule})
    again = to_json(node)
    assert again["all"][1] == {
        "event": "purchase",
        "where": {"category": "sunglasses"},
        "count_op": "gte",
        "count": 1,
        "within_last_days": 90,
    }
    assert parse_rule(again) == node


def test_catalogue_and_compiler_whitelist_agree() -> None:
    assert set(cat.FIELDS) == set(FIELD_COLUMNS)
    data = cat.catalogue_as_dict()
    assert all(f["label"] and f["operators"] for f in data["fields"])
    assert {
        v["label"] for v in next(f for f in data["fields"] if f["name"] == "lifecycle_stage")["values"]
    } >= {"Trung thành"}


def test_anniversary_window_counts_feb_29_on_feb_28_of_common_years() -> None:
    import datetime as dt

    assert "02-29" in anniversary_keys(dt.date(2027, 2, 27), 1)
    assert "02-29" not in anniversary_keys(dt.date(2028, 2, 27), 1)
    assert anniversary_keys(dt.date(2026, 12, 31), 1) == ["01-01", "12-31"]


def test_published_schema_is_generated_from_code_and_agrees_with_the_validator() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = rule_json_schema()
    assert json.loads((DOCS / "segment-rule.schema.json").read_text(encoding="utf-8")) == schema, (
        "regenerate: matviet segments schema --out docs/segment-rule.schema.json"
    )
    validator = jsonschema.Draft202012Validator(schema)
    good = [
        {
            "all": [
                {"field": "lifecycle_stage", "op": "in", "value": ["loyal", "active"]},
                {"not": {"field": "province", "op": "is_null"}},
            ]
        },
        {
            "event": "campaign_opened",
            "where": {"channel": "zalo"},
            "count_op": "eq",
            "count": 0,
            "within_last_days": 30,
        },
        {"field": "birthday", "op": "anniversary_within_days", "value": 7},
        {"segment": "5f0c2a3e-8d7b-4c1e-9a55-0d6f3a2b1c90", "member": False},
        {"version": 1, "rule": {"any": []}},
    ]
    for rule in good:
        assert validate(rule) == [] and validator.is_valid(rule), rule
    bad = [
        {"field": "gender", "op": "eq", "value": "robot"},
        {"field": "province", "op": "is_null", "value": 1},
        {"event": "purchase", "where": {"colour": "red"}},
        {"field": "salary", "op": "eq", "value": 1},
    ]
    for rule in bad:
        assert validate(rule) and not validator.is_valid(rule), rule
