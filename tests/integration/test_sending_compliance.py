"""Decree 91/2020 in the send path: consent, do-not-contact, frequency cap, the 07:00–22:00
window, [QC] label and opt-out text, frozen advertising batches, opt-out at once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from matviet_desktop.core.sending import compliance
from matviet_desktop.core.sending.engine import EngineConfig, SendEngine
from tests.integration.sending_support import FAST, assert_complete, connect, fake_esms, make_campaign

VN = compliance.VN


def _at(hour: int, minute: int = 0):
    return lambda: dt.datetime(2026, 11, 26, hour, minute, tzinfo=VN)


def _worker(db_url, provider, clock):
    return SendEngine(
        db_url,
        config=EngineConfig(**{**FAST, "rate_per_s": 1000}),
        channel_factory=provider.factory(),
        clock=clock,
    )


def _phone(i: int) -> str:
    return "+8490" + str(i).zfill(7)


def test_advertising_sms_excludes_ineligible_targets_with_reasons(engine, db_url) -> None:
    cid = make_campaign(engine, 40, purpose="advertising", content="Giam 30% gong kinh den 30/11")
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE customers SET sms_consent = false WHERE phone = ANY(:p)"),
            {"p": [_phone(i) for i in (0, 1, 2)]},
        )
        conn.execute(
            text(
                "INSERT INTO do_not_contact (phone, channel, reason, source) VALUES (:a, NULL, 'DNC', 'import'), (:b, 'sms', 'DNC', 'import')"
            ),
            {"a": _phone(3), "b": _phone(4)},
        )
        # Two phones already got 3 advertising SMS from other campaigns in the last 24 hours.
        for _ in range(3):
            other = conn.execute(
                text(
                    "INSERT INTO campaigns (name, campaign_type, purpose, status) VALUES ('cũ', 'sms', 'advertising', 'completed') RETURNING id"
                )
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO campaign_targets (campaign_id, customer_id, phone, status, first_attempt_at) "
                    "SELECT :c, id, phone, 'accepted', now() - interval '2 hours' FROM customers WHERE phone = ANY(:p)"
                ),
                {"c": other, "p": [_phone(5), _phone(6)]},
            )
    with fake_esms() as provider:
        worker = _worker(db_url, provider, _at(10))
        worker.run(cid, until_idle=True)
        worker.close()
        sent = list(provider.esms.by_request.values())
    assert len(sent) == 1  # one advertising batch (SendMultipleSMSBrandname_json)
    batch = sent[0]
    assert len(batch.phones) == 33 and batch.sms_type == "1"
    assert batch.content.startswith("[QC] Giam 30%")
    assert batch.content.endswith("Tu choi QC soan TC gui 6058")
    with connect(db_url) as conn:
        reasons = dict(
            conn.execute(
                "SELECT exclusion_reason, count(*) FROM campaign_targets WHERE campaign_id = %s AND status = 'excluded' "
                "GROUP BY exclusion_reason",
                (cid,),
            ).fetchall()
        )
    assert reasons == {"no_consent": 3, "do_not_contact": 2, "frequency_cap": 2}
    assert assert_complete(db_url, cid) == {"accepted": 33, "excluded": 7}


def test_advertising_sms_waits_for_the_daytime_window(engine, db_url) -> None:
    cid = make_campaign(engine, 30, purpose="advertising")
    with fake_esms() as provider:
        night = _worker(db_url, provider, _at(22, 30))
        night.run(cid, until_idle=True)
        night.close()
        assert provider.esms.total_accepted == 0
        with connect(db_url) as conn:
            assert conn.execute(
                "SELECT count(*) FROM campaign_targets WHERE campaign_id = %s AND status = 'pending'", (cid,)
            ).fetchone() == (30,)
        morning = _worker(db_url, provider, _at(7, 5))
        morning.run(cid, until_idle=True)
        morning.close()
        assert provider.esms.total_accepted == 1
    assert assert_complete(db_url, cid) == {"accepted": 30}


def test_a_frozen_batch_is_resent_whole_with_its_request_id(engine, db_url) -> None:
    cid = make_campaign(engine, 35, purpose="advertising")
    with fake_esms() as provider:
        provider.esms.faults.accept_then_drop_phones = {"0900000007"}  # accepted, answer lost
        worker = _worker(db_url, provider, _at(9))
        worker.run(cid, until_idle=True)
        worker.close()
        with connect(db_url) as conn:
            batches = conn.execute("SELECT request_id, member_count FROM send_batches").fetchall()
            attempts = conn.execute("SELECT outcome, provider_code FROM send_attempts ORDER BY id").fetchall()
        assert len(batches) == 1 and batches[0][1] == 35
        request_id = batches[0][0]
        assert provider.esms.raw[request_id] == 2 and provider.esms.accepted[request_id] == 1
        assert attempts == [("unknown", "DROPPED"), ("duplicate", "124")]
    assert assert_complete(db_url, cid) == {"accepted": 35}


def test_opt_out_stops_waiting_advertising_at_once(engine, db_url) -> None:
    ad = make_campaign(engine, 5, purpose="advertising")
    care = make_campaign(engine, 5, purpose="customer_care", first=0)
    excluded = compliance.record_opt_out(engine, phone=_phone(2), channel="sms", source="sms_reply")
    assert excluded == 1
    with connect(db_url) as conn:
        ad_row = conn.execute(
            "SELECT status, exclusion_reason FROM campaign_targets WHERE campaign_id = %s AND phone = %s",
            (ad, _phone(2)),
        ).fetchone()
        care_row = conn.execute(
            "SELECT status FROM campaign_targets WHERE campaign_id = %s AND phone = %s", (care, _phone(2))
        ).fetchone()
        consent = conn.execute("SELECT sms_consent FROM customers WHERE phone = %s", (_phone(2),)).fetchone()
        logged = conn.execute(
            "SELECT count(*) FROM customer_engagements WHERE engagement_type = 'opt_out'"
        ).fetchone()
        dnc = conn.execute("SELECT count(*) FROM do_not_contact WHERE phone = %s", (_phone(2),)).fetchone()
    assert ad_row == ("excluded", "opted_out")
    assert care_row == ("pending",)  # customer-care messages are not advertising
    assert consent == (False,) and logged == (1,) and dnc == (1,)


def test_customer_care_is_exempt_from_advertising_rules(engine, db_url) -> None:
    cid = make_campaign(engine, 10, purpose="customer_care", consent=False)
    with fake_esms() as provider:
        worker = _worker(db_url, provider, _at(23, 30))  # night, no consent: still a service message
        worker.run(cid, until_idle=True)
        worker.close()
        assert all(not rec.content.startswith("[QC]") for rec in provider.esms.by_request.values())
    assert assert_complete(db_url, cid) == {"accepted": 10}


def test_advertising_email_respects_consent_and_the_24h_cap(engine, db_url) -> None:
    from tests.integration.test_sending_email import fake_smtp, smtp_channel_factory

    cid = make_campaign(engine, 4, campaign_type="email", purpose="advertising")
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET email_consent = false WHERE email = 'k0@example.vn'"))
        for _ in range(3):
            other = conn.execute(
                text(
                    "INSERT INTO campaigns (name, campaign_type, purpose, status) VALUES ('cũ', 'email', 'advertising', 'completed') RETURNING id"
                )
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO campaign_targets (campaign_id, customer_id, email, status, first_attempt_at) "
                    "SELECT :c, id, upper(email), 'delivered', now() - interval '3 hours' FROM customers WHERE email = 'k1@example.vn'"
                ),
                {"c": other},
            )
    with fake_smtp() as smtp:
        worker = SendEngine(
            db_url,
            config=EngineConfig(**{**FAST, "rate_per_s": 1000}),
            channel_factory=smtp_channel_factory(smtp),
        )
        worker.run(cid, until_idle=True)
        worker.close()
        subjects = {m["To"]: m["Subject"] for m in smtp.messages}
    assert set(subjects) == {"k2@example.vn", "k3@example.vn"}
    assert all(s.startswith("[QC] ") for s in subjects.values())
    assert assert_complete(db_url, cid) == {"accepted": 2, "excluded": 2}
