"""Translations: English is complete and switches the UI; Vietnamese covers Qt's standard buttons."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QDialogButtonBox

from matviet_desktop.ui import i18n
from matviet_desktop.ui.main_window import MainWindow


def test_english_catalogue_has_no_unfinished_string() -> None:
    tree = ET.parse(i18n.TRANSLATIONS / "matviet_en.ts")
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_english_switches_navigation_and_status_bar(qtbot, ctx, themed_app) -> None:
    try:
        assert i18n.install(themed_app, "en") == "en"
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        titles = [window.rail.item(i).text() for i in range(window.rail.count())]
        assert titles[:2] == ["Customers", "Segments"] and "Settings" in titles
        assert "Administrator" in window.role_label.text()
    finally:
        i18n.install(themed_app, "vi")


def test_vietnamese_standard_buttons(qtbot, themed_app) -> None:
    i18n.install(themed_app, "vi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
