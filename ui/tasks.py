"""Run a core generator of progress off the main thread behind a cancellable progress dialog.

The generator (of `ccm_secretariat.progress.Progress`, the one shape of long-running work) runs in a QThreadPool
worker; each item it yields is sent to the dialog through a queued signal; Cancel asks the worker to close the
generator (the export then removes its temporary file). Tests use `run_sync`, which runs the same generator in
the calling thread, like Picard's synchronous pool."""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ccm_secretariat.progress import Progress


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, make: Callable[[], Iterator[Progress]]):
        super().__init__()
        self.make = make
        self.signals = _Signals()
        self.cancel = threading.Event()

    def run(self) -> None:
        last = None
        try:
            job = self.make()
            for last in job:
                if self.cancel.is_set():
                    job.close()
                    self.signals.cancelled.emit()
                    return
                self.signals.progress.emit(last.done, last.total, last.message)
        except BaseException as exc:  # reported to the window, never lost in the thread
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(last)


class TaskRunner:
    """Starts jobs; `synchronous=True` runs them in the calling thread (tests)."""

    def __init__(self, parent: QWidget, synchronous: bool = False):
        self.parent = parent
        self.synchronous = synchronous
        self.pool = QThreadPool.globalInstance()
        self._running: list[_Worker] = []

    def run(
        self,
        title: str,
        make: Callable[[], Iterator[Progress]],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        if self.synchronous:
            try:
                tail = collections.deque(make(), maxlen=1)  # the last item is the result
                last = tail[0] if tail else None
            except BaseException as exc:
                on_error(exc)
                return
            on_done(last)
            return
        dialog = QProgressDialog(title, "Cancel", 0, 0, self.parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        worker = _Worker(make)
        self._running.append(worker)

        def finish():
            dialog.reset()
            dialog.deleteLater()
            if worker in self._running:
                self._running.remove(worker)

        def progress(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            dialog.setLabelText(f"{title}\n{message}")

        worker.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
        worker.signals.finished.connect(lambda last: (finish(), on_done(last)), Qt.ConnectionType.QueuedConnection)
        worker.signals.failed.connect(lambda exc: (finish(), on_error(exc)), Qt.ConnectionType.QueuedConnection)
        worker.signals.cancelled.connect(finish, Qt.ConnectionType.QueuedConnection)
        dialog.canceled.connect(worker.cancel.set)
        self.pool.start(worker)

    def wait(self) -> None:
        self.pool.waitForDone()
