"""Run the command line as ``python -m sistemkerja``."""

import sys

from sistemkerja.cli import main

sys.exit(main())
