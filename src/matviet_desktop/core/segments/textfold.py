"""`core.text.fold` expressed in SQL, for contains/starts_with on text columns.

There is no unaccent extension, so the translate() table is generated from `fold` itself: every
Latin letter whose folded form is one ASCII letter maps to it, and combining marks are deleted
(translate() drops characters that have no partner in the target string). For NFC text without
unusual spacing, `sql_fold(col)` equals `fold(col)` exactly (the differential tests check it).
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement

from matviet_desktop.core.text import fold


def _translate_table() -> tuple[str, str]:
    sources, targets = [], []
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        folded = fold(ch)
        if len(folded) == 1 and folded.isascii() and folded != ch:
            sources.append(ch)
            targets.append(folded)
    marks = [chr(c) for c in range(0x300, 0x370)]  # deleted: no partner in `targets`
    return "".join(sources + marks), "".join(targets)


FOLD_FROM, FOLD_TO = _translate_table()


def sql_fold(column: ColumnElement[str]) -> ColumnElement[str]:
    """lower(translate(col)) with runs of whitespace collapsed and the ends trimmed, like `fold`."""
    translated = func.lower(func.translate(column, FOLD_FROM, FOLD_TO))
    return func.btrim(func.regexp_replace(translated, r"\s+", " ", "g"))
