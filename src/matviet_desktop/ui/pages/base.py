"""What every main page shares: the app context, lazy first load, screenshot hooks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from matviet_desktop.ui.context import AppContext


class Page(QWidget):
    """A main page. Subclasses build widgets in __init__ and load data in `load()` (via tasks).

    `load()` runs the first time the page is shown, so the app opens fast and pages the user
    never visits cost nothing.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False

    def on_shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.load()

    def load(self) -> None:
        """Start fetching the page's data (override)."""

    def reload(self) -> None:
        self._loaded = True
        self.load()

    def screenshot_variants(self) -> list[tuple[str, Callable[[], None]]]:
        """Extra states to capture in --screenshots mode: (file suffix, prepare function)."""
        return []
