"""`python -m ccm_secretariat.cli COMMAND ...`: the command line."""

import sys

from ccm_secretariat.cli import main

if __name__ == "__main__":
    sys.exit(main())
