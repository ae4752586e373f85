"""Every document the desk writes, declared once: its name on the command line, its label in the Export menu, its
formats, and how it is written. The CLI and the window both read this registry."""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ccm_secretariat.domain.enums import Category
from ccm_secretariat.errors import DomainError
from ccm_secretariat.progress import Progress

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from ccm_secretariat.report.model import Report
    from ccm_secretariat.services import Services


@dataclass(frozen=True)
class ExportOptions:
    """What a secretary may tell an export; each writer reads what concerns it."""

    date: dt.date | None = None  # the document's date (the list's "as at" date)
    symbol: str | None = None
    provisional: bool = False
    capitals: bool | None = None  # family names in capitals in the list (default: the meeting's setting)
    internal: bool = False  # the workbook with every contact detail
    part: int | None = None  # the part of the meeting the report covers
    landscape: bool = False  # A4 on its side (a long programme of work)
    language: str | None = None  # the document's language ("en", "fr", "es"; default: the meeting's)
    # Badges and nameplates: which ones.
    layout: str | None = None  # a badge layout of exports/badges.py LAYOUTS
    category: Category | None = None
    delegation_ids: tuple[int, ...] = ()
    participant_ids: tuple[int, ...] = ()
    only_new: bool = False  # badges not printed yet
    revoke_old: bool = False  # reprinted badges get new codes; the older badges no longer check in
    record_printed: bool = True  # badges: recorded as printed once written (the pack records them once in place)


# (services, meeting id, format, file, options) -> the export's progress, its last item with the file
Writer = Callable[["Services", int, str, "str | Path", ExportOptions], Iterator[Progress]]
# (services, meeting id, options) -> a document in the report's model, to render as PDF or Word
Builder = Callable[["Services", int, ExportOptions], "Report"]


@dataclass(frozen=True)
class DocumentKind:
    name: str  # on the command line: `export NAME`
    label: str  # in the Export menu
    formats: tuple[str, ...]
    write: Writer = field(repr=False)
    file_stem: str = ""

    def job(
        self, services: Services, meeting_id: int, fmt: str, out: str | Path, options: ExportOptions = ExportOptions()
    ) -> Iterator[Progress]:
        if fmt not in self.formats:
            from ccm_secretariat.errors import ValidationError

            raise ValidationError(f"{self.label} is written as {' or '.join(self.formats)}, not {fmt}.", "format")
        return self._logged(self.write(services, meeting_id, fmt, out, options), meeting_id, fmt)

    def _logged(self, steps: Iterator[Progress], meeting_id: int, fmt: str) -> Iterator[Progress]:
        started = time.perf_counter()
        try:
            yield from steps
        except Exception as exc:
            log.warning("Export of %s as %s for meeting %d failed: %s", self.name, fmt, meeting_id, type(exc).__name__)
            raise
        log.info(
            "Exported %s as %s for meeting %d in %.1f s", self.name, fmt, meeting_id, time.perf_counter() - started
        )


def _participants(
    services: Services, meeting_id: int, fmt: str, out: str | Path, o: ExportOptions
) -> Iterator[Progress]:
    if fmt == "pdf":
        from ccm_secretariat.exports.participants_pdf import ListOptions, participants_pdf

        symbol = o.symbol or _registered_symbol(services, meeting_id, o.provisional)
        return participants_pdf(
            services,
            meeting_id,
            out,
            ListOptions(
                symbol=symbol,
                provisional=o.provisional,
                date=o.date,
                capitalise_family_names=o.capitals,
                language=o.language,
            ),
        )
    from ccm_secretariat.exports.workbook import participants_workbook

    return participants_workbook(services, meeting_id, out, internal=o.internal, language=o.language)


def _registered_symbol(services: Services, meeting_id: int, provisional: bool) -> str | None:
    """The list's symbol as the meeting's register of documents gives it ("Provisional list of participants",
    CCM/CONF/2020/MISC.1, for the provisional one); None when the register has no such document."""
    wanted = "provisional list of participants" if provisional else "list of participants"
    found = [d for d in services.documents.list(meeting_id) if d.title.strip().casefold() == wanted]
    return found[0].symbol if found else None


def _rendered(build: Builder) -> Writer:
    """A writer for a document built into the report's model, then rendered as PDF or Word."""

    def write(services: Services, meeting_id: int, fmt: str, out: str | Path, o: ExportOptions) -> Iterator[Progress]:
        report = build(services, meeting_id, o)
        if fmt == "pdf":
            from ccm_secretariat.report.pdf import report_pdf

            return report_pdf(report, out, landscape=o.landscape)
        from ccm_secretariat.report.docx import report_docx

        return report_docx(report, out, landscape=o.landscape)

    return write


def _report(services: Services, meeting_id: int, o: ExportOptions) -> Report:
    from ccm_secretariat.report.builder import ReportOptions, build_report

    return build_report(services, meeting_id, ReportOptions(symbol=o.symbol, date=o.date, part=o.part))


IN_LANGUAGES = ("build_agenda", "build_programme", "build_documents_list")  # written in en, fr or es


def _meeting_document(builder_name: str) -> Builder:
    def build(services: Services, meeting_id: int, o: ExportOptions) -> Report:
        from ccm_secretariat.report import meeting_documents

        data = meeting_documents.MeetingData.read(services, meeting_id)
        if builder_name in IN_LANGUAGES:
            language = o.language or data.meeting.settings.language
            report: Report = getattr(meeting_documents, builder_name)(data, o.date, language)
        else:
            report = getattr(meeting_documents, builder_name)(data, o.date)
        return report

    return build


def _badges(services: Services, meeting_id: int, fmt: str, out: str | Path, o: ExportOptions) -> Iterator[Progress]:
    """The badges chosen, then recorded as printed once the file is in place (a cancelled run records none)."""
    from dataclasses import replace

    from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS, badges_pdf
    from ccm_secretariat.services.badges import BadgeChoice

    layout = LAYOUTS.get(o.layout or DEFAULT_LAYOUT)
    if layout is None:
        from ccm_secretariat.errors import ValidationError

        raise ValidationError(
            f"no badge layout is called “{o.layout}”; the layouts are {', '.join(LAYOUTS)}.", "layout"
        )
    run = services.badges.run(
        meeting_id, BadgeChoice(o.category, o.delegation_ids, o.participant_ids, o.only_new, o.revoke_old)
    )
    last: Progress | None = None
    for last in badges_pdf(run, layout, out):
        if last.path is None:
            yield last
    if last is None:  # badges_pdf yields its result at least
        return
    generations = {b.participant_id: b.generation for b in run.badges}
    if not o.record_printed:  # the pack records them once the file is in place
        yield replace(last, printed=tuple(generations.items()))
        return
    try:
        reprints = services.badges.record_printed(list(generations), layout.name, generations=generations)
    except DomainError as exc:  # the file is there; only the record of the printing is not
        reason = re.sub(r"[;.]?\s*[Nn]othing was changed\.?$", ".", exc.message)
        raise DomainError(
            f"The badges were written to {last.path} ({last.message}), but their printing was not recorded: "
            f"{reason} Until it is, the desk counts them as not printed and they do not check in: print the same "
            "badges again (they keep their codes) once the database can be written."
        ) from None
    note = f"; {reprints} of them reprinted" if reprints else ""
    yield replace(last, message=last.message + note)


def _nameplates(services: Services, meeting_id: int, fmt: str, out: str | Path, o: ExportOptions) -> Iterator[Progress]:
    from ccm_secretariat.exports.nameplates import nameplates_pdf

    plates = services.seating.nameplates(meeting_id, o.category, o.delegation_ids)
    return nameplates_pdf(plates, out, practice=services.meetings.get(meeting_id).practice)


def _seating(services: Services, meeting_id: int, fmt: str, out: str | Path, o: ExportOptions) -> Iterator[Progress]:
    from ccm_secretariat.exports.masthead import place_and_dates
    from ccm_secretariat.exports.seating_pdf import SeatingDocument, seating_pdf

    meeting = services.meetings.get(meeting_id)
    return seating_pdf(
        SeatingDocument(
            meeting.title,
            place_and_dates(meeting),
            services.seating.layout(meeting_id),
            services.badges.colours(meeting_id),
        ),
        out,
    )


DOCUMENTS: dict[str, DocumentKind] = {
    d.name: d
    for d in (
        DocumentKind("participants", "List of participants", ("pdf", "xlsx"), _participants, "list-of-participants"),
        DocumentKind("report", "Draft report", ("pdf", "docx"), _rendered(_report), "draft-report"),
        DocumentKind(
            "agenda", "Provisional agenda", ("pdf", "docx"), _rendered(_meeting_document("build_agenda")), "agenda"
        ),
        DocumentKind(
            "programme",
            "Provisional programme of work",
            ("pdf", "docx"),
            _rendered(_meeting_document("build_programme")),
            "programme-of-work",
        ),
        DocumentKind(
            "documents-list",
            "List of documents",
            ("pdf", "docx"),
            _rendered(_meeting_document("build_documents_list")),
            "list-of-documents",
        ),
        DocumentKind(
            "credentials",
            "Report on credentials",
            ("pdf", "docx"),
            _rendered(_meeting_document("build_credentials")),
            "credentials",
        ),
        DocumentKind("badges", "Badges", ("pdf",), _badges, "badges"),
        DocumentKind("nameplates", "Nameplates", ("pdf",), _nameplates, "nameplates"),
        DocumentKind("seating", "Seating plan", ("pdf",), _seating, "seating-plan"),
    )
}
