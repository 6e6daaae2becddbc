"""Customer lists, search, Customer 360 and duplicate merging."""
