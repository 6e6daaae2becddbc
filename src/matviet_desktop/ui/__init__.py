"""Qt views: windows, pages, models, widgets. Calls core services; never builds SQL."""
