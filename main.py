"""Start the desk: with no command, the desktop application; with a command, the headless CLI."""

import sys


def run() -> int:
    args = sys.argv[1:]
    commands = {"demo", "meetings", "meeting", "delegations", "states", "synth", "export", "import", "-h", "--help"}
    if any(a in commands for a in args):
        from ccm_secretariat.cli import main

        return main(args)
    from ui.app import main

    return main(args)


if __name__ == "__main__":
    sys.exit(run())
