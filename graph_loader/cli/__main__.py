"""`python -m graph_loader.cli ...`: the `safetykg` command."""

import sys

from graph_loader.cli import main

sys.exit(main())
