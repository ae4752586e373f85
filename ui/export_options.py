"""What the window asks before a document is written: the dialog the registry declares for its kind and format
(the list's options, which badges or nameplates) and, for every kind whose options declare a language, the
document's language: the meeting's (Meeting page) until one is chosen, then the one last chosen for that kind in
that meeting. A kind with a language and no dialog of its own asks only the language."""

from __future__ import annotations

from typing import Any

from ccm_secretariat.documents.registry import Dialog, DocumentKind, ExportOptions, Variant
from ccm_secretariat.language import LANGUAGES
from ccm_secretariat.services.meetings import MeetingRow


def remembered_language(window: Any, kind: DocumentKind, meeting: MeetingRow) -> str:
    chosen = window.settings.document_language(window.services.db.display_name, meeting.id, kind.name)
    return chosen if chosen in LANGUAGES else meeting.settings.language


def _remember_language(window: Any, kind: DocumentKind, meeting: MeetingRow, options: object) -> None:
    given = options.values if isinstance(options, ExportOptions) else {}
    language = given.get("language") or getattr(options, "language", None)
    if language:
        window.settings.remember_document_language(window.services.db.display_name, meeting.id, kind.name, language)


def preview_options(window: Any, kind: DocumentKind, meeting: MeetingRow) -> object:
    """The options the print preview writes with, asking nothing: the list's remembered options, the language
    last chosen."""
    language = remembered_language(window, kind, meeting) if kind.declares("language") else None
    if kind.dialogs.get("pdf") is Dialog.LIST_OPTIONS:
        from ui.dialogs.list_options_dialog import ListOptionsDialog

        remembered = window.settings.list_options(window.services.db.display_name, meeting.id)
        return ListOptionsDialog.from_settings(remembered, language)
    return ExportOptions(language=language) if language else ExportOptions()


def _list_options(window: Any, meeting: MeetingRow, language: str) -> tuple[Any, bool]:
    from ui.dialogs.list_options_dialog import ListOptionsDialog

    database = window.services.db.display_name
    options, accepted = ListOptionsDialog.ask(
        window, meeting.symbol_prefix, window.settings.list_options(database, meeting.id), language
    )
    if accepted and options is not None:
        window.settings.remember_list_options(database, meeting.id, ListOptionsDialog.to_settings(options))
    return options, accepted


def _asked(window: Any, kind: DocumentKind, fmt: str, meeting: MeetingRow, language: str) -> tuple[Any, bool]:
    """The options the kind's dialog for `fmt` asks; only the language when it has none."""
    dialog = kind.dialogs.get(fmt)
    if dialog is Dialog.LIST_OPTIONS:
        return _list_options(window, meeting, language)
    if dialog is Dialog.ROOM_PRINT:
        from ui.dialogs.room_print_dialog import RoomPrintDialog

        return RoomPrintDialog.ask(
            window,
            kind.declares("layout"),
            meeting.profile,
            [d.id for d in window.registration.selected_delegations()],
            [p.id for p in window.registration.selected_members()],
            language,
        )
    from ui.dialogs.document_language_dialog import DocumentLanguageDialog

    chosen, accepted = DocumentLanguageDialog.ask(window, kind.label, language)
    return (ExportOptions(language=chosen) if accepted else None), accepted


def export_options(
    window: Any, kind: DocumentKind, variant: Variant | None, fmt: str, meeting: MeetingRow
) -> tuple[Any, bool]:
    """(options, accepted): a variant's (in the language last chosen), those asked in the dialog the kind declares,
    or None (its defaults) for a kind with neither a dialog nor a language."""
    localised = kind.declares("language")
    language = remembered_language(window, kind, meeting) if localised else "en"
    if variant is not None:
        return ExportOptions(**({"language": language} if localised else {}), **variant.values), True
    if kind.dialogs.get(fmt) is None and not localised:
        return None, True
    options, accepted = _asked(window, kind, fmt, meeting, language)
    if accepted and localised:
        _remember_language(window, kind, meeting, options)
    return options, accepted
