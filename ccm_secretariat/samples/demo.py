"""The demo conference: the first part of the CCM Second Review Conference (2020), read from a data file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ccm_secretariat.domain.enums import AgendaStatus, DocumentType, MeetingFormat, OfficerRole
from ccm_secretariat.domain.events import DATE_FIELDS, EventKind, MeetingEvent
from ccm_secretariat.domain.obligations import Obligation, Outcome
from ccm_secretariat.progress import Progress
from ccm_secretariat.reference.files import RESOURCES
from ccm_secretariat.services import Services
from ccm_secretariat.services.documents import DocumentInput
from ccm_secretariat.services.meetings import MeetingInput, MeetingRow
from ccm_secretariat.services.obligations import RecordInput, RequestInput

DEMO_FILE = RESOURCES / "demo" / "ccm-2rc-2020.json"


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _day(text: str) -> dt.date:
    """A date the demo file must give (a meeting's, a part's, a plenary's)."""
    return dt.date.fromisoformat(text)


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


PRACTICE_PREFIX = "PRACTICE/"  # every symbol of the practice copy says so: PRACTICE/CCM/CONF/2020/INF.1
PRACTICE_PARTICIPANTS = 300


def existing_demo(services: Services, path: Path = DEMO_FILE, practice: bool = False) -> MeetingRow | None:
    prefix = json.loads(path.read_text(encoding="utf-8"))["meeting"]["symbol_prefix"]
    prefix = PRACTICE_PREFIX + prefix if practice else prefix
    return next((m for m in services.meetings.list() if m.symbol_prefix == prefix), None)


def load_demo(services: Services, path: Path = DEMO_FILE, practice: bool = False) -> Iterator[Progress]:
    """Load the demo meeting in one transaction, yielding progress; the last item comes once it is committed,
    with the meeting's id as its result. Closing the generator early (Cancel) or any failure leaves the database
    as it was.

    `practice` makes the practice copy: the same conference with a few hundred plainly fictitious participants
    (from the synthetic generator) to try the desk on, marked as practice in its title, its symbols (PRACTICE/…)
    and every document."""
    data = json.loads(path.read_text(encoding="utf-8"))
    m = data["meeting"]
    parts = m["parts"]
    total = (
        1
        + len(data["states"])
        + len(data["organisations"])
        + len(data["agenda"])
        + len(data["plenary_meetings"])
        + len(data["documents"])
        + len(data["decisions"])
        + (0 if practice else len(data.get("obligations", {}).get("requests", ())))
    )
    first = parts[0]
    # One transaction: a kill, a full disk or a lock half-way leaves no half-loaded meeting behind.
    with services.db.transaction():
        meeting = services.meetings.create(
            MeetingInput(
                title=("Practice copy: " if practice else "") + m["title"],
                short_title=("Practice: " if practice else "") + m["short_title"],
                symbol_prefix=(PRACTICE_PREFIX if practice else "") + m["symbol_prefix"],
                first_day=_day(first["start"]),
                last_day=_day(first["end"]),
                venue=m["venue"],
                city=m["city"],
                treaty=m["treaty"],
                body_name=m["body_name"],
                format=MeetingFormat(first["format"]),
                practice=practice,
            )
        )
        done = 1
        yield Progress(done, total, "meeting")
        mid = meeting.id
        for part in parts:
            services.meetings.set_part(
                mid,
                part["number"],
                _day(part["start"]),
                _day(part["end"]),
                MeetingFormat(part["format"]),
                part.get("venue", ""),
            )
        for officer in m["officers"]:
            services.meetings.add_officer(
                mid,
                officer["role"],
                salutation=officer.get("salutation", ""),
                name=officer.get("name", ""),
                description=officer.get("description", ""),
                state=officer.get("state", ""),
                kind=OfficerRole(officer.get("kind", "other")),
            )
        for state in data["states"]:
            services.registration.add_state_delegation(mid, state["name"], name=state["name"])
            done += 1
            yield Progress(done, total, state["name"])
        for org in data["organisations"]:
            services.registration.add_organisation_delegation(mid, org["name"])
            done += 1
            yield Progress(done, total, org["name"])
        # The report names who took part, not their members: each delegation is marked present at part 1.
        services.registration.set_presence([d.id for d in services.registration.delegations(mid)], 1, True)
        item_ids = {}
        for item in data["agenda"]:
            row = services.agenda.add_item(mid, item["title"], item["number"], AgendaStatus(item["status"]))
            item_ids[row.number] = row.id
            done += 1
        for plenary in data["plenary_meetings"]:
            services.agenda.set_plenary(
                mid,
                plenary["number"],
                _day(plenary["date"]),
                _time(plenary["start"]),
                _time(plenary["end"]),
                tuple(plenary["agenda_items"]),
            )
            done += 1
        yield Progress(done, total, "programme of work")
        for doc in data["documents"]:
            symbol = (PRACTICE_PREFIX if practice else "") + doc["symbol"]
            services.documents.add(
                mid,
                DocumentInput(
                    symbol,
                    doc["title"],
                    _date(doc.get("issue_date")),
                    doc.get("languages", "AR EN ES FR RU ZH"),
                    doc.get("agenda_item"),
                    doc_type=DocumentType(doc.get("kind", "other")),
                ),
            )
            done += 1
        yield Progress(done, total, "documents")
        if not practice:  # the treaty's records, once: the practice copy shares them
            done += load_obligations(services, mid, data.get("obligations", {}))
            yield Progress(done, total, "obligations")
        tracker = services.obligations.tracker(_day(first["start"]), mid)
        requests = {(r.state, r.obligation.value): r.id for r in tracker.requests}
        for decision in data["decisions"]:
            item_id = item_ids.get(decision.get("agenda_item"))
            if "request" in decision:  # the request's paragraphs, written from its record
                key = (decision["request"]["state"], decision["request"]["article"])
                services.agenda.add_decision(mid, "", item_id, request_id=requests[key])
            else:
                services.agenda.add_decision(mid, decision["text"], item_id)
            done += 1
        load_events(services, mid, data.get("events", ()))
        if practice:
            from ccm_secretariat.samples.synth import fictitious_members

            fictitious_members(services, mid, PRACTICE_PARTICIPANTS)
            yield Progress(done, total, "fictitious participants")
    yield Progress(done, total, "decisions and recommendations", result=mid)


def load_events(services: Services, meeting_id: int, events: Iterable[dict[str, Any]]) -> None:
    """The meeting's history as records (the report's introduction and the work of the meeting)."""
    for e in events:
        dates: dict[str, Any] = {k: _day(e[k]) for k in DATE_FIELDS if e.get(k)}
        values: dict[str, Any] = {k: v for k, v in e.items() if k not in dates and k != "kind"}
        services.events.add(meeting_id, MeetingEvent(EventKind(e["kind"]), **dates, **values))


def load_obligations(services: Services, meeting_id: int, data: dict[str, Any]) -> int:
    """The facts recorded per State and article, the transparency reports received and the extension requests
    submitted to the demo meeting (with their observations, reporting points and outcome); returns the number of
    requests."""
    treaty = services.meetings.get(meeting_id).treaty
    for r in data.get("records", ()):
        services.obligations.set_record(
            RecordInput(
                r["state"],
                Obligation(r["article"]),
                applies=r.get("applies"),
                completed_on=_date(r.get("completed_on")),
                compliance_declared_on=_date(r.get("compliance_declared_on")),
                compliance_meeting=r.get("compliance_meeting", ""),
                notes=r.get("notes", ""),
            ),
            treaty=treaty,
        )
    for report in data.get("reports", ()):  # initial reports (an annual one names its year_covered)
        services.obligations.add_report(
            report["state"], _day(report["received_on"]), report.get("year_covered"), treaty=treaty
        )
    requests = data.get("requests", ())
    for r in requests:
        request_id = services.obligations.add_request(
            RequestInput(
                r["state"],
                Obligation(r["article"]),
                _day(r["until"]),
                period_months=r.get("period_months"),
                meeting_id=meeting_id,
                submitted_on=_date(r.get("submitted_on")),
                condition=r.get("condition", ""),
                observations=tuple(r.get("observations", ())),
                points_intro=r.get("points_intro", ""),
                points=tuple(r.get("points", ())),
                closing=tuple(r.get("closing", ())),
            )
        )
        services.obligations.set_outcome(request_id, Outcome(r["outcome"]), _date(r.get("outcome_on")))
    return len(requests)
