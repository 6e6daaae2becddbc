"""The rule language as a JSON Schema (draft 2020-12), generated from the catalogue.

Published as docs/segment-rule.schema.json (`matviet segments schema --out FILE`); a test keeps
the file equal to what this module generates. The schema checks shape and types; limits that
need the whole tree (depth, node count, `between` order, segment cycles) are checked by
`rules.validate` and the service.
"""

from __future__ import annotations

from typing import Any

from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments.catalogue import FieldType
from matviet_desktop.core.segments.rules import RULE_VERSION

SCHEMA_ID = "https://matviet.vn/schemas/segment-rule.schema.json"


def _scalar(ftype: FieldType, values: tuple[cat.EnumValue, ...] = (), strict: bool = True) -> dict[str, Any]:
    if ftype == FieldType.INTEGER:
        return {"type": "integer"}
    if ftype in (FieldType.NUMBER, FieldType.MONEY):
        return {"type": "number"}
    if ftype == FieldType.BOOL:
        return {"type": "boolean"}
    if ftype in (FieldType.DATE, FieldType.DATETIME):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if ftype == FieldType.ENUM and strict and values:
        return {"enum": [v.value for v in values]}
    return {"type": "string", "maxLength": cat.MAX_TEXT_LENGTH}


def _field_schema(spec: cat.FieldSpec) -> dict[str, Any]:
    scalar = _scalar(spec.type, spec.values, spec.strict)
    ops = spec.operators
    groups: list[tuple[list[str], dict[str, Any] | None]] = [
        ([o for o in ops if o in cat.NO_VALUE_OPS], None),
        (
            [o for o in ops if o in cat.LIST_OPS],
            {"type": "array", "items": scalar, "minItems": 1, "maxItems": cat.MAX_LIST_ITEMS},
        ),
        (
            [o for o in ops if o == "between"],
            {"type": "array", "prefixItems": [scalar, scalar], "minItems": 2, "maxItems": 2},
        ),
        (
            [o for o in ops if o in ("within_last_days", "more_than_days_ago")],
            {"type": "integer", "minimum": 0, "maximum": cat.MAX_DAYS},
        ),
        (
            [o for o in ops if o == "anniversary_within_days"],
            {"type": "integer", "minimum": 0, "maximum": cat.MAX_ANNIVERSARY_DAYS},
        ),
        (
            [o for o in ops if o in cat.TEXT_MATCH_OPS],
            {"type": "string", "minLength": 1, "maxLength": cat.MAX_TEXT_LENGTH},
        ),
        ([o for o in ops if o in ("eq", "ne", "lt", "lte", "gt", "gte")], scalar),
    ]
    variants = []
    for group_ops, value in groups:
        if not group_ops:
            continue
        if value is None:
            variants.append({"properties": {"op": {"enum": group_ops}}, "not": {"required": ["value"]}})
        else:
            variants.append(
                {"properties": {"op": {"enum": group_ops}, "value": value}, "required": ["value"]}
            )
    return {
        "title": spec.label,
        "type": "object",
        "properties": {"field": {"const": spec.name}, "op": {"enum": list(ops)}, "value": True},
        "required": ["field", "op"],
        "additionalProperties": False,
        "oneOf": variants,
    }


def _event_schema(spec: cat.EventSpec) -> dict[str, Any]:
    return {
        "title": spec.label,
        "type": "object",
        "properties": {
            "event": {"const": spec.name},
            "where": {
                "type": "object",
                "properties": {p.name: _scalar(p.type, p.values) for p in spec.properties.values()},
                "additionalProperties": False,
            },
            "count_op": {"enum": list(cat.COUNT_OPS)},
            "count": {"type": "integer", "minimum": 0, "maximum": cat.MAX_EVENT_COUNT},
            "within_last_days": {"type": "integer", "minimum": 0, "maximum": cat.MAX_DAYS},
        },
        "required": ["event"],
        "additionalProperties": False,
    }


def rule_json_schema() -> dict[str, Any]:
    node = {"$ref": "#/$defs/node"}
    defs: dict[str, Any] = {
        "all": {
            "title": "Tất cả (AND)",
            "type": "object",
            "properties": {"all": {"type": "array", "items": node}},
            "required": ["all"],
            "additionalProperties": False,
        },
        "any": {
            "title": "Bất kỳ (OR)",
            "type": "object",
            "properties": {"any": {"type": "array", "items": node}},
            "required": ["any"],
            "additionalProperties": False,
        },
        "not": {
            "title": "Phủ định (NOT)",
            "type": "object",
            "properties": {"not": node},
            "required": ["not"],
            "additionalProperties": False,
        },
        "segment": {
            "title": "Thuộc phân khúc",
            "type": "object",
            "properties": {"segment": {"type": "string", "format": "uuid"}, "member": {"type": "boolean"}},
            "required": ["segment"],
            "additionalProperties": False,
        },
    }
    refs = ["all", "any", "not", "segment"]
    for spec in cat.FIELDS.values():
        defs[f"field.{spec.name}"] = _field_schema(spec)
        refs.append(f"field.{spec.name}")
    for event in cat.EVENTS.values():
        defs[f"event.{event.name}"] = _event_schema(event)
        refs.append(f"event.{event.name}")
    defs["node"] = {"anyOf": [{"$ref": f"#/$defs/{r}"} for r in refs]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Quy tắc phân khúc khách hàng Mắt Việt",
        "description": f"Rule language version {RULE_VERSION}; see docs/segments.md.",
        "anyOf": [
            node,
            {
                "type": "object",
                "properties": {"version": {"const": RULE_VERSION}, "rule": node},
                "required": ["version", "rule"],
                "additionalProperties": False,
            },
        ],
        "$defs": defs,
    }
