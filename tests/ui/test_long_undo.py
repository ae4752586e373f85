"""A large removal's undo and redo run off the main thread, as exports do: the window keeps answering while a
delegation of hundreds comes back; what it touched is refreshed once it is done, on the main thread."""

import threading

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ccm_secretariat.errors import ConflictError
from ui.tasks import TaskRunner
from ui.undo import UndoRecorder


def _recorder(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    refreshed, said = [], []
    recorder = UndoRecorder(QUndoStack(parent), lambda: refreshed.append(threading.current_thread()), said.append)
    recorder.runner = TaskRunner(parent, synchronous=False).run
    return recorder, refreshed, said


def test_a_long_steps_undo_and_redo_run_off_the_main_thread_and_refresh_on_it(qtbot):
    recorder, refreshed, said = _recorder(qtbot)
    ran = []
    recorder.perform(
        "Remove 300 participants",
        lambda: ran.append(("do", threading.current_thread())),
        lambda _r: ran.append(("undo", threading.current_thread())),
        long=True,
    )
    assert ran == [("do", threading.main_thread())]  # the edit itself: at once, as the secretary asked
    recorder.stack.undo()
    qtbot.waitUntil(lambda: any(s.startswith("Undone") for s in said), timeout=5000)
    assert ran[1][0] == "undo" and ran[1][1] is not threading.main_thread()
    assert refreshed[-1] is threading.main_thread()
    recorder.stack.redo()
    qtbot.waitUntil(lambda: any(s.startswith("Redone") for s in said), timeout=5000)
    assert ran[2][0] == "do" and ran[2][1] is not threading.main_thread()


def test_a_long_steps_failed_undo_is_said_and_set_aside(qtbot):
    recorder, _refreshed, said = _recorder(qtbot)

    def refused(_result):
        raise ConflictError("another desk changed the delegation meanwhile; nothing was restored.")

    recorder.perform("Remove Chile", lambda: None, refused, long=True)
    recorder.stack.undo()
    qtbot.waitUntil(lambda: any("failed" in s for s in said), timeout=5000)
    assert any("another desk changed the delegation" in s for s in said)
