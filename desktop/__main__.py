"""`python -m desktop`: the window. The command line is `python -m desktop.cli` (or `paneldesk`)."""

import multiprocessing
import sys

from desktop.ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # in a frozen build the PDF workers start as this program: let them be workers
    sys.exit(main())
