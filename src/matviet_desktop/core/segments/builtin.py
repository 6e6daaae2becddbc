"""Built-in segments: one per lifecycle stage, CLV tier and RFM segment, plus behavioural ones.

Created idempotently, keyed by `builtin_key`: running `matviet segments builtin` again updates
names and rules in place (bumping nothing else) and never duplicates a segment.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.dialects.postgresql import insert

from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments.rules import RULE_VERSION, parse_rule, to_json
from matviet_desktop.core.segments.service import segment_rules


@dataclass(frozen=True)
class BuiltinSegment:
    key: str
    name: str
    description: str
    rule_type: str
    rule: Any


def _stage_rule(field: str, value: str) -> dict[str, Any]:
    return {"field": field, "op": "eq", "value": value}


def builtin_definitions() -> list[BuiltinSegment]:
    out = [
        BuiltinSegment(
            f"lifecycle:{v.value}",
            f"Vòng đời: {v.label}",
            "Khách theo giai đoạn vòng đời (chấm điểm).",
            "lifecycle",
            _stage_rule("lifecycle_stage", v.value),
        )
        for v in cat.LIFECYCLE_STAGES
    ]
    out += [
        BuiltinSegment(
            f"clv:{v.value}",
            f"CLV: {v.label}",
            "Khách theo hạng giá trị vòng đời dự đoán.",
            "clv",
            _stage_rule("clv_tier", v.value),
        )
        for v in cat.CLV_TIERS
    ]
    out += [
        BuiltinSegment(
            f"rfm:{v.value}",
            f"RFM: {v.label}",
            "Khách theo nhóm RFM.",
            "rfm",
            _stage_rule("rfm_segment", v.value),
        )
        for v in cat.RFM_SEGMENTS
    ]
    out += [
        BuiltinSegment(
            "behaviour:sunglasses_lovers",
            "Người mê kính mát",
            "Ưa thích kính mát, hoặc đã mua kính mát từ 2 lần trở lên.",
            "behavioral",
            {
                "any": [
                    {"field": "preferred_category", "op": "eq", "value": "sunglasses"},
                    {"event": "purchase", "where": {"category": "sunglasses"}, "count_op": "gte", "count": 2},
                ]
            },
        ),
        BuiltinSegment(
            "behaviour:discount_seekers",
            "Săn khuyến mãi",
            "Từ 2 đơn trở lên và ít nhất một nửa chi tiêu có giảm giá.",
            "behavioral",
            {
                "all": [
                    {"field": "order_count", "op": "gte", "value": 2},
                    {"field": "discount_share", "op": "gte", "value": 0.5},
                ]
            },
        ),
        BuiltinSegment(
            "behaviour:weekend_shoppers",
            "Mua sắm cuối tuần",
            "Ít nhất 2 đơn vào thứ Bảy/Chủ nhật trong 2 năm qua và không có đơn ngày thường nào.",
            "behavioral",
            {
                "all": [
                    {
                        "event": "purchase",
                        "where": {"weekend": True},
                        "count_op": "gte",
                        "count": 2,
                        "within_last_days": 730,
                    },
                    {
                        "event": "purchase",
                        "where": {"weekend": False},
                        "count_op": "eq",
                        "count": 0,
                        "within_last_days": 730,
                    },
                ]
            },
        ),
        BuiltinSegment(
            "behaviour:eye_exam_due",
            "Đến hạn đo mắt",
            "Đã từng mua hàng nhưng 12 tháng qua không đo mắt và không mua kính.",
            "behavioral",
            {
                "all": [
                    {"field": "order_count", "op": "gte", "value": 1},
                    {"event": "eye_exam", "count_op": "eq", "count": 0, "within_last_days": 365},
                    {
                        "event": "purchase",
                        "where": {"category": "eye_exam"},
                        "count_op": "eq",
                        "count": 0,
                        "within_last_days": 365,
                    },
                    {
                        "event": "purchase",
                        "where": {"category": "glasses"},
                        "count_op": "eq",
                        "count": 0,
                        "within_last_days": 365,
                    },
                ]
            },
        ),
    ]
    return out


def ensure_builtins(engine: Engine) -> list[uuid.UUID]:
    """Create or update every built-in segment; returns their ids in definition order."""
    rows = [
        {
            "builtin_key": b.key,
            "name": b.name,
            "description": b.description,
            "rule_type": b.rule_type,
            "conditions": to_json(parse_rule(b.rule)),
            "segment_type": "dynamic",
            "rule_version": RULE_VERSION,
        }
        for b in builtin_definitions()
    ]
    stmt = insert(segment_rules).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=[segment_rules.c.builtin_key],
        set_={
            "name": stmt.excluded.name,
            "description": stmt.excluded.description,
            "conditions": stmt.excluded.conditions,
            "rule_version": stmt.excluded.rule_version,
            "updated_at": func.now(),
        },
        # Untouched when nothing changed, so `updated_at` means "rule changed".
        where=segment_rules.c.conditions.is_distinct_from(stmt.excluded.conditions)
        | segment_rules.c.name.is_distinct_from(stmt.excluded.name),
    )
    with engine.begin() as conn:
        conn.execute(stmt)
        keys = [r["builtin_key"] for r in rows]
        found = dict(
            conn.execute(
                select(segment_rules.c.builtin_key, segment_rules.c.id).where(
                    segment_rules.c.builtin_key.in_(keys)
                )
            ).all()
        )
    return [found[k] for k in keys]
