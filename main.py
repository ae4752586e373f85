"""Start the desk: with no command, the desktop application; with a command, the headless CLI."""

import sys


def run() -> int:
    from ccm_secretariat.cli import COMMANDS, main

    args = sys.argv[1:]
    if any(a in COMMANDS or a in ("-h", "--help") for a in args):
        return main(args)
    from ui.app import main as desk

    return desk(args)


if __name__ == "__main__":
    sys.exit(run())
