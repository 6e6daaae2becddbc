"""A campaign from draft to its report through the real sending engine and the fake eSMS, plus the
checks that guard each transition."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.attribution import campaign_report, refresh
from matviet_desktop.core.campaigns import lifecycle, service
from matviet_desktop.core.campaigns.lifecycle import CampaignError, TransitionError
from matviet_desktop.core.sending.engine import EngineConfig, SendEngine
from tests.integration import campaigns_data as d
from tests.integration.sending_support import FAST, fake_esms

VN = lifecycle.VN
INSIDE_WINDOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=VN)


def _segment_of(conn, customers: list[uuid.UUID]) -> uuid.UUID:
    sid = conn.execute(
        text(
            "INSERT INTO segment_rules (name, rule_type, conditions) VALUES ('Khách cần nhắc', 'custom', '{}') RETURNING id"
        )
    ).scalar_one()
    conn.execute(
        text(
            "INSERT INTO customer_segments (customer_id, segment_rule_id) SELECT unnest(CAST(:ids AS uuid[])), :s"
        ),
        {"ids": [str(c) for c in customers], "s": sid},
    )
    return sid


@pytest.mark.slow
def test_full_lifecycle_draft_to_report_with_fake_esms(engine: Engine, db_url: str) -> None:
    with engine.begin() as conn:
        store = d.store(conn)
        consenting = [
            d.customer(conn, f"Khách {i}", f"+849000{i:05d}", sms_consent=True, home_store_id=store)
            for i in range(45)
        ]
        refusing = [d.customer(conn, f"Không đồng ý {i}", f"+849100{i:05d}") for i in range(5)]
        seg = _segment_of(conn, consenting + refusing)

    created = service.create(
        engine,
        {
            "name": "Tết 2026: giảm 15%",
            "channel": "sms",
            "purpose": "advertising",
            "target": {"type": "segment", "segment_id": str(seg)},
            "content": {"text": "Mắt Việt giảm 15% gọng kính dịp Tết, nhập mã TET26", "bo_dau": True},
            "budget": 1_000_000,
            "attribution_days": 7,
            "holdout_pct": 20,
            "promo_code": "TET26",
        },
    )
    assert created.status == "draft" and created.problems == []
    cid = created.campaign_id

    ready = service.check(engine, cid)
    assert ready.ok, ready.problems
    assert ready.audience is not None
    assert ready.audience.suppressed["no_consent"] == 5
    assert (ready.audience.eligible, ready.audience.holdout, ready.audience.to_send) == (45, 9, 36)
    assert ready.sms is not None and ready.sms.encoding == "GSM-7"
    assert ready.estimate is not None and ready.estimate.total == Decimal(36 * 790)

    started = service.start(engine, cid)
    assert started.targets == {"pending": 36, "holdout": 9, "excluded": 5}
    assert service.pause(engine, cid) == "paused"

    with fake_esms() as provider:
        factory = provider.factory()

        def sender() -> SendEngine:
            return SendEngine(db_url, config=EngineConfig(**FAST), channel_factory=factory,  # type: ignore[arg-type]
                              clock=lambda: INSIDE_WINDOW)  # fmt: skip

        eng = sender()
        try:
            paused_stats = eng.run(cid, until_idle=True)
        finally:
            eng.close()
        assert paused_stats.accepted == 0  # a paused campaign sends nothing
        assert provider.esms.total_accepted == 0

        assert service.resume(engine, cid) == "sending"
        eng = sender()
        try:
            stats = eng.run(cid, until_idle=True)
        finally:
            eng.close()
        assert stats.accepted == 36
        sent_texts = {rec.content for rec in provider.esms.by_request.values()}
    assert sent_texts == {
        "[QC] Mat Viet giam 15% gong kinh dip Tet, nhap ma TET26 Tu choi QC soan TC gui 6058"
    }

    st = service.status(engine, cid)
    assert st.status == "completed"
    assert st.counts == {"accepted": 36, "holdout": 9, "excluded": 5}
    assert st.exclusions == {"no_consent": 5}
    assert service.sync_message_costs(engine, cid) == Decimal(36 * 790)
    assert service.add_cost(engine, cid, "design", Decimal(71_560), "Thiết kế banner") == Decimal(100_000)

    # Orders after the campaign: 6 sent customers (2 with the promo code), 2 holdout customers,
    # one sent customer after the window.
    with engine.begin() as conn:
        rows = conn.execute(
            text(
                "SELECT customer_id, status, sent_at FROM campaign_targets WHERE campaign_id = :c ORDER BY customer_id"
            ),
            {"c": cid},
        ).all()
        sent = [(c, at) for c, s, at in rows if s == "accepted"]
        held = [c for c, s, _ in rows if s == "holdout"]
        for i, (customer, at) in enumerate(sent[:6]):
            d.order(
                conn,
                customer,
                store,
                at + dt.timedelta(days=i + 1),
                1_000_000,
                promo_code="TET26" if i < 2 else None,
            )
        d.order(conn, sent[6][0], store, sent[6][1] + dt.timedelta(days=8), 5_000_000)
        started_at = conn.execute(
            text("SELECT started_at FROM campaigns WHERE id = :c"), {"c": cid}
        ).scalar_one()
        for customer in held[:2]:
            d.order(conn, customer, store, started_at + dt.timedelta(days=2), 1_000_000)

    assert refresh(engine, [cid]).rows_by_model["last_touch"] == 6
    r = campaign_report(engine, cid)
    assert (r.targets, r.sent, r.converted_customers, r.orders) == (50, 36, 6, 6)
    assert r.conversion_rate == pytest.approx(6 / 36, abs=1e-6)
    assert r.revenue_direct == Decimal(2_000_000)
    assert r.revenue_influenced == Decimal(4_000_000)
    assert r.cost == Decimal(100_000)
    assert r.roi_pct == 5900.0  # (6,000,000 − 100,000) / 100,000 × 100
    assert r.roas == 60.0
    assert r.lift is not None
    assert (r.lift.treated, r.lift.holdout, r.lift.treated_converted, r.lift.holdout_converted) == (
        36,
        9,
        6,
        2,
    )
    assert r.lift.incremental_revenue == Decimal(round((6_000_000 / 36 - 2_000_000 / 9) * 36))


def test_schedule_rules(engine: Engine) -> None:
    now = dt.datetime(2026, 11, 26, 9, 0, tzinfo=VN)
    base = {
        "name": "x", "campaign_type": "sms", "purpose": "advertising", "target_type": "segment",
        "segment_rule_id": uuid.uuid4(), "message_content": "Giam gia", "attribution_days": 7,
        "holdout_pct": 0, "attribution_model": "last_touch", "status": "draft",
        "channel_settings": {"opt_out_line": "Tu choi: TC gui 8079"},
    }  # fmt: skip
    assert lifecycle.check_definition(dict(base, scheduled_at=now + dt.timedelta(hours=2)), now) == []
    late = lifecycle.check_definition(dict(base, scheduled_at=now.replace(hour=22, minute=30)), now)
    assert [p.field for p in late] == ["schedule"] and "07:00 đến 22:00" in late[0].message
    early = lifecycle.check_definition(dict(base, scheduled_at=now.replace(day=27, hour=6, minute=59)), now)
    assert [p.field for p in early] == ["schedule"]
    past = lifecycle.check_definition(dict(base, scheduled_at=now - dt.timedelta(minutes=1)), now)
    assert [p.message for p in past] == ["Thời điểm gửi phải ở tương lai."]
    care_at_night = dict(base, purpose="customer_care", scheduled_at=now.replace(hour=23))
    assert lifecycle.check_definition(care_at_night, now) == []  # the legal window is for advertising


def test_content_and_channel_checks() -> None:
    base = {
        "name": "x", "campaign_type": "sms", "purpose": "advertising", "target_type": "manual",
        "message_content": "Chao {ten}", "attribution_days": 7, "holdout_pct": 0,
        "attribution_model": "last_touch", "status": "draft", "channel_settings": {},
    }  # fmt: skip
    fields = [p.field for p in lifecycle.check_definition(base)]
    assert fields == ["channel_settings.opt_out_line", "content.text"]  # no opt-out; tokens in an ad SMS
    zns = dict(base, campaign_type="zalo", purpose="customer_care", message_content=None,
               template_params={"ten_kh": "{ho_ten}", "ma": "{ma_voucher}"})  # fmt: skip
    assert [(p.field, p.message) for p in lifecycle.check_definition(zns)] == [
        ("content.template_id", "Tin ZNS cần chọn mẫu (template) đã được Zalo duyệt."),
        ("content.template_params.ma", "Không có biến {ma_voucher}."),
    ]
    long_sms = dict(base, purpose="customer_care", message_content="Cảm ơn " * 40)
    assert [p.field for p in lifecycle.check_definition(long_sms)] == ["content.text"]
    bad_numbers = dict(
        base, purpose="customer_care", message_content="ok", attribution_days=0, holdout_pct=60
    )
    assert [p.field for p in lifecycle.check_definition(bad_numbers)] == ["attribution_days", "holdout_pct"]


def test_transitions_are_guarded(engine: Engine) -> None:
    with engine.begin() as conn:
        store = d.store(conn)
        people = [d.customer(conn, f"K {i}", f"+849200{i:05d}", home_store_id=store) for i in range(3)]
    cid = service.create(
        engine,
        {
            "name": "Kính đã sẵn sàng",
            "channel": "sms",
            "purpose": "customer_care",
            "target": {"type": "manual", "customer_ids": [str(p) for p in people]},
            "content": {"text": "Chao {ten}, kinh cua ban da san sang tai {cua_hang}"},
            "schedule": (dt.datetime.now(VN) + dt.timedelta(days=1)).isoformat(),
        },
    ).campaign_id
    assert service.status(engine, cid).status == "scheduled"
    with pytest.raises(TransitionError, match="scheduled"):
        service.pause(engine, cid)
    with pytest.raises(TransitionError):
        service.resume(engine, cid)
    assert service.start_due(engine) == []  # not yet due
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    assert service.start_due(engine, later) == [cid]
    assert service.status(engine, cid).counts == {"pending": 3}
    assert service.pause(engine, cid) == "paused"
    assert service.cancel(engine, cid) == 3
    st = service.status(engine, cid)
    assert (st.status, st.counts) == ("cancelled", {"cancelled": 3})
    with pytest.raises(TransitionError):
        service.start(engine, cid)
    with pytest.raises(CampaignError) as err:
        service.create(engine, {"name": "x", "channel": "fax", "target": {"type": "manual"}})
    assert err.value.problems[0].field == "channel"


def test_budget_guard_pauses_a_sending_campaign(engine: Engine) -> None:
    with engine.begin() as conn:
        people = [d.customer(conn, f"K {i}", f"+849300{i:05d}") for i in range(4)]
    cid = service.create(
        engine,
        {
            "name": "Nhắc lịch khám",
            "channel": "sms",
            "purpose": "customer_care",
            "target": {"type": "manual", "customer_ids": [str(p) for p in people]},
            "content": {"text": "Den lich kham mat dinh ky tai Mat Viet"},
            "budget": 4 * 850,
        },
    ).campaign_id
    service.start(engine, cid)
    assert service.enforce_budget(engine, cid).ok
    service.add_cost(engine, cid, "voucher", Decimal(1000), "Voucher in")
    check = service.enforce_budget(engine, cid)
    assert not check.ok and check.committed == Decimal(4 * 850 + 1000)
    st = service.status(engine, cid)
    assert st.status == "paused" and "Vượt ngân sách" in (st.pause_reason or "")
    with pytest.raises(CampaignError):
        service.resume(engine, cid)
