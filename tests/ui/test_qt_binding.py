"""The Qt binding keeps Python's reference counts: a day at the desk calls Qt methods and emits signals millions of
times. PySide6 6.12.0 dropped a reference to None on each call of a method returning nothing and on each emit;
on Python 3.11 a few thousand of them crash the interpreter. Run in a child process, so that a crash fails this
test rather than the whole run."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
field = QLineEdit()
none, true = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(50_000):
    field.setEnabled(True)
    field.textChanged.emit("x")
print(sys.getrefcount(None) - none, sys.getrefcount(True) - true)
"""


def test_qt_calls_and_signals_keep_the_reference_counts_of_none_and_true():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    none_drift, true_drift = (int(n) for n in done.stdout.split())
    assert abs(none_drift) < 1000 and abs(true_drift) < 1000, done.stdout
