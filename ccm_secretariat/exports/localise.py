"""A document's data in its language: States and organisations under their names in that language and in its
order, tables' labels translated. English data are returned as they are (English output is unchanged).

Participants' names, functions and affiliations are never translated; a delegation the reference data has no
name for keeps the name under which it was registered."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ccm_secretariat.domain.badges import BadgeRun
from ccm_secretariat.domain.seating import Seated, short_name
from ccm_secretariat.language import forms
from ccm_secretariat.language.collation import sort_key
from ccm_secretariat.language.names import organisation_name, state_name
from ccm_secretariat.services.meetings import MeetingRow
from ccm_secretariat.services.registration import DelegationRow
from ccm_secretariat.services.roster import Roster

# The columns of the workbook whose cells are labels of the desk (a category, a role, yes/no, a gender, an
# attendance, a kind of credentials, a distribution), so translated; every other cell is data and kept.
LABEL_COLUMNS = frozenset(
    {"Category", "Role", "Gender", "Publish contact", "Credentials", "Kind", "Distribution", "Note"}
)


def localised_delegation(d: DelegationRow, language: str) -> DelegationRow:
    """The delegation under its name (and acronym) in `language`, where the reference data give one."""
    if language == "en":
        return d
    if d.iso3:
        state = state_name(d.iso3, language)
        return d if state is None else dataclasses.replace(d, name=state.name)
    organisation = organisation_name(d.name, language)
    if organisation is None:
        return d
    return dataclasses.replace(d, name=organisation.name, acronym=organisation.acronym)


def localised_delegations(delegations: Sequence[DelegationRow], language: str) -> list[DelegationRow]:
    """Every delegation under its name in `language`, each category in that language's alphabetical order."""
    if language == "en":
        return list(delegations)
    local = [localised_delegation(d, language) for d in delegations]
    order = {c: i for i, c in enumerate(dict.fromkeys(d.category for d in delegations))}  # they come in list order
    return sorted(local, key=lambda d: (order[d.category], sort_key(d.name, language)))


def localised_roster(roster: Roster, language: str) -> Roster:
    if language == "en":
        return roster
    return dataclasses.replace(roster, delegations=localised_delegations(roster.delegations, language))


def _on_badge(d: DelegationRow) -> str:
    """A delegation as its badge names it: a State by its name, an organisation with its acronym."""
    return d.name if d.is_state else d.name_with_acronym


def localised_badges(
    run: BadgeRun, meeting: MeetingRow, delegations: Sequence[DelegationRow], language: str
) -> BadgeRun:
    """The badges in `language`: the band's words (the profile's `in.<language>.badge`), the delegations under
    their names in the language, the salutations in its form and the meeting's dates as it writes them. The
    participants' own names are never translated."""
    if language == "en":
        return run
    f = forms(language)
    names = {_on_badge(d): _on_badge(localised_delegation(d, language)) for d in delegations}
    badges = tuple(
        dataclasses.replace(b, delegation=names.get(b.delegation, b.delegation), salutation=f.salutation(b.salutation))
        for b in run.badges
    )
    return dataclasses.replace(
        run,
        dates=f.join([f.date_range(p.start_date, p.end_date) for p in meeting.parts], serial_comma=False),
        badges=badges,
        labels={c.key: c.heading("badge", language) for c in meeting.profile.categories},
        practice_label=f.phrase("PRACTICE COPY"),
        language=language,
    )


def localised_plates(
    plates: Sequence[Seated], delegations: Sequence[DelegationRow], language: str, seat_order: bool
) -> list[Seated]:
    """Nameplates under the delegations' names in `language`; in seat order when the room has a plan (the seats
    do not move with the language), else each category in the language's alphabetical order."""
    if language == "en":
        return list(plates)
    local = {d.id: localised_delegation(d, language) for d in delegations}
    result = [
        dataclasses.replace(p, name=short_name(d.name, d.acronym, d.is_state)) if (d := local.get(p.id)) else p
        for p in plates
    ]
    if seat_order:
        return result
    names = {d.id: d.name for d in local.values()}  # sorted by the full name, not the acronym printed
    order = {c: i for i, c in enumerate(dict.fromkeys(p.category for p in plates))}  # they come in list order
    return sorted(result, key=lambda p: (order[p.category], sort_key(names.get(p.id, p.name), language)))


def category_headings(meeting: MeetingRow, language: str) -> dict[str, str]:
    """The meeting's convention's category headings in `language`, by their English (sheet, view, list); a
    heading the profile does not give in that language is refused (ProfileError), never left in English."""
    if language == "en":
        return {}
    return {
        getattr(c, place): c.heading(place, language)
        for c in meeting.profile.categories
        for place in ("sheet", "view", "list")
    }


def meeting_title(meeting: MeetingRow, language: str) -> str:
    """The meeting's title in `language` as the secretary gave it (settings.titles), else as recorded."""
    return meeting.settings.titles.get(language) or meeting.title


def _translated_header(text: str, language: str) -> str:
    f = forms(language)
    if text.startswith("Part "):  # "Part 1", "Part 2 in person"
        words = text.split(" ", 2)
        rest = f" {f.term(words[2])}" if len(words) > 2 else ""
        return f"{f.term('Part')} {words[1]}{rest}"
    return f.term(text)


def translated_rows(
    rows: Iterator[Sequence[Any]],
    columns: Sequence[int],
    language: str,
    salutations: Sequence[int] = (),
    own: Mapping[str, str] | None = None,
) -> Iterator[list[Any]]:
    """The rows with the label cells of `columns` translated (the convention's own headings from `own` first),
    and the salutations of `salutations` in the language's form ("Mr." -> "M.", "Sr."); every other cell as
    it is."""
    f, own = forms(language), own or {}
    for row in rows:
        out = list(row)
        for i in columns:
            if i < len(out) and isinstance(out[i], str):
                out[i] = own.get(out[i]) or f.term(out[i])
        for i in salutations:
            if i < len(out) and isinstance(out[i], str):
                out[i] = f.salutation(out[i])
        yield out


def _retitled(chart: Any, language: str) -> Any:
    """A chart under its title in `language` (openpyxl keeps a title as rich text: its first run is read)."""
    try:
        chart.title = forms(language).term(chart.title.tx.rich.p[0].r[0].t)
    except (AttributeError, IndexError, TypeError):
        pass
    return chart


def _translated_charts(charts: Any, language: str) -> Any:
    if charts is None:
        return None
    return lambda ws, count: [(_retitled(chart, language), anchor) for chart, anchor in charts(ws, count)]


def translated_sheets(sheets: list[Any], language: str, own: Mapping[str, str] | None = None) -> list[Any]:
    """The workbook's sheets with their names, column headers and label cells in `language`: the same rows,
    still produced lazily. Part columns ("Part 1") are labels too (in person, online, absent). `own`: the
    convention's category headings in the language (its profile), by their English."""
    if language == "en":
        return sheets
    own = own or {}
    result = []
    for sheet in sheets:
        columns = [i for i, name in enumerate(sheet.header) if name in LABEL_COLUMNS or name.startswith("Part ")]
        salutations = [i for i, name in enumerate(sheet.header) if name == "Salutation"]
        result.append(
            dataclasses.replace(
                sheet,
                title=own.get(sheet.title) or forms(language).term(sheet.title),
                header=tuple(own.get(h) or _translated_header(h, language) for h in sheet.header),
                rows=translated_rows(sheet.rows, columns, language, salutations, own),
                charts=_translated_charts(sheet.charts, language),
            )
        )
    return result
