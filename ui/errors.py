"""Errors as a secretary reads them: domain errors as plain messages; anything unexpected logged to a file in
the user's data folder and shown as a short message, never as a traceback."""

from __future__ import annotations

import logging
import sys
import traceback

import sqlalchemy as sa
from PySide6.QtWidgets import QMessageBox, QWidget

from ccm_secretariat.errors import DomainError
from ccm_secretariat.logs import log_path
from ccm_secretariat.storage.database import describe_database_failure

FIELD_NAMES = {
    "family_name": "Family name",
    "given_names": "Given names",
    "email": "E-mail",
    "phone": "Telephone",
    "symbol": "Symbol",
    "symbol_prefix": "Symbol prefix",
    "title": "Title",
    "reason": "Reason",
    "state": "State",
    "organisation": "Organisation",
    "languages": "Languages",
    "agenda_item": "Agenda item",
    "end_time": "End",
    "date": "Date",
    "role": "Role",
    "last_day": "Last day",
    "number": "Number",
}


def describe(error: DomainError) -> str:
    if error.field:
        return f"{FIELD_NAMES.get(error.field, error.field.replace('_', ' ').capitalize())}: {error.message}"
    return error.message


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    if isinstance(error, DomainError):
        QMessageBox.warning(parent, title, describe(error))
        return
    if isinstance(error, sa.exc.DBAPIError):  # a lost connection and the like: the desk's message, a way forward
        logging.getLogger("ui.errors").warning("%s: %s", title, type(getattr(error, "orig", error)).__name__)
        QMessageBox.warning(parent, "The database", describe_database_failure(error))
        return
    # Where it happened and what kind of error, not its message: a message may quote a person's data.
    logging.getLogger("ui.errors").error(
        "%s: %s\n%s", title, type(error).__name__, "".join(traceback.format_tb(error.__traceback__))
    )
    QMessageBox.critical(
        parent,
        title,
        f"Something went wrong ({type(error).__name__}). Nothing you saved before "
        f"is lost. The details are in {log_path()}.",
    )


def explain(error: BaseException, title: str = "") -> str:
    """The sentence a secretary reads for any error a service raised (a domain error's message; a database
    failure's cause and way forward; anything else by its kind, logged with where it happened)."""
    if isinstance(error, DomainError):
        return describe(error)
    if isinstance(error, sa.exc.DBAPIError):
        logging.getLogger("ui.errors").warning("%s: %s", title, type(getattr(error, "orig", error)).__name__)
        return describe_database_failure(error)
    logging.getLogger("ui.errors").error(
        "%s: %s\n%s", title, type(error).__name__, "".join(traceback.format_tb(error.__traceback__))
    )
    return f"something went wrong ({type(error).__name__}); the details are in {log_path()}."


def install_excepthook(parent_getter) -> None:
    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_error(parent_getter(), "Unexpected error", value.with_traceback(tb))

    sys.excepthook = hook
