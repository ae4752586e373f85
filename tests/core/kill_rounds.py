"""Kill rounds: a child process runs one user-level operation on a copy of a realistic database and is killed
(SIGKILL) at a random moment; the database must then pass SQLite's integrity and foreign-key checks and hold
exactly what it held before the operation, or exactly what it holds after it, never anything between. Every
backup listed afterwards must pass SQLite's quick check (`db backup` and `db restore` are killed too).

    python -m tests.core.kill_rounds --rounds 500 [--seed 1]

The test suite runs 50 rounds (tests/core/test_kill.py)."""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLES = (
    "meeting",
    "meeting_part",
    "officer",
    "delegation",
    "participant",
    "attendance",
    "agenda_item",
    "plenary_meeting",
    "document",
    "decision_paragraph",
    "organisation",
)

PRELUDE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ccm_secretariat.services import open_services
from ccm_secretariat.progress import run_to_end
s = open_services(sys.argv[1])
"""
OPERATIONS = {
    "create a meeting": """
import datetime as dt
from ccm_secretariat.services.meetings import MeetingInput
s.meetings.create(MeetingInput("Fourteenth Meeting", "14MSP", "CCM/MSP/2026", dt.date(2026, 9, 7),
                               dt.date(2026, 9, 9), "", "Geneva", treaty="CCM"))
""",
    "load the demo": """
from ccm_secretariat.samples.demo import load_demo
run_to_end(load_demo(s))
""",
    "synthesise a meeting": """
from ccm_secretariat.samples.synth import synthesise
run_to_end(synthesise(s, 6000, 5))
""",
    "import registrations": """
sheet = s.imports.read(sys.argv[2])
incoming = s.imports.incoming(sheet, s.imports.mapping_for(sheet.headers)[0])
s.imports.run(2, incoming, partial=True)
""",
    "carry over": """
s.imports.run(2, s.imports.carry_over(1, 2), partial=True)
""",
    "remove a delegation": """
big = max(s.registration.delegations(1), key=lambda d: d.participant_count)
s.registration.remove_delegation(big.id)
""",
    "remove a selection": """
d = max(s.registration.delegations(1), key=lambda d: d.participant_count)
s.registration.remove_participants([p.id for p in s.registration.participants(d.id)][:400])
""",
    "back up": """
s.db.backup()
""",
    "restore a backup": """
from pathlib import Path
from ccm_secretariat.storage import backups
s.close()
backups.restore(Path(sys.argv[1]), Path(sys.argv[3]))
""",
    "credentials of a selection": """
import datetime as dt
from ccm_secretariat.domain.enums import CredentialsKind
ids = [d.id for d in s.registration.delegations(1)]
s.registration.set_credentials(ids, True, CredentialsKind.NOTE_VERBALE, dt.date(2026, 9, 1))
""",
}


def fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
            # When a change was made is the clock's, not the data's: the run "after" is made at another moment.
            keep = [i for i, d in enumerate(cursor.description) if d[0] != "changed_at"]
            for row in cursor:
                digest.update(repr(tuple(row[i] for i in keep)).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def healthy(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return "integrity_check failed"
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            return "foreign_key_check failed"
        return None
    finally:
        conn.close()


def template(folder: Path) -> tuple[Path, Path, Path]:
    """A database with a synthetic meeting of 8,000 participants and an empty second meeting, a file of
    3,000 registrations for that second meeting, and a backup to restore (the same with 50 names changed)."""
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.samples.synth import synthesise
    from ccm_secretariat.services import open_services
    from ccm_secretariat.services.meetings import MeetingInput

    path = folder / "template.sqlite3"
    s = open_services(path)
    run_to_end(synthesise(s, 8000, 1))
    s.meetings.create(
        MeetingInput(
            "Second meeting", "2M", "KILL/2026", dt.date(2026, 11, 2), dt.date(2026, 11, 4), "", "Geneva", treaty="CCM"
        )
    )
    s.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    registrations = folder / "registrations.csv"
    rng = random.Random(7)
    with registrations.open("w", encoding="utf-8") as f:
        f.write("First Name,Last Name,Email,Country\n")
        for n in range(3000):
            f.write(f"G{n},F{rng.randint(0, 10**9)},k{n}@example.org,{rng.choice(['Chile', 'Peru', 'Japan'])}\n")
    restorable = folder / "restorable.sqlite3"
    shutil.copy(path, restorable)
    conn = sqlite3.connect(restorable)
    with conn:
        conn.execute("UPDATE participant SET given_names = given_names || 'R' WHERE id <= 50")
    conn.close()
    return path, registrations, restorable


def backups_unreadable(path: Path) -> str | None:
    """A problem when a backup listed for `path` does not pass SQLite's quick check (a killed backup must never
    be listed as one)."""
    from ccm_secretariat.storage import backups

    for info in backups.list_backups(path):
        if not backups._checked(info.path):
            return f"a damaged backup is listed ({info.path.name})"
    return None


def run(rounds: int, seed: int = 1, folder: Path | None = None, out=None) -> Counter:
    out = out or sys.stdout
    folder = folder or Path(tempfile.mkdtemp(prefix="kill-rounds-"))
    base, registrations, restorable = template(folder)
    from ccm_secretariat.environment import BACKUPS_KEPT  # (template() put the checkout on the path)

    rng = random.Random(seed)
    before = fingerprint(base)
    after: dict[str, tuple[str, float]] = {}
    env = {**os.environ, BACKUPS_KEPT.name: "1"}
    for name, code in OPERATIONS.items():  # each operation once, whole: what "after" is, and how long it takes
        copy = folder / "full.sqlite3"
        shutil.copy(base, copy)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", PRELUDE + code, str(copy), str(registrations), str(restorable)], check=True, env=env
        )
        after[name] = (fingerprint(copy), time.perf_counter() - started)
        assert after[name][0] != before or name == "back up", name
    copy = folder / "idle.sqlite3"
    shutil.copy(base, copy)
    started = time.perf_counter()  # what starting the child and opening the database take, before any work
    subprocess.run([sys.executable, "-c", PRELUDE, str(copy), str(registrations), str(restorable)], check=True, env=env)
    startup = time.perf_counter() - started
    outcomes: Counter = Counter()
    for n in range(rounds):
        name = rng.choice(list(OPERATIONS))
        copy = folder / f"round-{n}.sqlite3"
        shutil.copy(base, copy)
        child = subprocess.Popen(
            [sys.executable, "-c", PRELUDE + OPERATIONS[name], str(copy), str(registrations), str(restorable)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(startup * 0.9, max(startup, after[name][1]) * 1.05))  # mostly while it works
        child.send_signal(signal.SIGKILL)
        child.wait()
        problem = healthy(copy) or backups_unreadable(copy)
        state = fingerprint(copy) if problem is None else None
        outcome = "as before" if state == before else "as after" if state == after[name][0] else problem or "BETWEEN"
        outcomes[outcome] += 1
        outcomes[f"{name}: {outcome}"] += 1
        for leftover in folder.glob(f"round-{n}.sqlite3*"):
            leftover.unlink()
        shutil.rmtree(folder / f"round-{n}-backups", ignore_errors=True)
    print(
        f"{rounds} kill rounds: {outcomes['as before']} as before, {outcomes['as after']} as after, "
        f"{rounds - outcomes['as before'] - outcomes['as after']} otherwise",
        file=out,
    )
    for key in sorted(k for k in outcomes if ":" in k):
        print(f"  {key}: {outcomes[key]}", file=out)
    shutil.rmtree(folder, ignore_errors=True)
    return outcomes


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    result = run(args.rounds, args.seed)
    sys.exit(0 if result["as before"] + result["as after"] == args.rounds else 1)
