"""Small building blocks shared by every page, so spacing and typography stay consistent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.ui.resources import PRIMARY, icon, icon_size

SPACING = 12
MARGIN = 24


def button(
    text: str,
    icon_name: str | None = None,
    *,
    primary: bool = False,
    danger: bool = False,
    flat: bool = False,
) -> QPushButton:
    btn = QPushButton(text)
    if icon_name:
        btn.setIcon(icon(icon_name, "#FFFFFF" if primary else "#334155"))
        btn.setIconSize(icon_size(16))
    if primary:
        btn.setProperty("primary", True)
    if danger:
        btn.setProperty("danger", True)
    if flat:
        btn.setProperty("flat", True)
    btn.setCursor(Qt.CursorShape.PointingHandCursor)
    return btn


def label(text: str = "", object_name: str | None = None, *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if object_name:
        widget.setObjectName(object_name)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property change (e.g. `invalid`)."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class PageHeader(QWidget):
    """Title, a muted subtitle and right-aligned action buttons."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = label(title, "PageTitle")
        self.subtitle = label(subtitle, "PageSubtitle", wrap=True)
        self.subtitle.setVisible(bool(subtitle))
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        layout.addLayout(text, 1)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(8)
        layout.addLayout(self.actions)

    def add_action(self, widget: QWidget) -> QWidget:
        self.actions.addWidget(widget)
        return widget

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))


class Card(QFrame):
    """A white rounded panel with an optional section title."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(8)
        self.title_label: QLabel | None = None
        if title:
            self.title_label = label(title, "SectionTitle")
            self.body.addWidget(self.title_label)


class KpiCard(Card):
    """One metric: a caption, a large value and a one-line plain-language hint."""

    def __init__(self, caption: str, value: str = "—", hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.body.setSpacing(2)
        self.caption = label(caption, "KpiLabel")
        self.value = label(value, "KpiValue")
        self.hint = label(hint, "KpiHint", wrap=True)
        self.body.addWidget(self.caption)
        self.body.addWidget(self.value)
        self.body.addWidget(self.hint)
        # Expanding both ways: KPI tiles in one row share the tallest tile's height.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.body.addStretch(1)

    def set(self, value: str, hint: str | None = None) -> None:
        self.value.setText(value)
        if hint is not None:
            self.hint.setText(hint)


class Banner(QFrame):
    """An inline message (error, warning, info) with an optional action button."""

    COLORS = {
        "error": ("#FEF2F2", "#FCA5A5", "#991B1B", "alert"),
        "warning": ("#FFFBEB", "#FCD34D", "#92400E", "alert"),
        "info": ("#EFF6FF", "#BFDBFE", "#1E3A8A", "info"),
        "ok": ("#F0FDF4", "#86EFAC", "#166534", "check"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.icon = QLabel()
        self.text = label("", wrap=True)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.action = QPushButton()
        self.action.hide()
        layout.addWidget(self.action)
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        bg, border, fg, icon_name = self.COLORS.get(kind, self.COLORS["info"])
        self.setStyleSheet(
            f"QFrame {{ background: {bg}; border: 1px solid {border}; border-radius: 8px; }}"
            f" QLabel {{ color: {fg}; border: none; background: transparent; }}"
        )
        from matviet_desktop.ui.resources import icon_pixmap

        self.icon.setPixmap(icon_pixmap(icon_name, fg, 18))
        self.text.setText(text)
        self.show()


def page_layout(widget: QWidget) -> QVBoxLayout:
    """The standard page margins and spacing."""
    widget.setObjectName("PageRoot")
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(MARGIN, 20, MARGIN, 16)
    layout.setSpacing(SPACING)
    return layout


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: #E3E8EF; background: #E3E8EF; max-height: 1px; border: none; /* {PRIMARY} */")
    return line


def scrolling_page_body(page: QWidget) -> QVBoxLayout:
    """A page whose content scrolls: returns the layout to fill, with the house margins."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    body = QWidget()
    body.setObjectName("PageRoot")
    scroll.setWidget(body)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.setSpacing(12)
    return layout
