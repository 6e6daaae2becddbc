"""`python -m matviet_desktop` opens the desktop app."""

from matviet_desktop.ui.app import run

if __name__ == "__main__":
    run()
