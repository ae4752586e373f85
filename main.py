"""Start the desk from the source tree: with no command, the desktop application; with a command, the headless
command line (`python main.py --help`). Installed, the same is `ccm-secretariat` (see ui/launcher.py)."""

import sys

from ui.launcher import run

if __name__ == "__main__":
    sys.exit(run())
