"""Bundled look: the Noto Sans font (renders every Vietnamese diacritic), the QSS theme, SVG icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FAMILY = "Noto Sans"
PRIMARY = "#0F6FB8"
MUTED = "#64748B"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def install_fonts(app: QApplication) -> str:
    """Register the bundled fonts and make Noto Sans the application font."""
    family = FONT_FAMILY
    for file in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    font = QFont(family, 10)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family


def stylesheet() -> str:
    """The theme, with its image folder filled in (QSS urls need a path Qt can open)."""
    images = resource_path("qss").as_posix()
    return resource_path("theme.qss").read_text(encoding="utf-8").replace("@QSS@", images)


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    install_fonts(app)
    app.setStyleSheet(stylesheet())


@cache
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon_pixmap(name: str, color: str = MUTED, size: int = 20, device_pixel_ratio: float = 2.0) -> QPixmap:
    """Render an icon at the screen's pixel density so it stays crisp on high-DPI displays."""
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color).encode()))
    pixels = int(size * device_pixel_ratio)
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def icon(name: str, color: str = MUTED, active_color: str | None = None, size: int = 20) -> QIcon:
    """A QIcon with the normal and selected (active) colours."""
    result = QIcon()
    result.addPixmap(icon_pixmap(name, color, size), QIcon.Mode.Normal)
    result.addPixmap(icon_pixmap(name, active_color or color, size), QIcon.Mode.Selected)
    result.addPixmap(icon_pixmap(name, "#94A3B8", size), QIcon.Mode.Disabled)
    return result


def icon_size(size: int = 20) -> QSize:
    return QSize(size, size)
