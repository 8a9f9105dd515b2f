import sys

from ftplanner.cli import main

sys.exit(main())
