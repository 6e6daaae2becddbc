"""Axis labels of bar charts: shared leading words are dropped, the rest kept whole."""

from __future__ import annotations

from matviet_desktop.ui.widgets.chart_cards import _without_common_prefix


def test_common_leading_words_are_dropped() -> None:
    assert _without_common_prefix(["Mắt Việt Hà Nội", "Mắt Việt Huế"]) == ["Hà Nội", "Huế"]
    assert _without_common_prefix(["a b", "a b c"]) == ["b", "b c"]  # never empties a label


def test_nothing_shared_or_single_label_is_unchanged() -> None:
    assert _without_common_prefix(["SMS", "Email"]) == ["SMS", "Email"]
    assert _without_common_prefix(["Mắt Việt Huế"]) == ["Mắt Việt Huế"]
    assert _without_common_prefix(["Mắt Việt Huế", ""]) == ["Mắt Việt Huế", ""]
