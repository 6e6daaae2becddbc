"""Vietnamese phone normalisation over the forms staff, POS exports and Excel produce."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matviet_desktop.core.customers.phones import (
    OLD_TO_NEW_PREFIX,
    PhoneKind,
    canonical_phone,
    format_national,
    normalise_many,
    normalise_phone,
)

SAME_MOBILE = [
    "0912345678",
    "0912 345 678",
    "091-234-5678",
    "0912.345.678",
    "(091) 234 5678",
    "(+84) 91 234 5678",
    "+84912345678",
    "+84 912 345 678",
    "84912345678",
    "0084912345678",
    "00 84 912 345 678",
    "840912345678",  # the stray 0 after 84
    "+840912345678",
    "+84 (0) 912 345 678",
    "912345678",  # Excel dropped the leading zero
    "912345678.0",  # …and wrote it as a float
    " 0912345678 ",
    "0912\u00a0345\u00a0678",  # non-breaking spaces from web forms
]


@pytest.mark.parametrize("raw", SAME_MOBILE)
def test_every_form_of_one_mobile_is_the_same_number(raw: str) -> None:
    result = normalise_phone(raw)
    assert result.e164 == "+84912345678"
    assert result.kind is PhoneKind.MOBILE
    assert result.carrier == "VinaPhone"
    assert result.national == "0912345678"


@pytest.mark.parametrize(("old", "new"), sorted(OLD_TO_NEW_PREFIX.items()))
def test_2018_renumbering_of_every_old_prefix(old: str, new: str) -> None:
    for raw in (f"{old}2345678", f"{old[1:]}2345678", f"+84{old[1:]}2345678", f"84 {old[1:]} 234 5678"):
        result = normalise_phone(raw)
        assert result.e164 == "+84" + new[1:] + "2345678", raw
        assert result.converted_from_old


@pytest.mark.parametrize(
    ("raw", "carrier"),
    [
        ("0381234567", "Viettel"),
        ("0961234567", "Viettel"),
        ("0861234567", "Viettel"),
        ("0901234567", "MobiFone"),
        ("0701234567", "MobiFone"),
        ("0891234567", "MobiFone"),
        ("0871234567", "iTel"),  # MVNO on VinaPhone's network; the library says VinaPhone
        ("0941234567", "VinaPhone"),
        ("0921234567", "Vietnamobile"),
        ("0561234567", "Vietnamobile"),
        ("0591234567", "Gmobile"),
    ],
)
def test_carrier_hint(raw: str, carrier: str) -> None:
    assert normalise_phone(raw).carrier == carrier


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("028 3812 3456", "+842838123456"),
        ("2838123456", "+842838123456"),
        ("+84 24 3825 1234", "+842438251234"),
    ],
)
def test_landlines_are_kept_and_told_apart(raw: str, e164: str) -> None:
    result = normalise_phone(raw)
    assert (result.e164, result.kind, result.carrier) == (e164, PhoneKind.LANDLINE, None)


@pytest.mark.parametrize("raw", ["1900 1234", "19001234", "1800 1234", "1900 123 456", "1800123456"])
def test_service_numbers_are_not_customer_phones(raw: str) -> None:
    result = normalise_phone(raw)
    assert (result.e164, result.kind, result.problem) == (None, PhoneKind.SERVICE, "service")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("09O1234567", "letters"),
        ("không có", "letters"),
        ("9.12346E+08", "scientific"),  # Excel's scientific notation lost digits
        ("+1 212 555 1234", "foreign"),
        ("+65 6123 4567", "foreign"),
        ("01512345678", "old_prefix_unknown"),
        ("091234567", "wrong_length"),
        ("09123456789", "wrong_length"),
        ("0212345678", "wrong_length"),
        ("0112345678", "unknown_prefix"),
        ("0612345678", "unknown_prefix"),
    ],
)
def test_unusable_numbers_say_why(raw: str, problem: str) -> None:
    result = normalise_phone(raw)
    assert result.e164 is None and result.kind is PhoneKind.INVALID
    assert result.problem == problem


def test_prefix_newer_than_library_is_accepted_with_a_warning() -> None:
    result = normalise_phone("0992345678")
    assert result.e164 == "+84992345678" and result.warning == "prefix_newer_than_library"
    assert normalise_phone("0912345678").warning is None


def test_helpers() -> None:
    assert canonical_phone("0912 345 678") == "+84912345678"
    assert canonical_phone("abc") is None
    assert format_national("+84912345678") == "0912 345 678"
    assert format_national("+842838123456") == "028 3812 3456"
    many = normalise_many(["0912345678", "912345678", None, "0912345678"])
    assert set(many) == {"0912345678", "912345678", ""}
    assert many[""].problem == "empty"


MOBILE_PREFIXES = [
    "32",
    "33",
    "38",
    "39",
    "56",
    "58",
    "70",
    "76",
    "77",
    "78",
    "79",
    "81",
    "85",
    "86",
    "88",
    "89",
    "90",
    "91",
    "93",
    "94",
    "96",
    "97",
    "98",
]


@given(st.sampled_from(MOBILE_PREFIXES), st.integers(min_value=0, max_value=9_999_999), st.data())
def test_any_mobile_in_any_dress_normalises_to_one_e164(prefix: str, rest: int, data: st.DataObject) -> None:
    if prefix == "89":
        prefix = "89" + data.draw(st.sampled_from("6789"))  # 089 is MobiFone only for 0896–0899
        digits = prefix + f"{rest:06d}"[:6]
    else:
        digits = prefix + f"{rest:07d}"
    national = "0" + digits
    expected = "+84" + digits
    sep = data.draw(st.sampled_from(["", " ", ".", "-"]))
    grouped = sep.join([national[:4], national[4:7], national[7:]])
    dressed = data.draw(
        st.sampled_from(
            [national, grouped, digits, "+84" + digits, "84" + digits, "0084" + digits, "+84 " + grouped[1:]]
        )
    )
    result = normalise_phone(dressed)
    assert result.e164 == expected, dressed
    assert result.kind is PhoneKind.MOBILE
