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


def name(table: dict[Any, str], code: Any) -> str:
    """Translated label for `code`, or the code itself when it is not in the table."""
    if code is None:
        code = ""
    source = table.get(code)
    return QCoreApplication.translate("Codes", source) if source else str(code)


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
