"""Audience: suppression counted exactly, holdout drawn and stored, CSV upload report, freeze."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.campaigns import audience, service
from matviet_desktop.core.campaigns.lifecycle import CampaignError, TransitionError
from tests.integration import campaigns_data as d

OPT_OUT = "Tu choi: soan TC gui 8079"


def segment(conn, name: str, members: list[uuid.UUID]) -> uuid.UUID:
    sid = conn.execute(
        text(
            "INSERT INTO segment_rules (name, rule_type, conditions) VALUES (:n, 'custom', '{}') RETURNING id"
        ),
        {"n": name},
    ).scalar_one()
    for m in members:
        conn.execute(
            text("INSERT INTO customer_segments (customer_id, segment_rule_id) VALUES (:c, :s)"),
            {"c": m, "s": sid},
        )
    return sid


@pytest.fixture
def crowd(engine: Engine) -> dict[str, object]:
    """20 customers, each built to hit exactly one suppression rule (or none)."""
    with engine.begin() as conn:
        store = d.store(conn, "Mắt Việt Hai Bà Trưng")
        k: dict[str, uuid.UUID] = {}
        ok = {"sms_consent": True, "email_consent": True, "home_store_id": store}
        k["ok"] = d.customer(conn, "Nguyễn Văn An", "+84912000001", email="an@example.vn", **ok)
        k["no_phone"] = d.customer(conn, "Trần Bình", None, email="binh@example.vn", **ok)
        k["bad_phone"] = d.customer(conn, "Lê Cường", "12345", email="cuong@example.vn", **ok)
        k["opted_out"] = d.customer(conn, "Phạm Dung", "+84912000004", sms_consent=False)
        conn.execute(
            text(
                "INSERT INTO customer_engagements (customer_id, engagement_type, channel) VALUES (:c, 'opt_out', 'sms')"
            ),
            {"c": k["opted_out"]},
        )
        k["dnc"] = d.customer(conn, "Hoàng Em", "+84912000005", **ok)
        conn.execute(text("INSERT INTO do_not_contact (phone, source) VALUES ('+84912000005', 'registry')"))
        k["no_consent"] = d.customer(conn, "Vũ Giang", "+84912000006")
        k["dup_a"] = d.customer(conn, "Đỗ Hà", "0912000007", email="ha@example.vn", **ok)
        k["dup_b"] = d.customer(conn, "Đỗ Hà (trùng)", "+84912000007", email="HA@example.vn", **ok)
        k["capped"] = d.customer(conn, "Bùi Khánh", "+84912000009", **ok)
        k["excluded_seg"] = d.customer(conn, "Ngô Lan", "+84912000010", **ok)
        for i in range(11, 21):
            k[f"plain{i}"] = d.customer(conn, f"Khách {i}", f"+849120000{i}", email=f"k{i}@example.vn", **ok)
        other = d.campaign(conn, "Tin QC hôm qua", status="sending")
        now = dt.datetime.now(dt.UTC)
        for n in range(3):
            ghost = d.customer(conn, f"Khác {n}", f"+8498700000{n}")
            d.target(
                conn,
                other,
                ghost,
                "accepted",
                phone="+84912000009",
                first_attempt_at=now - dt.timedelta(hours=n + 1),
            )
        main = segment(conn, "Khách quen", [v for key, v in k.items()])
        vip = segment(conn, "Loại trừ", [k["excluded_seg"]])
    return {"k": k, "segment": main, "exclude": vip}


def new_campaign(engine: Engine, crowd: dict, **over) -> uuid.UUID:
    spec = {
        "name": "Thu sang ưu đãi",
        "channel": "sms",
        "purpose": "advertising",
        "target": {"type": "segment", "segment_id": str(crowd["segment"])},
        "exclusion_segment_ids": [str(crowd["exclude"])],
        "content": {"text": "Mat Viet giam 20% gong kinh den 30/11"},
        "channel_settings": {"opt_out_line": OPT_OUT},
        "budget": 100000,
        "holdout_pct": 25,
        "attribution_days": 7,
    }
    spec.update(over)
    return service.create(engine, spec).campaign_id


def test_suppression_counted_exactly_and_stored_per_target(engine: Engine, crowd: dict) -> None:
    cid = new_campaign(engine, crowd)
    ready = service.check(engine, cid)
    assert ready.ok, ready.problems
    p = ready.audience
    assert p is not None
    assert p.excluded_by_segment == 1
    assert p.candidates == 19
    assert p.suppressed == {
        "invalid_phone": 2,
        "invalid_email": 0,
        "opted_out": 1,
        "do_not_contact": 1,
        "no_consent": 1,
        "duplicate_phone": 1,
        "duplicate_email": 0,
        "frequency_cap": 1,
    }
    assert (p.eligible, p.holdout, p.to_send) == (12, 3, 9)
    assert ready.sms is not None and (ready.sms.encoding, ready.sms.parts) == ("GSM-7", 1)
    assert ready.estimate is not None and ready.estimate.total == Decimal(9 * 790)

    started = service.start(engine, cid)
    assert started.status == "sending"
    assert started.targets == {"pending": 9, "holdout": 3, "excluded": 7}
    k = crowd["k"]
    with engine.connect() as conn:
        reasons = dict(
            conn.execute(
                text(
                    "SELECT customer_id, exclusion_reason FROM campaign_targets WHERE campaign_id = :c AND status = 'excluded'"
                ),
                {"c": cid},
            ).all()
        )
        pending = conn.execute(
            text(
                "SELECT phone, content, request_id FROM campaign_targets WHERE campaign_id = :c AND status = 'pending'"
            ),
            {"c": cid},
        ).all()
        camp = conn.execute(
            text("SELECT target_count, estimated_cost, audience_frozen_at FROM campaigns WHERE id = :c"),
            {"c": cid},
        ).one()
    assert reasons[k["no_phone"]] == "invalid_phone"
    assert reasons[k["bad_phone"]] == "invalid_phone"
    assert reasons[k["opted_out"]] == "opted_out"
    assert reasons[k["dnc"]] == "do_not_contact"
    assert reasons[k["no_consent"]] == "no_consent"
    assert reasons[k["capped"]] == "frequency_cap"
    assert {reasons.get(k["dup_a"]), reasons.get(k["dup_b"])} == {"duplicate_phone", None}
    assert k["excluded_seg"] not in reasons
    assert all(p.startswith("+849") and len(p) == 12 for p, _, _ in pending)
    assert {c for _, c, _ in pending} == {f"[QC] Mat Viet giam 20% gong kinh den 30/11 {OPT_OUT}"}
    assert camp[0] == 19 and camp[1] == Decimal(7110) and camp[2] is not None
    # The status the UI shows adds up to the same numbers.
    st = service.status(engine, cid)
    assert st.counts == {"excluded": 7, "holdout": 3, "pending": 9}
    assert sum(st.exclusions.values()) == 7


def test_customer_care_skips_consent_rules(engine: Engine, crowd: dict) -> None:
    cid = new_campaign(engine, crowd, purpose="customer_care", holdout_pct=0,
                       content={"text": "Chao {ten}, kinh cua ban da san sang tai {cua_hang}."})  # fmt: skip
    p = service.check(engine, cid).audience
    assert p is not None
    assert {r: n for r, n in p.suppressed.items() if n} == {"invalid_phone": 2, "duplicate_phone": 1}
    assert p.eligible == 16
    service.start(engine, cid)
    with engine.connect() as conn:
        text_for_ok = conn.execute(
            text("SELECT content FROM campaign_targets WHERE campaign_id = :c AND customer_id = :k"),
            {"c": cid, "k": crowd["k"]["ok"]},
        ).scalar_one()
        text_for_plain = conn.execute(
            text("SELECT content FROM campaign_targets WHERE campaign_id = :c AND customer_id = :k"),
            {"c": cid, "k": crowd["k"]["plain11"]},
        ).scalar_one()
    assert text_for_ok == "Chao An, kinh cua ban da san sang tai Mắt Việt Hai Bà Trưng."
    assert text_for_plain == "Chao 11, kinh cua ban da san sang tai Mắt Việt Hai Bà Trưng."


def test_email_duplicates_and_invalid_addresses(engine: Engine, crowd: dict) -> None:
    cid = new_campaign(engine, crowd, channel="email", holdout_pct=0,
                       content={"text": "Chào {ten}", "subject": "Ưu đãi tháng 11"})  # fmt: skip
    p = service.check(engine, cid).audience
    assert p is not None
    # The opted-out, DNC (phone only), no-consent (SMS) and capped customers have no email address.
    assert {r: n for r, n in p.suppressed.items() if n} == {"invalid_email": 4, "duplicate_email": 1}
    assert p.eligible == 14


def test_holdout_draw_is_reproducible_and_exact(engine: Engine, crowd: dict) -> None:
    first = new_campaign(engine, crowd, holdout_pct=50)
    service.start(engine, first)
    with engine.connect() as conn:
        held = (
            conn.execute(
                text(
                    "SELECT customer_id FROM campaign_targets WHERE campaign_id = :c AND status = 'holdout' ORDER BY 1"
                ),
                {"c": first},
            )
            .scalars()
            .all()
        )
    assert len(held) == 6  # half of 12 eligible
    # Starting twice adds nothing (the audience is frozen once).
    with pytest.raises(TransitionError, match="sending"):
        service.start(engine, first)


def test_empty_audience_and_budget_block_the_start(engine: Engine, crowd: dict) -> None:
    with engine.begin() as conn:
        empty = segment(conn, "Trống", [])
    cid = new_campaign(engine, crowd, target={"type": "segment", "segment_id": str(empty)})
    with pytest.raises(CampaignError) as err:
        service.start(engine, cid)
    assert [p.field for p in err.value.problems] == ["target"]
    poor = new_campaign(engine, crowd, budget=5000)
    with pytest.raises(CampaignError) as err:
        service.start(engine, poor)
    assert [p.field for p in err.value.problems] == ["budget"]
    assert "Vượt ngân sách" in err.value.problems[0].message
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM campaign_targets WHERE campaign_id = :c"), {"c": poor}
            ).scalar()
            == 0
        )
        assert (
            conn.execute(text("SELECT status FROM campaigns WHERE id = :c"), {"c": poor}).scalar() == "draft"
        )


def test_csv_upload_reports_every_miss(engine: Engine, crowd: dict) -> None:
    csv_text = (
        "Họ tên,Số điện thoại,Email\n"
        "An,0912 000 001,\n"  # matched (spaces)
        "An lần 2,+84 912000001,\n"  # duplicate of line 2
        "Khách 11,84912000011,\n"  # matched (84 prefix)
        "Lạ,0987654321,\n"  # valid but unknown
        "Sai,12345,\n"  # invalid
        ",,k12@example.vn\n"  # matched by email
        ",,không-phải-email\n"  # invalid
        "\n"
        "Cũ,01662000013,\n"  # old 11-digit Viettel number → 0362000013: unknown
    )
    created = service.create(
        engine,
        {
            "name": "Danh sách hội chợ",
            "channel": "sms",
            "purpose": "customer_care",
            "target": {"type": "csv_upload", "csv": csv_text, "filename": "hoi_cho.csv"},
            "content": {"text": "Cam on {ten} da ghe gian hang Mat Viet"},
        },
    )
    r = created.upload
    assert r is not None
    assert (r.total_rows, r.matched, r.unknown, r.invalid, r.duplicates) == (8, 3, 2, 2, 1)
    assert [(p["line"], p["reason"]) for p in r.problems] == [
        (3, "duplicate"), (5, "unknown"), (6, "invalid"), (8, "invalid"), (10, "unknown"),
    ]  # fmt: skip
    assert r.problems[-1]["value"] == "+84362000013"
    p = service.check(engine, created.campaign_id).audience
    assert p is not None and p.candidates == 3 and p.eligible == 3


def test_normalise_phone_forms() -> None:
    for raw in ("0912 345 678", "091-234-5678", "(+84) 91 234 5678", "+84912345678", "84912345678",
                "0084912345678", "840912345678", "912345678"):  # fmt: skip
        assert audience.normalise_phone(raw) == "+84912345678", raw
    assert audience.normalise_phone("01662345678") == "+84362345678"
    assert audience.normalise_phone("02838123456") is None  # landline: not for SMS
    assert audience.normalise_phone("abc") is None


def test_zns_and_email_content_is_personalised_per_target(engine: Engine, crowd: dict) -> None:
    zns = new_campaign(
        engine, crowd, channel="zalo", purpose="customer_care", holdout_pct=0, promo_code="KM5",
        content={"template_id": "231456", "template_params": {"customer_name": "{ho_ten}", "code": "{ma_km}",
                                                               "store": "{cua_hang|cửa hàng gần nhất}"}},
    )  # fmt: skip
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET zalo_consent = true"))
    service.start(engine, zns)
    email = new_campaign(engine, crowd, channel="email", holdout_pct=0,
                         content={"text": "Chào {ten},\nƯu đãi cho bạn.", "subject": "Ưu đãi tháng 11"},
                         channel_settings={"opt_out_line": "Từ chối nhận email: bấm Hủy đăng ký."})  # fmt: skip
    service.start(engine, email)
    with engine.connect() as conn:
        data = conn.execute(
            text("SELECT template_data FROM campaign_targets WHERE campaign_id = :c AND customer_id = :k"),
            {"c": zns, "k": crowd["k"]["ok"]},
        ).scalar_one()
        mail = conn.execute(
            text("SELECT subject, content FROM campaign_targets WHERE campaign_id = :c AND customer_id = :k"),
            {"c": email, "k": crowd["k"]["ok"]},
        ).one()
    assert data == {"customer_name": "Nguyễn Văn An", "code": "KM5", "store": "Mắt Việt Hai Bà Trưng"}
    assert mail == (
        "[QC] Ưu đãi tháng 11",
        "Chào An,\nƯu đãi cho bạn.\n\nTừ chối nhận email: bấm Hủy đăng ký.",
    )
