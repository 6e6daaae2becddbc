"""Translations: Vietnamese is the source language, English comes from `translations/matviet_en.qm`.

Widgets call `self.tr(...)`; non-QObject code calls `translate(context, text)`; constant tables
mark their strings with `QT_TRANSLATE_NOOP` and translate at display time. Qt ships no Vietnamese
base translation, so `qtbase_vi.qm` (built from `translations/qtbase_vi.ts`) gives the standard
dialog buttons Vietnamese labels (Đồng ý, Hủy, Có, Không).

Rebuild after changing strings:  `python -m matviet_desktop.ui.i18n_build` (lupdate + lrelease).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).with_name("translations")
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

_installed: list[QTranslator] = []


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def install(app: QCoreApplication, language: str) -> str:
    """Install the translators for `language` ('vi' or 'en'); returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else "vi"
    files = ["qtbase_vi.qm"] if language == "vi" else ["matviet_en.qm"]
    for name in files:
        translator = QTranslator(app)
        if (TRANSLATIONS / name).exists() and translator.load(str(TRANSLATIONS / name)):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    return language
