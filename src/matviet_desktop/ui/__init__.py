"""The PySide6 desktop app: windows, pages, Qt models and the background-task facility."""
