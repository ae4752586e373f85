"""Synthetic meetings for benchmarks and tests: N participants over realistic delegations, reproducible.

Delegation sizes are heavy-tailed (a few large State delegations, many small ones), names come from many
scripts (Latin with diacritics, Cyrillic, Greek, Arabic, Chinese, Japanese, Devanagari), and every category is
present. Rows are written in bulk, in one transaction, so 100,000 participants take seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ccm_secretariat.domain.enums import (
    Attendance,
    CredentialsKind,
    Gender,
    MeetingFormat,
    OrganisationKind,
    Role,
    Rule,
)
from ccm_secretariat.domain.names import fold, un_sort_key
from ccm_secretariat.orm import AttendanceRecord, Delegation, Organisation, Participant, State
from ccm_secretariat.progress import Progress
from ccm_secretariat.reference.files import REFERENCE_DIR, read_table
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# script -> (women's given names, men's given names, family names)
NAMES = {
    "en": (
        ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Sarah", "Grace", "Amina", "Fatou", "Aroha"],
        ["James", "Robert", "John", "Michael", "David", "Thomas", "Peter", "Kwame", "Tendai", "Rangi"],
        [
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Taylor",
            "Wilson",
            "Mensah",
            "Okafor",
            "Banda",
            "Moyo",
            "O'Brien",
            "Fitzgerald",
            "Ngata",
            "Campbell",
            "Reid",
            "Kamara",
            "Diallo",
            "Mwangi",
        ],
    ),
    "latin": (
        ["María", "Zoë", "Inês", "Ióana", "Anaïs", "Małgorzata", "Chloé", "Dóra", "Ülle", "Søs"],
        ["José", "François", "Łukasz", "Søren", "Jürgen", "Ćiril", "Björn", "Sebastián", "Jiří", "İlker", "Ştefan"],
        [
            "Muñoz",
            "Müller",
            "Wróblewski",
            "Kjær",
            "Dvořák",
            "Gonçalves",
            "Ó Súilleabháin",
            "Lefèvre",
            "Nuñez",
            "Østergaard",
            "Çelik",
            "Šimić",
            "Kovačević",
            "Böhm",
            "Ibáñez",
            "Nguyễn",
            "Trần",
            "Đặng",
        ],
    ),
    "cyrillic": (
        ["Мария", "Ольга", "Наталья", "Елена"],
        ["Алексей", "Дмитрий", "Иван", "Сергей", "Богдан"],
        ["Смирнов", "Кузнецов", "Соколов", "Шевченко", "Петров", "Бондаренко"],
    ),
    "greek": (
        ["Μαρία", "Ελένη", "Κατερίνα"],
        ["Γιώργος", "Νίκος", "Δημήτρης"],
        ["Παπαδόπουλος", "Γεωργίου", "Κωνσταντίνου", "Νικολάου"],
    ),
    "arabic": (
        ["فاطمة", "مريم", "نور", "ليلى"],
        ["محمد", "أحمد", "علي", "يوسف"],
        ["العلي", "الحسن", "المنصور", "الخطيب", "السيد", "الزهراني", "حداد"],
    ),
    "chinese": (["芳", "娜", "敏", "静"], ["伟", "强", "磊"], ["王", "李", "张", "刘", "陈", "杨"]),
    "japanese": (["由美", "さくら"], ["健", "翔太", "大輔"], ["佐藤", "鈴木", "高橋", "田中", "渡辺"]),
    "devanagari": (["प्रिया", "सुनीता"], ["अमित", "राहुल"], ["शर्मा", "वर्मा", "गुप्ता", "सिंह"]),
}
SCRIPT_OF = {
    **dict.fromkeys("DZA BHR EGY IRQ JOR KWT LBN LBY MAR OMN QAT SAU SDN SYR TUN ARE YEM PSE MRT".split(), "arabic"),
    **dict.fromkeys("RUS UKR BLR KAZ KGZ TJK BGR SRB MKD MNG".split(), "cyrillic"),
    **dict.fromkeys("GRC CYP".split(), "greek"),
    **dict.fromkeys("CHN".split(), "chinese"),
    **dict.fromkeys("JPN".split(), "japanese"),
    **dict.fromkeys("IND NPL".split(), "devanagari"),
    **dict.fromkeys(
        "FRA ESP PRT DEU AUT CHE POL CZE SVK HRV SVN DNK NOR SWE FIN ISL ROU HUN TUR VNM MEX ARG CHL "
        "COL PER BOL ECU URY PRY VEN BEL LUX NLD ITA MLT EST LVA LTU BIH MNE ALB CRI PAN NIC HND SLV "
        "GTM CUB DOM BRA".split(),
        "latin",
    ),
}
FUNCTIONS = [
    "Ambassador and Permanent Representative",
    "Deputy Permanent Representative",
    "Counsellor",
    "First Secretary",
    "Second Secretary",
    "Attaché",
    "Director, Arms Control Division",
    "Legal Adviser",
    "Senior Policy Officer",
    "Programme Manager",
    "Technical Adviser",
    "Desk Officer",
    "Minister Counsellor",
    "Head of Mine Action Programme",
    "Researcher",
]
AFFILIATIONS = [
    "Permanent Mission to the United Nations Office at Geneva",
    "Ministry of Foreign Affairs",
    "Ministry of Defence",
    "National Mine Action Authority",
    "Ministry of Justice",
    "Permanent Mission to the Conference on Disarmament",
]
SALUTATIONS = {Gender.FEMALE: ["Ms.", "Ms.", "Dr.", "H.E. Ms."], Gender.MALE: ["Mr.", "Mr.", "Dr.", "H.E. Mr."]}
ORG_WORDS = (
    [
        "Global",
        "International",
        "Humanitarian",
        "African",
        "Asian",
        "Pacific",
        "Latin American",
        "European",
        "Nordic",
        "Arab",
        "Caribbean",
        "Balkan",
    ],
    [
        "Demining",
        "Mine Action",
        "Victim Assistance",
        "Disarmament",
        "Peace",
        "Human Security",
        "Survivors",
        "Clearance",
        "Risk Education",
        "Arms Control",
    ],
    [
        "Network",
        "Centre",
        "Foundation",
        "Institute",
        "Coalition",
        "Alliance",
        "Forum",
        "Initiative",
        "Association",
        "Trust",
    ],
)


def _delegation_sizes(rng: random.Random, total: int, count: int) -> list[int]:
    if total < count:
        raise ValueError(f"{total} participants cannot fill {count} delegations with at least one each")
    weights = [rng.paretovariate(1.3) for _ in range(count)]
    scale = (total - count) / sum(weights)
    sizes = [1 + int(w * scale) for w in weights]
    diff = total - sum(sizes)
    order = sorted(range(count), key=lambda i: -weights[i])
    i = 0
    while diff != 0:
        k = order[i % count]
        if diff > 0:
            sizes[k] += 1
            diff -= 1
        elif sizes[k] > 1:
            sizes[k] -= 1
            diff += 1
        i += 1
    return sizes


def _person(rng: random.Random, script: str) -> tuple[str, str, Gender]:
    if script != "en" and rng.random() < 0.25:
        script = "en"
    women, men, family = NAMES[script]
    gender = rng.choice([Gender.FEMALE, Gender.MALE, Gender.FEMALE, Gender.MALE, Gender.UNSPECIFIED])
    given = women if gender is Gender.FEMALE else men if gender is Gender.MALE else rng.choice([women, men])
    return rng.choice(given), rng.choice(family), gender


def synthesise(
    services: Services, participants: int, seed: int = 1, first_day: dt.date = dt.date(2026, 9, 7)
) -> Iterator[Progress]:
    """Add a meeting with `participants` participants in one transaction, yielding progress; the last item comes
    once it is committed, with the new meeting's id as its result."""
    if not 1 <= participants <= 200_000:
        raise ValueError("participants: give a number from 1 to 200,000.")
    rng = random.Random(seed)
    n_states = min(197, max(3, participants // 12))
    n_orgs = max(2, min(participants // 40, 3000)) if participants >= 4 else 0
    n_states = min(n_states, max(1, participants - n_orgs))
    existing = {m.symbol_prefix for m in services.meetings.list()}
    prefix = f"SYNTH/{participants}/S{seed}"
    suffix = 1
    while prefix in existing:
        suffix += 1
        prefix = f"SYNTH/{participants}/S{seed}-{suffix}"
    # One transaction, meeting included: a kill half-way leaves no partial meeting behind.
    with services.db.transaction() as s:
        meeting = services.meetings.create(
            MeetingInput(
                title=f"Synthetic Meeting of States Parties ({participants:,} participants, seed {seed})",
                short_title=f"Synthetic meeting {participants:,}",
                symbol_prefix=prefix,
                first_day=first_day,
                last_day=first_day + dt.timedelta(days=4),
                venue="Palais des Nations",
                city="Geneva",
                body_name="Meeting",
                format=MeetingFormat.HYBRID,
                treaty="CCM",
            )
        )
        yield Progress(0, participants, "meeting")
        part_id = meeting.parts[0].id
        sizes = _delegation_sizes(rng, participants, n_states + n_orgs)
        states = list(s.execute(sa.select(State.id, State.name, State.iso3).order_by(State.sort_key)))
        chosen = rng.sample(states, n_states)
        org_rows = _organisations(s, rng, n_orgs)
        delegations = [
            dict(
                meeting_id=meeting.id,
                state_id=sid,
                organisation_id=None,
                name=name,
                sort_key=un_sort_key(name),
                override_reason="",
                notes="",
                _script=SCRIPT_OF.get(iso3, "en"),
                **_credentials(rng, first_day),
            )
            for sid, name, iso3 in chosen
        ]
        delegations += [
            dict(
                meeting_id=meeting.id,
                state_id=None,
                organisation_id=oid,
                name=name,
                sort_key=un_sort_key(name),
                override_reason="",
                notes="",
                credentials_received=False,
                credentials_kind=None,
                credentials_date=None,
                _script=rng.choice(list(NAMES)),
            )
            for oid, name in org_rows
        ]
        scripts = [d.pop("_script") for d in delegations]
        ids = s.scalars(sa.insert(Delegation).returning(Delegation.id, sort_by_parameter_order=True), delegations).all()
        done = 0
        batch: list[dict[str, Any]] = []
        for delegation_id, size, script, deleg in zip(ids, sizes, scripts, delegations):
            seen: set[str] = set()
            for position in range(1, size + 1):
                given, family, gender = _person(rng, script)
                given = _distinct(rng, given, family, seen)
                role = (
                    Role.HEAD
                    if position == 1
                    else (
                        Role.ALTERNATE_HEAD
                        if position == 2
                        else rng.choice([Role.REPRESENTATIVE, Role.ADVISER, Role.EXPERT])
                    )
                )
                salutation = rng.choice(SALUTATIONS.get(gender, ["Mx."]))
                email = f"p{delegation_id}.{position}@example.org"
                batch.append(
                    dict(
                        delegation_id=delegation_id,
                        meeting_id=meeting.id,
                        position=position,
                        salutation=salutation,
                        given_names=given,
                        family_name=family,
                        function=rng.choice(FUNCTIONS),
                        affiliation=rng.choice(AFFILIATIONS) if deleg["state_id"] else "",
                        role=role,
                        email=email,
                        email_key=email,
                        phone="",
                        gender=gender,
                        consent_to_publish=rng.random() < 0.3,
                        search_key=fold(f"{given} {family}"),
                    )
                )
            if len(batch) >= 5000:
                done += _flush(s, batch, part_id, rng)
                yield Progress(done, participants, "participants")
        done += _flush(s, batch, part_id, rng)
    yield Progress(done, participants, f"{done:,} participants", result=meeting.id)


def _credentials(rng: random.Random, first_day: dt.date) -> dict[str, Any]:
    if rng.random() < 0.3:
        return dict(credentials_received=False, credentials_kind=None, credentials_date=None)
    kind = rng.choice(
        [CredentialsKind.ORIGINAL, CredentialsKind.ORIGINAL, CredentialsKind.COPY, CredentialsKind.NOTE_VERBALE]
    )
    return dict(
        credentials_received=True,
        credentials_kind=kind,
        credentials_date=first_day - dt.timedelta(days=rng.randint(0, 30)),
    )


def _distinct(rng: random.Random, given: str, family: str, seen: set[str]) -> str:
    """Make the name unique within its delegation with middle initials, as real lists do."""
    candidate = given
    attempt = 0
    while fold(f"{candidate} {family}") in seen:
        attempt += 1
        initials = " ".join(f"{rng.choice('ABCDEFGHJKLMNPRSTVW')}." for _ in range(1 + attempt // 20))
        candidate = f"{given} {initials}" if attempt < 200 else f"{given} {initials} {attempt}"
    seen.add(fold(f"{candidate} {family}"))
    return candidate


def _flush(s: Session, batch: list[dict[str, Any]], part_id: int, rng: random.Random) -> int:
    if not batch:
        return 0
    pids = s.scalars(sa.insert(Participant).returning(Participant.id, sort_by_parameter_order=True), batch).all()
    modes = [Attendance.IN_PERSON] * 6 + [Attendance.ONLINE] * 3 + [Attendance.ABSENT]
    s.execute(
        sa.insert(AttendanceRecord), [dict(participant_id=p, part_id=part_id, mode=rng.choice(modes)) for p in pids]
    )
    count = len(batch)
    batch.clear()
    return count


def _organisations(s: Session, rng: random.Random, count: int) -> list[tuple[int, str]]:
    """`count` organisations drawn from a list that depends on nothing but the shipped reference file, so the
    same seed gives the same meeting in any database; generated ones are added to the reference list."""
    shipped = [
        (row.values["name"], Rule(row.values["default_rule"]))
        for row in read_table(REFERENCE_DIR / "organisations.tsv")
    ]
    pool = list(shipped)
    names = {n for n, _ in pool}
    words = random.Random(20081203)
    i = 0
    while len(pool) < count:
        i += 1
        a, b, c = (words.choice(group) for group in ORG_WORDS)
        name = f"{a} {b} {c}" if i < 600 else f"{a} {b} {c} {i}"
        if name not in names:
            names.add(name)
            pool.append((name, Rule.RULE_1_3))
    chosen = rng.sample(pool, count)
    existing = dict(s.execute(sa.select(Organisation.name, Organisation.id)).all())
    missing = [
        dict(name=n, acronym="", sort_key=un_sort_key(n), kind=OrganisationKind.NGO, default_rule=rule)
        for n, rule in chosen
        if n not in existing
    ]
    if missing:
        ids = s.scalars(sa.insert(Organisation).returning(Organisation.id, sort_by_parameter_order=True), missing).all()
        existing.update({d["name"]: oid for d, oid in zip(missing, ids)})
    return [(existing[n], n) for n, _ in chosen]


def fictitious_members(services: Services, meeting_id: int, count: int, seed: int = 2020) -> int:
    """Add `count` plainly fictitious participants to the meeting's delegations (the practice copy of the
    demo), through the registration service and its rules; returns how many were added."""
    from ccm_secretariat.domain.participants import ParticipantInput

    rng = random.Random(seed)
    delegations = services.registration.delegations(meeting_id)[:count]  # fewer people than delegations
    sizes = _delegation_sizes(rng, count, len(delegations))
    added = 0
    for d, size in zip(delegations, sizes):
        seen: set[str] = set()
        script = SCRIPT_OF.get(d.iso3, "en")
        for position in range(1, size + 1):
            given, family, gender = _person(rng, script)
            given = _distinct(rng, given, family, seen)
            role = (
                Role.HEAD
                if position == 1
                else Role.ALTERNATE_HEAD
                if position == 2
                else rng.choice([Role.REPRESENTATIVE, Role.ADVISER, Role.EXPERT])
            )
            services.registration.add_participant(
                d.id,
                ParticipantInput(
                    family,
                    given,
                    rng.choice(SALUTATIONS.get(gender, ["Mx."])),
                    rng.choice(FUNCTIONS),
                    rng.choice(AFFILIATIONS) if d.is_state else "",
                    role,
                    f"practice.{d.id}.{position}@example.org",
                    gender=gender,
                    consent_to_publish=rng.random() < 0.5,
                ),
            )
            added += 1
    return added
