"""PySide6 6.12.0 drops a reference to None (or True) on each call of a Qt method that returns nothing and on
each Signal.emit(); on Python 3.11 a few thousand of them bring None's count to zero and the interpreter aborts
("none_dealloc"), so a day at the desk would end in a crash. Python 3.12 makes None, True and False immortal;
on 3.11 the desk does the same when the Qt layer is first imported: their counts are raised so far (2**40) that
no session brings them down to zero. (The older bindings, 6.10 and 6.11, crash elsewhere: on a stale screen.)
tests/ui/test_qt_binding.py holds it to that."""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 40


def keep_singletons_alive() -> None:
    """Raise the reference counts of None, True and False out of reach (once; Python 3.12+ needs nothing)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_ccm_singletons_kept", False):
        return
    for singleton in (None, True, False):
        # ob_refcnt is a PyObject's first field (a Py_ssize_t) in every release build of CPython 3.11.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += IMMORTAL
    sys._ccm_singletons_kept = True  # type: ignore[attr-defined]
