"""Errors as a secretary reads them: domain errors as plain messages; anything unexpected logged to a file in
the user's data folder and shown as a short message, never as a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ccm_secretariat.errors import DomainError

FIELD_NAMES = {
    "family_name": "Family name", "given_names": "Given names", "email": "E-mail", "phone": "Telephone",
    "symbol": "Symbol", "symbol_prefix": "Symbol prefix", "title": "Title", "reason": "Reason",
    "state": "State", "organisation": "Organisation", "languages": "Languages", "agenda_item": "Agenda item",
    "end_time": "End", "date": "Date", "role": "Role", "last_day": "Last day", "number": "Number",
}


def describe(error: DomainError) -> str:
    if error.field:
        return f"{FIELD_NAMES.get(error.field, error.field.replace('_', ' ').capitalize())}: {error.message}"
    return error.message


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("ccm-secretariat", appauthor=False) / "desk.log"


def install_logging() -> None:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=str(path), level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    if isinstance(error, DomainError):
        QMessageBox.warning(parent, title, describe(error))
        return
    logging.getLogger("desk").error("%s\n%s", title, "".join(traceback.format_exception(error)))
    QMessageBox.critical(parent, title, f"Something went wrong ({type(error).__name__}). Nothing you saved before "
                                        f"is lost. The details are in {log_path()}.")


def install_excepthook(parent_getter) -> None:
    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_error(parent_getter(), "Unexpected error", value.with_traceback(tb))

    sys.excepthook = hook
