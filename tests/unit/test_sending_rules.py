"""Pure rules: SMS length with label and opt-out, the Vietnam-time window, error classes."""

from __future__ import annotations

import datetime as dt

from matviet_desktop.core.sending import compliance
from matviet_desktop.core.sending.errors import ESMS_CODES, ZALO_CODES, Outcome, classify, classify_smtp

VN = compliance.VN


def test_label_first_opt_out_last_and_idempotent() -> None:
    once = compliance.advertising_sms("Giam gia 20%", "Tu choi soan TC gui 6058")
    assert once == "[QC] Giam gia 20% Tu choi soan TC gui 6058"
    assert compliance.advertising_sms(once, "Tu choi soan TC gui 6058") == once


def test_label_and_opt_out_count_in_the_length() -> None:
    body = "x" * 140  # fits one GSM-7 SMS alone
    assert compliance.sms_parts(body) == ("gsm7", 1)
    final, reason = compliance.check_advertising_sms(body, "Tu choi soan TC gui 6058")
    assert compliance.sms_parts(final) == ("gsm7", 2) and reason is None
    assert compliance.sms_parts("Giảm giá")[0] == "ucs2"  # diacritics force UCS-2
    assert compliance.sms_parts("é" * 70 + "ạ") == ("ucs2", 2)
    assert compliance.check_advertising_sms("x" * 460, "TC")[1] == "too_long"


def test_window_is_vietnam_time() -> None:
    assert compliance.in_sms_window(dt.datetime(2026, 11, 26, 0, 0, tzinfo=dt.UTC))  # 07:00 in Hanoi
    assert not compliance.in_sms_window(dt.datetime(2026, 11, 25, 23, 59, tzinfo=dt.UTC))  # 06:59
    assert not compliance.in_sms_window(dt.datetime(2026, 11, 26, 22, 0, tzinfo=VN))
    late = dt.datetime(2026, 11, 26, 22, 30, tzinfo=VN)
    assert compliance.next_sms_window(late) == dt.datetime(2026, 11, 27, 7, 0, tzinfo=VN)


def test_error_classes() -> None:
    assert classify(ESMS_CODES, "100").outcome == Outcome.ACCEPTED
    assert classify(ESMS_CODES, "124").outcome == Outcome.DUPLICATE
    assert classify(ESMS_CODES, "103").outcome == Outcome.ACCOUNT
    assert classify(ESMS_CODES, "160").outcome == Outcome.THROTTLE
    wrong_template = classify(ESMS_CODES, "146")
    assert wrong_template.outcome == Outcome.PERMANENT and wrong_template.pause_campaign
    assert classify(ESMS_CODES, "108").pause_campaign is False
    assert "chưa biết" in classify(ESMS_CODES, "4242").message
    assert classify(ZALO_CODES, "-118").outcome == Outcome.PERMANENT
    assert classify(ZALO_CODES, "-124").outcome == Outcome.TRANSIENT_SAFE
    assert classify_smtp(550, "no such user", after_data=True).outcome == Outcome.PERMANENT
    assert classify_smtp(451, "try later", after_data=False).outcome == Outcome.TRANSIENT_SAFE
    assert classify_smtp(535, "auth", after_data=False).outcome == Outcome.ACCOUNT
