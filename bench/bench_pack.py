"""Benchmark: from registrant file to printed documents, whole processes as a secretary runs them: import an
Indico-style export of N registrants (CSV) into a new meeting, draw the seating, then write the meeting's
document pack (`export pack`: worker processes, one a core). Prints each step's wall time and peak memory
(the largest single process: the desk or one of its workers) and the total.

    python bench/bench_pack.py [--rows 100000]

It prints each step's wall and CPU time (the pack's worker processes included) and each document's time.
Target at 100,000 registrants on 2 cores: import plus pack under 60 s, each process under 400 MB."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_import import empty_meeting, registration_file
from common import ROOT


@dataclass
class Step:
    """One desk command as a whole process: wall seconds, CPU seconds (user and system, its worker processes
    included), the peak memory (MiB) of the largest process among it and its workers (the kernel's accounting,
    as /usr/bin/time reports it), and what it printed."""

    seconds: float
    cpu: float
    peak_mib: float
    printed: str


def run(*args: str, state: Path) -> Step:
    started = time.perf_counter()
    env = {**os.environ, "XDG_STATE_HOME": str(state)}  # the desk's log, the benchmark's own
    with tempfile.TemporaryFile("w+") as printed:
        desk = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], stdout=printed, env=env)
        _pid, status, usage = os.wait4(desk.pid, 0)
        seconds = time.perf_counter() - started
        printed.seek(0)
        text = printed.read()
    desk.returncode = os.waitstatus_to_exitcode(status)
    if desk.returncode:
        raise SystemExit(f"{' '.join(args)} failed with status {desk.returncode}")
    return Step(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--processes", type=int, help="the pack's worker processes (default: one a core)")
    args = parser.parse_args()
    template = empty_meeting()
    file = str(registration_file(args.rows, template))
    tmp = Path(tempfile.mkdtemp())
    db = str(tmp / "meeting.sqlite3")
    shutil.copy(template, db)
    state = tmp / "state"
    imported = run("--db", db, "import", "registrations", file, "--meeting", "1", state=state)
    run(
        "--db",
        db,
        "seating",
        "draw",
        "--meeting",
        "1",
        "--state",
        "Chile",
        "--rows",
        "20",
        "--seats",
        "30",
        state=state,
    )
    out = tmp / "pack"
    processes = ["--processes", str(args.processes)] if args.processes else []
    packed = run("--db", db, "export", "pack", "--meeting", "1", "--out", str(out), *processes, state=state)
    written = sorted(p.name for p in out.iterdir())
    logged = [
        line.split("Pack: ", 1)[1]
        for log in state.rglob("desk.log*")
        for line in log.read_text().splitlines()
        if "Pack: " in line
    ]
    shutil.rmtree(tmp)
    print(
        f"{args.rows:,} registrants, {os.cpu_count()} cores: import {imported.seconds:.1f} s (CPU "
        f"{imported.cpu:.1f} s, peak {imported.peak_mib:.0f} MiB); pack {packed.seconds:.1f} s (CPU {packed.cpu:.1f} s "
        f"with its workers; {len(written)} documents; peak {packed.peak_mib:.0f} MiB); import + pack "
        f"{imported.seconds + packed.seconds:.1f} s (target 60; CPU {imported.cpu + packed.cpu:.1f} s)"
    )
    for line in packed.printed.splitlines()[1:]:  # each document as the summary gives it
        print(f"  {line.strip()}")
    for line in logged:  # and each document's time and its worker's CPU, from the desk's log
        print(f"  {line}")


if __name__ == "__main__":
    main()
