"""`python -m desktop`: the window. The command line is `python -m desktop.cli` (or `paneldesk`)."""

import sys

from desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
