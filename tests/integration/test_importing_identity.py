"""Identity on import, the duplicate queue, merge and undo, consent history, do-not-contact."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.customers import identity
from matviet_desktop.core.customers.consent import consent_history, record_consent
from matviet_desktop.core.importing import run_import


def _rows(engine: Engine, sql: str, **params: Any) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql), params).all())


def _csv(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def store(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO stores (code, name, province) VALUES ('HCM01', 'Q1', 'HCM')"))


def test_matching_by_phone_never_by_name_and_review_queue(
    engine: Engine, tmp_path: Path, store: None
) -> None:
    run_import(
        engine,
        "customers",
        _csv(
            tmp_path,
            "a.csv",
            "Mã KH,Họ tên,Số điện thoại,Email,Ngày sinh\n"
            "KH1,Nguyễn Văn An,0912000001,an@example.com,01/01/1990\n"
            ",Trần Thị Bé,0912000002,,\n"
            "KH3,Lê Văn Cường,0912000003,,05/05/1985\n",
        ),
    )
    report = run_import(
        engine,
        "customers",
        _csv(
            tmp_path,
            "b.csv",
            "Mã KH,Họ tên,Số điện thoại,Email,Ngày sinh\n"
            # no id, same phone as KH1 (typed differently): the same customer, stored name kept
            ",NGUYEN VAN AN,+84 912 000 001,,\n"
            # new id, same phone as the customer without id, same folded name: claims that customer
            "KH2,Tran Thi Be,0912000002,,\n"
            # new id, phone already held by KH3 under another name: new customer without phone, queued
            "KH4,Phạm Văn Dũng,0912000003,,\n"
            # same name and birthday as KH3, different phone: new customer, queued
            "KH5,Lê Văn Cường,0912000005,,05/05/1985\n"
            # same email as KH1, different name: new customer, queued
            "KH6,Hoàng Thị Em,0912000006,AN@example.com,\n"
            # same name only as KH1 (no phone/email/birthday match): new customer, not queued
            "KH7,Nguyễn Văn An,0912000007,,\n",
        ),
    )
    assert (report.inserted, report.updated, report.unchanged, report.rejected_rows) == (4, 1, 1, 0)
    assert report.duplicate_candidates == 3
    people = {r.external_id: r for r in _rows(engine, "SELECT external_id, full_name, phone FROM customers")}
    assert people["KH1"].full_name == "Nguyễn Văn An"  # a row without id never renames
    assert people["KH2"].phone == "+84912000002" and people["KH2"].full_name == "Tran Thi Be"
    assert people["KH4"].phone is None
    assert _rows(engine, "SELECT count(*) FROM customers")[0][0] == 7
    queued = identity.list_duplicates(engine)
    assert {(p.reason, frozenset((p.a.external_id, p.b.external_id))) for p in queued} == {
        ("same_email", frozenset(("KH1", "KH6"))),
        ("same_name_birthday", frozenset(("KH3", "KH5"))),
        ("same_phone", frozenset(("KH3", "KH4"))),
    }
    # Re-importing the same file changes nothing and queues nothing new.
    again = run_import(engine, "customers", tmp_path / "b.csv")
    assert (again.inserted, again.updated, again.duplicate_candidates) == (0, 0, 0)


def _seed_history(engine: Engine) -> dict[str, Any]:
    """Two customers with orders, engagements, segments, campaign targets/attributions, consents."""
    ids: dict[str, Any] = {}
    with engine.begin() as conn:
        ids["store"] = conn.execute(
            text("INSERT INTO stores (code, name, province) VALUES ('S1', 'S1', 'HN') RETURNING id")
        ).scalar()
        for key, name, phone, email in (
            ("keep", "Nguyễn Văn An", "+84912000001", None),
            ("drop", "Nguyen Van An", None, "an@example.com"),
        ):
            ids[key] = conn.execute(
                text(
                    "INSERT INTO customers (external_id, full_name, phone, email, search_text) VALUES"
                    " (:e, :n, :p, :m, '') RETURNING id"
                ),
                {"e": key.upper(), "n": name, "p": phone, "m": email},
            ).scalar()
        seg_a, seg_b = (
            conn.execute(
                text("INSERT INTO segment_rules (name, conditions) VALUES (:n, '{}') RETURNING id"), {"n": n}
            ).scalar()
            for n in ("VIP", "Mới")
        )
        camp = conn.execute(
            text("INSERT INTO campaigns (name, campaign_type) VALUES ('Tết', 'sms') RETURNING id")
        ).scalar()
        for key in ("keep", "drop"):
            order = conn.execute(
                text(
                    "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount)"
                    " VALUES (:e, :c, :s, now() - interval '3 days', 100000) RETURNING id"
                ),
                {"e": f"O-{key}", "c": ids[key], "s": ids["store"]},
            ).scalar()
            conn.execute(
                text(
                    "INSERT INTO customer_engagements (customer_id, engagement_type) VALUES (:c, 'store_visit')"
                ),
                {"c": ids[key]},
            )
            conn.execute(
                text("INSERT INTO campaign_targets (campaign_id, customer_id, status) VALUES (:k, :c, :st)"),
                {"k": camp, "c": ids[key], "st": f"sent-{key}"},
            )
            conn.execute(
                text(
                    "INSERT INTO campaign_attributions (campaign_id, order_id, customer_id, attributed_revenue)"
                    " VALUES (:k, :o, :c, 100000)"
                ),
                {"k": camp, "o": order, "c": ids[key]},
            )
        # Both in VIP (conflict on merge), only `drop` in Mới (moves).
        for cust, seg in ((ids["keep"], seg_a), (ids["drop"], seg_a), (ids["drop"], seg_b)):
            conn.execute(
                text("INSERT INTO customer_segments (customer_id, segment_rule_id) VALUES (:c, :s)"),
                {"c": cust, "s": seg},
            )
    record_consent(engine, ids["drop"], "email", True, source="web_form", evidence="form #12")
    return ids


def _snapshot(engine: Engine) -> list[Any]:
    tables = (
        "SELECT 'o', external_id, customer_id::text FROM orders",
        "SELECT 'e', engagement_type, customer_id::text FROM customer_engagements",
        "SELECT 's', segment_rule_id::text, customer_id::text FROM customer_segments",
        "SELECT 't', status, customer_id::text FROM campaign_targets",
        "SELECT 'a', order_id::text, customer_id::text FROM campaign_attributions",
        "SELECT 'c', channel, customer_id::text FROM consent_events",
        "SELECT 'k', (to_jsonb(c) - 'updated_at')::text, '' FROM customers c",
    )
    return sorted(tuple(r) for sql in tables for r in _rows(engine, sql))


def test_merge_moves_everything_and_undo_restores_exactly(engine: Engine) -> None:
    ids = _seed_history(engine)
    before = _snapshot(engine)
    result = identity.merge_customers(engine, ids["keep"], ids["drop"], by="tester")
    assert result.moved == {
        "campaign_attributions": 1,
        "consent_events": 1,
        "customer_engagements": 1,
        "customer_segments": 1,
        "orders": 1,
    }
    assert result.removed == {"campaign_targets": 1, "customer_segments": 1}
    owners = {r[0] for r in _rows(engine, "SELECT customer_id FROM orders")}
    assert owners == {ids["keep"]}
    assert (
        _rows(engine, "SELECT count(*) FROM customer_engagements WHERE customer_id = :c", c=ids["keep"])[0][0]
        == 2
    )
    assert (
        _rows(engine, "SELECT count(*) FROM customer_segments WHERE customer_id = :c", c=ids["keep"])[0][0]
        == 2
    )
    assert _rows(engine, "SELECT count(*) FROM customers WHERE id = :c", c=ids["drop"])[0][0] == 0
    survivor = _rows(
        engine, "SELECT email, email_consent, search_text FROM customers WHERE id = :c", c=ids["keep"]
    )[0]
    assert (
        survivor.email == "an@example.com" and survivor.email_consent is True
    )  # filled in, consent followed
    assert "an@example.com" in survivor.search_text

    identity.undo_merge(engine, result.merge_id, by="tester")
    assert _snapshot(engine) == before
    with pytest.raises(identity.MergeError):
        identity.undo_merge(engine, result.merge_id)


def test_merge_from_queue_picks_survivor_and_marks_pair(engine: Engine) -> None:
    ids = _seed_history(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount)"
                " VALUES ('O-extra', :c, :s, now(), 5000)"
            ),
            {"c": ids["drop"], "s": ids["store"]},
        )
    added = identity.detect_duplicates(engine)  # same folded name, no birthday → not queued
    assert added == 0
    a, b = sorted((ids["keep"], ids["drop"]), key=str)
    with engine.begin() as conn:
        pair = conn.execute(
            text(
                "INSERT INTO duplicate_candidates (customer_a, customer_b, reason, score) VALUES (:a, :b, 'x', 0.5)"
                " RETURNING id"
            ),
            {"a": a, "b": b},
        ).scalar()
    result = identity.merge_candidate(engine, pair)
    assert result.survivor_id == ids["drop"]  # more orders wins
    assert _rows(engine, "SELECT status FROM duplicate_candidates WHERE id = :i", i=pair)[0][0] == "merged"
    identity.undo_merge(engine, result.merge_id)
    assert _rows(engine, "SELECT status FROM duplicate_candidates WHERE id = :i", i=pair)[0][0] == "pending"
    identity.dismiss_duplicate(engine, pair)
    assert identity.list_duplicates(engine) == []


def test_find_customer_uses_strong_keys_only(engine: Engine) -> None:
    ids = _seed_history(engine)
    assert identity.find_customer(engine, external_id="KEEP") == identity.Match(ids["keep"], "external_id")
    assert identity.find_customer(engine, phone="0912 000 001") == identity.Match(ids["keep"], "phone")
    assert identity.find_customer(engine, email="AN@example.com") == identity.Match(ids["drop"], "email")
    assert identity.find_customer(engine, external_id="nope", phone="0999999999") is None


def test_consent_import_latest_withdrawal_wins(engine: Engine, tmp_path: Path) -> None:
    ids = _seed_history(engine)
    report = run_import(
        engine,
        "consents",
        _csv(
            tmp_path,
            "consent.csv",
            "Mã KH,Kênh,Trạng thái,Thời gian,Nguồn,Bằng chứng\n"
            "KEEP,Tất cả,Đồng ý,01/03/2024 09:00,store,Phiếu ký tại quầy\n"
            "KEEP,sms,Từ chối,05/03/2024 10:00,sms_reply,TC\n"
            "KEEP,zalo,đồng ý,05/03/2024 10:00,store,\n"
            "KEEP,zalo,từ chối,05/03/2024 10:00,hotline,\n"  # same instant: withdrawal wins
            "KEEP,fax,đồng ý,05/03/2024,store,\n"  # bad_value
            "NOBODY,sms,đồng ý,05/03/2024,store,\n",  # unknown_customer
        ),
    )
    assert (report.valid_rows, report.rejected_rows) == (4, 2)
    assert report.reasons == {"bad_value": 1, "unknown_customer": 1}
    row = _rows(
        engine,
        "SELECT sms_consent, zalo_consent, email_consent, sms_consent_source FROM customers WHERE id = :c",
        c=ids["keep"],
    )[0]
    assert tuple(row) == (False, False, True, "sms_reply")
    assert len(consent_history(engine, ids["keep"])) == 6
    # A grant older than the withdrawal, arriving later, does not re-grant.
    record_consent(
        engine, ids["keep"], "sms", True, source="web_form", occurred_at=row_time(engine, "2024-03-04")
    )
    assert _rows(engine, "SELECT sms_consent FROM customers WHERE id = :c", c=ids["keep"])[0][0] is False
    again = run_import(engine, "consents", tmp_path / "consent.csv")
    assert again.inserted == 0


def row_time(engine: Engine, day: str) -> Any:
    return _rows(engine, "SELECT CAST(:d AS timestamptz)", d=day + " 12:00+07")[0][0]


def test_do_not_contact_import(engine: Engine, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "dnc.csv",
        "SĐT;Email;Kênh;Lý do\n"
        "0912 345 678;;sms;Đăng ký DNC 5656\n"
        ";Spam@Example.com;email;Khiếu nại\n"
        "12345;;;\n"  # bad_phone
        "+84912345678;;sms;trùng\n",  # duplicate_in_file (same number, same channel)
    )
    first = run_import(engine, "do_not_contact", path)
    assert (first.inserted, first.rejected_rows) == (2, 2)
    assert first.reasons == {"bad_phone": 1, "duplicate_in_file": 1}
    rows = _rows(engine, "SELECT phone, email, channel, source FROM do_not_contact ORDER BY phone NULLS LAST")
    assert [tuple(r) for r in rows] == [
        ("+84912345678", None, "sms", "import"),
        (None, "spam@example.com", "email", "import"),
    ]
    assert run_import(engine, "do_not_contact", path).inserted == 0


def test_engagements_import_is_idempotent(engine: Engine, tmp_path: Path) -> None:
    ids = _seed_history(engine)
    path = _csv(
        tmp_path,
        "eng.csv",
        "Số điện thoại,Loại tương tác,Thời gian,Ghi chú\n"
        "0912000001,Khám mắt,01/04/2024 10:00,Cận 2 độ\n"
        "0912000001,ghé cửa hàng,02/04/2024,\n"
        "0900000000,khám mắt,02/04/2024,\n",  # unknown_customer
    )
    first = run_import(engine, "engagements", path)
    assert (first.inserted, first.rejected_rows) == (2, 1)
    assert run_import(engine, "engagements", path).inserted == 0
    note = _rows(
        engine,
        "SELECT metadata->>'note' FROM customer_engagements WHERE customer_id = :c AND engagement_type = 'eye_exam'",
        c=ids["keep"],
    )
    assert note[0][0] == "Cận 2 độ"


def test_merge_refuses_self_and_missing(engine: Engine) -> None:
    ids = _seed_history(engine)
    with pytest.raises(identity.MergeError):
        identity.merge_customers(engine, ids["keep"], ids["keep"])
    with pytest.raises(identity.MergeError):
        identity.merge_customers(engine, ids["keep"], uuid.uuid4())
