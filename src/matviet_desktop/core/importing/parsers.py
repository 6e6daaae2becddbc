"""Reading typed values out of the text staff type, once per distinct value.

Import columns repeat values a lot (dates per minute, a few hundred prices, a handful of status
words), so the pipeline sends each distinct raw value through these functions once and joins the
result in SQL. Each parser returns `(value, ok)`; `ok` is False for text that is present but
unreadable (blank cells never reach a parser).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from matviet_desktop.core.text import fold

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_AMOUNT = Decimal("9999999999999")  # numeric(15, 2)

_CURRENCY = re.compile(r"(vnđ|vnd|đồng|đ|₫|\s)", re.IGNORECASE)
_THOUSANDS = re.compile(r"^-?\d{1,3}([.,]\d{3})+$")
_DOT_THOUSANDS_COMMA_DECIMAL = re.compile(r"^-?\d{1,3}(\.\d{3})+,\d{1,2}$")
_COMMA_THOUSANDS_DOT_DECIMAL = re.compile(r"^-?\d{1,3}(,\d{3})+\.\d{1,2}$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")
_TIME = r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})" + _TIME)


def parse_amount(raw: str) -> tuple[Decimal | None, bool]:
    """'1.250.000', '1,250,000 đ', '1250000.0', '1.250.000,50', '-50.000' → Decimal (VND)."""
    text = _CURRENCY.sub("", raw)
    if not text:
        return None, True
    if _THOUSANDS.match(text) and not ("." in text and "," in text):
        text = text.replace(".", "").replace(",", "")
    elif _DOT_THOUSANDS_COMMA_DECIMAL.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _COMMA_THOUSANDS_DOT_DECIMAL.match(text):
        text = text.replace(",", "")
    elif _PLAIN.match(text):
        text = text.replace(",", ".")
    else:
        return None, False
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, False
    return (value, True) if abs(value) <= MAX_AMOUNT else (None, False)


def _offset(text: str | None) -> dt.tzinfo:
    if text is None:
        return VIETNAM
    if text == "Z":
        return dt.UTC
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return dt.timezone(dt.timedelta(minutes=-minutes if text[0] == "-" else minutes))


def parse_timestamp(raw: str, date_order: str = "dmy") -> tuple[dt.datetime | None, bool]:
    """ISO ('2024-12-25 14:30', '…T07:00:00Z', '…+07:00') or day-first ('25/12/2024 14:30'; month
    first when date_order is 'mdy'). Naive times are Vietnam time."""
    text = raw.strip()
    match = _YMD.match(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        match = _DMY.match(text)
        if not match:
            return None, False
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day, month = (second, first) if date_order == "mdy" else (first, second)
    if not 1900 <= year <= 2200:
        return None, False
    try:
        value = dt.datetime(
            year,
            month,
            day,
            int(match[4] or 0),
            int(match[5] or 0),
            int(match[6] or 0),
            int((match[7] or "0").ljust(6, "0")),
            tzinfo=_offset(match[8]),
        )
    except ValueError:  # 31/02, 25:00 …
        return None, False
    return value, True


def parse_date(raw: str, date_order: str = "dmy") -> tuple[dt.date | None, bool]:
    value, ok = parse_timestamp(raw, date_order)
    return (value.astimezone(VIETNAM).date() if value else None), ok


def enum_parser(mapping: dict[str, str]) -> Callable[[str], tuple[str | None, bool]]:
    """Folded word → code ('Hoàn thành' → 'completed')."""

    def parse(raw: str) -> tuple[str | None, bool]:
        code = mapping.get(fold(raw))
        return code, code is not None

    return parse


def parse_folded(raw: str) -> tuple[str | None, bool]:
    """Names for search and comparison: core.text.fold."""
    return fold(raw), True


SQL_TYPES = {"timestamp": "timestamptz", "date": "date", "amount": "numeric", "enum": "text", "fold": "text"}


def parser_for(
    kind: str, date_order: str, enum: dict[str, str] | None = None
) -> Callable[[str], tuple[Any, bool]]:
    if kind == "timestamp":
        return lambda raw: parse_timestamp(raw, date_order)
    if kind == "date":
        return lambda raw: parse_date(raw, date_order)
    if kind == "amount":
        return parse_amount
    if kind == "fold":
        return parse_folded
    if kind == "enum" and enum is not None:
        return enum_parser(enum)
    raise ValueError(f"unknown parser {kind}")
