"""A page's reading done off the main thread, so that the window shows its frame at once and fills it when the
data arrive (the registration page at 100,000 participants: most of the time the window took to open).

`BackgroundRead.start(read, done)` runs `read` in a QThreadPool worker and calls `done` with its result (or the
exception it raised) on the main thread; a later start makes an earlier result be dropped, so a page never shows
what an older reading found. `synchronous=True` (the tests' windows) reads at once in the calling thread, where an
exception reaches the caller."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Arrived(QObject):
    ready = Signal(int, object)  # generation, the result or the exception


class _Run(QRunnable):
    def __init__(self, read: Callable[[], object], generation: int, arrived: _Arrived):
        super().__init__()
        self.read, self.generation, self.arrived = read, generation, arrived

    def run(self) -> None:
        try:
            result = self.read()
        except Exception as exc:  # given to the page, never lost in the thread
            result = exc
        try:
            self.arrived.ready.emit(self.generation, result)
        except RuntimeError:  # the page was closed while reading: nobody to tell
            pass


class BackgroundRead:
    def __init__(self, synchronous: bool = False):
        self.synchronous = synchronous
        self.generation = 0
        self.pending = False  # a reading is on its way
        self._done: Callable[[object], None] = lambda _result: None
        self._arrived = _Arrived()  # lives in the main thread: the worker's signal is queued to it
        self._arrived.ready.connect(self._deliver)

    def start(self, read: Callable[[], object], done: Callable[[object], None]) -> None:
        self.generation += 1
        self._done = done
        if self.synchronous:
            done(read())  # (an exception goes to the caller, as any reading in the calling thread)
            return
        self.pending = True
        QThreadPool.globalInstance().start(_Run(read, self.generation, self._arrived))

    def _deliver(self, generation: int, result: object) -> None:
        if generation != self.generation:
            return  # a later reading is on its way
        self.pending = False
        self._done(result)
