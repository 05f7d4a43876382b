"""`python -m oms.cli`: the `oms` command."""

import sys

from oms.cli import main

sys.exit(main())
