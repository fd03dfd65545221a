"""``python -m twin`` is the ``cer-twin`` command."""

import sys

from twin.cli import main

sys.exit(main())
