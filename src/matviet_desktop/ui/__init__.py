"""Qt views: windows, pages, models, widgets, and the one background-task facility. Calls core services; never builds SQL."""
