"""Benchmark: importing registrations end to end against a bare SQLAlchemy Core floor.

    python bench/bench_import.py [--rows 20000 100000]

The file is an Indico-style registrant export (CSV, CLDR country names, organisations in a Delegation column)
made once per size with a fixed seed. The application's figure is what `ccm-secretariat import registrations`
does: read the file, map the columns, resolve every delegation, find duplicates against the meeting and the
file, preview, then plan again and commit in one transaction. The floor is SQLAlchemy Core `executemany` of the
same delegations and participants (the application's own values, prepared before the clock starts) into the
same tables. Each measurement runs in its own process on its own copy of the same database, so its peak memory
is its own. Each is timed by the clock and by the process's CPU time (the steadier figure on a shared machine).
Targets at 100,000 rows: within 1.5x the floor; peak memory under 400 MB."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import sys
import tempfile
from pathlib import Path

from common import CACHE, ROOT, measure

GIVEN = [
    "Anna",
    "Jean",
    "Ewa",
    "Kofi",
    "María",
    "Søren",
    "Zoë",
    "Łukasz",
    "Thérèse",
    "Ngozi",
    "Hiroshi",
    "Aylin",
    "Olga",
    "Pedro",
    "Fatou",
    "Inès",
    "Rahul",
    "Mei",
    "Tomás",
    "Agnès",
    "Mohammed",
    "Amina",
    "Carlos",
    "Yuki",
]
FAMILY = [
    "Martin",
    "Nowak",
    "Mensah",
    "García",
    "Jørgensen",
    "Dubois",
    "Okafor",
    "Tanaka",
    "Yılmaz",
    "Ivanova",
    "Silva",
    "Diallo",
    "Müller",
    "Sharma",
    "Chen",
    "Ó Briain",
    "Kovač",
    "Haddad",
    "Lindqvist",
    "Ferreira",
    "Nguyen",
    "Kim",
    "Santos",
    "Petrov",
    "Hassan",
    "Rossi",
    "Novak",
    "Cohen",
    "Ali",
    "Smith",
]
FUNCTIONS = ["Ambassador", "Counsellor", "First Secretary", "Legal Adviser", "Desk Officer", "Expert", ""]
HEADERS = [
    "ID",
    "Name",
    "Title",
    "First Name",
    "Last Name",
    "Email",
    "Affiliation",
    "Position",
    "Country",
    "Delegation",
    "Phone",
    "Registration date",
    "Registration state",
]


def empty_meeting() -> Path:
    """A database with the reference data and one empty meeting (made once)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "import-empty.sqlite3"
    if not path.exists():
        sys.path.insert(0, str(ROOT))
        from ccm_secretariat.services import open_services
        from ccm_secretariat.services.meetings import MeetingInput

        services = open_services(path)
        services.meetings.create(
            MeetingInput(
                "Twenty-ninth Conference",
                "COP-like",
                "BENCH/2025",
                dt.date(2025, 11, 10),
                dt.date(2025, 11, 21),
                "",
                "Belém",
                treaty="CCM",
            )
        )
        services.close()
    return path


def registration_file(rows: int, db: Path, seed: int = 1) -> Path:
    path = CACHE / f"registrations-{rows}-{seed}.csv"
    if path.exists():
        return path
    sys.path.insert(0, str(ROOT))
    import pycountry
    import sqlalchemy as sa
    from babel import Locale

    cldr = Locale.parse("en").territories
    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        states = [iso3 for (iso3,) in conn.exec_driver_sql("SELECT iso3 FROM state")]
        organisations = [n for (n,) in conn.exec_driver_sql("SELECT name FROM organisation")]
    engine.dispose()
    countries = [cldr[alpha2[i]] for i in states if i in alpha2 and alpha2[i] in cldr]
    rng = random.Random(seed)
    seen: set[tuple[str, str, str]] = set()
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        for n in range(1, rows + 1):
            organisation = rng.choice(organisations) if rng.random() < 0.15 else ""
            country = rng.choice(countries)
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            while (organisation or country, given, family) in seen:
                given = f"{rng.choice(GIVEN)} {rng.choice('ABCDEFGHJKLMNPRSTVW')}."
                family = f"{rng.choice(FAMILY)}-{rng.choice(FAMILY)}" if rng.random() < 0.3 else rng.choice(FAMILY)
            seen.add((organisation or country, given, family))
            writer.writerow(
                [
                    n,
                    f"{given} {family}",
                    rng.choice(["Mr", "Ms", "Dr"]),
                    given,
                    family,
                    f"r{n}@example.org",
                    "Ministry of Foreign Affairs",
                    rng.choice(FUNCTIONS),
                    country,
                    organisation,
                    "+41 22 917 12 34",
                    f"2025-{rng.randint(6, 11):02d}-{rng.randint(1, 28):02d}",
                    "Complete",
                ]
            )
    return path


APP = """
from ccm_secretariat.services import open_services
from ccm_secretariat.imports.plan import Choices
services = open_services({db!r})
started, cpu = time.perf_counter(), time.process_time()
sheet = services.imports.read({file!r})
mapping, _ = services.imports.mapping_for(sheet.headers)
incoming = services.imports.incoming(sheet, mapping)
plan = services.imports.preview(1, incoming)
read = time.perf_counter() - started
done = services.imports.run(1, incoming, previewed=plan)
result = {{'seconds': time.perf_counter() - started, 'cpu': time.process_time() - cpu, 'preview': read,
          'note': done.summary}}
"""

FLOOR = """
import sqlalchemy as sa
from ccm_secretariat.services import open_services
from ccm_secretariat.orm import Delegation, Participant
services = open_services({db!r})
delegations, participants = prepared({db!r}, {file!r})
started, cpu = time.perf_counter(), time.process_time()
with services.db.engine.begin() as conn:
    ids = conn.execute(sa.insert(Delegation).returning(Delegation.id, sort_by_parameter_order=True),
                       delegations).scalars().all()
    for row in participants:
        row['delegation_id'] = ids[row.pop('_d')]
    for start in range(0, len(participants), 5000):
        conn.execute(sa.insert(Participant), participants[start:start + 5000])
result = {{'seconds': time.perf_counter() - started, 'cpu': time.process_time() - cpu}}
"""

PREPARE = """
def prepared(db, file):
    # The application's own values, from a plan of the same file: only the writing is timed.
    from ccm_secretariat.services import open_services
    from ccm_secretariat.imports.plan import Outcome, destination_key
    from ccm_secretariat.domain.names import un_sort_key
    s = open_services(db)
    sheet = s.imports.read(file)
    plan = s.imports.preview(1, s.imports.incoming(sheet, s.imports.mapping_for(sheet.headers)[0]))
    keys, delegations, participants = {}, [], []
    for r in plan.rows:
        if r.outcome != Outcome.ADD:
            continue
        key = destination_key(r.destination)
        if key not in keys:
            keys[key] = len(delegations)
            delegations.append(dict(meeting_id=1, state_id=r.destination.id if key[0] == 'state' else None,
                                    organisation_id=r.destination.id if key[0] != 'state' else None,
                                    name=r.destination.name, sort_key=un_sort_key(r.destination.name),
                                    override_reason='', notes='', credentials_received=False))
        participants.append(dict(r.values, _d=keys[key], meeting_id=1, position=len(participants) + 1))
    s.close()
    return delegations, participants
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 100_000])
    args = parser.parse_args()
    template = empty_meeting()
    tmp = Path(tempfile.mkdtemp())
    for rows in args.rows:
        file = str(registration_file(rows, template))
        app_db, floor_db = tmp / f"app-{rows}.sqlite3", tmp / f"floor-{rows}.sqlite3"
        shutil.copy(template, app_db)
        shutil.copy(template, floor_db)
        a = measure(APP.format(db=str(app_db), file=file))
        f = measure(PREPARE + FLOOR.format(db=str(floor_db), file=file))
        print(
            f"{rows:,} rows: application {a['seconds']:.2f} s (read, map, resolve and preview "
            f"{a['preview']:.2f} s; {a['note']}), floor {f['seconds']:.2f} s, ratio {a['seconds'] / f['seconds']:.2f} "
            f"(target 1.5); CPU of the timed part {a['cpu']:.2f} s against {f['cpu']:.2f} s, ratio "
            f"{a['cpu'] / f['cpu']:.2f} (steadier on a shared machine); peak memory {a['peak_mb']:.0f} MB (target 400)"
        )


if __name__ == "__main__":
    main()
