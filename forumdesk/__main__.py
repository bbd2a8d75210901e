"""`python -m forumdesk` runs the same command line as the `forumdesk` script."""

import sys

from forumdesk.cli import main

sys.exit(main())
