"""Benchmark: the overview page at 100,000 participants. Synthesises a meeting once (kept in the folder given, or a
temporary one), then times the figures (one service call: a handful of aggregate queries) and the page shown
with them (the window's first page, offscreen), over several runs.

    QT_QPA_PLATFORM=offscreen python bench/bench_overview.py [--participants 100000] [--runs 5]

Target: the overview opens within 1 s."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ccm_secretariat.samples.synth import synthesise
from ccm_secretariat.services import open_services


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", default="")
    args = parser.parse_args()
    folder = Path(args.folder or tempfile.mkdtemp())
    path = folder / f"overview-{args.participants}.sqlite3"
    fresh = not path.exists()
    services = open_services(path)
    if fresh:
        started = time.perf_counter()
        for _ in synthesise(services, args.participants, seed=11):
            pass
        print(f"synthesised {args.participants:,} participants in {time.perf_counter() - started:.1f} s")
    meeting = services.meetings.list()[-1]

    figures = []
    for _ in range(args.runs):
        started = time.perf_counter()
        o = services.overview.overview(meeting.id)
        figures.append(time.perf_counter() - started)
    people = sum(f.count for f in o.participants)

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui.pages.overview import OverviewPage
    from ui.undo import UndoRecorder

    app = QApplication.instance() or QApplication([])
    from PySide6.QtGui import QUndoStack

    editor = UndoRecorder(QUndoStack(), lambda: None, lambda _t: None)
    shown = []
    for _ in range(args.runs):
        started = time.perf_counter()
        page = OverviewPage(services, editor, synchronous=True)
        page.resize(1366, 700)
        page.set_meeting(meeting)
        page.show()
        app.processEvents()
        page.grab()  # drawn
        shown.append(time.perf_counter() - started)
        page.close()
        page.deleteLater()  # gone before the next one (PySide6 can hang at exit over widgets left behind)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    print(f"participants in the meeting: {people:,}")
    print(f"figures (service call): median {statistics.median(figures):.3f} s, worst {max(figures):.3f} s")
    print(f"page shown and drawn:   median {statistics.median(shown):.3f} s, worst {max(shown):.3f} s (target 1 s)")
    services.close()


if __name__ == "__main__":
    main()
