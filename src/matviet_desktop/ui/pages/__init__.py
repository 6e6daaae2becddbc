"""One module (or package) per main page; `registry.py` lists them for the navigation rail."""
