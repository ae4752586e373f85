"""Benchmark: a shared desk under load. 8 processes register 2,500 participants each into one meeting at once
(each registration one transaction through the services, spread over 20 delegations), and meanwhile each
counts a shared counter up 50 times with optimistic concurrency (read, change, save on the version read;
on a conflict, read again and retry). On PostgreSQL (a throwaway cluster) and, for comparison, on SQLite in
WAL mode.

    python bench/bench_shared_desk.py [--processes 8] [--each 2500]

Prints throughput, p50 and p95 latency per registration, and the checks: every participant present, no
duplicate, no lost update (the counter ends at processes × 50), no gap in protocol order."""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import throwaway_postgres

DELEGATIONS = (
    "Chile",
    "Peru",
    "Japan",
    "Ghana",
    "Mexico",
    "Norway",
    "Austria",
    "Ecuador",
    "Fiji",
    "Iraq",
    "Lebanon",
    "Malta",
    "Niger",
    "Panama",
    "Samoa",
    "Spain",
    "Togo",
    "Uganda",
    "Zambia",
    "Canada",
)
COUNTS = 50


def _desk(args):
    where, desk, each, delegation_ids, counter_id = args
    from ccm_secretariat.domain.participants import ParticipantInput
    from ccm_secretariat.errors import ConflictError, DatabaseError
    from ccm_secretariat.services import open_services

    services = open_services(where)
    reg = services.registration
    latencies, conflicts, counted, locked = [], 0, 0, 0
    try:
        for n in range(each):
            started = time.perf_counter()
            while True:  # "locked by another window, try again": the desk's message, and what a person does
                try:
                    reg.add_participant(
                        delegation_ids[n % len(delegation_ids)],
                        ParticipantInput(f"Desk{desk}", f"Person{n}", email=f"d{desk}.p{n}@example.org"),
                    )
                    break
                except DatabaseError:
                    locked += 1
            latencies.append(time.perf_counter() - started)
            if n % (each // COUNTS) == 0 and counted < COUNTS:
                while True:  # read, change, save on the version read; retry on a conflict
                    row = reg.participant(counter_id)
                    try:
                        reg.update_participant(
                            counter_id,
                            replace(row.as_input(), function=str(int(row.function) + 1)),
                            expected_version=row.version,
                        )
                        counted += 1
                        break
                    except ConflictError:
                        conflicts += 1
                    except DatabaseError:  # a wait past the lock timeout: try again
                        locked += 1
        return latencies, conflicts, counted, locked
    finally:
        services.close()


def run(where: str, processes: int, each: int) -> str:
    import datetime as dt

    from ccm_secretariat.domain.participants import ParticipantInput
    from ccm_secretariat.services import open_services
    from ccm_secretariat.services.meetings import MeetingInput

    services = open_services(where)
    m = services.meetings.create(
        MeetingInput(
            "Shared desk", "SD", "BENCH/SD", dt.date(2026, 9, 7), dt.date(2026, 9, 9), "", "Geneva", treaty="CCM"
        )
    )
    ids = [services.registration.add_state_delegation(m.id, name).id for name in DELEGATIONS]
    counter = services.registration.add_participant(ids[0], ParticipantInput("Counter", "Shared", function="0"))
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_desk, [(where, d, each, ids, counter.id) for d in range(processes)])
    elapsed = time.perf_counter() - started
    latencies = sorted(x for r in results for x in r[0])
    conflicts = sum(r[1] for r in results)
    locked = sum(r[3] for r in results)
    people = services.roster.directory(m.id)
    named = [p for p in people if p.family_name.startswith("Desk")]
    keys = {(p.family_name, p.given_names) for p in named}
    gaps = 0
    for d in ids:
        positions = sorted(p.position for p in people if p.delegation_id == d)
        gaps += positions != list(range(1, len(positions) + 1))
    final = services.registration.participant(counter.id).function
    services.close()
    total = processes * each
    return (
        f"{total:,} registrations by {processes} processes in {elapsed:.1f} s: {total / elapsed:,.0f} a second; "
        f"latency p50 {statistics.median(latencies) * 1000:.1f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.1f} ms. Checks: {len(named):,} present "
        f"({'all' if len(named) == total else 'MISSING SOME'}), {len(named) - len(keys)} duplicates, counter "
        f"{final} of {processes * COUNTS} ({'no lost update' if int(final) == processes * COUNTS else 'LOST'}, "
        f"{conflicts} conflicts retried), {gaps} delegations with a gap in protocol order, {locked} waits "
        "past the lock timeout retried"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--each", type=int, default=2500)
    args = parser.parse_args()
    with throwaway_postgres() as server:
        import sqlalchemy as sa

        engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql('CREATE DATABASE "bench_shared"')
        engine.dispose()
        url = sa.engine.make_url(server).set(database="bench_shared").render_as_string(hide_password=False)
        print("PostgreSQL:", run(url, args.processes, args.each))
    print("SQLite (WAL):", run(str(Path(tempfile.mkdtemp()) / "shared.sqlite3"), args.processes, args.each))


if __name__ == "__main__":
    main()
