"""Display formats used everywhere in the app: VND, dates in Asia/Ho_Chi_Minh, counts, percentages.

Vietnamese conventions: `.` groups thousands, `,` is the decimal mark, the đồng sign follows the
amount (`1.250.000 ₫`), dates read `dd/MM/yyyy`. Nothing here touches Qt, so it is unit-testable.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DASH = "—"


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return ".".join(reversed(out))


def integer(value: int | float | Decimal | None) -> str:
    """12345678 → '12.345.678'."""
    if value is None:
        return DASH
    number = int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if number < 0 else ""
    return sign + _group(str(abs(number)))


def vnd(value: int | float | Decimal | None) -> str:
    """1250000 → '1.250.000 ₫' (đồng has no minor unit in practice: rounded to whole đồng)."""
    if value is None:
        return DASH
    return f"{integer(value)} ₫"


def vnd_short(value: int | float | Decimal | None) -> str:
    """Compact amounts for cards and axes: 1,25 tr ₫, 3,4 tỷ ₫."""
    if value is None:
        return DASH
    amount = Decimal(str(value))
    for threshold, suffix in ((Decimal(1_000_000_000), "tỷ"), (Decimal(1_000_000), "tr")):
        if abs(amount) >= threshold:
            return f"{decimal(amount / threshold, 2 if abs(amount) < threshold * 10 else 1)} {suffix} ₫"
    return vnd(amount)


def decimal(value: int | float | Decimal | None, places: int = 1) -> str:
    """3.14159 → '3,1' (Vietnamese decimal comma, trailing zeros trimmed)."""
    if value is None:
        return DASH
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(rounded):f}".partition(".")
    frac = frac.rstrip("0")
    sign = "-" if rounded < 0 else ""
    return sign + _group(whole) + ("," + frac if frac else "")


def percent(fraction: int | float | Decimal | None, places: int = 1) -> str:
    """0.2534 → '25,3%'."""
    if fraction is None:
        return DASH
    return decimal(Decimal(str(fraction)) * 100, places) + "%"


def to_local(value: dt.datetime) -> dt.datetime:
    """A timestamptz (aware) in Vietnam time; naive values are taken as UTC (what the database returns)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(VN_TZ)


def date(value: dt.date | dt.datetime | None) -> str:
    """'26/11/2026'; datetimes are first converted to Asia/Ho_Chi_Minh."""
    if value is None:
        return DASH
    if isinstance(value, dt.datetime):
        value = to_local(value)
    return value.strftime("%d/%m/%Y")


def datetime(value: dt.datetime | None) -> str:
    """'26/11/2026 14:05' in Asia/Ho_Chi_Minh."""
    if value is None:
        return DASH
    return to_local(value).strftime("%d/%m/%Y %H:%M")


def phone(value: str | None) -> str:
    """'+84912345678' → '0912 345 678' (how staff read numbers aloud)."""
    if not value:
        return DASH
    digits = value[3:] if value.startswith("+84") else value.lstrip("+")
    if value.startswith("+84"):
        digits = "0" + digits
    if len(digits) == 10:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return digits
