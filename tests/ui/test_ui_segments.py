"""Segment builder and pages: a nested rule built in the editor counts what the core counts."""

from __future__ import annotations

import pytest

from matviet_desktop.core import segments as segment_service
from matviet_desktop.devtools.sample_customers import seed_customers
from matviet_desktop.ui.pages.segments.page import SegmentsPage
from matviet_desktop.ui.pages.segments.rule_editor import (
    EventConditionWidget,
    FieldConditionWidget,
    GroupWidget,
)


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    seed_customers(ctx.engine, 300)
    segment_service.ensure_builtins(ctx.engine)
    segment_service.refresh_all(ctx.engine)
    widget = SegmentsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.on_shown()
    qtbot.waitUntil(lambda: widget.list_view.model.rowCount() > 0, timeout=10_000)
    return widget


def open_builder(qtbot, page):  # type: ignore[no-untyped-def]
    page.list_view.create_button.click()
    builder = page.builder
    assert page.stack.currentWidget() is builder
    qtbot.waitUntil(lambda: len(builder.root.children_) == 1, timeout=10_000)  # default condition
    qtbot.waitUntil(lambda: builder.last_count is not None, timeout=10_000)
    return builder


def test_nested_rule_built_in_the_editor_counts_like_the_core(qtbot, page) -> None:
    builder = open_builder(qtbot, page)
    root = builder.root
    first = root.children_[0]
    assert isinstance(first, FieldConditionWidget)
    first.field.setCurrentIndex(first.field.findData("clv_tier"))
    first.op.setCurrentIndex(first.op.findData("in"))
    first.value.set_value(["vip", "high"])
    nested = root.add_child(GroupWidget(root.segments))
    assert isinstance(nested, GroupWidget)
    nested.mode.setCurrentIndex(nested.mode.findData("any"))
    recent = nested.add_child(FieldConditionWidget())
    recent.load({"field": "last_purchase_at", "op": "more_than_days_ago", "value": 180})
    event = nested.add_child(EventConditionWidget())
    event.load({"event": "purchase", "count_op": "gte", "count": 3, "within_last_days": 3650})

    rule = builder.rule_json()
    assert rule == {
        "all": [
            {"field": "clv_tier", "op": "in", "value": ["vip", "high"]},
            {
                "any": [
                    {"field": "last_purchase_at", "op": "more_than_days_ago", "value": 180},
                    {"event": "purchase", "count_op": "gte", "count": 3, "within_last_days": 3650},
                ]
            },
        ]
    }
    expected = segment_service.count(page.ctx.engine, rule)
    assert 0 < expected < 300, "the sample data should make this rule selective"
    qtbot.waitUntil(lambda: builder.last_rule == rule and builder.last_count == expected, timeout=10_000)
    assert builder.count_label.text() == str(expected)  # < 1000: no digit grouping
    assert "HOẶC" in builder.readout.text() and "Hạng CLV" in builder.readout.text()


def test_invalid_condition_is_marked_and_blocks_saving(qtbot, page) -> None:
    builder = open_builder(qtbot, page)
    condition = builder.root.children_[0]
    assert isinstance(condition, FieldConditionWidget)
    condition.field.setCurrentIndex(condition.field.findData("total_spent"))
    condition.op.setCurrentIndex(condition.op.findData("gt"))
    condition.value.set_value("")  # no amount typed
    qtbot.waitUntil(lambda: condition.error.isVisible(), timeout=10_000)
    assert condition.error.text()
    assert not builder.save_button.isEnabled()
    condition.value.set_value("5.000.000")  # Vietnamese grouping is understood
    qtbot.waitUntil(
        lambda: not condition.error.isVisible() and builder.save_button.isEnabled(), timeout=10_000
    )
    assert builder.rule_json()["all"][0]["value"] == 5_000_000


def test_saving_a_segment_opens_its_detail_with_members(qtbot, page) -> None:
    builder = open_builder(qtbot, page)
    builder.name.setText("Khách trung thành thử nghiệm")
    builder.root.children_[0].load({"field": "lifecycle_stage", "op": "eq", "value": "loyal"})
    expected = segment_service.count(page.ctx.engine, builder.rule_json())
    qtbot.waitUntil(
        lambda: builder.last_count == expected and builder.save_button.isEnabled(), timeout=10_000
    )
    builder.save_button.click()
    detail = page.detail_view
    qtbot.waitUntil(
        lambda: page.stack.currentWidget() is detail and detail.detail is not None, timeout=15_000
    )
    assert detail.detail.info.name == "Khách trung thành thử nghiệm"
    assert detail.detail.info.customer_count == expected
    members = detail.members.model
    qtbot.waitUntil(lambda: members.total == expected, timeout=10_000)
    qtbot.waitUntil(lambda: members.rowCount() == min(expected, members.page_size), timeout=10_000)
    assert {members.row_at(i).lifecycle_stage for i in range(members.rowCount())} == {"loyal"}
