"""Benchmark: the print preview of a 100,000-participant list of participants. The PDF is written off the main
thread (its time is the export's, see bench_list_of_participants.py); what the secretary waits for on the main
thread is opening it, showing the first pages, and each jump to another page.

    QT_QPA_PLATFORM=offscreen python bench/bench_preview.py [--participants 100000]

Targets: the preview shown within 0.5 s of the PDF being ready; a jump to any page drawn within 100 ms."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import database_from_arguments


def main() -> None:
    db = database_from_arguments(__doc__)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ccm_secretariat.documents.registry import DOCUMENTS
    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.services import open_services
    from ui.print_preview import PdfPages, PreviewDialog

    services = open_services(db)
    meeting = services.meetings.list()[0]
    pdf = Path(tempfile.mkdtemp()) / "list.pdf"
    started = time.perf_counter()
    run_to_end(DOCUMENTS["participants"].job(services, meeting.id, "pdf", pdf))
    print(f"the PDF written (off the main thread in the desk): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    pages = PdfPages(pdf)
    dialog = PreviewDialog("List of participants", pages)
    dialog.show()
    app.processEvents()
    shown = time.perf_counter() - started
    print(
        f"{len(pages):,} pages; preview shown with its first pages drawn: {shown:.2f} s (target 0.5 s); "
        f"pages drawn: {dialog.model.drawn}"
    )

    jumps = []
    for page in range(0, len(pages), max(1, len(pages) // 40)):
        t = time.perf_counter()
        dialog.go_to(page)
        app.processEvents()
        jumps.append(time.perf_counter() - t)
    print(
        f"jump to a page and draw it, {len(jumps)} jumps: median {statistics.median(jumps) * 1000:.0f} ms, "
        f"worst {max(jumps) * 1000:.0f} ms (target 100 ms)"
    )
    dialog.close()
    pages.close()
    services.close()


if __name__ == "__main__":
    main()
