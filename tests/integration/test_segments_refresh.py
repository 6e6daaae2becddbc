"""Materialisation, membership history, flows, dependencies, CRUD refusals, static segments."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select, text, update

from matviet_desktop.core import segments as seg
from matviet_desktop.core.db.models import Campaign, Customer, SegmentMembershipHistory
from matviet_desktop.core.segments import service as seg_service
from matviet_desktop.core.segments.compiler import VN


def _customers(engine: Engine, spends: list[int]) -> list[uuid.UUID]:
    rows = [
        {
            "full_name": f"Khách {i}",
            "phone": f"+8491{i:07d}",
            "total_spent": Decimal(s),
            "order_count": 1 if s else 0,
        }
        for i, s in enumerate(spends)
    ]
    with engine.begin() as conn:
        return list(conn.scalars(insert(Customer).returning(Customer.id), rows))


def _set_spend(engine: Engine, ids: list[uuid.UUID], spend: int) -> None:
    with engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.id.in_(ids)).values(total_spent=spend))


def _shift_history(engine: Engine, segment_id: uuid.UUID, days: int) -> None:
    """Pretend the refreshes so far happened `days` days ago (history is append-only in real life)."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE segment_membership_history SET joined_at = joined_at - make_interval(days => :d),"
                " left_at = left_at - make_interval(days => :d) WHERE segment_rule_id = :s"
            ),
            {"d": days, "s": segment_id},
        )


RICH = {"field": "total_spent", "op": "gte", "value": 1_000_000}


def _members(engine: Engine, segment_id: uuid.UUID) -> set[uuid.UUID]:
    with engine.connect() as conn:
        return set(conn.scalars(seg.segment_members_query(segment_id)))


def test_refresh_inserts_joiners_deletes_leavers_and_records_history(engine: Engine) -> None:
    ids = _customers(engine, [0, 500_000, 1_000_000, 2_000_000, 3_000_000])
    rich = seg.create_segment(engine, "Khách chi nhiều", RICH)
    [first] = seg.refresh(engine, rich.id)
    assert (first.joined, first.left, first.size) == (3, 0, 3)
    assert _members(engine, rich.id) == set(ids[2:])

    _shift_history(engine, rich.id, 10)
    _set_spend(engine, [ids[1]], 5_000_000)  # joins
    _set_spend(engine, [ids[2]], 0)  # leaves
    [second] = seg.refresh(engine, rich.id)
    assert (second.joined, second.left, second.size) == (1, 1, 3)
    assert _members(engine, rich.id) == {ids[1], ids[3], ids[4]}
    assert seg.get_segment(engine, rich.id).customer_count == 3

    today = dt.datetime.now(VN).date()
    assert seg.count_on(engine, rich.id, today - dt.timedelta(days=5)) == 3
    with engine.connect() as conn:
        past = set(conn.scalars(seg.members_on(rich.id, today - dt.timedelta(days=5))))
        before = set(conn.scalars(seg.members_on(rich.id, today - dt.timedelta(days=11))))
        stays = conn.execute(
            select(SegmentMembershipHistory.customer_id, SegmentMembershipHistory.left_at).where(
                SegmentMembershipHistory.segment_rule_id == rich.id
            )
        ).all()
    assert past == set(ids[2:]) and before == set()
    assert len(stays) == 4 and sum(1 for _, left in stays if left is not None) == 1

    # A rule on a past day reads membership from history, not from today's members.
    on_past_day = {"segment": str(rich.id), "member": True}
    assert seg.count(engine, on_past_day, as_of=today - dt.timedelta(days=5)) == 3
    with engine.connect() as conn:
        assert set(conn.scalars(seg.members_query(on_past_day, today - dt.timedelta(days=5)))) == set(ids[2:])
        assert set(conn.scalars(seg.members_query(on_past_day))) == {ids[1], ids[3], ids[4]}

    # Refreshing again without changes is a no-op apart from the size history.
    [third] = seg.refresh(engine, rich.id)
    assert (third.joined, third.left, third.size) == (0, 0, 3)
    assert seg.size_history(engine, rich.id)[-1] == (today, 3)


def test_flows_between_segments(engine: Engine) -> None:
    ids = _customers(engine, [0, 200_000, 2_000_000, 3_000_000])
    rich = seg.create_segment(engine, "Chi nhiều", RICH)
    poor = seg.create_segment(engine, "Chi ít", {"field": "total_spent", "op": "lt", "value": 1_000_000})
    seg.refresh_all(engine)
    _shift_history(engine, rich.id, 30)
    _shift_history(engine, poor.id, 30)
    _set_spend(engine, [ids[1]], 9_000_000)  # poor → rich
    _set_spend(engine, [ids[3]], 10)  # rich → poor
    seg.refresh_all(engine)
    today = dt.datetime.now(VN).date()
    got = {
        (f.from_segment, f.to_segment): f.customers
        for f in seg.flows(engine, [rich.id, poor.id], today - dt.timedelta(days=20), today)
    }
    assert got == {(poor.id, poor.id): 1, (poor.id, rich.id): 1, (rich.id, rich.id): 1, (rich.id, poor.id): 1}


def test_dependent_segments_refresh_in_dependency_order_and_cycles_are_refused(engine: Engine) -> None:
    ids = _customers(engine, [0, 2_000_000, 3_000_000])
    rich = seg.create_segment(engine, "Chi nhiều", RICH)
    # Depends on `rich` through a membership condition; must see rich's *new* members.
    very = seg.create_segment(
        engine,
        "Chi nhiều có SĐT",
        {"all": [{"segment": str(rich.id)}, {"field": "has_phone", "op": "eq", "value": True}]},
    )
    results = seg.refresh(engine, rich.id)
    assert [r.segment_id for r in results] == [rich.id, very.id]
    assert _members(engine, very.id) == set(ids[1:])

    with pytest.raises(seg.RuleInvalid) as cycle:
        seg.update_segment(engine, rich.id, rule={"segment": str(very.id)})
    assert cycle.value.errors[0].path == "$.segment" and cycle.value.errors[0].code == "cycle"
    with pytest.raises(seg.RuleInvalid) as missing:
        seg.create_segment(engine, "X", {"any": [RICH, {"segment": str(uuid.uuid4())}]})
    assert missing.value.errors[0].path == "$.any[1].segment"


def test_delete_is_refused_while_a_campaign_or_a_segment_uses_it(engine: Engine) -> None:
    _customers(engine, [2_000_000])
    rich = seg.create_segment(engine, "Chi nhiều", RICH)
    user = seg.create_segment(engine, "Dựa vào chi nhiều", {"not": {"segment": str(rich.id)}})
    with pytest.raises(seg.SegmentInUse, match="Dựa vào chi nhiều"):
        seg.delete_segment(engine, rich.id)
    seg.delete_segment(engine, user.id)
    with engine.begin() as conn:
        conn.execute(insert(Campaign).values(name="Tri ân", campaign_type="sms", segment_rule_id=rich.id))
    with pytest.raises(seg.SegmentInUse, match="Tri ân"):
        seg.delete_segment(engine, rich.id)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM campaigns"))
    seg.refresh(engine, rich.id)
    seg.delete_segment(engine, rich.id)
    with pytest.raises(seg.SegmentNotFound):
        seg.get_segment(engine, rich.id)


def test_duplicate_and_edit(engine: Engine) -> None:
    _customers(engine, [2_000_000, 0])
    rich = seg.create_segment(engine, "Chi nhiều", RICH, description="VIP")
    copy = seg.duplicate_segment(engine, rich.id)
    assert copy.name == "Chi nhiều (bản sao)" and copy.conditions == rich.conditions and copy.id != rich.id
    edited = seg.update_segment(
        engine, copy.id, name="Chi rất nhiều", rule={"field": "total_spent", "op": "gt", "value": 5_000_000}
    )
    assert edited.conditions == {"field": "total_spent", "op": "gt", "value": 5000000}
    assert seg.refresh(engine, copy.id)[0].size == 0 and seg.refresh(engine, rich.id)[0].size == 1


def test_static_segment_from_manual_list_and_csv(engine: Engine, tmp_path: Path) -> None:
    ids = _customers(engine, [0, 1, 2, 3])
    static = seg.create_segment(engine, "Khách mời sự kiện", segment_type="static")
    seg.set_static_members(engine, static.id, [ids[0], ids[1], uuid.uuid4()])
    assert _members(engine, static.id) == {ids[0], ids[1]}
    seg.set_static_members(engine, static.id, [ids[2]], mode="add")
    seg.set_static_members(engine, static.id, [ids[0]], mode="remove")
    assert _members(engine, static.id) == {ids[1], ids[2]}
    # Refreshing a static segment keeps its members.
    assert seg.refresh(engine, static.id)[0].size == 2

    csv_file = tmp_path / "khach.csv"
    csv_file.write_text(
        "Họ tên,Số điện thoại\nA,0910000003\nB,+84 91 000 0000\nC,0999999999\n", encoding="utf-8"
    )
    report = seg.import_static_csv(engine, static.id, csv_file)
    assert (report.key_column, report.rows, report.matched) == ("Số điện thoại", 3, 2)
    assert report.unmatched == [(4, "+84999999999")]
    assert _members(engine, static.id) == {ids[3], ids[0]}
    with pytest.raises(seg.SegmentError):
        seg.update_segment(engine, static.id, rule=RICH)


def test_builtins_are_idempotent_and_cover_every_stage_tier_and_rfm_segment(engine: Engine) -> None:
    first = seg.ensure_builtins(engine)
    second = seg.ensure_builtins(engine)
    assert first == second and len(set(first)) == len(seg.builtin_definitions())
    names = {s.name for s in seg.list_segments(engine)}
    assert {"Vòng đời: Trung thành", "CLV: VIP (top 5%)", "RFM: Nhà vô địch", "Đến hạn đo mắt"} <= names
    assert len(seg.refresh_all(engine)) == len(first)


def _hostile_customer(engine: Engine) -> uuid.UUID:
    with engine.begin() as conn:
        return conn.execute(
            insert(Customer)
            .values(
                full_name='=HYPERLINK("http://x")',
                email="@SUM(1)",
                province="-2+3",
                phone="+84912345678",
                total_spent=5_000_000,
            )
            .returning(Customer.id)
        ).scalar_one()


def test_exports_neutralise_formulas(engine: Engine, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _hostile_customer(engine)
    rich = seg.create_segment(engine, "Chi nhiều", RICH)
    seg.refresh(engine, rich.id)
    csv_path, xlsx_path = tmp_path / "a.csv", tmp_path / "a.xlsx"
    assert seg.export_csv(engine, rich.id, csv_path) == 1
    content = csv_path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in content and "'@SUM(1)" in content and "'-2+3" in content
    assert ",+84912345678," in content  # a plain number is left alone
    assert content.splitlines()[0].startswith('"Mã khách hàng"')

    assert seg.export_xlsx(engine, rich.id, xlsx_path) == 1
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert '\'=HYPERLINK("http://x")' in row and "'@SUM(1)" in row
    assert all(c.data_type != "f" for c in sheet[2])


@pytest.mark.parametrize("walk_max_rows", [seg_service.PREVIEW_WALK_MAX_ROWS, 0])
def test_preview_lists_matching_customers_richest_first(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, walk_max_rows: int
) -> None:
    # Both plans (walking the spend index, or finding the matches and sorting) give one order.
    monkeypatch.setattr(seg_service, "PREVIEW_WALK_MAX_ROWS", walk_max_rows)
    _customers(engine, [0, 3_000_000, 2_000_000, 2_000_000, 5_000_000])
    rows: list[dict[str, Any]] = seg.preview(engine, RICH, limit=3)
    assert [r["total_spent"] for r in rows] == [5_000_000, 3_000_000, 2_000_000]
    assert seg.preview(engine, RICH, limit=3, matches=4) == rows
    ties = [r["id"] for r in seg.preview(engine, RICH, limit=50) if r["total_spent"] == 2_000_000]
    assert ties == sorted(ties, reverse=True)


def test_a_preview_of_a_rule_nobody_matches_is_empty(engine: Engine) -> None:
    _customers(engine, [3_000_000])
    nobody = {"field": "total_spent", "op": "gt", "value": 9_000_000}
    assert seg.preview(engine, nobody) == []
    assert seg.preview(engine, RICH, matches=0) == []  # the caller's count is trusted


def test_membership_ids_are_time_ordered_in_customer_order(engine: Engine) -> None:
    _customers(engine, [2_000_000] * 40)
    first = seg.create_segment(engine, "Khách chi nhiều 1", RICH)
    second = seg.create_segment(engine, "Khách chi nhiều 2", RICH)
    seg.refresh(engine, first.id)
    seg.refresh(engine, second.id)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT cs.id FROM customer_segments cs JOIN segment_rules r ON r.id = cs.segment_rule_id"
                " ORDER BY r.refreshed_at, cs.customer_id"
            )
        ).all()
    ids = [r[0] for r in rows]
    assert len(ids) == 80 and len(set(ids)) == 80
    assert all(i.version == 7 and i.variant == uuid.RFC_4122 for i in ids)
    # Later refreshes sort after earlier ones; within one, ids follow customer order.
    assert ids == sorted(ids)
