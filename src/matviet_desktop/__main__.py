"""`python -m matviet_desktop` opens the desktop app (also the PyInstaller entry script)."""

import multiprocessing

if __name__ == "__main__":
    # First thing: in a frozen build a 'spawn' child (scoring runs in one) re-runs this executable,
    # and freeze_support() turns it into the child instead of opening a second app window.
    multiprocessing.freeze_support()
    from matviet_desktop.ui.app import run

    run()
