"""Importing store, customer, order, engagement, consent and do-not-contact files (issue 5).

Public API (used by the CLI and the import wizard):
    detect(path, kind=None) -> FilePreview
    run_import(engine, kind, path, mapping=None, dry_run=False, progress=None, cancel=None) -> ImportReport
    export_rejects_csv(engine, import_id, out_path) -> int
"""

from matviet_desktop.core.importing.mapping import KINDS, ColumnMapping, MappingError
from matviet_desktop.core.importing.pipeline import (
    CancelToken,
    FilePreview,
    ImportCancelled,
    ImportReport,
    Progress,
    detect,
    run_import,
)
from matviet_desktop.core.importing.readers import UnreadableFile
from matviet_desktop.core.importing.rejects import export_rejects_csv

__all__ = [
    "KINDS",
    "CancelToken",
    "ColumnMapping",
    "FilePreview",
    "ImportCancelled",
    "ImportReport",
    "MappingError",
    "Progress",
    "UnreadableFile",
    "detect",
    "export_rejects_csv",
    "run_import",
]
