"""Typed values out of what staff type: VND amounts, Vietnamese dates, coded words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from matviet_desktop.core.importing import enums
from matviet_desktop.core.importing.parsers import (
    VIETNAM,
    enum_parser,
    parse_amount,
    parse_date,
    parse_timestamp,
)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.250.000", Decimal("1250000")),
        ("1,250,000", Decimal("1250000")),
        ("1.250.000 đ", Decimal("1250000")),
        ("1 250 000 VNĐ", Decimal("1250000")),
        ("1250000.0", Decimal("1250000.0")),
        ("1.250.000,50", Decimal("1250000.50")),
        ("1,250,000.50", Decimal("1250000.50")),
        ("12.5", Decimal("12.5")),
        ("-50.000", Decimal("-50000")),
        ("0", Decimal("0")),
    ],
)
def test_amounts(raw: str, value: Decimal) -> None:
    assert parse_amount(raw) == (value, True)


@pytest.mark.parametrize("raw", ["abc", "1.2.3,4.5", "12a", "99999999999999", "--5"])
def test_unreadable_amounts(raw: str) -> None:
    assert parse_amount(raw) == (None, False)


@pytest.mark.parametrize(
    ("raw", "local"),
    [
        ("25/12/2024", "2024-12-25 00:00"),
        ("25/12/2024 14:30", "2024-12-25 14:30"),
        ("5/3/2024 8:05:09", "2024-03-05 08:05"),
        ("25-12-2024", "2024-12-25 00:00"),
        ("25.12.2024", "2024-12-25 00:00"),
        ("2024-12-25", "2024-12-25 00:00"),
        ("2024-12-25 14:30:00", "2024-12-25 14:30"),
        ("2024-12-25T07:30:00Z", "2024-12-25 14:30"),
        ("2024-12-25 14:30+07:00", "2024-12-25 14:30"),
        ("2024-12-25 08:30:00.123456+01:00", "2024-12-25 14:30"),
    ],
)
def test_timestamps_are_vietnam_time(raw: str, local: str) -> None:
    value, ok = parse_timestamp(raw)
    assert ok and value is not None
    assert value.astimezone(VIETNAM).strftime("%Y-%m-%d %H:%M") == local


@pytest.mark.parametrize("raw", ["31/02/2024", "hôm qua", "2024-13-01", "25/12/24", "1/1/1800", "12:30"])
def test_unreadable_dates(raw: str) -> None:
    assert parse_timestamp(raw) == (None, False)


def test_month_first_when_asked() -> None:
    assert parse_date("03/04/2025") == (dt.date(2025, 4, 3), True)
    assert parse_date("03/04/2025", "mdy") == (dt.date(2025, 3, 4), True)
    assert parse_date("2025-04-03T23:30:00Z") == (dt.date(2025, 4, 4), True)  # Vietnam date


@pytest.mark.parametrize(
    ("mapping", "raw", "code"),
    [
        (enums.ORDER_STATUS, "Hoàn thành", "completed"),
        (enums.ORDER_STATUS, "ĐÃ HỦY", "cancelled"),
        (enums.ORDER_STATUS, "da huy", "cancelled"),
        (enums.ORDER_CHANNEL, "Tại cửa hàng", "in_store"),
        (enums.GENDER, "Nữ", "female"),
        (enums.CATEGORY, "Kính áp tròng", "contact_lenses"),
        (enums.CONSENT_STATUS, "Từ chối", "withdrawn"),
        (enums.CONSENT_CHANNEL, "Tất cả", "all"),
        (enums.ENGAGEMENT_TYPE, "khám mắt", "eye_exam"),
    ],
)
def test_coded_words(mapping: dict[str, str], raw: str, code: str) -> None:
    assert enum_parser(mapping)(raw) == (code, True)
    assert enum_parser(mapping)("???") == (None, False)
