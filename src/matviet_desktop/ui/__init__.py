"""Qt views: windows, pages, models, widgets, and the one background-task facility. Calls core services; never builds SQL."""

from matviet_desktop.ui import qtcompat as _qtcompat  # noqa: F401  (PySide6 6.12.0 emit() leak work-around)
