"""Tokens, SMS part counting (GSM-7 vs UCS-2), bỏ dấu, legal wrapping, cost estimate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matviet_desktop.core.campaigns import content, cost


@pytest.mark.parametrize(
    ("text", "encoding", "units", "parts"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("a" * 459, "GSM-7", 459, 3),
        ("{" * 80, "GSM-7", 160, 1),  # extension characters count twice
        ("{" * 80 + "a", "GSM-7", 161, 2),
        ("ă" * 70, "UCS-2", 70, 1),
        ("Cảm ơn" + "a" * 65, "UCS-2", 71, 2),
        ("ê" * 134, "UCS-2", 134, 2),
        ("ê" * 135, "UCS-2", 135, 3),
        ("ê" * 201, "UCS-2", 201, 3),
    ],
)
def test_sms_parts(text: str, encoding: str, units: int, parts: int) -> None:
    length = content.sms_length(text)
    assert (length.encoding, length.characters, length.parts) == (encoding, units, parts)


def test_one_diacritic_switches_the_whole_message_to_unicode() -> None:
    plain = "Mat Viet giam 20% gong kinh den het 30/11. " * 3
    assert content.sms_length(plain).encoding == "GSM-7"
    assert content.sms_length(plain).parts == 1
    accented = plain.replace("Mat", "Mắt", 1)
    assert content.sms_length(accented).encoding == "UCS-2"
    assert content.sms_length(accented).parts == 2
    assert content.sms_length("x" * 460).too_long


def test_bo_dau() -> None:
    assert content.bo_dau("Đặng Thị Ánh Nguyệt, giảm 20%!") == "Dang Thi Anh Nguyet, giam 20%!"
    assert content.is_gsm7(content.bo_dau("Ưu đãi tháng Mười: Kính mát Ray-Ban ở Mắt Việt"))


@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ĐĂÂÊÔƠƯ"
    )
)
def test_bo_dau_always_gives_gsm7(text: str) -> None:
    assert content.is_gsm7(content.bo_dau(text))


def test_render_tokens_with_defaults() -> None:
    values = content.recipient_values("Nguyễn Thị Lan", "Mắt Việt Hai Bà Trưng", promo_code="THU10",
                                      phone="+84912345678")  # fmt: skip
    template = "Chào {ten}, {cua_hang} tặng mã {ma_km}. Gọi {sdt}."
    assert content.render(template, values) == (
        "Chào Lan, Mắt Việt Hai Bà Trưng tặng mã THU10. Gọi 0912345678."
    )
    empty = content.recipient_values(None)
    assert content.render("Chào {ten}!", empty) == "Chào Quý khách!"
    assert content.render("Chào {ten|bạn}!", empty) == "Chào bạn!"
    assert content.render("Chào {ten}!", empty, {"ten": "anh/chị"}) == "Chào anh/chị!"
    assert content.unknown_tokens("Chào {ten} {hang_the}") == ["hang_the"]
    assert content.render("{hang_the}", values) == "{hang_the}"


def test_advertising_wrapping() -> None:
    wrapped = content.with_legal_wrapping("Giam 20%", advertising=True, opt_out_line="Tu choi: TC gui 8xxx")
    assert wrapped == "[QC] Giam 20% Tu choi: TC gui 8xxx"
    assert (
        content.with_legal_wrapping(wrapped, advertising=True, opt_out_line="Tu choi: TC gui 8xxx") == wrapped
    )
    assert content.with_legal_wrapping("Don hang da san sang", advertising=False, opt_out_line="x") == (
        "Don hang da san sang"
    )
    assert content.email_subject("Ưu đãi", advertising=True) == "[QC] Ưu đãi"


def test_cost_estimate_by_carrier() -> None:
    prices = {route: dict(t) for route, t in cost.DEFAULT_PRICES.items()}
    prices["sms_advertising"]["viettel"] = Decimal(700)
    est = cost.estimate({"098": 3, "091": 2, "012": 1}, channel="sms", purpose="advertising",
                        parts_per_message=2, prices=prices)  # fmt: skip
    lines = {line.carrier: line for line in est.lines}
    assert lines["viettel"].amount == Decimal(700 * 3 * 2)
    assert lines["vinaphone"].amount == Decimal(790 * 2 * 2)
    assert lines["other"].amount == Decimal(790 * 1 * 2)
    assert est.total == Decimal(4200 + 3160 + 1580)
    assert est.recipients == 6
    zns = cost.estimate(
        {"098": 10}, channel="zns", purpose="customer_care", parts_per_message=3, prices=prices
    )
    assert zns.total == Decimal(2200)
    assert cost.carrier_for("0559123456") == "other"
    assert cost.carrier_for("0868123456") == "viettel"


def test_detectable_lift_scales_with_audience() -> None:
    from matviet_desktop.core.campaigns.holdout import detectable_lift

    big = detectable_lift(100_000, 10, 0.05)
    assert (big.treated, big.holdout) == (90_000, 10_000)
    # (1.959964 + 0.841621) · √(0.05 · 0.95 · (1/90000 + 1/10000))
    assert big.min_detectable_abs == pytest.approx(0.0064362, abs=1e-6)
    small = detectable_lift(1_000, 10, 0.05)
    assert small.min_detectable_abs == pytest.approx(big.min_detectable_abs * 10, rel=1e-9)
    assert detectable_lift(1_000, 0).min_detectable_abs is None
