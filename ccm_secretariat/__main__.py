"""`python -m ccm_secretariat COMMAND ...`: the headless command line (`ccm-secretariat` with no command opens the
window; ui/launcher.py)."""

import sys

from ccm_secretariat.cli import main

if __name__ == "__main__":
    sys.exit(main())
