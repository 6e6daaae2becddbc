"""Rebuild the translations: `python -m matviet_desktop.ui.i18n_build`.

1. pyside6-lupdate extracts every `tr()` / `translate()` / `QT_TRANSLATE_NOOP` string of ui/ into
   translations/matviet_en.ts (existing translations are kept; new strings arrive unfinished —
   translate them in Qt Linguist, `pyside6-linguist translations/matviet_en.ts`).
2. pyside6-lrelease compiles matviet_en.ts and qtbase_vi.ts (Vietnamese labels for Qt's own
   standard buttons, which Qt does not ship) to .qm files loaded by `ui.i18n.install`.
Both tools ship with PySide6-Essentials.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent
TRANSLATIONS = UI / "translations"


def sources() -> list[str]:
    return sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py") if "translations" not in p.parts)


def main() -> int:
    subprocess.run(
        ["pyside6-lupdate", *sources(), "-source-language", "vi_VN", "-target-language", "en_US",
         "-no-obsolete", "-ts", "translations/matviet_en.ts"],
        cwd=UI, check=True,
    )  # fmt: skip
    for name in ("matviet_en", "qtbase_vi"):
        subprocess.run(
            ["pyside6-lrelease", f"translations/{name}.ts", "-qm", f"translations/{name}.qm"],
            cwd=UI,
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
