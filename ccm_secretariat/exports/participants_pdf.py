"""The list of participants (the INF. document) as a print-ready PDF, in the form of a UN list.

Masthead, an opening note and participation statistics, then the categories in order; within each the
delegations in English order, the head of delegation first and the others under their roles. Two columns,
drawn straight on the canvas; no entry and no heading is ever separated from what follows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from ccm_secretariat.application import PRODUCER
from ccm_secretariat.domain.enums import Role
from ccm_secretariat.domain.prose import counted
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.columns import COLUMN_WIDTH, Columns, Line, height
from ccm_secretariat.exports.fonts import FontSet, missing_warning
from ccm_secretariat.exports.lean import LeanCanvas
from ccm_secretariat.exports.localise import category_headings, localised_roster, meeting_title
from ccm_secretariat.exports.masthead import (
    MARGIN_X,
    PAGE_WIDTH,
    Masthead,
    draw_masthead,
    draw_running_header,
    place_and_dates,
)
from ccm_secretariat.language import Forms, forms
from ccm_secretariat.progress import Progress
from ccm_secretariat.services.registration import DelegationRow, ParticipantRow
from ccm_secretariat.services.roster import Roster
from ccm_secretariat.storage.paused_gc import paused_between

if TYPE_CHECKING:
    pass

NAME_SIZE, TEXT_SIZE, LEAD = 9.0, 8.5, 10.6


@dataclass(frozen=True)
class ListOptions:
    symbol: str | None = None  # default: the meeting's prefix + /INF.1
    provisional: bool = False
    date: dt.date | None = None  # default: today
    capitalise_family_names: bool | None = None  # default: the meeting's report setting
    original: str = "English"
    fonts: FontSet | None = None
    language: str | None = None  # "en", "fr", "es"; default: the meeting's document language


def category_title(f: Forms, roster: Roster, category: str) -> str:
    """The category's heading as the meeting's convention gives it (its profile) in the list's language."""
    return roster.meeting.profile.category(category).heading("list", f.code)


def person_line(p: ParticipantRow, capitalise: bool, f: Forms = forms("en")) -> str:
    """ "H.E. Mr. John SMITH"; "S. E. M. Jean DUPONT": the salutation in the language, the name as registered."""
    return f.person(p.salutation, p.given_names, p.family_name, capitalise)


def contact_line(p: ParticipantRow) -> str:
    if not p.consent_to_publish:
        return ""
    return "   ".join(part for part in (p.email, p.phone) if part)


def list_pdf(roster: Roster, out: str | Path, options: ListOptions = ListOptions()) -> Iterator[Progress]:
    """The list of participants drawn from the roster read: nothing read here. In the options' language (default:
    the meeting's): the States under their names in it, in its order."""
    return paused_between(_list_pdf(roster, out, options))  # a hundred thousand entries' lines, no cycles


def _list_pdf(roster: Roster, out: str | Path, options: ListOptions) -> Iterator[Progress]:
    language = options.language or roster.meeting.settings.language
    f = forms(language)
    category_headings(roster.meeting, language)  # the convention gives its headings in this language, or no file
    roster = localised_roster(roster, language)
    total = max(1, roster.participant_count)
    yield Progress(0, total, "Read the registrations")
    fonts = options.fonts or FontSet("sans")
    capitalise = (
        roster.meeting.settings.capitalise_family_names or f.capitalise_family_names
        if options.capitalise_family_names is None
        else options.capitalise_family_names
    )
    title = f.phrase("list_title_provisional" if options.provisional else "list_title")
    symbol = options.symbol or f"{roster.meeting.symbol_prefix}/INF.1"
    with atomic_path(out) as temporary:
        # The initial font is an embedded one: reportlab would otherwise name a Helvetica it does not embed.
        canvas = LeanCanvas(temporary, pagesize=(PAGE_WIDTH, 842), pageCompression=1, initialFontName=fonts.font())
        canvas.setTitle(f"{title} — {symbol}")
        canvas.setAuthor("Secretariat")
        canvas.setCreator(PRODUCER)
        draw_running_header(canvas, fonts, symbol, 1)
        masthead = Masthead(
            symbol,
            "General",
            options.date or dt.date.today(),
            options.original,
            meeting_title(roster.meeting, language),
            place_and_dates(roster.meeting, language),
            title,
            practice=roster.meeting.practice,
            language=language,
        )
        y = draw_masthead(canvas, fonts, masthead)
        y = _opening(canvas, fonts, roster, y, options, f)
        columns = Columns(canvas, fonts, y, lambda page: draw_running_header(canvas, fonts, symbol, page))
        done = 0
        for category, registered in roster.by_category():
            delegations = [d for d in registered if d.took_part]  # nobody named and not present: not printed
            if not delegations:
                continue
            heading = fonts.wrap(category_title(f, roster, category), 11, COLUMN_WIDTH, "bold")
            category_lines: list[Line] = [(t, 11, "bold", 0, 14) for t in heading]
            for d in delegations:
                people = roster.members.get(d.id, [])
                for count in _delegation(columns, fonts, d, people, capitalise, category_lines, f):
                    done += count
                    if done % 2000 < count:
                        yield Progress(done, total, d.name)
                category_lines = []
        columns.closing_rule()
        canvas.save()
        pages = columns.page
    warnings = tuple(missing_warning(text, chars) for text, chars in sorted(fonts.missing.items()))
    yield Progress(total, total, counted(pages, "page"), Path(out), warnings)


def _opening(canvas: Canvas, fonts: FontSet, roster: Roster, y: float, options: ListOptions, f: Forms) -> float:
    """The opening note and the table of participation statistics."""
    width = PAGE_WIDTH - 2 * MARGIN_X
    people = roster.participant_count
    delegations = sum(1 for d in roster.delegations if d.took_part)  # as the statistics below count them
    title, convention = meeting_title(roster.meeting, f.code), roster.meeting.profile.full_name
    if f.code == "en" and convention not in title:  # the list names its convention, as the title usually does
        title = f"{title} ({convention})"
    notes = [
        f.phrase(
            "note_basis_provisional" if options.provisional else "note_basis",
            meeting=title,
            date=f.date(options.date or dt.date.today()),
            participants=f.counted(people, "participant"),
            delegations=f.counted(delegations, "delegation"),
        ),
        f.phrase("note_contact"),
    ]
    if options.provisional:
        notes.append(f.phrase("note_provisional"))
    for number, note in enumerate(notes, start=1):
        lines = fonts.wrap(note, 9.5, width - 28, "regular")
        fonts.draw(canvas, MARGIN_X, y, f"{number}.", 9.5)
        for line in lines:
            fonts.draw(canvas, MARGIN_X + 28, y, line, 9.5)
            y -= 12.5
        y -= 5
    y -= 8
    fonts.draw(canvas, MARGIN_X, y, f.phrase("statistics"), 11, "bold")
    y -= 18
    right = PAGE_WIDTH - MARGIN_X
    col_a, col_b = right - 150, right
    canvas.setFont(fonts.font("italic"), 8.5)
    canvas.drawRightString(col_a, y, f.phrase("Delegations"))
    canvas.drawRightString(col_b, y, f.phrase("Participants"))
    y -= 5
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y, right, y)
    y -= 12
    stats = roster.statistics()
    sums = {True: [0, 0], False: [0, 0]}
    for category, s in stats.items():
        label_lines = fonts.wrap(category_title(f, roster, category), 9, col_a - MARGIN_X - 90)
        for i, line in enumerate(label_lines):
            fonts.draw(canvas, MARGIN_X, y, line, 9)
            if i == 0:
                canvas.setFont(fonts.font(), 9)
                canvas.drawRightString(col_a, y, f.digits(s.delegations))
                canvas.drawRightString(col_b, y, f.digits(s.participants))
            y -= 11.5
        is_state = roster.meeting.profile.category(category).is_state
        sums[is_state][0] += s.delegations
        sums[is_state][1] += s.participants
    canvas.line(MARGIN_X, y + 7, right, y + 7)
    y -= 3
    for key, values in (
        ("total_states", sums[True]),
        ("total_organisations", sums[False]),
        ("total", [sums[True][0] + sums[False][0], sums[True][1] + sums[False][1]]),
    ):
        style = "bold" if key == "total" else "regular"
        fonts.draw(canvas, MARGIN_X + 20, y, f.phrase(key), 9, style)
        canvas.setFont(fonts.font(style), 9)
        canvas.drawRightString(col_a, y, f.digits(values[0]))
        canvas.drawRightString(col_b, y, f.digits(values[1]))
        y -= 12
    canvas.line(MARGIN_X, y + 7, right, y + 7)
    if roster.check_ins:
        y = _check_ins(canvas, fonts, roster, y - 14, f)
    return y - 22


def _check_ins(canvas: Canvas, fonts: FontSet, roster: Roster, y: float, f: Forms) -> float:
    """Participants checked in at the door, day by day: States, organisations, all."""
    right = PAGE_WIDTH - MARGIN_X
    columns = (right - 220, right - 110, right)
    fonts.draw(canvas, MARGIN_X, y, f.phrase("check_ins"), 10, "bold")
    y -= 16
    canvas.setFont(fonts.font("italic"), 8.5)
    for x, label in zip(columns, ("States", "Organisations", "Participants")):
        canvas.drawRightString(x, y, f.phrase(label))
    y -= 5
    canvas.line(MARGIN_X, y, right, y)
    y -= 12
    for day, counts in sorted(roster.check_ins.items()):
        states = sum(n for c, n in counts.items() if roster.meeting.profile.category(c).is_state)
        fonts.draw(canvas, MARGIN_X, y, f"{f.weekday(day)} {f.date(day)}", 9)
        canvas.setFont(fonts.font(), 9)
        for x, value in zip(columns, (states, sum(counts.values()) - states, sum(counts.values()))):
            canvas.drawRightString(x, y, f.digits(value))
        y -= 11.5
    canvas.line(MARGIN_X, y + 7, right, y + 7)
    return y


def _entry(fonts: FontSet, p: ParticipantRow, capitalise: bool, f: Forms) -> list[Line]:
    lines: list[Line] = [
        (t, NAME_SIZE, "regular", 0, LEAD) for t in fonts.wrap(person_line(p, capitalise, f), NAME_SIZE, COLUMN_WIDTH)
    ]
    for text in (p.function, p.affiliation):
        if text:
            lines.extend((t, TEXT_SIZE, "regular", 0, LEAD - 0.6) for t in fonts.wrap(text, TEXT_SIZE, COLUMN_WIDTH))
    contact = contact_line(p)
    if contact:
        lines.extend(
            (t, TEXT_SIZE - 0.5, "italic", 0, LEAD - 0.6)
            for t in fonts.wrap(contact, TEXT_SIZE - 0.5, COLUMN_WIDTH, "italic")
        )
    lines.append(("", 0, "regular", 0, 5.5))  # space after the entry
    return lines


def _heading(fonts: FontSet, d: DelegationRow, f: Forms, continued: bool = False) -> list[Line]:
    name = d.name_with_acronym.upper() + (f" {f.phrase('continued')}" if continued else "")
    lines: list[Line] = [(t, 9.5, "bold", 0, 13) for t in fonts.wrap(name, 9.5, COLUMN_WIDTH, "bold")]
    return [*lines, ("", 0, "regular", 0, 2)]


def _role_heading(role: Role, count: int, f: Forms) -> list[Line]:
    return [(f.term(role.label if count == 1 else role.plural_label), 8.5, "italic", 0, 11.5)]


def _delegation(
    columns: Columns,
    fonts: FontSet,
    d: DelegationRow,
    people: list[ParticipantRow],
    capitalise: bool,
    lead_in: list[Line],
    f: Forms,
) -> Iterator[int]:
    """Lay out one delegation; yields the number of participants drawn, a few at a time."""
    columns.space(6)
    heading = _heading(fonts, d, f)
    if not people:
        empty = lead_in + heading + [(f.phrase("no_participants"), TEXT_SIZE, "italic", 0, LEAD), ("", 0, "", 0, 5)]
        if not columns.fits(height(empty)):
            columns.next_column()
        columns.draw(empty)
        yield 0
        return
    counts: dict[Role, int] = {}
    for p in people:
        counts[p.role] = counts.get(p.role, 0) + 1
    first = True
    role = None
    drawn = 0
    # Roles are worth a heading only when the delegation has more than plain representatives.
    plain = all(p.role is Role.REPRESENTATIVE for p in people)
    blocks: list[list[Line]] = []
    for p in people:
        block: list[Line] = []
        if p.role != role and not plain:
            block += [("", 0, "", 0, 2)] if role is not None else []
            block += _role_heading(p.role, counts[p.role], f)
            role = p.role
        blocks.append(block + _entry(fonts, p, capitalise, f))
    for i, block in enumerate(blocks):
        if first:
            block = lead_in + heading + block
        # The last entry never goes alone under "(continued)": if it would not fit after this one, both go.
        keep_with_last = not first and i == len(blocks) - 2 and not columns.at_top()
        needed = height(block) + (height(blocks[-1]) if keep_with_last else 0)
        if not columns.fits(needed):
            columns.next_column()
            if not first:
                block = _heading(fonts, d, f, continued=True) + block
        columns.draw(block)
        first = False
        drawn += 1
        if drawn % 250 == 0:
            yield 250
    yield drawn % 250
