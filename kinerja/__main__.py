"""python -m kinerja: the command line (kinerja/cli.py)."""

import sys

from kinerja.cli import main

sys.exit(main())
