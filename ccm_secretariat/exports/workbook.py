"""The registration workbook (openpyxl, write-only so that 100,000 participants stay quick and small in memory).

Sheets: all participants; delegations with counts and credentials; one sheet per category; the document
register; statistics. Real dates as dates, a frozen header row, filters on, sensible widths, and any text that
begins with =, +, - or @ stored as text with a quote prefix, so that no spreadsheet program runs it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ccm_secretariat.domain.enums import Attendance, Gender
from ccm_secretariat.exports.localise import category_headings, localised_roster, translated_sheets
from ccm_secretariat.exports.masthead import PRACTICE_BANNER
from ccm_secretariat.exports.sheets import Formula, Print, Sheet, write_sheets
from ccm_secretariat.language import forms
from ccm_secretariat.progress import Progress
from ccm_secretariat.services.documents import DocumentRow
from ccm_secretariat.services.roster import Roster
from ccm_secretariat.storage.paused_gc import paused_between

if TYPE_CHECKING:
    pass

ATTENDANCE_TEXT: dict[Attendance | None, str] = {
    Attendance.IN_PERSON: "in person",
    Attendance.ONLINE: "online",
    Attendance.ABSENT: "absent",
}


def _text(value: Any) -> Any:
    return value.value.replace("_", " ") if hasattr(value, "value") else value


def participant_header(roster: Roster) -> tuple[tuple[str, ...], tuple[int, ...]]:
    parts = [f"Part {p.number}" for p in roster.meeting.parts]
    header = (
        "Delegation",
        "Category",
        "Salutation",
        "Given names",
        "Family name",
        "Function",
        "Affiliation",
        "Role",
        "Gender",
        "E-mail",
        "Phone",
        "Publish contact",
        *parts,
        "Registered on",
        "Participant no.",
    )
    widths = (30, 22, 10, 20, 22, 34, 40, 28, 11, 30, 18, 10, *([11] * len(parts)), 16, 12)
    return header, widths


def _heading(roster: Roster, category: str) -> str:
    """The category's heading in the meeting's convention."""
    return roster.meeting.profile.category(category).view


def participant_rows(roster: Roster, category: str | None = None, internal: bool = False) -> Iterator[list[Any]]:
    """Contact details only of those who consented to their publication, unless the workbook is `internal`."""
    numbers = [p.number for p in roster.meeting.parts]
    for d in roster.delegations:
        if category is not None and d.category != category:
            continue
        label = _heading(roster, d.category)
        for p in roster.members.get(d.id, ()):
            attendance = dict(p.attendance)
            shown = internal or p.consent_to_publish
            yield [
                d.name_with_acronym,
                label,
                p.salutation,
                p.given_names,
                p.family_name,
                p.function,
                p.affiliation,
                p.role.label,
                _text(p.gender),
                p.email if shown else "",
                p.phone if shown else "",
                "yes" if p.consent_to_publish else "no",
                *(ATTENDANCE_TEXT.get(attendance.get(n), "") for n in numbers),
                p.registration_date,
                p.id,
            ]


def delegation_rows(roster: Roster) -> Iterator[list[Any]]:
    for d in roster.delegations:
        yield [
            _heading(roster, d.category),
            d.name,
            d.iso3 or d.acronym,
            d.participant_count,
            "yes" if d.credentials_received else "no",
            _text(d.credentials_kind) or "",
            d.credentials_date,
            d.override_reason if d.is_overridden else "",
        ]


def document_rows(documents: list[DocumentRow]) -> Iterator[list[Any]]:
    for doc in documents:
        yield [
            doc.symbol,
            doc.title,
            doc.kind,
            doc.issue_date,
            doc.languages,
            doc.agenda_item_number,
            _text(doc.distribution).capitalize(),
            doc.submitted_by,
        ]


def statistics_rows(roster: Roster) -> list[list[Any]]:
    """Per category: delegations, participants, by gender, in person and online per part; then the totals."""
    parts = [p.number for p in roster.meeting.parts]
    rows: list[list[Any]] = []
    for category, s in roster.statistics().items():
        row = [
            _heading(roster, category),
            s.delegations,
            s.participants,
            *(s.by_gender.get(g, 0) for g in (Gender.FEMALE, Gender.MALE, Gender.OTHER, Gender.UNSPECIFIED)),
        ]
        for n in parts:
            counts = s.attendance.get(n, {})
            row += [counts.get(Attendance.IN_PERSON, 0), counts.get(Attendance.ONLINE, 0)]
        rows.append(row)
    width = 7 + 2 * len(parts)
    last = len(rows) + 1  # the header is row 1
    totals = [Formula(f"=SUM({get_column_letter(i + 1)}2:{get_column_letter(i + 1)}{last})") for i in range(1, width)]
    return rows + [["Total", *totals]]


PATTERNS = ("solidDmnd", "ltUpDiag", "dkHorz", "openDmnd", "smCheck", "wdDnDiag")  # legible in black and white
SHADES = ("1F3864", "2E75B6", "7F7F7F", "C55A11", "548235", "BF8F00")


def _patterned(chart: Any) -> None:
    """Each series in a pattern of its own over its colour, outlined in black."""
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.fill import ColorChoice, PatternFillProperties

    for i, series in enumerate(chart.series):
        fill = PatternFillProperties(
            prst=PATTERNS[i % len(PATTERNS)],
            fgClr=ColorChoice(srgbClr=SHADES[i % len(SHADES)]),
            bgClr=ColorChoice(srgbClr="FFFFFF"),
        )
        series.graphicalProperties = GraphicalProperties(pattFill=fill)
        series.graphicalProperties.line.solidFill = "000000"


def statistics_charts(ws: Any, count: int, width: int) -> list[tuple[Any, str]]:
    """Participation by category and gender balance, as native Excel charts below the table (the rows above
    the total: one a category), one above the other, each as wide as the printed page takes."""
    from openpyxl.chart import BarChart, Reference

    last = count  # the header is row 1; the categories are rows 2 .. count, the total row count + 1
    if last < 2:
        return []
    categories = Reference(ws, min_col=1, min_row=2, max_row=last)
    participation = BarChart()
    participation.type, participation.title = "bar", "Participation by category"
    participation.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=last), titles_from_data=True)
    participation.set_categories(categories)
    gender = BarChart()
    gender.type, gender.grouping, gender.overlap = "bar", "stacked", 100
    gender.title = "Gender balance"
    gender.add_data(Reference(ws, min_col=4, max_col=7, min_row=1, max_row=last), titles_from_data=True)
    gender.set_categories(categories)
    for chart in (participation, gender):
        chart.height, chart.width = 7.5, 16
        chart.y_axis.majorGridlines = None
        chart.x_axis.scaling.orientation = "maxMin"  # the first category on top, as in the table
        _patterned(chart)
    below = count + 3  # a blank row under the total, then the charts (7.5 cm: about 15 rows each)
    return [(participation, f"A{below}"), (gender, f"A{below + 17}")]


def check_in_rows(roster: Roster) -> list[list[Any]]:
    """Participants checked in at the door, a row a day: each category, then the total."""
    return [
        [day, *(counts.get(c, 0) for c in roster.meeting.profile.keys), sum(counts.values())]
        for day, counts in sorted(roster.check_ins.items())
    ]


INTERNAL_NOTE = (
    "INTERNAL: this workbook holds the e-mail addresses and telephone numbers of every participant, "
    "including those who did not consent to their publication. Do not distribute it."
)


def sheets(roster: Roster, documents: list[DocumentRow], internal: bool = False) -> list[Sheet]:
    """Every sheet of the workbook, rows produced lazily. `internal` keeps every contact detail, and the first
    sheet says so."""
    p_header, p_widths = participant_header(roster)
    parts = [p.number for p in roster.meeting.parts]
    notes = ([[INTERNAL_NOTE]] if internal else []) + ([[PRACTICE_BANNER]] if roster.meeting.practice else [])
    result = [Sheet("Internal" if internal else "Practice", ("Note",), (120,), iter(notes))] if notes else []
    result += [
        Sheet("Participants", p_header, p_widths, participant_rows(roster, internal=internal)),
        Sheet(
            "Delegations",
            (
                "Category",
                "Delegation",
                "Code",
                "Participants",
                "Credentials",
                "Kind",
                "Received on",
                "Category set by hand because",
            ),
            (30, 34, 8, 12, 12, 14, 13, 40),
            delegation_rows(roster),
        ),
    ]
    for category, _ in roster.by_category():
        sheet = roster.meeting.profile.category(category).sheet
        result.append(Sheet(sheet, p_header, p_widths, participant_rows(roster, category, internal)))
    result.append(
        Sheet(
            "Documents",
            ("Symbol", "Title", "Kind", "Date", "Languages", "Agenda item", "Distribution", "Submitted by"),
            (30, 70, 30, 12, 20, 12, 12, 24),
            document_rows(documents),
        )
    )
    stat_header = (
        "Category",
        "Delegations",
        "Participants",
        "Women",
        "Men",
        "Other",
        "Not stated",
        *(f"Part {n} {mode}" for n in parts for mode in ("in person", "online")),
    )
    result.append(
        Sheet(
            "Statistics",
            stat_header,
            (40, *([13] * (len(stat_header) - 1))),
            iter(statistics_rows(roster)),
            lambda ws, count: statistics_charts(ws, count, len(stat_header)),
            total_row=True,
        )
    )
    if roster.check_ins:
        result.append(
            Sheet(
                "Attendance by day",
                ("Day", *(_heading(roster, c) for c in roster.meeting.profile.keys), "Total"),
                (14, *([16] * len(roster.meeting.profile.keys)), 10),
                iter(check_in_rows(roster)),
            )
        )
    return result


def registration_workbook(
    roster: Roster, documents: list[DocumentRow], out: str | Path, internal: bool = False, language: str | None = None
) -> Iterator[Progress]:
    """The workbook written from the roster and the register read: nothing read here. `language`: the workbook's
    (default: the meeting's); the States under their names in it, in its order."""
    language = language or roster.meeting.settings.language
    roster = localised_roster(roster, language)
    own = category_headings(roster.meeting, language)  # the convention's own, checked before any file is opened
    all_sheets = translated_sheets(sheets(roster, documents, internal), language, own)
    total = max(1, 2 * roster.participant_count + len(roster.delegations) + len(documents))
    yield Progress(0, total, "Read the registrations")
    meeting = roster.meeting
    f = forms(language)
    page = Print(
        meeting.short_title or meeting.title,
        " ".join((["INTERNAL"] if internal else []) + (["PRACTICE COPY"] if meeting.practice else [])),
        f"Registration: {meeting.title}",
    )
    if language != "en":
        marks = [f.phrase(key) for key, on in (("INTERNAL", internal), ("PRACTICE COPY", meeting.practice)) if on]
        subject = f.phrase("registration_subject", meeting=meeting.title)
        page = Print(page.title, " ".join(marks), subject, f.phrase("page_footer"), f.phrase("locale"))
    yield from paused_between(write_sheets(all_sheets, out, total, private=internal, page=page))
