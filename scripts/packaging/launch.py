"""The bundle's entry point (PyInstaller needs a script): both evaldesk (windowed) and evaldesk-cli run this."""

import multiprocessing
import sys

from evaldesk.cli import main

if __name__ == "__main__":
    # The bureau summary reads files in spawned worker processes; in a frozen program each worker starts this
    # executable again, and freeze_support() turns that start into the worker instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
