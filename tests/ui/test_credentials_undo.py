"""Credentials of several delegations: one command whose undo the service does (restore_credentials), through
the version check; any error of an undo (a lost database too) is said and nothing is left half-done."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from ccm_secretariat.domain.enums import CredentialsKind
from tests.ui.conftest import when_dialog
from ui.dialogs.credentials_dialog import CredentialsDialog


def _state(reg, *ids):
    return [(d.credentials_received, d.credentials_kind, d.credentials_date) for d in map(reg.delegation, ids)]


def _credentials_for_two(window, kind=CredentialsKind.COPY):
    page, reg = window.registration, window.services.registration
    page.select_delegation("Chile")
    chile = page.selected_delegation()
    page.select_delegation("Peru")
    peru = page.selected_delegation()
    page.delegations.selectionModel().select(
        page.delegation_model.index(page.delegation_model.view_row(page.delegation_model.rows.index(chile)), 0),
        page.delegations.selectionModel().SelectionFlag.Select | page.delegations.selectionModel().SelectionFlag.Rows,
    )
    assert {d.name for d in page.selected_delegations()} == {"Chile", "Peru"}
    before = _state(reg, chile.id, peru.id)

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.date.setText("2 Aug 2026")
        dialog.accept()

    when_dialog(CredentialsDialog, fill)
    page.buttons["credentials"].click()
    return chile, peru, before


def test_credentials_of_two_undone_and_redone_exactly(window):
    reg = window.services.registration
    chile, peru, before = _credentials_for_two(window)
    set_ = [(True, CredentialsKind.COPY, dt.date(2026, 8, 2))] * 2
    assert _state(reg, chile.id, peru.id) == set_
    window.undo_action.trigger()
    assert _state(reg, chile.id, peru.id) == before
    window.redo_action.trigger()
    assert _state(reg, chile.id, peru.id) == set_
    # A later edit of one of them by this desk, undone first: the credentials' undo still goes through.
    window.editor.perform_versioned(
        "Category of Peru",
        lambda values, version: reg.set_category(peru.id, values[0], values[1], expected_version=version),
        ("observer_state", "Test"),
        (None, ""),
        window.editor.seen(("delegation", peru.id), reg.delegation(peru.id).version),
    )
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert _state(reg, chile.id, peru.id) == before


def test_undo_after_another_desks_change_is_refused_and_changes_nothing(window):
    reg = window.services.registration
    chile, peru, before = _credentials_for_two(window)
    reg.set_credentials([peru.id], True, CredentialsKind.ORIGINAL, dt.date(2026, 8, 3))  # another desk
    window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Undo of “Credentials of 2 delegations” failed: Peru was changed"), message
    assert _state(reg, chile.id, peru.id) == [
        (True, CredentialsKind.COPY, dt.date(2026, 8, 2)),  # all or none: Chile not put back alone
        (True, CredentialsKind.ORIGINAL, dt.date(2026, 8, 3)),  # the other desk's change stays
    ]


@pytest.mark.parametrize(
    "error, said",
    [
        (sa.exc.OperationalError("UPDATE", {}, Exception("server closed")), "The database failed"),
        (RuntimeError("a bug"), "something went wrong (RuntimeError)"),
    ],
)
def test_any_error_during_undo_is_said_and_nothing_is_half_done(window, monkeypatch, error, said):
    reg = window.services.registration
    chile, peru, before = _credentials_for_two(window)
    after = _state(reg, chile.id, peru.id)

    def failing(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(reg, "_put_credentials", failing)
    window.undo_action.trigger()  # no exception reaches Qt
    message = window.statusBar().currentMessage()
    assert message.startswith("Undo of “Credentials of 2 delegations” failed: " + said), message
    assert _state(reg, chile.id, peru.id) == after
    assert not window.undo_stack.canUndo() or window.undo_stack.undoText() != "Credentials of 2 delegations"


def _mark_two_present(window, chile_was: bool):
    """Chile (present before or not) and Peru (not) selected and marked present at part 1 through the dialog."""
    from ui.dialogs.presence_dialog import PresenceDialog

    page, reg = window.registration, window.services.registration
    chile, peru = (next(d for d in page.delegation_rows if d.name == n) for n in ("Chile", "Peru"))
    reg.set_presence([chile.id], 1, chile_was)
    reg.set_presence([peru.id], 1, False)
    page.reload()
    page.select_delegation("Peru")
    model = page.delegations.selectionModel()
    row = page.delegation_model.view_row(next(i for i, d in enumerate(page.delegation_model.rows) if d.id == chile.id))
    model.select(page.delegation_model.index(row, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows)
    when_dialog(PresenceDialog, lambda d: d.accept())
    page.buttons["presence"].click()
    assert [reg.delegation(i).present_parts for i in (chile.id, peru.id)] == [(1,), (1,)]
    return chile, peru


def test_presence_of_two_undone_puts_back_what_each_had(window):
    reg = window.services.registration
    chile, peru = _mark_two_present(window, chile_was=True)
    window.undo_action.trigger()
    assert [reg.delegation(i).present_parts for i in (chile.id, peru.id)] == [(1,), ()]
    window.redo_action.trigger()
    assert [reg.delegation(i).present_parts for i in (chile.id, peru.id)] == [(1,), (1,)]


def test_undo_of_presence_after_another_desks_change_is_refused_and_changes_nothing(window, demo):
    from ccm_secretariat.services import open_services
    from tests.backends import location

    reg = window.services.registration
    chile, peru = _mark_two_present(window, chile_was=False)
    other = open_services(location(demo))  # another desk, its own connection: Peru was not there after all
    other.registration.set_presence([peru.id], 1, False)
    other.close()
    window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Undo of “Present: 2 delegations” failed: Peru was changed"), message
    assert "Nothing was saved" in message
    assert [reg.delegation(i).present_parts for i in (chile.id, peru.id)] == [(1,), ()]  # all or none; theirs stays
