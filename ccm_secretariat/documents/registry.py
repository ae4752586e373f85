"""Every document the desk writes, declared once: its name on the command line, its label in the Export menu, its
formats, its options (their type, their arguments on the command line, the dialog that asks them in the window),
its file's stem, its variants (the internal workbook, the landscape programme), and how it is written: its data
read once into a plain value, then drawn. The CLI and the window both read this registry, and choose nothing by a
document's name."""

from __future__ import annotations

import enum
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccm_secretariat.documents import reading
from ccm_secretariat.documents.options import (
    BADGE_ARGUMENTS,
    LANDSCAPE,
    LANGUAGE,
    NAMEPLATE_ARGUMENTS,
    PARTICIPANTS_ARGUMENTS,
    REPORT_ARGUMENTS,
    Argument,
    BadgeOptions,
    ExportOptions,
    MeetingDocumentOptions,
    NameplateOptions,
    NoOptions,
    ParticipantsOptions,
    ReportOptions,
    options_of,
)
from ccm_secretariat.errors import DomainError, ValidationError
from ccm_secretariat.progress import Progress

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from ccm_secretariat.report.meeting_documents import MeetingData
    from ccm_secretariat.report.model import Report
    from ccm_secretariat.services import Services

__all__ = ["DOCUMENTS", "Builder", "Dialog", "DocumentKind", "ExportOptions", "Variant", "export_named"]

# (services, meeting id, the kind's options) -> the data, read once (a plain value)
Reader = Callable[["Services", int, Any], Any]
# (the data, format, file, the kind's options) -> the export's progress, its last item with the file; nothing read
Drawer = Callable[[Any, str, "str | Path", Any], Iterator[Progress]]
# (services, the data, the kind's options, the drawer's last item) -> the last item, once the file is in place
Finisher = Callable[["Services", Any, Any, Progress], Progress]
# (services, meeting id, options) -> a document in the report's model, to render as PDF or Word
Builder = Callable[["Services", int, Any], "Report"]


class Dialog(enum.Enum):
    """The dialog of the window that asks a kind's options before it is written (ui/ shows it)."""

    LIST_OPTIONS = "list options"  # as at, provisional, symbol, capitals
    ROOM_PRINT = "room print"  # which badges or nameplates (and, for badges, the layout)


@dataclass(frozen=True)
class Variant:
    """A kind written with options set: an entry of its own in the Export menu, with its own file name."""

    name: str  # what the window's export takes
    label: str  # in the Export menu
    formats: tuple[str, ...]
    values: Mapping[str, Any]  # the options it sets
    file_stem: str
    internal: bool = False  # not for distribution
    layout_only: bool = False  # the same document on another page shape: listed apart in the menu


@dataclass(frozen=True)
class DocumentKind:
    name: str  # on the command line: `export NAME`
    label: str  # in the Export menu
    formats: tuple[str, ...]
    read: Reader = field(repr=False)
    draw: Drawer = field(repr=False)
    file_stem: str = ""
    options: type[Any] = NoOptions  # a frozen dataclass: the kind's options, with their defaults
    arguments: tuple[Argument, ...] = ()  # on the command line, besides --format, --out, --meeting, --symbol, --date
    finish: Finisher | None = field(default=None, repr=False)
    dialogs: Mapping[str, Dialog] = field(default_factory=dict)  # by format: the window asks the options first
    save_stems: Mapping[str, str] = field(default_factory=dict)  # by format: the window's file name, when not the stem
    variants: tuple[Variant, ...] = ()
    # What is missing for the document to say anything ("agenda has no item"), or "": the window asks first.
    empty: Callable[[Services, int], str] | None = field(default=None, repr=False)
    needs_seating_plan: bool = False  # the window has the room drawn first

    def options_from(self, given: object = None) -> Any:
        """The kind's own options from None (the defaults), values by name (ExportOptions), or its own options."""
        return options_of(self.options, given)

    def declares(self, option: str) -> bool:
        return option in self.options.__dataclass_fields__

    def save_stem(self, fmt: str) -> str:
        return self.save_stems.get(fmt, self.file_stem)

    def job(
        self, services: Services, meeting_id: int, fmt: str, out: str | Path, options: object = None
    ) -> Iterator[Progress]:
        if fmt not in self.formats:
            raise ValidationError(f"{self.label} is written as {' or '.join(self.formats)}, not {fmt}.", "format")
        chosen = self.options_from(options)
        return self._logged(self._steps(services, meeting_id, fmt, out, chosen), meeting_id, fmt)

    def _steps(self, services: Services, meeting_id: int, fmt: str, out: str | Path, o: Any) -> Iterator[Progress]:
        data = self.read(services, meeting_id, o)
        if self.finish is None:
            yield from self.draw(data, fmt, out, o)
            return
        last: Progress | None = None
        for last in self.draw(data, fmt, out, o):
            if last.path is None:
                yield last
        if last is not None:  # a drawer yields its result at least
            yield self.finish(services, data, o, last)

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


def _draw_participants(
    data: reading.ParticipantsData, fmt: str, out: str | Path, o: ParticipantsOptions
) -> Iterator[Progress]:
    if fmt == "pdf":
        from ccm_secretariat.exports.masthead import original_language
        from ccm_secretariat.exports.participants_pdf import ListOptions, list_pdf

        symbol = o.symbol or data.registered_symbol
        options = ListOptions(
            symbol=symbol,
            provisional=o.provisional,
            date=o.date,
            capitalise_family_names=o.capitals,
            language=o.language,
            original=original_language(data.registered_languages),
        )
        return list_pdf(data.roster, out, options)
    from ccm_secretariat.exports.workbook import registration_workbook

    return registration_workbook(data.roster, data.documents, out, internal=o.internal, language=o.language)


def _render(report: Report, fmt: str, out: str | Path, landscape: bool) -> Iterator[Progress]:
    """A document of the report's model rendered as PDF or Word."""
    if fmt == "pdf":
        from ccm_secretariat.report.pdf import report_pdf

        return report_pdf(report, out, landscape=landscape)
    from ccm_secretariat.report.docx import report_docx

    return report_docx(report, out, landscape=landscape)


def _read_report(services: Services, meeting_id: int, o: ReportOptions) -> Report:
    from ccm_secretariat.report.builder import ReportData, report_from
    from ccm_secretariat.report.builder import ReportOptions as BuilderOptions
    from ccm_secretariat.report.wording.report_local import wording_for

    data = ReportData.read(services, meeting_id, BuilderOptions(symbol=o.symbol, date=o.date, part=o.part))
    return report_from(data, wording_for(o.language or data.meeting.settings.language, data.meeting))


def _read_meeting(services: Services, meeting_id: int, _o: MeetingDocumentOptions) -> MeetingData:
    from ccm_secretariat.report.meeting_documents import MeetingData

    return MeetingData.read(services, meeting_id)


def _meeting_document(builder_name: str, kind_name: str) -> Drawer:
    """The drawer of a document of the meeting (agenda, programme, list of documents, credentials)."""

    def draw(data: MeetingData, fmt: str, out: str | Path, o: MeetingDocumentOptions) -> Iterator[Progress]:
        from ccm_secretariat.report import meeting_documents
        from ccm_secretariat.report.wording.report_local import wording_for

        language = o.language or data.meeting.settings.language if kind_name in LOCALISED_KINDS else None
        wording = wording_for(language, data.meeting)
        report: Report = getattr(meeting_documents, builder_name)(data, o.date, wording)
        return _render(report, fmt, out, o.landscape)

    return draw


def _draw_badges(data: reading.BadgeData, fmt: str, out: str | Path, o: BadgeOptions) -> Iterator[Progress]:
    from ccm_secretariat.exports.badges import badges_pdf

    return badges_pdf(data.run, data.layout, out)


def _badges_printed(services: Services, data: reading.BadgeData, o: BadgeOptions, last: Progress) -> Progress:
    """The badges recorded as printed once the file is in place (a cancelled run records none); the pack records
    them itself once its files are in place (`record_printed` off)."""
    generations = {b.participant_id: b.generation for b in data.run.badges}
    if not o.record_printed:
        return replace(last, printed=tuple(generations.items()))
    try:
        reprints = services.badges.record_printed(list(generations), data.layout.name, generations=generations)
    except DomainError as exc:  # the file is there; only the record of the printing is not
        reason = re.sub(r"[;.]?\s*[Nn]othing was changed\.?$", ".", exc.message)
        raise DomainError(
            f"The badges were written to {last.path} ({last.message}), but their printing was not recorded: "
            f"{reason} Until it is, the desk counts them as not printed and they do not check in: print the same "
            "badges again (they keep their codes) once the database can be written."
        ) from None
    note = f"; {reprints} of them reprinted" if reprints else ""
    return replace(last, message=last.message + note)


def _draw_nameplates(data: reading.NameplateData, fmt: str, out: str | Path, o: NameplateOptions) -> Iterator[Progress]:
    from ccm_secretariat.exports.nameplates import nameplates_pdf

    return nameplates_pdf(data.plates, out, practice=data.practice, language=data.language)


def _draw_seating(data: Any, fmt: str, out: str | Path, o: NoOptions) -> Iterator[Progress]:
    from ccm_secretariat.exports.seating_pdf import seating_pdf

    return seating_pdf(data, out)


def _agenda_empty(services: Services, meeting_id: int) -> str:
    return "" if services.agenda.items(meeting_id) else "agenda has no item"


def _programme_empty(services: Services, meeting_id: int) -> str:
    return "" if services.agenda.plenaries(meeting_id) else "programme of work has no meeting"


LOCALISED_KINDS = ("agenda", "programme", "documents-list", "credentials")  # their words all in each language


def _meeting_kind(name: str, label: str, builder: str, stem: str, **more: Any) -> DocumentKind:
    return DocumentKind(
        name,
        label,
        ("pdf", "docx"),
        _read_meeting,
        _meeting_document(builder, name),
        stem,
        MeetingDocumentOptions,
        (LANDSCAPE, LANGUAGE) if name in LOCALISED_KINDS else (LANDSCAPE,),
        **more,
    )


DOCUMENTS: dict[str, DocumentKind] = {
    d.name: d
    for d in (
        DocumentKind(
            "participants",
            "List of participants",
            ("pdf", "xlsx"),
            reading.ParticipantsData.read,
            _draw_participants,
            "list-of-participants",
            ParticipantsOptions,
            PARTICIPANTS_ARGUMENTS,
            dialogs={"pdf": Dialog.LIST_OPTIONS},
            save_stems={"xlsx": "registration"},
            variants=(
                Variant(
                    "participants-internal",
                    "Internal workbook with every contact detail",
                    ("xlsx",),
                    {"internal": True},
                    "registration-INTERNAL",
                    internal=True,
                ),
            ),
        ),
        DocumentKind(
            "report",
            "Draft report",
            ("pdf", "docx"),
            _read_report,
            lambda report, fmt, out, o: _render(report, fmt, out, o.landscape),
            "draft-report",
            ReportOptions,
            REPORT_ARGUMENTS,
        ),
        _meeting_kind("agenda", "Provisional agenda", "build_agenda", "agenda", empty=_agenda_empty),
        _meeting_kind(
            "programme",
            "Provisional programme of work",
            "build_programme",
            "programme-of-work",
            empty=_programme_empty,
            variants=(
                Variant(
                    "programme-landscape",
                    "Provisional programme of work, A4 landscape",
                    ("pdf", "docx"),
                    {"landscape": True},
                    "programme-of-work",
                    layout_only=True,
                ),
            ),
        ),
        _meeting_kind("documents-list", "List of documents", "build_documents_list", "list-of-documents"),
        _meeting_kind("credentials", "Report on credentials", "build_credentials", "credentials"),
        DocumentKind(
            "badges",
            "Badges",
            ("pdf",),
            reading.BadgeData.read,
            _draw_badges,
            "badges",
            BadgeOptions,
            BADGE_ARGUMENTS,
            finish=_badges_printed,
            dialogs={"pdf": Dialog.ROOM_PRINT},
        ),
        DocumentKind(
            "nameplates",
            "Nameplates",
            ("pdf",),
            reading.NameplateData.read,
            _draw_nameplates,
            "nameplates",
            NameplateOptions,
            NAMEPLATE_ARGUMENTS,
            dialogs={"pdf": Dialog.ROOM_PRINT},
        ),
        DocumentKind(
            "seating",
            "Seating plan",
            ("pdf",),
            reading.read_seating,
            _draw_seating,
            "seating-plan",
            needs_seating_plan=True,
        ),
    )
}


def export_named(name: str) -> tuple[DocumentKind, Variant | None]:
    """A kind by its name, or one of its variants by the variant's name, with the kind it belongs to."""
    if name in DOCUMENTS:
        return DOCUMENTS[name], None
    for kind in DOCUMENTS.values():
        for variant in kind.variants:
            if variant.name == name:
                return kind, variant
    raise KeyError(name)
