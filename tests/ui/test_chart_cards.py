"""Chart cards say so when there is nothing to draw, and count axes label whole numbers only."""

from __future__ import annotations

from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.widgets.chart_cards import ChartCard, FormattedAxis, Series


def test_bars_of_nothing_but_zeros_show_the_cards_empty_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    card = ChartCard("Phễu", fmt.integer)
    qtbot.addWidget(card)
    card.set_empty_text("Chưa có tin nào được gửi.")
    card.bars(["gửi", "nhận"], [Series("Khách hàng", [0, None])])
    assert card.plot.isHidden() and not card.empty_label.isHidden()
    assert card.empty_label.text() == "Chưa có tin nào được gửi."
    card.bars(["gửi", "nhận"], [Series("Khách hàng", [3, 0])])
    assert not card.plot.isHidden() and card.empty_label.isHidden()


def test_a_count_axis_leaves_fractional_ticks_blank_and_money_axes_do_not(qtbot) -> None:  # type: ignore[no-untyped-def]
    counts = FormattedAxis(fmt.integer)
    assert counts.tickStrings([0.0, 0.2, 0.8, 1.0, 2000.0], 1.0, 0.2) == ["0", "", "", "1", "2.000"]
    money = FormattedAxis(fmt.vnd_short)
    assert all(money.tickStrings([0.5, 1.5], 1.0, 1.0))
