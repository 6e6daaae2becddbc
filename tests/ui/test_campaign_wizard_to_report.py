"""A whole campaign from the wizard: launch against the fake eSMS, watch it complete on the
detail page, and check every number the page shows against the core report."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.attribution.kpis import campaign_report
from matviet_desktop.core.attribution.models import refresh
from matviet_desktop.core.sending.engine import EngineConfig
from matviet_desktop.core.text import search_text
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.pages.campaigns import CampaignsPage
from tests.integration.analytics_builders import Rows
from tests.integration.sending_support import FAST, FakeProvider, fake_esms

N_CUSTOMERS = 25
# The offscreen platform cannot resize a top-level window to new size hints; harmless there.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    with fake_esms() as fake:
        yield fake


@pytest.fixture
def audience(engine: Engine) -> Rows:
    rows = Rows(engine)
    rows.store("hn", "HN01")
    rows.segment("seg", "Khách thử nghiệm")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customers (full_name, phone, home_store_id, sms_consent) "
                "SELECT 'Khách ' || i, '+8490' || lpad(i::text, 7, '0'), :s, true FROM generate_series(1, :n) i"
            ),
            {"s": rows.ids["hn"], "n": N_CUSTOMERS},
        )
        conn.execute(
            text(
                "INSERT INTO customer_segments (customer_id, segment_rule_id) SELECT id, :seg FROM customers"
            ),
            {"seg": rows.ids["seg"]},
        )
    return rows


@pytest.fixture
def page(qtbot, ctx, provider: FakeProvider) -> CampaignsPage:  # type: ignore[no-untyped-def]
    page = CampaignsPage(ctx, channel_factory=provider.factory())
    page.sending.config = EngineConfig(**FAST)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    return page


def fill_wizard(qtbot, page: CampaignsPage, audience: Rows) -> None:  # type: ignore[no-untyped-def]
    wizard = page.open_wizard()
    qtbot.waitUntil(lambda: wizard.audience_step.segment.count() > 0, timeout=10_000)
    wizard.channel_step.name.setText("Cảm ơn khách hàng tháng 11")
    wizard.channel_step.channel_buttons["sms"].setChecked(True)
    wizard.channel_step.purpose.setCurrentIndex(wizard.channel_step.purpose.findData("customer_care"))
    wizard.audience_step.segment.setCurrentIndex(
        wizard.audience_step.segment.findData(str(audience.ids["seg"]))
    )
    wizard.go(2)
    wizard.content_step.text.setPlainText("Cam on {ten} da mua kinh tai {cua_hang}")
    wizard.schedule_step.holdout.setValue(20)
    with qtbot.waitSignal(wizard.checked, timeout=20_000) as blocker:
        wizard.go(4)  # the review saves the draft and asks core to check it
    readiness = blocker.args[0]
    assert readiness.ok, readiness.problems
    assert readiness.audience.eligible == N_CUSTOMERS
    assert readiness.audience.holdout == 5 and readiness.audience.to_send == 20
    assert "Mọi kiểm tra đều đạt" in wizard.review_text.text()
    assert wizard.launch_button.isEnabled()


def test_wizard_launch_sends_and_detail_matches_core_report(qtbot, page, audience, engine, provider) -> None:  # type: ignore[no-untyped-def]
    fill_wizard(qtbot, page, audience)
    # Preview for a chosen customer renders the tokens with that customer's values.
    sample = page.wizard.content_step
    qtbot.waitUntil(lambda: sample.sample.count() > 1, timeout=10_000)
    assert "Mắt Việt HN01" in sample.preview.text() and "{ten}" not in sample.preview.text()

    with qtbot.waitSignal(page.wizard.launched, timeout=20_000) as launched:
        page.wizard.launch_button.click()
    campaign_id = launched.args[0]
    assert page.stack.currentWidget() is page.detail

    detail = page.detail
    qtbot.waitUntil(
        lambda: detail.data is not None and detail.data.status.status == "completed", timeout=60_000
    )
    qtbot.waitUntil(lambda: not page.sending.running(), timeout=10_000)

    report = campaign_report(engine, campaign_id)
    shown = detail.data
    assert shown.report.sent == report.sent == 20
    assert shown.status.counts.get("holdout") == 5
    assert sum(shown.progress.counts.values()) == report.targets == N_CUSTOMERS
    assert detail.progress_bar.value() == detail.progress_bar.maximum() == 20
    assert detail.cards["cost"].value.text() == fmt.vnd(report.cost)
    funnel = [detail.funnel.tooltip_for_index(i).splitlines()[1] for i in range(5)]
    assert funnel[0].endswith(fmt.integer(report.sent)) and funnel[1].endswith(fmt.integer(report.delivered))
    assert sum(provider.esms.accepted.values()) == 20  # the fake eSMS accepted each message exactly once
    assert len(provider.esms.phone_deliveries) == 20
    assert detail.targets.source.rowCount() == N_CUSTOMERS

    # Two reached customers buy; after the attribution refresh the page shows the core revenue and ROI.
    with engine.begin() as conn:
        buyers = (
            conn.execute(
                text(
                    "SELECT customer_id FROM campaign_targets WHERE campaign_id = :c AND status <> 'holdout' LIMIT 2"
                ),
                {"c": campaign_id},
            )
            .scalars()
            .all()
        )
        for i, customer_id in enumerate(buyers):
            conn.execute(
                text(
                    "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount) "
                    "VALUES (:e, :c, :s, now() + interval '1 hour', :a)"
                ),
                {"e": f"UI-{i}", "c": customer_id, "s": audience.ids["hn"], "a": 1_250_000 * (i + 1)},
            )
    refresh(engine, [campaign_id])
    with qtbot.waitSignal(detail.loaded, timeout=20_000):
        detail.refresh()
    report = campaign_report(engine, campaign_id)
    assert report.revenue == 3_750_000
    assert detail.cards["revenue"].value.text() == fmt.vnd(report.revenue) == "3.750.000 ₫"
    assert detail.cards["roi"].value.text() == (
        fmt.DASH if report.roi_pct is None else fmt.decimal(report.roi_pct, 1) + "%"
    )
    buyers_rows = detail.targets.source.frame()
    assert int((buyers_rows["orders"] > 0).sum()) == 2

    # The list shows the campaign as completed with the same sent count.
    page.show_list()
    qtbot.waitUntil(lambda: len(page.list.table.source.frame()) == 1, timeout=10_000)
    row = page.list.table.source.frame().iloc[0]
    assert (row["status"], int(row["sent"]), row["revenue"]) == ("completed", 20, report.revenue)


def test_wizard_test_send_reaches_the_fake_provider(qtbot, page, audience, provider) -> None:  # type: ignore[no-untyped-def]
    fill_wizard(qtbot, page, audience)
    wizard = page.wizard
    wizard.go(3)
    wizard.schedule_step.test_numbers.setText("0912 345 678")
    wizard.schedule_step.test_button.click()
    qtbot.waitUntil(lambda: wizard.schedule_step.test_result.text() != "", timeout=20_000)
    assert wizard.schedule_step.test_result.text().startswith("✔"), wizard.schedule_step.test_result.text()
    assert sum(provider.esms.accepted.values()) == 1
    (phone,) = provider.esms.phone_deliveries
    assert phone.endswith("912345678")  # the staff number typed with spaces, normalised


def test_manual_pick_searches_customers_and_targets_the_picked_ones(qtbot, page, audience, engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:  # searchable names and phones, as the import writes them
        for name, phone in (("Nguyễn Thị Lan", "+84901111222"), ("Nguyễn Văn Minh", "+84903333444")):
            conn.execute(
                text(
                    "INSERT INTO customers (full_name, phone, home_store_id, sms_consent, search_text) "
                    "VALUES (:n, :p, :s, true, :t)"
                ),
                {"n": name, "p": phone, "s": audience.ids["hn"], "t": search_text(name, phone)},
            )
    wizard = page.open_wizard()
    wizard.channel_step.name.setText("Chọn tay")
    wizard.channel_step.purpose.setCurrentIndex(wizard.channel_step.purpose.findData("customer_care"))
    step = wizard.audience_step
    wizard.go(1)
    step.kind["manual"].setChecked(True)
    picker = step.picker
    assert picker.isVisible() and not step.segment.isVisible() and not step.pasted.isVisible()

    def shown() -> list[str]:
        return [picker.model.row_at(r).full_name for r in range(picker.model.rowCount())]  # type: ignore[union-attr]

    def search(term: str, expected: list[str]) -> None:
        picker.search.setText(term)  # the search starts once typing pauses
        qtbot.waitUntil(
            lambda: picker.model.filter.search == term and not picker.model.is_loading, timeout=10_000
        )
        assert shown() == expected

    qtbot.waitUntil(lambda: len(shown()) == 27, timeout=10_000)  # no term yet: recent customers

    search("nguyen", ["Nguyễn Thị Lan", "Nguyễn Văn Minh"])  # unaccented prefix of the name
    picker.results.selectRow(0)
    assert picker.add_button.isEnabled()
    picker.add_button.click()
    search("0903 333", ["Nguyễn Văn Minh"])  # phone digits as typed
    picker.results.doubleClicked.emit(picker.model.index(0, 0))
    picker.results.doubleClicked.emit(picker.model.index(0, 0))  # twice: still picked once
    assert [picker.picked.item(r, 0).text() for r in range(picker.picked.rowCount())] == [
        "Nguyễn Thị Lan",
        "Nguyễn Văn Minh",
    ]
    assert picker.picked_title.text() == "Đã chọn 2 khách hàng"
    picker.picked.selectRow(0)
    picker.remove_button.click()
    assert [picker.picked.item(r, 0).text() for r in range(picker.picked.rowCount())] == ["Nguyễn Văn Minh"]
    assert not picker.remove_button.isEnabled()

    with qtbot.waitSignal(wizard.checked, timeout=20_000) as blocker:
        step.check_button.click()
    readiness = blocker.args[0]
    assert readiness.audience.candidates == 1 and readiness.audience.to_send == 1
    with engine.connect() as conn:
        members = (
            conn.execute(
                text(
                    "SELECT c.full_name FROM campaign_audience_members m JOIN customers c ON c.id = m.customer_id "
                    "WHERE m.campaign_id = :c"
                ),
                {"c": wizard.draft_id},
            )
            .scalars()
            .all()
        )
    assert members == ["Nguyễn Văn Minh"]
    # Pasting phones stays available as the second way.
    step.kind["paste"].setChecked(True)
    assert step.pasted.isVisible() and not picker.isVisible()
    step.pasted.setPlainText("0901111222")
    with qtbot.waitSignal(wizard.checked, timeout=20_000):
        step.check_button.click()
    assert wizard.upload is not None and wizard.upload.matched == 1
