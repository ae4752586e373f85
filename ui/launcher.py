"""The one entry point (`ccm-secretariat`, `python main.py`): the command line's own parser decides. A command
runs headless; no command starts the window; an unknown command is an error that lists the commands. Qt is
imported only when the window starts, so the command line works on a server with no Qt libraries."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def no_display() -> str:
    """Why no window can open here, or "" (Linux and the like: no X11 or Wayland display, and no platform
    such as offscreen chosen by QT_QPA_PLATFORM)."""
    from ccm_secretariat.environment import QT_PLATFORM, WAYLAND_DISPLAY, X_DISPLAY

    if sys.platform in ("win32", "darwin") or QT_PLATFORM.text():
        return ""
    if X_DISPLAY.text() or WAYLAND_DISPLAY.text():
        return ""
    return (
        "no display to open the window on (DISPLAY is not set). Use a command instead "
        "(`ccm-secretariat --help` lists them), or set QT_QPA_PLATFORM=offscreen."
    )


def run(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # in the bundle, a document pack's worker process starts here
    from ccm_secretariat.cli import build_parser
    from ccm_secretariat.cli import main as command_line

    args = list(sys.argv[1:] if argv is None else argv)
    parsed, _rest = build_parser(command_required=False).parse_known_args(args)  # exits 2 on an unknown command
    if parsed.command is not None:
        return command_line(args)
    reason = no_display()
    if reason:
        print(f"ccm-secretariat: {reason}", file=sys.stderr)
        return 1
    from ui.app import main as window

    return window(args)


if __name__ == "__main__":
    sys.exit(run())
