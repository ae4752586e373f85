"""Registration files as real systems produce them, built by the tests with what each row should become.

`indico_export` writes an Indico-style registrant export (its columns, CLDR English country names) of 300 rows
from 120 delegations, with aliases, ISO codes, accents, homonyms, duplicates, a withdrawn registration and broken
rows; it returns what the import must make of it.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

INDICO_HEADERS = [
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
    "Category",
]

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
    "Ines",
    "Rahul",
    "Mei",
    "Tomás",
    "Agnès",
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
]
FUNCTIONS = ["Ambassador", "Counsellor", "First Secretary", "Legal Adviser", "Desk Officer", "Expert"]
# Rule 1(2) and 1(3) organisations from the reference data, written as registrants write them.
ORGANISATIONS = [
    ("ICRC", "International Committee of the Red Cross"),
    ("CMC", "Cluster Munition Coalition"),
    ("Mines Advisory Group (MAG)", "Mines Advisory Group"),
    (
        "International Federation of Red Cross and Red Crescent Societies",
        "International Federation of Red Cross and Red Crescent Societies",
    ),
    ("GICHD", "Geneva International Centre for Humanitarian Demining"),
    ("UNMAS", "United Nations Mine Action Service"),
]
# Country cells written otherwise than the CLDR name: aliases, codes, accents and mission names.
SPELLINGS = {
    "CZE": "Czech Republic",
    "TUR": "Turkey",
    "CIV": "Cote d'Ivoire",
    "CHE": "CH",
    "DEU": "DEU",
    "CHL": "Permanent Mission of Chile to the United Nations Office at Geneva",
    "BOL": "bolivia",
    "KOR": "South Korea",
    "GBR": "UK",
    "VNM": "Vietnam",
}


@dataclass
class Expected:
    by_delegation: Counter = field(default_factory=Counter)  # UN name -> participants added
    added: int = 0
    skipped: int = 0
    refused: int = 0
    possible_duplicate_lines: list[int] = field(default_factory=list)
    unresolved_lines: list[int] = field(default_factory=list)


def cldr_names() -> dict[str, str]:
    """ISO alpha-3 -> CLDR English name, as Indico's country field writes it."""
    import pycountry

    names = Locale.parse("en").territories
    return {c.alpha_3: names[c.alpha_2] for c in pycountry.countries if c.alpha_2 in names}


def indico_export(path: Path, states: list[tuple[str, str]], seed: int = 7) -> Expected:
    """`states`: (alpha-3, UN short name) of the States to draw from (at least 114)."""
    rng = random.Random(seed)
    cldr = cldr_names()
    spelled = [s for s in states if s[0] in SPELLINGS]
    chosen = spelled + [s for s in states if s[0] in cldr and s[0] not in SPELLINGS][: 114 - len(spelled)]
    assert len(chosen) == 114
    rows: list[list[str]] = []
    expected = Expected()

    def person(
        country: str,
        delegation: str = "",
        *,
        given=None,
        family=None,
        email=None,
        function=None,
        title="",
        state="Complete",
        name_cell=None,
    ) -> list[str]:
        given = rng.choice(GIVEN) if given is None else given
        family = rng.choice(FAMILY) if family is None else family
        n = len(rows) + 1
        email = f"person{n}@example.org" if email is None else email
        function = rng.choice(FUNCTIONS) if function is None else function
        return [
            str(n),
            name_cell or f"{given} {family}",
            title,
            given,
            family,
            email,
            "Ministry of Foreign Affairs",
            function,
            country,
            delegation,
            "+41 22 917 00 00",
            f"2025-08-{1 + n % 28:02d}T10:00:00",
            state,
            "",
        ]

    def add(row: list[str], delegation: str | None, outcome: str = "add") -> int:
        rows.append(row)
        line = len(rows) + 1  # the header is row 1
        if outcome == "add":
            expected.added += 1
            expected.by_delegation[delegation] += 1
        elif outcome == "skip":
            expected.skipped += 1
        else:
            expected.refused += 1
        return line

    # 114 States with 2 or 3 members each (first the CLDR name, then the other spellings).
    for i, (iso3, un_name) in enumerate(chosen):
        cell = SPELLINGS.get(iso3, cldr[iso3])
        for _ in range(3 if i < 49 else 2):
            seen = {(r[3], r[4]) for r in rows if r[8] == cell}
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            while (given, family) in seen:
                given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            add(person(cell, given=given, family=family, title=rng.choice(["Mr", "Ms", "Dr", ""])), un_name)
    # 6 organisations named in the Delegation column (their people live in Switzerland: the delegation wins).
    for short, full in ORGANISATIONS:
        for _ in range(2):
            add(person("Switzerland", short, family=rng.choice(FAMILY) + "-" + short[:3]), full)
    # Bangladesh: three officials called Md Jahangir Alam, each with a function and an e-mail of their own.
    for k, function in enumerate(["Joint Secretary", "Director", "Deputy Secretary"]):
        line = add(
            person("Bangladesh", given="Md Jahangir", family="Alam", function=function, name_cell="Md Jahangir Alam"),
            "Bangladesh",
            "add" if k == 0 else "skip",
        )
        if k:
            expected.possible_duplicate_lines.append(line)
    # The same registration sent twice (same e-mail), and "MÜLLER Hans" = "Hans Muller" with nothing that differs.
    first = person("Austria", given="Hans", family="Müller", function="Ambassador", email="hans.muller@example.at")
    add(first, "Austria")
    add(list(first), None, "skip")
    add(person("Austria", given="HANS", family="MULLER", function="", email=""), None, "skip")
    # A withdrawn registration is skipped on purpose.
    add(person("Austria", state="Withdrawn"), None, "skip")
    # Broken rows: an unknown country, no name, a bad e-mail; and a name with markup and a formula-like start.
    expected.unresolved_lines.append(add(person("Freedonia"), None, "refuse"))
    add(person("Austria", given="", family="", name_cell=""), None, "refuse")
    add(person("Austria", email="not-an-address"), None, "refuse")
    add(person("Austria", given='=HYPERLINK("x")', family="Åsen & <Berg>"), "Austria")
    assert len(rows) == 300, len(rows)
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(INDICO_HEADERS)
        writer.writerows(rows)
    return expected
