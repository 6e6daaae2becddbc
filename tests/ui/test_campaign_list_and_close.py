"""Campaign list filters and actions; closing the app while a campaign is sending."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import Engine, text

from matviet_desktop.core.campaigns import service
from matviet_desktop.core.sending.engine import EngineConfig
from matviet_desktop.ui.pages.campaigns import CampaignsPage
from tests.integration.analytics_builders import Rows, campaign_scenario
from tests.integration.sending_support import FAST, FakeProvider, fake_esms, make_campaign

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    with fake_esms() as fake:
        yield fake


def make_page(qtbot, ctx, provider: FakeProvider | None = None) -> CampaignsPage:  # type: ignore[no-untyped-def]
    page = CampaignsPage(ctx, channel_factory=provider.factory() if provider else None)
    page.sending.config = EngineConfig(**FAST)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    return page


def loaded_list(qtbot, page: CampaignsPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.list.loaded, timeout=10_000):
        page.on_shown()


def names(page: CampaignsPage) -> list[str]:
    return [page.list.table.row_at(r)["name"] for r in range(page.list.table.proxy.rowCount())]


def test_list_shows_kpis_and_filters(qtbot, ctx, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    campaign_scenario(Rows(engine))
    page = make_page(qtbot, ctx)
    loaded_list(qtbot, page)
    assert names(page) == ["Chiến dịch B", "Chiến dịch A", "Chiến dịch C"]
    model = page.list.table.source
    a_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Chiến dịch A")
    shown = {model.columns[c].key: model.index(a_row, c).data() for c in range(model.columnCount())}
    assert shown["revenue"] == "2,3 tr ₫" and shown["cost"] == "102.400 ₫" and shown["roi_pct"] == "2.146%"
    revenue_column = next(c for c in range(model.columnCount()) if model.columns[c].key == "revenue")
    assert (
        model.index(a_row, revenue_column).data(Qt.ItemDataRole.ToolTipRole) == "2.300.000 ₫"
    )  # exact amount
    assert (
        shown["channel"] == "SMS" and shown["status"] == "Hoàn tất" and shown["segment_name"] == "Khách VIP"
    )
    page.list.channel.setCurrentIndex(page.list.channel.findData("zalo"))
    assert names(page) == ["Chiến dịch B"]
    page.list.channel.setCurrentIndex(0)
    page.list.search.setText("chiến dịch c")
    assert names(page) == ["Chiến dịch C"]
    page.list.search.setText("")
    page.list.status.setCurrentIndex(page.list.status.findData("draft"))
    assert names(page) == ["Chiến dịch C"]


def test_duplicate_and_cancel_from_the_list(qtbot, ctx, engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    campaign_scenario(Rows(engine))
    page = make_page(qtbot, ctx)
    loaded_list(qtbot, page)
    page.list.select_campaign(
        page.list.table.source.frame().set_index("name").loc["Chiến dịch A", "campaign_id"]
    )
    assert page.list.duplicate_button.isEnabled() and not page.list.resume_button.isEnabled()
    with qtbot.waitSignal(page.list.loaded, timeout=10_000):
        page.list.duplicate_button.click()
    copy = page.list.table.source.frame().set_index("name").loc["Chiến dịch A (bản sao)"]
    assert copy["status"] == "draft" and copy["sent"] == 0 and copy["segment_name"] == "Khách VIP"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.list.select_campaign(copy["campaign_id"])
    assert page.list.cancel_button.isEnabled()
    with qtbot.waitSignal(page.list.loaded, timeout=10_000):
        page.list.cancel_button.click()
    assert service.status(engine, copy["campaign_id"]).status == "cancelled"


def test_closing_while_sending_pauses_and_leaves_nothing_claimed(
    qtbot, ctx, engine: Engine, provider
) -> None:  # type: ignore[no-untyped-def]
    provider.esms.faults.latency_s = 0.2  # slow enough that closing happens mid-campaign
    cid = make_campaign(engine, 60)
    page = make_page(qtbot, ctx, provider)
    page.sending.send(cid, "test")
    qtbot.waitUntil(lambda: sum(provider.esms.accepted.values()) >= 3, timeout=20_000)

    def choose_pause(box: QMessageBox) -> int:
        pause = next(b for b in box.buttons() if b.text() == "Tạm dừng rồi đóng")
        pause.click()
        return 0

    original_exec = QMessageBox.exec
    QMessageBox.exec = choose_pause  # type: ignore[method-assign,assignment]
    try:
        assert page.confirm_close() is True
    finally:
        QMessageBox.exec = original_exec  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: not page.sending.running(), timeout=20_000)
    status = service.status(engine, cid)
    assert status.status == "paused"
    assert status.counts.get("sending", 0) == 0  # no target left claimed
    with engine.connect() as conn:
        leased = conn.execute(
            text("SELECT count(*) FROM campaign_targets WHERE campaign_id = :c AND lease_token IS NOT NULL"),
            {"c": cid},
        ).scalar_one()
    assert leased == 0
    sent = sum(provider.esms.accepted.values())
    assert 3 <= sent < 60  # stopped before the end
    assert sum(status.counts.get(s, 0) for s in ("accepted", "delivered")) == sent

    # Resume from the list: this computer sends the rest, each message exactly once.
    provider.esms.faults.latency_s = 0.0
    with qtbot.waitSignal(page.list.loaded, timeout=10_000):
        page.list.refresh()
    page.list.select_campaign(cid)
    assert page.list.resume_button.isEnabled()
    page.list.resume_button.click()
    qtbot.waitUntil(lambda: service.status(engine, cid).status == "completed", timeout=60_000)
    assert sum(provider.esms.accepted.values()) == 60
    assert max(provider.esms.accepted.values()) == 1
    qtbot.waitUntil(lambda: not page.sending.running(), timeout=20_000)


def test_close_without_running_campaigns_does_not_ask(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ctx)
    assert page.confirm_close() is True
    assert page.sending.running() == []


def test_row_actions_follow_the_selection(qtbot, ctx, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    rows = campaign_scenario(Rows(engine))
    rows.campaign("P", "sms", status="paused")
    page = make_page(qtbot, ctx)
    loaded_list(qtbot, page)
    lst = page.list
    actions = {
        "open": lst.open_button,
        "duplicate": lst.duplicate_button,
        "pause": lst.pause_button,
        "resume": lst.resume_button,
        "cancel": lst.cancel_button,
    }

    def enabled() -> set[str]:
        return {name for name, b in actions.items() if b.isEnabled()}

    ids = lst.table.source.frame().set_index("name")["campaign_id"]
    assert enabled() == set()  # nothing selected: no row action, not even cancel
    assert "Chọn một chiến dịch" in lst.cancel_button.toolTip()
    lst.select_campaign(ids["Chiến dịch C"])  # draft
    assert enabled() == {"open", "duplicate", "cancel"}
    lst.select_campaign(ids["Chiến dịch P"])  # paused
    assert enabled() == {"open", "duplicate", "resume", "cancel"}
    lst.select_campaign(ids["Chiến dịch A"])  # completed
    assert enabled() == {"open", "duplicate"}
    assert "Hoàn tất" in lst.cancel_button.toolTip()
    lst.table.clearSelection()
    assert enabled() == set()
    lst.select_campaign(ids["Chiến dịch P"])
    lst.search.setText("chiến dịch b")  # the selected row is filtered away
    assert enabled() == set()
