"""Words staff write for coded values, folded (no diacritics) → the code stored in the database."""

from __future__ import annotations

import json

from matviet_desktop.core.db.models.customers import ENGAGEMENT_TYPES
from matviet_desktop.core.text import fold


def _build(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(word): code for code, words in groups.items() for word in (code, *words)}


GENDER = _build({"male": ("nam", "m", "trai", "ong"), "female": ("nữ", "f", "gái", "bà"), "other": ("khác",)})
ORDER_STATUS = _build(
    {
        "completed": ("hoàn thành", "đã thanh toán", "thành công", "done", "paid", "complete"),
        "cancelled": ("canceled", "hủy", "huỷ", "đã hủy", "đã huỷ", "cancel"),
        "refunded": ("trả hàng", "hoàn tiền", "đã hoàn tiền", "refund", "returned"),
    }
)
ORDER_CHANNEL = _build(
    {
        "in_store": ("in store", "cửa hàng", "tại cửa hàng", "offline", "store", "pos"),
        "website": ("web", "online", "trang web", "website"),
        "phone": ("điện thoại", "hotline", "telephone"),
    }
)
CATEGORY = _build(
    {
        "glasses": ("kính", "gọng kính", "kính cận", "gọng", "kính thuốc", "frames"),
        "sunglasses": ("kính mát", "kính râm", "sunglass"),
        "contact_lenses": ("kính áp tròng", "lens", "contact lens", "áp tròng"),
        "accessories": ("phụ kiện", "accessory"),
        "eye_exam": ("khám mắt", "đo mắt", "đo thị lực", "eye exam"),
    }
)
CONSENT_CHANNEL = _build(
    {
        "sms": ("tin nhắn", "sms"),
        "zalo": ("zns", "zalo oa"),
        "email": ("e-mail", "thư"),
        "all": ("tất cả", "mọi kênh"),
    }
)
CONSENT_STATUS = _build(
    {
        "granted": ("đồng ý", "có", "yes", "true", "1", "x", "opt-in", "opt in", "đăng ký", "grant"),
        "withdrawn": (
            "từ chối",
            "hủy",
            "huỷ",
            "không",
            "no",
            "false",
            "0",
            "opt-out",
            "opt out",
            "rút lại",
            "hủy đăng ký",
            "withdraw",
            "tc",
        ),
    }
)
DNC_CHANNEL = CONSENT_CHANNEL
BOOLEAN = _build(
    {
        "true": ("có", "yes", "1", "x", "đang hoạt động", "hoạt động", "active", "mở"),
        "false": ("không", "no", "0", "ngừng", "ngừng hoạt động", "đóng", "inactive"),
    }
)
ENGAGEMENT_TYPE = _build(
    {
        **{t: (t.replace("_", " "),) for t in ENGAGEMENT_TYPES},
        "purchase": ("mua hàng", "mua"),
        "store_visit": ("ghé cửa hàng", "đến cửa hàng", "visit"),
        "eye_exam": ("khám mắt", "đo mắt"),
        "nps_response": ("nps", "khảo sát", "đánh giá"),
        "opt_out": ("từ chối nhận tin", "hủy nhận tin"),
    }
)


def as_json(mapping: dict[str, str]) -> str:
    return json.dumps(mapping, ensure_ascii=False)


def choices(mapping: dict[str, str]) -> str:
    """Codes to show in an error message."""
    return ", ".join(sorted(set(mapping.values())))
