"""Entry point of the standalone app: the same ``ftplanner`` command (no arguments opens the desktop app)."""

import multiprocessing
import sys

from ftplanner.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the analyzer's spawned workers re-enter this executable
    sys.exit(main())
