"""The main window and every dialog on a small laptop's screen: at 125 % on 1366 × 768 and at 200 % on
1920 × 1080 each takes at most the available screen (less a title bar), lies within it, and its minimum size
does too. The walk runs in a child process with the screen and the scaling set, as a user's desktop sets them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from tests.ui.walk import walk
from ui.screen_fit import room

SCREENS = Path(__file__).resolve().parent.parent / "screens"


def fits(widget, where: str) -> list[str]:
    limit = room(widget)
    area = widget.screen().availableGeometry()
    problems = []
    if widget.width() > limit.width() or widget.height() > limit.height():
        problems.append(f"{where}: {widget.width()}×{widget.height()} on {limit.width()}×{limit.height()}")
    if widget.minimumWidth() > limit.width() or widget.minimumHeight() > limit.height():
        problems.append(f"{where}: at least {widget.minimumWidth()}×{widget.minimumHeight()}")
    if not area.contains(widget.geometry()):
        problems.append(f"{where}: at {widget.geometry()} off {area}")
    pages = getattr(widget, "pages", None)
    # The page shown needs no sideways scrolling (its buttons wrap, its columns narrow).
    if isinstance(widget, QMainWindow) and pages is not None:
        page = pages.currentWidget()
        if page.minimumSizeHint().width() > pages.width() - 20:
            problems.append(f"{where}: the page needs {page.minimumSizeHint().width()} of {pages.width()}")
    return problems


def test_every_window_fits_its_screen(window, monkeypatch, tmp_path):
    problems: list[str] = []
    titles = walk(window, lambda w, where: problems.extend(fits(w, where)), monkeypatch, tmp_path)
    screen = QApplication.primaryScreen()
    print(f"{len(titles)} dialogs on {screen.availableGeometry()} at {screen.devicePixelRatio()}: {titles}")
    assert {"Keyboard shortcuts", "Seating plan", "Badge colours"} <= set(titles)
    assert {"Welcome to the Secretariat Desk", "Restore from backup"} <= set(titles)  # start-up and Restore too
    assert any(t.startswith("Import") for t in titles) and any(t.startswith("Columns of") for t in titles)
    assert not problems, "\n".join(problems)
    assert window.minimumWidth() <= 1000  # two desks side by side on a 1600-pixel screen (1126 before)


@pytest.mark.parametrize(
    "screen, factor, scale",
    [
        ("1366x768", "1.25", "1.25"),  # a small laptop at 125 %
        ("1920x1080", "2", "2"),  # a full-HD screen at 200 %
        ("1366x768-144dpi", "1", "1.5"),  # 150 % set by the screen's DPI, as a desktop's display settings do
    ],
)
def test_at_laptop_scaling(screen, factor, scale):
    env = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM=f"offscreen:configfile={SCREENS / screen}.json")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-s",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"{__file__}::test_every_window_fits_its_screen",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert f"at {float(scale)}:" in done.stdout  # the child did run at that scaling
