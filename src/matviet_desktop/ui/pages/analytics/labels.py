"""Translated names for the codes core returns (channels, stages, statuses, weekdays)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CHANNELS = {
    "sms": QT_TRANSLATE_NOOP("Codes", "SMS"),
    "zalo": QT_TRANSLATE_NOOP("Codes", "Zalo ZNS"),
    "email": QT_TRANSLATE_NOOP("Codes", "Email"),
}
STAGES = {
    "": QT_TRANSLATE_NOOP("Codes", "Chưa xếp loại"),
    "prospect": QT_TRANSLATE_NOOP("Codes", "Tiềm năng"),
    "new": QT_TRANSLATE_NOOP("Codes", "Mới"),
    "active": QT_TRANSLATE_NOOP("Codes", "Đang hoạt động"),
    "loyal": QT_TRANSLATE_NOOP("Codes", "Trung thành"),
    "reactivated": QT_TRANSLATE_NOOP("Codes", "Quay lại"),
    "at_risk": QT_TRANSLATE_NOOP("Codes", "Có nguy cơ"),
    "churned": QT_TRANSLATE_NOOP("Codes", "Đã rời bỏ"),
}
CAMPAIGN_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Codes", "Nháp"),
    "scheduled": QT_TRANSLATE_NOOP("Codes", "Đã lên lịch"),
    "sending": QT_TRANSLATE_NOOP("Codes", "Đang gửi"),
    "paused": QT_TRANSLATE_NOOP("Codes", "Tạm dừng"),
    "completed": QT_TRANSLATE_NOOP("Codes", "Hoàn tất"),
    "cancelled": QT_TRANSLATE_NOOP("Codes", "Đã hủy"),
}
TARGET_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("Codes", "Chờ gửi"),
    "sending": QT_TRANSLATE_NOOP("Codes", "Đang gửi"),
    "retry_wait": QT_TRANSLATE_NOOP("Codes", "Chờ gửi lại"),
    "accepted": QT_TRANSLATE_NOOP("Codes", "Nhà mạng đã nhận"),
    "delivered": QT_TRANSLATE_NOOP("Codes", "Đã nhận"),
    "failed": QT_TRANSLATE_NOOP("Codes", "Thất bại"),
    "in_doubt": QT_TRANSLATE_NOOP("Codes", "Chưa rõ kết quả"),
    "cancelled": QT_TRANSLATE_NOOP("Codes", "Đã hủy"),
    "excluded": QT_TRANSLATE_NOOP("Codes", "Bị loại"),
    "holdout": QT_TRANSLATE_NOOP("Codes", "Nhóm đối chứng"),
}
PURPOSES = {
    "advertising": QT_TRANSLATE_NOOP("Codes", "Quảng cáo"),
    "customer_care": QT_TRANSLATE_NOOP("Codes", "Chăm sóc khách hàng"),
}
WEEKDAYS = {
    1: QT_TRANSLATE_NOOP("Codes", "Thứ 2"),
    2: QT_TRANSLATE_NOOP("Codes", "Thứ 3"),
    3: QT_TRANSLATE_NOOP("Codes", "Thứ 4"),
    4: QT_TRANSLATE_NOOP("Codes", "Thứ 5"),
    5: QT_TRANSLATE_NOOP("Codes", "Thứ 6"),
    6: QT_TRANSLATE_NOOP("Codes", "Thứ 7"),
    7: QT_TRANSLATE_NOOP("Codes", "Chủ nhật"),
}


# Why a customer is left out of a campaign (core.campaigns.audience.SUPPRESSION_LABELS's codes).
SUPPRESSION_REASONS = {
    "invalid_phone": QT_TRANSLATE_NOOP("Codes", "Số điện thoại thiếu hoặc không hợp lệ"),
    "invalid_email": QT_TRANSLATE_NOOP("Codes", "Email thiếu hoặc không hợp lệ"),
    "opted_out": QT_TRANSLATE_NOOP("Codes", "Khách đã từ chối nhận quảng cáo"),
    "do_not_contact": QT_TRANSLATE_NOOP("Codes", "Nằm trong danh sách không liên hệ (DNC)"),
    "no_consent": QT_TRANSLATE_NOOP("Codes", "Chưa đồng ý nhận quảng cáo qua kênh này"),
    "duplicate_phone": QT_TRANSLATE_NOOP("Codes", "Trùng số điện thoại với khách khác trong chiến dịch"),
    "duplicate_email": QT_TRANSLATE_NOOP("Codes", "Trùng email với khách khác trong chiến dịch"),
    "frequency_cap": QT_TRANSLATE_NOOP("Codes", "Đã nhận 3 tin quảng cáo trong 24 giờ qua"),
}

# What each message token means (core.campaigns.content.TOKENS's descriptions).
TOKEN_HINTS = {
    "ten": QT_TRANSLATE_NOOP("Codes", "Tên gọi (từ cuối của họ tên)"),
    "ho_ten": QT_TRANSLATE_NOOP("Codes", "Họ và tên"),
    "cua_hang": QT_TRANSLATE_NOOP("Codes", "Cửa hàng quen"),
    "tinh": QT_TRANSLATE_NOOP("Codes", "Tỉnh/thành phố"),
    "ma_km": QT_TRANSLATE_NOOP("Codes", "Mã khuyến mãi của chiến dịch"),
    "sdt": QT_TRANSLATE_NOOP("Codes", "Số điện thoại (0xxxxxxxxx)"),
}


def name(table: dict[Any, str], code: Any) -> str:
    """Translated label for `code`, or the code itself when it is not in the table."""
    if code is None:
        code = ""
    source = table.get(code)
    return QCoreApplication.translate("Codes", source) if source else str(code)


def token_hint(code: Any) -> str:
    return name(TOKEN_HINTS, code)


def suppression(code: Any) -> str:
    return name(SUPPRESSION_REASONS, code)


def channel(code: Any) -> str:
    return name(CHANNELS, code)


def stage(code: Any) -> str:
    return name(STAGES, code)


def campaign_status(code: Any) -> str:
    return name(CAMPAIGN_STATUSES, code)


def target_status(code: Any) -> str:
    return name(TARGET_STATUSES, code)


def weekday(code: Any) -> str:
    return name(WEEKDAYS, code)
