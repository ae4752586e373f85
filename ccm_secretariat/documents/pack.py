"""The meeting's document pack: the list of participants (PDF and workbook), the badges, the nameplates, the
seating plan, the agenda, the programme of work, the list of documents and the draft report, written in one go
by worker processes, one per core, into a folder.

All of them are written in a hidden folder beside the results (each file atomically, as any export), then moved
into place together once every one is done: a cancelled or failed pack leaves the folder as it was. A killed
one leaves only the hidden folder, which the next start removes (pending.py); its workers die with it.

The pack yields Progress like any export (one bar for all documents, weighted by their work); closing the
generator cancels it."""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import shutil
import signal
import tempfile
import time
from collections.abc import Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.errors import DomainError
from ccm_secretariat.progress import Progress
from ccm_secretariat.storage import pending

if TYPE_CHECKING:
    from ccm_secretariat.services import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PackItem:
    kind: str  # a document of the registry
    fmt: str
    weight: int  # its share of the work at 100,000 participants, for the progress bar and the order
    options: ExportOptions = ExportOptions()

    @property
    def file_name(self) -> str:
        return f"{DOCUMENTS[self.kind].file_stem}.{self.fmt}"


# The heaviest first, so that the long ones start at once and the short ones fill the gaps.
PACK = (
    PackItem("badges", "pdf", 40, ExportOptions(record_printed=False)),  # recorded once the files are in place
    PackItem("participants", "xlsx", 12),
    PackItem("participants", "pdf", 11),
    PackItem("nameplates", "pdf", 1),
    PackItem("seating", "pdf", 1),
    PackItem("report", "pdf", 1),
    PackItem("agenda", "pdf", 1),
    PackItem("programme", "pdf", 1),
    PackItem("documents-list", "pdf", 1),
)
STEPS = 1000  # the pack's progress bar counts in thousandths


@dataclass(frozen=True)
class Outcome:
    """What one worker did with one document: its summary, or why it was not written."""

    index: int
    message: str = ""
    warnings: tuple[str, ...] = ()
    error: str = ""
    cancelled: bool = False
    printed: tuple[tuple[int, int], ...] = ()  # (participant, code generation) of the badges written, recorded
    # as printed once they are in place
    seconds: float = 0.0  # how long its worker took to write it
    cpu: float = 0.0  # the worker's CPU time for it (the log says both)


# In each worker process: the pack's cancel flag and the queue its progress goes back by.
_cancel: Any = None
_progress: Any = None
_parent = 0
_opened: Services | None = None


def _start_worker(cancel: Any, progress: Any, parent: int) -> None:
    global _cancel, _progress, _parent
    _cancel, _progress, _parent = cancel, progress, parent
    _die_with_parent()
    pending.use_private_tempdir()  # openpyxl's spool files, private and cleaned after a kill


def _die_with_parent() -> None:
    """On Linux, the kernel kills the worker when the process that started it dies (even by SIGKILL)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # elsewhere the worker notices between steps (os.getppid)


def _stopped() -> bool:
    return bool(_cancel.is_set()) or os.getppid() != _parent


def _services(url: str) -> Services:
    """The worker's connection to the database, opened for its first document and kept for the next."""
    global _opened
    if _opened is None:
        from ccm_secretariat.services import open_services

        _opened = open_services(url)
    return _opened


def _write(url: str, meeting_id: int, index: int, item: PackItem, target: str) -> Outcome:
    """One document, in a worker process."""
    if _stopped():
        return Outcome(index, cancelled=True)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        steps = cast(
            "Generator[Progress, None, None]",
            DOCUMENTS[item.kind].job(_services(url), meeting_id, item.fmt, target, item.options),
        )
        last: Progress | None = None
        for last in steps:
            if _stopped():
                steps.close()  # the export removes its temporary file
                return Outcome(index, cancelled=True)
            _progress.put((index, last.done, max(last.total, 1)))
        assert last is not None and last.path is not None  # an export yields its result last
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        return Outcome(index, last.message, last.warnings, printed=last.printed, seconds=seconds, cpu=cpu)
    except DomainError as exc:
        return Outcome(index, error=str(exc))


def _staging(folder: Path) -> Path:
    if not folder.exists() and folder.parent.is_dir():
        folder.mkdir()
    if not folder.is_dir():
        raise DomainError(f"{folder} is not a folder, nor can one be made there.", "out")
    try:
        staging = Path(tempfile.mkdtemp(prefix=".pack.", suffix=".part", dir=folder))
    except OSError as exc:
        raise DomainError(f"Cannot write in {folder}: {exc.strerror}.", "out") from exc
    pending.remember(staging)
    return staging


def write_pack(
    services: Services,
    meeting_id: int,
    folder: str | Path,
    processes: int | None = None,
) -> Iterator[Progress]:
    """Write the pack into `folder` (made if missing); the last item's path is the folder, its message the
    summary, one line a document."""
    folder = Path(os.path.realpath(folder))
    url = services.db.url.render_as_string(hide_password=False)
    services.meetings.get(meeting_id)  # a meeting that does not exist fails here, before any process starts
    staging = _staging(folder)
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt or holds connections
    cancel, progress = context.Event(), context.Queue()
    workers = max(1, min(processes or os.cpu_count() or 1, len(PACK)))
    try:
        with ProcessPoolExecutor(workers, context, _start_worker, (cancel, progress, os.getpid())) as pool:
            futures = [
                pool.submit(_write, url, meeting_id, i, item, str(staging / item.file_name))
                for i, item in enumerate(PACK)
            ]
            try:
                yield from _follow(futures, progress)
            except BaseException as exc:  # cancelled (the generator closed) or failed: workers stop at their next step
                cancel.set()
                pool.shutdown(wait=True, cancel_futures=True)
                if isinstance(exc, BrokenProcessPool):  # a worker killed (out of memory, or by hand)
                    raise DomainError(
                        f"A process writing the pack stopped unexpectedly, so nothing was put in {folder}; "
                        "write the pack again (with --processes 1 when memory is short)."
                    ) from None
                raise
        outcomes = [f.result() for f in futures]
        written = [o for o in outcomes if not o.error]
        for o in written:
            os.replace(staging / PACK[o.index].file_name, folder / PACK[o.index].file_name)
        outcomes = [_recorded(services, o) for o in outcomes]
        for o in written:
            log.info("Pack: %s written in %.1f s (its worker's CPU %.1f s)", PACK[o.index].file_name, o.seconds, o.cpu)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        pending.forget(staging)
    yield Progress(STEPS, STEPS, summary(outcomes, folder), folder, tuple(w for o in outcomes for w in o.warnings))


def _recorded(services: Services, outcome: Outcome) -> Outcome:
    """The badges of the pack recorded as printed, now that their file is in place."""
    if not outcome.printed:
        return outcome
    from ccm_secretariat.exports.badges import DEFAULT_LAYOUT

    generations = dict(outcome.printed)
    layout = PACK[outcome.index].options.values.get("layout") or DEFAULT_LAYOUT
    try:
        reprints = services.badges.record_printed(list(generations), layout, generations=generations)
    except DomainError as exc:  # the file is in place; only the record of the printing is not
        said = (
            f"; their printing was not recorded ({exc.message.rstrip('.')}): until it is, the desk counts them as not "
            "printed and they do not check in; print the same badges again"
        )
        return replace(outcome, message=outcome.message + said, printed=())
    note = f"; {reprints} of them reprinted" if reprints else ""
    return replace(outcome, message=outcome.message + note, printed=())


def _follow(futures: list[Future[Outcome]], progress: Any) -> Iterator[Progress]:
    """The pack's one progress bar while the workers run: each document's fraction, weighted by its work."""
    fractions = [0.0] * len(PACK)
    total_weight = sum(item.weight for item in PACK)
    started = time.perf_counter()
    pending_futures = set(futures)
    while pending_futures:
        finished, pending_futures = wait(pending_futures, timeout=0.2, return_when=FIRST_COMPLETED)
        for f in finished:
            fractions[futures.index(f)] = 1.0
            f.result()  # a worker's unexpected failure is raised here, and the pack stops
        while True:
            try:
                index, done, total = progress.get_nowait()
            except queue.Empty:
                break
            fractions[index] = max(fractions[index], min(done / total, 1.0))
        done_weight = sum(item.weight * fractions[i] for i, item in enumerate(PACK))
        count = sum(1 for f in futures if f.done())
        yield Progress(
            int(STEPS * done_weight / total_weight),
            STEPS,
            f"{count} of {len(PACK)} documents written ({time.perf_counter() - started:.0f} s)",
        )


def summary(outcomes: list[Outcome], folder: Path) -> str:
    written = [o for o in outcomes if not o.error]
    lines = [f"{len(written)} of {len(PACK)} documents written in {folder}:"]
    for o in outcomes:
        name = PACK[o.index].file_name
        lines.append(f"  {name}: not written, {o.error}" if o.error else f"  {name}: {o.message} ({o.seconds:.1f} s)")
    return "\n".join(lines)
