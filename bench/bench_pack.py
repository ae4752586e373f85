"""Benchmark: from registrant file to printed documents, whole processes as a secretary runs them: import an
Indico-style export of N registrants (CSV) into a new meeting, draw the seating, then write the meeting's
document pack (`export pack`: worker processes, one a core). Prints each step's wall time and peak memory
(the largest single process: the desk or one of its workers) and the total.

    python bench/bench_pack.py [--rows 100000]

Target at 100,000 registrants on 2 cores: import plus pack under 60 s, each process under 400 MB."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_import import empty_meeting, registration_file
from common import ROOT


def run(*args: str) -> tuple[float, float]:
    """Wall seconds of one desk command and the peak memory (MB) of the largest process among it and the
    workers it waited for (the kernel's accounting, as /usr/bin/time reports it)."""
    started = time.perf_counter()
    desk = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(desk.pid, 0)
    seconds = time.perf_counter() - started
    desk.returncode = os.waitstatus_to_exitcode(status)
    if desk.returncode:
        raise SystemExit(f"{' '.join(args)} failed with status {desk.returncode}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    template = empty_meeting()
    file = str(registration_file(args.rows, template))
    tmp = Path(tempfile.mkdtemp())
    db = str(tmp / "meeting.sqlite3")
    shutil.copy(template, db)
    imported, import_mb = run("--db", db, "import", "registrations", file, "--meeting", "1")
    run("--db", db, "seating", "draw", "--meeting", "1", "--state", "Chile", "--rows", "20", "--seats", "30")
    packed, pack_mb = run("--db", db, "export", "pack", "--meeting", "1", "--out", str(tmp / "pack"))
    written = sorted(p.name for p in (tmp / "pack").iterdir())
    shutil.rmtree(tmp)
    print(
        f"{args.rows:,} registrants: import {imported:.1f} s (peak {import_mb:.0f} MB), pack {packed:.1f} s "
        f"({len(written)} documents; peak {pack_mb:.0f} MB), total {imported + packed:.1f} s (target 60)"
    )


if __name__ == "__main__":
    main()
