"""The field catalogue: every field, event and operator a rule may use, with Vietnamese labels.

This is the single whitelist of the rule language. The validator, the JSON Schema, the SQL
compiler and the UI rule builder are all driven by it; nothing outside it reaches SQL.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from matviet_desktop.core.db.models.orders import ORDER_CHANNELS
from matviet_desktop.core.db.models.reference import PRODUCT_CATEGORIES
from matviet_desktop.core.scoring import rfm


class FieldType(enum.StrEnum):
    INTEGER = "integer"
    NUMBER = "number"  # decimal, compared exactly (bound as Decimal)
    MONEY = "money"  # VND
    TEXT = "text"  # compared case- and diacritics-insensitively
    ENUM = "enum"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"  # compared by calendar day in Asia/Ho_Chi_Minh
    STORE = "store"  # a store code
    SEARCH = "search"  # the customer search text: name, phone digits, email, already folded


NUMERIC_OPS = ("eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "not_in", "is_null", "is_not_null")
DATE_OPS = (
    "eq",
    "ne",
    "lt",
    "lte",
    "gt",
    "gte",
    "between",
    "within_last_days",
    "more_than_days_ago",
    "anniversary_within_days",
    "is_null",
    "is_not_null",
)
OPERATORS_BY_TYPE: dict[FieldType, tuple[str, ...]] = {
    FieldType.INTEGER: NUMERIC_OPS,
    FieldType.NUMBER: NUMERIC_OPS,
    FieldType.MONEY: NUMERIC_OPS,
    FieldType.TEXT: ("eq", "ne", "in", "not_in", "contains", "starts_with", "is_null", "is_not_null"),
    FieldType.SEARCH: ("contains", "starts_with"),
    FieldType.ENUM: ("eq", "ne", "in", "not_in", "is_null", "is_not_null"),
    FieldType.BOOL: ("eq", "ne"),
    FieldType.DATE: DATE_OPS,
    FieldType.DATETIME: DATE_OPS,
    FieldType.STORE: ("eq", "ne", "in", "not_in", "is_null", "is_not_null"),
}

OPERATOR_LABELS: dict[str, str] = {
    "eq": "bằng",
    "ne": "khác",
    "lt": "nhỏ hơn",
    "lte": "nhỏ hơn hoặc bằng",
    "gt": "lớn hơn",
    "gte": "lớn hơn hoặc bằng",
    "between": "trong khoảng",
    "in": "là một trong",
    "not_in": "không là một trong",
    "contains": "chứa",
    "starts_with": "bắt đầu bằng",
    "is_null": "để trống",
    "is_not_null": "có giá trị",
    "within_last_days": "trong N ngày qua",
    "more_than_days_ago": "cách đây hơn N ngày",
    "anniversary_within_days": "ngày kỷ niệm trong N ngày tới",
}
# Operators that take no value, a list, a pair, or a day count.
NO_VALUE_OPS = frozenset({"is_null", "is_not_null"})
LIST_OPS = frozenset({"in", "not_in"})
DAY_COUNT_OPS = frozenset({"within_last_days", "more_than_days_ago", "anniversary_within_days"})
TEXT_MATCH_OPS = frozenset({"contains", "starts_with"})

MAX_DAYS = 36_500
MAX_ANNIVERSARY_DAYS = 366
MAX_LIST_ITEMS = 1_000
MAX_TEXT_LENGTH = 200
MAX_DEPTH = 12
MAX_NODES = 300
MAX_EVENT_COUNT = 1_000_000


@dataclass(frozen=True)
class EnumValue:
    value: str
    label: str


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    label: str
    group: str
    values: tuple[EnumValue, ...] = ()
    # False: the listed values are suggestions; any text is accepted (producer not fixed yet).
    strict: bool = True

    @property
    def operators(self) -> tuple[str, ...]:
        return OPERATORS_BY_TYPE[self.type]


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: FieldType
    label: str
    values: tuple[EnumValue, ...] = ()


@dataclass(frozen=True)
class EventSpec:
    name: str
    label: str
    properties: dict[str, PropertySpec] = field(default_factory=dict)


def _values(*pairs: tuple[str, str]) -> tuple[EnumValue, ...]:
    return tuple(EnumValue(v, label) for v, label in pairs)


# Stable spellings of the scoring engine's outputs (issue 3). The scoring engine writes these.
LIFECYCLE_STAGES = _values(
    ("prospect", "Tiềm năng (chưa mua)"),
    ("new", "Khách mới"),
    ("active", "Đang hoạt động"),
    ("loyal", "Trung thành"),
    ("at_risk", "Có nguy cơ rời bỏ"),
    ("churned", "Đã rời bỏ"),
    ("reactivated", "Quay lại"),
)
CLV_TIERS = _values(
    ("vip", "VIP (top 5%)"),
    ("high", "Cao (15% tiếp theo)"),
    ("medium", "Trung bình (50% tiếp theo)"),
    ("low", "Thấp (30% cuối)"),
)
# Taken from the scoring engine so the two can never disagree on a spelling.
RFM_SEGMENTS = _values(*rfm.SEGMENT_LABELS.items())
# Suggestions only (the importer writes the province names); compared exactly, so indexes apply.
PROVINCES = _values(
    *(
        (p, p)
        for p in (
            "Hà Nội",
            "Hồ Chí Minh",
            "Đà Nẵng",
            "Hải Phòng",
            "Cần Thơ",
            "Bình Dương",
            "Đồng Nai",
            "Khánh Hòa",
            "Thừa Thiên Huế",
            "Quảng Ninh",
        )
    )
)
GENDERS = _values(("male", "Nam"), ("female", "Nữ"), ("other", "Khác"))
CATEGORY_LABELS = {
    "glasses": "Gọng kính / kính cận",
    "sunglasses": "Kính mát",
    "contact_lenses": "Kính áp tròng",
    "accessories": "Phụ kiện",
    "eye_exam": "Đo mắt",
}
CATEGORIES = _values(*((c, CATEGORY_LABELS[c]) for c in PRODUCT_CATEGORIES))
CHANNEL_LABELS = {"in_store": "Tại cửa hàng", "website": "Website", "phone": "Điện thoại"}
ORDER_CHANNEL_VALUES = _values(*((c, CHANNEL_LABELS[c]) for c in ORDER_CHANNELS))
PREFERRED_CHANNELS = _values(("in_store", "Tại cửa hàng"), ("online", "Trực tuyến"))
PURCHASE_TIMINGS = _values(("weekday", "Ngày thường"), ("weekend", "Cuối tuần"))
CAMPAIGN_CHANNELS = _values(("sms", "SMS"), ("zalo", "Zalo ZNS"), ("email", "Email"))

_PROFILE = "Hồ sơ"
_SCORES = "Chỉ số"
_ORDERS = "Mua hàng"
_F = FieldType

FIELDS: dict[str, FieldSpec] = {
    f.name: f
    for f in (
        # Profile
        FieldSpec("full_name", _F.TEXT, "Họ tên", _PROFILE),
        FieldSpec("search", _F.SEARCH, "Tên / SĐT / email (tìm nhanh)", _PROFILE),
        FieldSpec("gender", _F.ENUM, "Giới tính", _PROFILE, GENDERS),
        FieldSpec("birthday", _F.DATE, "Ngày sinh", _PROFILE),
        FieldSpec("province", _F.ENUM, "Tỉnh/thành", _PROFILE, PROVINCES, strict=False),
        FieldSpec("home_store_code", _F.STORE, "Mã cửa hàng chính", _PROFILE),
        FieldSpec("created_at", _F.DATETIME, "Ngày tạo hồ sơ", _PROFILE),
        FieldSpec("has_email", _F.BOOL, "Có email", _PROFILE),
        FieldSpec("has_phone", _F.BOOL, "Có số điện thoại", _PROFILE),
        FieldSpec("sms_consent", _F.BOOL, "Đồng ý nhận SMS", _PROFILE),
        FieldSpec("zalo_consent", _F.BOOL, "Đồng ý nhận Zalo", _PROFILE),
        FieldSpec("email_consent", _F.BOOL, "Đồng ý nhận email", _PROFILE),
        # Scores (written by the scoring engine)
        FieldSpec("lifecycle_stage", _F.ENUM, "Giai đoạn vòng đời", _SCORES, LIFECYCLE_STAGES),
        FieldSpec("clv_predicted", _F.MONEY, "CLV dự đoán (VND)", _SCORES),
        FieldSpec("clv_formula", _F.MONEY, "CLV theo công thức (VND)", _SCORES),
        FieldSpec("clv_tier", _F.ENUM, "Hạng CLV", _SCORES, CLV_TIERS),
        FieldSpec("engagement_score", _F.INTEGER, "Điểm tương tác (0–100)", _SCORES),
        FieldSpec("churn_risk", _F.NUMBER, "Nguy cơ rời bỏ (0–100)", _SCORES),
        FieldSpec("days_to_next_purchase", _F.INTEGER, "Số ngày đến lần mua tới", _SCORES),
        FieldSpec("p_alive", _F.NUMBER, "Xác suất còn hoạt động (0–1)", _SCORES),
        FieldSpec("expected_purchases_1y", _F.NUMBER, "Số lần mua dự kiến trong 1 năm", _SCORES),
        FieldSpec("rfm_recency_days", _F.INTEGER, "Số ngày từ lần mua cuối (RFM)", _SCORES),
        FieldSpec("rfm_r", _F.INTEGER, "Điểm R (1–5)", _SCORES),
        FieldSpec("rfm_f", _F.INTEGER, "Điểm F (1–5)", _SCORES),
        FieldSpec("rfm_m", _F.INTEGER, "Điểm M (1–5)", _SCORES),
        FieldSpec("rfm_segment", _F.ENUM, "Nhóm RFM", _SCORES, RFM_SEGMENTS),
        FieldSpec("price_sensitivity", _F.NUMBER, "Độ nhạy giá (0–1)", _SCORES),
        FieldSpec(
            "preferred_channel", _F.ENUM, "Kênh mua ưa thích", _SCORES, PREFERRED_CHANNELS, strict=False
        ),
        FieldSpec("preferred_category", _F.ENUM, "Loại sản phẩm ưa thích", _SCORES, CATEGORIES),
        FieldSpec("preferred_store_code", _F.STORE, "Mã cửa hàng ưa thích", _SCORES),
        FieldSpec("purchase_timing", _F.ENUM, "Thời điểm mua", _SCORES, PURCHASE_TIMINGS, strict=False),
        # Order aggregates over completed orders
        FieldSpec("order_count", _F.INTEGER, "Số đơn hàng", _ORDERS),
        FieldSpec("total_spent", _F.MONEY, "Tổng chi tiêu (VND)", _ORDERS),
        FieldSpec("avg_order_value", _F.MONEY, "Giá trị đơn trung bình (VND)", _ORDERS),
        FieldSpec("first_purchase_at", _F.DATETIME, "Ngày mua đầu tiên", _ORDERS),
        FieldSpec("last_purchase_at", _F.DATETIME, "Ngày mua gần nhất", _ORDERS),
        FieldSpec("discount_share", _F.NUMBER, "Tỷ lệ đơn có giảm giá (0–1)", _ORDERS),
    )
}

_CAMPAIGN_PROPS = {
    "campaign_id": PropertySpec("campaign_id", _F.TEXT, "Mã chiến dịch (UUID)"),
    "channel": PropertySpec("channel", _F.ENUM, "Kênh", CAMPAIGN_CHANNELS),
}
EVENTS: dict[str, EventSpec] = {
    e.name: e
    for e in (
        EventSpec(
            "purchase",
            "Mua hàng (đơn hoàn tất)",
            {
                "category": PropertySpec("category", _F.ENUM, "Có sản phẩm loại", CATEGORIES),
                "store_code": PropertySpec("store_code", _F.STORE, "Tại cửa hàng (mã)"),
                "channel": PropertySpec("channel", _F.ENUM, "Kênh bán", ORDER_CHANNEL_VALUES),
                "min_amount": PropertySpec("min_amount", _F.MONEY, "Giá trị đơn tối thiểu (VND)"),
                "promo_code": PropertySpec("promo_code", _F.TEXT, "Mã khuyến mãi"),
                "weekend": PropertySpec("weekend", _F.BOOL, "Mua vào cuối tuần"),
            },
        ),
        EventSpec("campaign_sent", "Đã gửi tin chiến dịch", dict(_CAMPAIGN_PROPS)),
        EventSpec("campaign_delivered", "Tin chiến dịch đã đến", dict(_CAMPAIGN_PROPS)),
        EventSpec("campaign_opened", "Đã mở tin chiến dịch", dict(_CAMPAIGN_PROPS)),
        EventSpec("campaign_clicked", "Đã bấm liên kết chiến dịch", dict(_CAMPAIGN_PROPS)),
        EventSpec(
            "nps_response",
            "Trả lời khảo sát NPS",
            {
                "min_score": PropertySpec("min_score", _F.INTEGER, "Điểm tối thiểu (0–10)"),
                "max_score": PropertySpec("max_score", _F.INTEGER, "Điểm tối đa (0–10)"),
            },
        ),
        EventSpec("store_visit", "Ghé cửa hàng"),
        EventSpec("eye_exam", "Đo mắt"),
    )
}
COUNT_OPS = ("gte", "lte", "eq")


def enum_label(field_name: str, value: str) -> str:
    """The Vietnamese label of an enum value (the value itself when unknown)."""
    spec = FIELDS.get(field_name)
    for item in spec.values if spec else ():
        if item.value == value:
            return item.label
    return value


def catalogue_as_dict() -> dict[str, Any]:
    """The catalogue as plain data, for the UI rule builder and `matviet segments fields --json`."""

    def values(items: tuple[EnumValue, ...]) -> list[dict[str, str]]:
        return [{"value": v.value, "label": v.label} for v in items]

    return {
        "fields": [
            {
                "name": f.name,
                "type": f.type.value,
                "label": f.label,
                "group": f.group,
                "operators": list(f.operators),
                "values": values(f.values),
                "strict_values": f.strict,
            }
            for f in FIELDS.values()
        ],
        "events": [
            {
                "name": e.name,
                "label": e.label,
                "properties": [
                    {"name": p.name, "type": p.type.value, "label": p.label, "values": values(p.values)}
                    for p in e.properties.values()
                ],
            }
            for e in EVENTS.values()
        ],
        "operators": [{"name": op, "label": label} for op, label in OPERATOR_LABELS.items()],
        "count_operators": list(COUNT_OPS),
        "limits": {"max_depth": MAX_DEPTH, "max_nodes": MAX_NODES, "max_list_items": MAX_LIST_ITEMS},
    }
