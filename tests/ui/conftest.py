"""UI fixtures: the real main window over a private database, exports run synchronously, and modal dialogs
driven the way a person drives them (they are found when they open, filled in, and accepted)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.main_window import MainWindow
from ui.settings import DeskSettings


@pytest.fixture
def window(qtbot, demo, tmp_path):
    settings = DeskSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.IniFormat))
    w = MainWindow(demo, settings, synchronous=True)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.pages.currentWidget() is w.overview  # the window opens on the meeting at a glance
    w.pages.setCurrentWidget(w.registration)  # where most of these tests work
    return w


def type_text(widget, text: str) -> None:
    """Type like a keyboard: key events with the text (keyClicks aborts on non-ASCII text with PySide6 6.12)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


FAILURES: list[BaseException] = []


def when_dialog(cls, act, timeout: int = 50):
    """Run `act(dialog)` on the next dialog of class `cls` that opens (modal dialogs block the test otherwise).
    If `act` fails, the dialog is closed (so the test cannot hang) and the failure is raised after the test."""

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.isVisible():
                try:
                    act(widget)
                except BaseException as exc:
                    FAILURES.append(exc)
                    getattr(widget, "discard", widget.reject)()
                return
        QTimer.singleShot(timeout, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture(autouse=True)
def dialog_failures():
    FAILURES.clear()
    yield
    if FAILURES:
        raise FAILURES[0]


@pytest.fixture
def answer_yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.Ok)
