"""Vietnamese phone numbers: clean what staff and Excel did to them, tell mobiles from landlines
and service numbers, and return the canonical E.164 form (+84…).

Rules (research note messaging-apis.md §5): strip spaces/dots/dashes/brackets; +84, 84, 0084 and
the mistaken 840… prefixes; the leading zero Excel drops; the 2018 renumbering of 11-digit mobiles
(0168 → 038 …). Validity and line type come from `phonenumbers`, evaluated once per 4-digit
national prefix (VN mobile ranges are decided by that prefix), so normalising a million numbers
is pure string work. Our own prefix rule accepts ranges newer than the library's metadata, with a
warning. The carrier is only a hint: subscribers port between networks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType, carrier

# 2018–2019 conversion of 11-digit mobiles: old 4-digit network code → new 3-digit code.
OLD_TO_NEW_PREFIX = {
    # MobiFone
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    # VinaPhone
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    # Viettel
    "0162": "032",
    "0163": "033",
    "0164": "034",
    "0165": "035",
    "0166": "036",
    "0167": "037",
    "0168": "038",
    "0169": "039",
    # Vietnamobile
    "0186": "056",
    "0188": "058",
    # Gmobile
    "0199": "059",
}

# Carrier by 3-digit national prefix where we know better than the library (iTel on 087).
CARRIER_BY_PREFIX = {
    **{p: "Viettel" for p in ("031", "032", "033", "034", "035", "036", "037", "038", "039")},
    **{p: "Viettel" for p in ("086", "096", "097", "098")},
    **{p: "MobiFone" for p in ("030", "051", "070", "076", "077", "078", "079", "089", "090", "093")},
    **{p: "VinaPhone" for p in ("081", "082", "083", "084", "085", "088", "091", "094")},
    "087": "iTel",
    **{p: "Vietnamobile" for p in ("052", "056", "058", "092")},
    **{p: "Gmobile" for p in ("059", "099")},
    "055": "Reddi",
}

# Mobile ranges as allocated (research §5.2), wider than the library's metadata may be.
_MOBILE_RULE = re.compile(r"^0(3[0-9]|5[1-9]|7[06-9]|8[1-9]|9[0-9])\d{7}$")
_SEPARATORS = re.compile(r"[\s.\-()/\\_'\u00a0]+")
_EXCEL_FLOAT = re.compile(r"^(\d+)\.0+$")
_EXCEL_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    SERVICE = "service"  # 1800 toll-free, 1900 premium: never a customer's own number
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class PhoneResult:
    raw: str
    e164: str | None  # '+84912345678' when usable (mobile or landline)
    kind: PhoneKind
    carrier: str | None = None
    converted_from_old: bool = False  # was an 11-digit pre-2018 mobile number
    problem: str | None = None  # reason code when e164 is None
    warning: str | None = None  # accepted, but worth a look

    @property
    def national(self) -> str | None:
        """'0912345678', the form eSMS expects."""
        return "0" + self.e164[3:] if self.e164 else None

    @property
    def ok(self) -> bool:
        return self.e164 is not None


PROBLEM_MESSAGES = {
    "empty": "Thiếu số điện thoại.",
    "letters": "Số điện thoại có chữ cái — chỉ được có chữ số.",
    "scientific": "Excel đã đổi số thành dạng 9,12E+08 và làm mất chữ số — định dạng cột là Văn bản rồi nhập lại.",
    "foreign": "Không phải số Việt Nam (+84).",
    "old_prefix_unknown": "Số 11 chữ số cũ có đầu số không còn được chuyển đổi.",
    "wrong_length": "Số điện thoại không đủ hoặc thừa chữ số (di động có 10 chữ số, ví dụ 0912345678).",
    "unknown_prefix": "Đầu số không phải di động hay cố định Việt Nam.",
    "service": "Đây là số tổng đài 1800/1900, không phải số của khách hàng.",
}


@lru_cache(maxsize=1)
def _library_prefix_table() -> dict[str, tuple[bool, PhoneNumberType | int, str]]:
    """For each 4-digit national prefix 0XYZ: (valid mobile per phonenumbers, type, carrier)."""
    table: dict[str, tuple[bool, PhoneNumberType | int, str]] = {}
    for head in range(100, 1000):  # 00… is the international call prefix, never a national number
        prefix = f"0{head:03d}"
        number = phonenumbers.parse(prefix + "234567", "VN")
        kind = phonenumbers.number_type(number)
        valid = phonenumbers.is_valid_number(number) and kind == PhoneNumberType.MOBILE
        table[prefix] = (valid, kind, carrier.name_for_number(number, "en") or "")
    return table


@lru_cache(maxsize=4096)
def _landline_ok(national: str) -> bool:
    number = phonenumbers.parse(national, "VN")
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def _invalid(raw: str, problem: str) -> PhoneResult:
    return PhoneResult(raw=raw, e164=None, kind=PhoneKind.INVALID, problem=problem)


def _to_national_digits(raw: str) -> tuple[str | None, str | None]:
    """Cleaned national digits starting with 0, or (None, problem)."""
    text = raw.strip()
    if not text:
        return None, "empty"
    if _EXCEL_SCIENTIFIC.match(text):
        return None, "scientific"
    float_form = _EXCEL_FLOAT.match(text)
    if float_form:
        text = float_form.group(1)
    text = _SEPARATORS.sub("", text)
    plus = text.startswith("+")
    digits = text[1:] if plus else text
    if not digits.isdigit():
        return None, "letters"
    if plus or digits.startswith("00"):
        digits = digits if plus else digits[2:]
        if not digits.startswith("84"):
            return None, "foreign"
        rest = digits[2:]
        return (rest if rest.startswith("0") else "0" + rest), None
    if digits.startswith("84") and len(digits) in (11, 12):
        # 84 + 9-digit mobile, 84 + 10-digit landline/old mobile, or the mistaken 840 + 9 digits.
        rest = digits[2:]
        return (rest if rest.startswith("0") else "0" + rest), None
    if not digits.startswith("0") and (len(digits) == 9 or (len(digits) == 10 and digits[0] in "12")):
        # Excel dropped the leading zero (9-digit mobile, 10-digit landline or old mobile).
        if not digits.startswith(("1800", "1900")):
            return "0" + digits, None
    return digits, None


def normalise_phone(raw: str | None) -> PhoneResult:
    """Canonical form and kind of one Vietnamese phone number as typed or exported."""
    return _normalise_cached(raw or "")


@lru_cache(maxsize=65536)
def _normalise_cached(raw: str) -> PhoneResult:
    national, problem = _to_national_digits(raw)
    if national is None:
        return _invalid(raw, problem or "empty")
    if national.startswith(("1800", "1900")) and len(national) in (8, 10):
        return PhoneResult(raw=raw, e164=None, kind=PhoneKind.SERVICE, problem="service")
    converted = False
    if len(national) == 11 and national.startswith("01"):
        new_code = OLD_TO_NEW_PREFIX.get(national[:4])
        if new_code is None:
            return _invalid(raw, "old_prefix_unknown")
        national = new_code + national[4:]
        converted = True
    if not national.startswith("0"):
        return _invalid(raw, "unknown_prefix")
    if national.startswith("02"):
        if len(national) != 11:
            return _invalid(raw, "wrong_length")
        if not _landline_ok(national):
            return _invalid(raw, "unknown_prefix")
        return PhoneResult(raw=raw, e164="+84" + national[1:], kind=PhoneKind.LANDLINE)
    if len(national) != 10:
        return _invalid(raw, "wrong_length")
    library_ok, _, library_carrier = _library_prefix_table().get(national[:4], (False, 99, ""))
    ours_ok = bool(_MOBILE_RULE.match(national))
    if not (library_ok or ours_ok):
        return _invalid(raw, "unknown_prefix")
    return PhoneResult(
        raw=raw,
        e164="+84" + national[1:],
        kind=PhoneKind.MOBILE,
        carrier=CARRIER_BY_PREFIX.get(national[:3]) or library_carrier or None,
        converted_from_old=converted,
        warning=None if library_ok else "prefix_newer_than_library",
    )


def normalise_many(values: Iterable[str | None]) -> dict[str, PhoneResult]:
    """Normalise each distinct value once (imports pass the distinct raw values of a column)."""
    return {value: normalise_phone(value) for value in {v or "" for v in values}}


def canonical_phone(raw: str | None) -> str | None:
    """'+84…' for a usable number, else None."""
    return normalise_phone(raw).e164


def format_national(e164: str | None) -> str:
    """'+84912345678' → '0912 345 678' for display."""
    if not e164 or not e164.startswith("+84"):
        return e164 or ""
    national = "0" + e164[3:]
    if len(national) == 10:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    return f"{national[:3]} {national[3:7]} {national[7:]}"
