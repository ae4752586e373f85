"""A reader's desk disables the actions that write, flagged when they are made: a renamed (or translated) label
stays disabled; exports and print previews stay enabled."""

from PySide6.QtGui import QAction

WRITING = {
    "New meeting…",
    "Open the demo conference",
    "Import registrations…",
    "Carry over from another meeting…",
    "Delete this meeting…",
    "Restore from backup…",
    "Seating plan: the draw and the room…",
    "Badge colours…",
    "Print badges…",
    "Badges (PDF)…",
    "Open the practice copy of the demo (fictitious participants)",
}


def _label(action: QAction) -> str:
    return action.text().replace("&", "")


def test_renamed_writing_actions_stay_disabled_for_a_reader(window):
    actions = [a for a in window.findChildren(QAction) if a.text() and not a.isSeparator()]
    assert WRITING <= {_label(a) for a in actions}
    renamed = {}
    for n, action in enumerate(actions):  # every label renamed, as a translation would
        renamed[action] = _label(action) in WRITING
        action.setText(f"Élément {n}")
    window.become_read_only()
    disabled = {a for a in actions if not a.isEnabled()}
    writing = {a for a, writes in renamed.items() if writes}
    assert writing <= disabled
    others = {a for a in actions if a not in writing} - {window.undo_action, window.redo_action}
    assert not (others & disabled), sorted(a.text() for a in others & disabled)
    # Exports stay possible: the list of participants, the workbook, the print previews.
    assert any(a.isEnabled() and a in others for a in window.findChildren(QAction))


def test_an_action_is_flagged_when_made_not_by_its_text(window):
    flagged = {_label(a) for a in window.findChildren(QAction) if a.property("writes")}
    assert flagged == WRITING
