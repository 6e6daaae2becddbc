"""Vietnamese text folding for search: lower case, diacritics removed, đ → d.

The database has no unaccent extension, so the same folding is applied in Python when
`customers.search_text` is written and to every search term; SQL then compares plain ASCII.
"""

from __future__ import annotations

import re
import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})
_SPACES = re.compile(r"\s+")


def fold(value: str | None) -> str:
    """'Nguyễn Thị Ánh  Đào' → 'nguyen thi anh dao'."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


def search_text(full_name: str | None, phone: str | None = None, email: str | None = None) -> str:
    """What `customers.search_text` holds: folded name, phone digits (with and without +84), email."""
    parts = [fold(full_name)]
    if phone:
        digits = re.sub(r"\D", "", phone)
        parts.append(digits)
        if digits.startswith("84"):
            parts.append("0" + digits[2:])
    if email:
        parts.append(email.lower())
    return " ".join(p for p in parts if p)
