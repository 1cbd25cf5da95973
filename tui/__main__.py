"""`python -m tui` runs the `reconcile` command."""

import sys

from .cli import main

sys.exit(main())
