"""The campaign and analytics pages are in the English catalogue: in English no Vietnamese text
is left on them (an empty database, so every string on screen comes from the UI itself)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from matviet_desktop.core.campaigns.audience import SUPPRESSION_LABELS
from matviet_desktop.core.campaigns.content import TOKENS
from matviet_desktop.ui import i18n
from matviet_desktop.ui.pages.analytics import AnalyticsPage, labels
from matviet_desktop.ui.pages.campaigns import CampaignsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
BRAND = "Mắt Việt"


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget class, text) of everything a user can read on `root` and its children."""
    for w in [root, *root.findChildren(QWidget)]:
        kind = type(w).__name__
        if w.toolTip():
            yield kind, w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield kind, w.text()
        if isinstance(w, QLineEdit | QPlainTextEdit):
            yield kind, w.placeholderText()
        if isinstance(w, QComboBox):
            yield from ((kind, w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            yield from ((kind, w.tabText(i)) for i in range(w.count()))
        if isinstance(w, QTableView) and w.model() is not None:
            header = w.horizontalHeader()
            for c in range(header.count()):
                yield kind, str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")


def vietnamese_left(root: QWidget) -> list[tuple[str, str]]:
    return sorted({(k, t) for k, t in texts(root) if VIETNAMESE.search(t.replace(BRAND, ""))})


@pytest.fixture
def english(themed_app) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert i18n.install(themed_app, "en") == "en"
    yield
    i18n.install(themed_app, "vi")


def test_campaign_pages_have_no_vietnamese_left_in_english(qtbot, ctx, english) -> None:  # type: ignore[no-untyped-def]
    page = CampaignsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    with qtbot.waitSignal(page.list.loaded, timeout=10_000):
        page.on_shown()
    assert page.list.new_button.text() == "Create campaign"
    wizard = page.open_wizard()
    for step in range(wizard.stack.count() - 1):  # the review step saves a draft; not needed here
        wizard.go(step)
        for kind in wizard.audience_step.kind.values():
            kind.setChecked(True)  # every audience input shows once
    qtbot.waitUntil(lambda: not ctx.tasks.active_tasks, timeout=15_000)  # segments, picker page
    assert vietnamese_left(page) == []


def test_analytics_pages_have_no_vietnamese_left_in_english(qtbot, ctx, english) -> None:  # type: ignore[no-untyped-def]
    page = AnalyticsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    with qtbot.waitSignal(page.dashboards["campaigns"].loaded, timeout=15_000):
        page.on_shown()
    for key in ("segments", "engagement"):
        with qtbot.waitSignal(page.dashboards[key].loaded, timeout=15_000):
            page.show_dashboard(key)
    page.show_dashboard("model")
    assert page.dashboards["segments"].empty_title.text() == "No segments to compare revenue by yet"
    assert vietnamese_left(page) == []


def test_ui_code_tables_mirror_core() -> None:
    """Texts core keeps in Vietnamese have a translatable twin in the UI's code tables."""
    assert {code: labels.SUPPRESSION_REASONS[code] for code in SUPPRESSION_LABELS} == SUPPRESSION_LABELS
    assert {code: labels.TOKEN_HINTS[code] for code in TOKENS} == {
        c: hint for c, (hint, _d) in TOKENS.items()
    }
