"""Customers page and Customer 360, driven through the widgets against real PostgreSQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from matviet_desktop.core.customers import queries
from matviet_desktop.core.text import fold
from matviet_desktop.devtools.sample_customers import seed_customers
from matviet_desktop.ui.pages.customers.page import CustomersPage


@pytest.fixture
def seeded_ctx(ctx):  # type: ignore[no-untyped-def]
    seed_customers(ctx.engine, 300)
    return ctx


@pytest.fixture
def page(qtbot, seeded_ctx):  # type: ignore[no-untyped-def]
    widget = CustomersPage(seeded_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.on_shown()
    model = widget.list_view.table.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.total == 300, timeout=10_000)
    return widget


def test_search_by_phone_typed_with_spaces_finds_the_customer(qtbot, page) -> None:
    model = page.list_view.table.model
    qtbot.keyClicks(page.list_view.search, "0900 000 123")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading, timeout=10_000)
    assert model.row_at(0).phone == "+84900000123"
    qtbot.waitUntil(lambda: model.total == 1, timeout=10_000)
    assert "1 khách hàng" in page.list_view.header.subtitle.text()


def test_search_by_name_ignores_diacritics(qtbot, page) -> None:
    model = page.list_view.table.model
    qtbot.keyClicks(page.list_view.search, "nguyen thi")
    qtbot.waitUntil(lambda: model.filter.search == "nguyen thi" and not model.is_loading, timeout=10_000)
    qtbot.waitUntil(lambda: model.total is not None, timeout=10_000)
    names = [model.row_at(i).full_name for i in range(model.rowCount())]
    assert names, "the sample data has customers named Nguyễn Thị …"
    assert all(fold(n).startswith("nguyen thi") for n in names)
    with page.ctx.engine.connect() as conn:
        expected = conn.execute(
            text("SELECT count(*) FROM customers WHERE full_name LIKE 'Nguyễn Thị %'")
        ).scalar()
    assert model.total == expected


def test_scrolling_fetches_more_pages_in_keyset_order(qtbot, page) -> None:
    model = page.list_view.table.model
    model.page_size = 40
    model.set_query(queries.CustomerFilter(), queries.SortKey.NAME, descending=False)
    qtbot.waitUntil(lambda: model.rowCount() == 40, timeout=10_000)
    while model.canFetchMore():
        before = model.rowCount()
        model.fetchMore()
        qtbot.waitUntil(lambda b=before: model.rowCount() > b, timeout=10_000)
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert len(rows) == 300 and len({r.id for r in rows}) == 300
    with page.ctx.engine.connect() as conn:
        expected = [r[0] for r in conn.execute(text("SELECT id FROM customers ORDER BY full_name, id"))]
    assert [r.id for r in rows] == expected


def test_filters_by_lifecycle_stage(qtbot, page) -> None:
    view = page.list_view
    qtbot.waitUntil(lambda: view.stage.count() > 1, timeout=10_000)
    view.stage.setCurrentIndex(view.stage.findData("loyal"))
    model = view.table.model
    qtbot.waitUntil(
        lambda: model.filter.lifecycle_stage == "loyal" and model.total is not None, timeout=10_000
    )
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    assert model.rowCount() == model.total > 0
    assert {model.row_at(i).lifecycle_stage for i in range(model.rowCount())} == {"loyal"}


def test_open_customer_360_shows_profile_orders_and_timeline(qtbot, page) -> None:
    model = page.list_view.table.model
    table = page.list_view.table.table
    richest = max(range(model.rowCount()), key=lambda i: model.row_at(i).order_count)
    row = model.row_at(richest)
    table.setCurrentIndex(model.index(richest, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    profile = page.profile_view
    assert page.stack.currentWidget() is profile
    qtbot.waitUntil(lambda: profile.data is not None and profile.data.id == row.id, timeout=10_000)
    assert profile.name.text() == row.full_name
    with page.ctx.engine.connect() as conn:
        orders = conn.execute(
            text("SELECT count(*) FROM orders WHERE customer_id = :i"), {"i": row.id}
        ).scalar()
        events = conn.execute(
            text("SELECT count(*) FROM customer_engagements WHERE customer_id = :i"), {"i": row.id}
        ).scalar()
    assert profile.orders.topLevelItemCount() == orders > 0
    assert profile.timeline.topLevelItemCount() == events
    # The timeline filter keeps only purchases, newest first.
    profile.timeline_filter.setCurrentIndex(profile.timeline_filter.findData("purchase"))
    qtbot.waitUntil(lambda: profile.timeline.topLevelItemCount() == orders, timeout=10_000)
    assert {profile.timeline.topLevelItem(i).text(1) for i in range(orders)} == {"Mua hàng"}
    qtbot.mouseClick(profile.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_view
