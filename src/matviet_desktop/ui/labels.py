"""Vietnamese labels for the codes core returns (stages, tiers, channels, event types …).

Marked with QT_TRANSLATE_NOOP so lupdate extracts them; `label(kind, code)` translates at
display time, falling back to the code itself for values this build does not know.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STAGES = {
    "prospect": QT_TRANSLATE_NOOP("Labels", "Tiềm năng"),
    "new": QT_TRANSLATE_NOOP("Labels", "Mới"),
    "active": QT_TRANSLATE_NOOP("Labels", "Đang hoạt động"),
    "loyal": QT_TRANSLATE_NOOP("Labels", "Trung thành"),
    "at_risk": QT_TRANSLATE_NOOP("Labels", "Có nguy cơ rời bỏ"),
    "churned": QT_TRANSLATE_NOOP("Labels", "Đã rời bỏ"),
    "reactivated": QT_TRANSLATE_NOOP("Labels", "Quay lại"),
}
TIERS = {
    "vip": QT_TRANSLATE_NOOP("Labels", "VIP"),
    "high": QT_TRANSLATE_NOOP("Labels", "Cao"),
    "medium": QT_TRANSLATE_NOOP("Labels", "Trung bình"),
    "low": QT_TRANSLATE_NOOP("Labels", "Thấp"),
}
CHANNELS = {
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "zalo": QT_TRANSLATE_NOOP("Labels", "Zalo"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "in_store": QT_TRANSLATE_NOOP("Labels", "Tại cửa hàng"),
    "website": QT_TRANSLATE_NOOP("Labels", "Website"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Điện thoại"),
}
EVENTS = {
    "purchase": QT_TRANSLATE_NOOP("Labels", "Mua hàng"),
    "store_visit": QT_TRANSLATE_NOOP("Labels", "Ghé cửa hàng"),
    "eye_exam": QT_TRANSLATE_NOOP("Labels", "Khám mắt"),
    "nps_response": QT_TRANSLATE_NOOP("Labels", "Đánh giá NPS"),
    "campaign_sent": QT_TRANSLATE_NOOP("Labels", "Đã gửi tin chiến dịch"),
    "campaign_delivered": QT_TRANSLATE_NOOP("Labels", "Tin đã đến máy"),
    "campaign_opened": QT_TRANSLATE_NOOP("Labels", "Đã mở tin"),
    "campaign_clicked": QT_TRANSLATE_NOOP("Labels", "Đã bấm vào liên kết"),
    "opt_out": QT_TRANSLATE_NOOP("Labels", "Từ chối nhận tin"),
}
CATEGORIES = {
    "glasses": QT_TRANSLATE_NOOP("Labels", "Gọng kính"),
    "sunglasses": QT_TRANSLATE_NOOP("Labels", "Kính mát"),
    "contact_lenses": QT_TRANSLATE_NOOP("Labels", "Kính áp tròng"),
    "accessories": QT_TRANSLATE_NOOP("Labels", "Phụ kiện"),
    "eye_exam": QT_TRANSLATE_NOOP("Labels", "Khám mắt"),
}
ORDER_STATUSES = {
    "completed": QT_TRANSLATE_NOOP("Labels", "Hoàn tất"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Đã hủy"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Đã hoàn tiền"),
}
GENDERS = {
    "male": QT_TRANSLATE_NOOP("Labels", "Nam"),
    "female": QT_TRANSLATE_NOOP("Labels", "Nữ"),
    "other": QT_TRANSLATE_NOOP("Labels", "Khác"),
}
RULE_TYPES = {
    "rfm": QT_TRANSLATE_NOOP("Labels", "RFM"),
    "lifecycle": QT_TRANSLATE_NOOP("Labels", "Vòng đời"),
    "behavioral": QT_TRANSLATE_NOOP("Labels", "Hành vi"),
    "clv": QT_TRANSLATE_NOOP("Labels", "Giá trị (CLV)"),
    "custom": QT_TRANSLATE_NOOP("Labels", "Tùy chỉnh"),
    "builtin": QT_TRANSLATE_NOOP("Labels", "Có sẵn"),
}
TARGET_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("Labels", "Chờ gửi"),
    "sent": QT_TRANSLATE_NOOP("Labels", "Đã gửi"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "Đã nhận"),
    "failed": QT_TRANSLATE_NOOP("Labels", "Lỗi"),
    "opened": QT_TRANSLATE_NOOP("Labels", "Đã mở"),
    "clicked": QT_TRANSLATE_NOOP("Labels", "Đã bấm"),
}
RFM_SEGMENTS = {
    "champions": QT_TRANSLATE_NOOP("Labels", "Khách hàng xuất sắc"),
    "loyal": QT_TRANSLATE_NOOP("Labels", "Trung thành"),
    "potential_loyalist": QT_TRANSLATE_NOOP("Labels", "Có thể trung thành"),
    "new_customers": QT_TRANSLATE_NOOP("Labels", "Khách mới"),
    "promising": QT_TRANSLATE_NOOP("Labels", "Triển vọng"),
    "need_attention": QT_TRANSLATE_NOOP("Labels", "Cần quan tâm"),
    "about_to_sleep": QT_TRANSLATE_NOOP("Labels", "Sắp ngủ quên"),
    "at_risk": QT_TRANSLATE_NOOP("Labels", "Có nguy cơ"),
    "cannot_lose": QT_TRANSLATE_NOOP("Labels", "Không thể để mất"),
    "hibernating": QT_TRANSLATE_NOOP("Labels", "Ngủ đông"),
    "lost": QT_TRANSLATE_NOOP("Labels", "Đã mất"),
}

CONSENT_SOURCES = {
    "cua_hang": QT_TRANSLATE_NOOP("Labels", "tại cửa hàng"),
    "store": QT_TRANSLATE_NOOP("Labels", "tại cửa hàng"),
    "website": QT_TRANSLATE_NOOP("Labels", "qua website"),
    "import": QT_TRANSLATE_NOOP("Labels", "khi nhập dữ liệu"),
    "zalo": QT_TRANSLATE_NOOP("Labels", "qua Zalo"),
    "sms": QT_TRANSLATE_NOOP("Labels", "qua SMS"),
}

_TABLES = {
    "stage": STAGES,
    "tier": TIERS,
    "channel": CHANNELS,
    "event": EVENTS,
    "category": CATEGORIES,
    "order_status": ORDER_STATUSES,
    "gender": GENDERS,
    "rule_type": RULE_TYPES,
    "target_status": TARGET_STATUSES,
    "rfm_segment": RFM_SEGMENTS,
    "consent_source": CONSENT_SOURCES,
}


def label(kind: str, code: str | None) -> str:
    """The translated label of `code`, or the code itself; '—' for no value."""
    if not code:
        return "—"
    source = _TABLES[kind].get(code)
    return QCoreApplication.translate("Labels", source) if source else code.replace("_", " ")
