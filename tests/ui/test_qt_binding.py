"""The Qt binding must not bring Python down: a day at the desk calls Qt methods and emits signals millions of
times. PySide6 6.12.0 drops a reference to None (or True) on each call of a method returning nothing and on each
emit; on Python 3.11 a few thousand of them abort the interpreter. The Qt layer makes None, True and False
immortal when it is imported (ui/qt_binding.py). Run in a child process, so that a crash fails this test rather
than the whole run."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
import ui  # the Qt layer, as the desk imports it
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
field = QLineEdit()
for _ in range(200_000):
    field.setEnabled(True)
    field.textChanged.emit("x")
print(sys.getrefcount(None) > 1000, sys.getrefcount(True) > 1000)
"""


def test_a_day_of_qt_calls_and_signals_does_not_bring_python_down():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["True", "True"]
