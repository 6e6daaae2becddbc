"""Display formats: VND with dot grouping, Vietnamese dates in Asia/Ho_Chi_Minh."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from matviet_desktop.ui import formatting as fmt


def test_vnd_groups_thousands_with_dots_and_puts_the_sign_after() -> None:
    assert fmt.vnd(1250000) == "1.250.000 ₫"
    assert fmt.vnd(Decimal("999.60")) == "1.000 ₫"
    assert fmt.vnd(0) == "0 ₫"
    assert fmt.vnd(-5000) == "-5.000 ₫"
    assert fmt.vnd(None) == "—"


def test_decimal_and_percent_use_a_decimal_comma() -> None:
    assert fmt.decimal(1234.56, 1) == "1.234,6"
    assert fmt.percent(0.2534) == "25,3%"
    assert fmt.percent(1) == "100%"


def test_dates_are_shown_in_vietnam_time() -> None:
    late_utc = dt.datetime(2026, 11, 25, 20, 30, tzinfo=dt.UTC)  # 03:30 next day in Hà Nội
    assert fmt.date(late_utc) == "26/11/2026"
    assert fmt.datetime(late_utc) == "26/11/2026 03:30"
    assert fmt.date(dt.date(2026, 1, 2)) == "02/01/2026"


def test_phone_is_shown_in_local_groups() -> None:
    assert fmt.phone("+84912345678") == "0912 345 678"
    assert fmt.vnd_short(3_400_000_000) == "3,4 tỷ ₫"
