"""The bundle's entry point (PyInstaller needs a script): both evaldesk (windowed) and evaldesk-cli run this."""

import sys

from evaldesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
