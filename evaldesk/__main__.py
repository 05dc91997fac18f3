import sys

from evaldesk.cli import main

sys.exit(main())
