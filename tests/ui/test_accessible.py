"""The desk for a screen reader and at the keyboard, checked in every window and dialog (tests/ui/walk.py opens
each one): every field that takes the keyboard has a name a screen reader reads (its own, a buddy label's or a
button's text), every table a name and a description, and each Alt + letter names one thing per window, dialog
and menu."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from tests.ui.walk import walk
from ui.accessible import spoken_name, unnamed
from ui.mnemonics import clashes, menu_clashes


def test_every_focusable_widget_is_named(window, monkeypatch, tmp_path):
    problems: list[str] = []
    tables: set[str] = set()

    def look(widget, where):
        problems.extend(f"{where}: {type(w).__name__} {w.objectName()}" for w in unnamed(widget))
        for view in widget.findChildren(QTableView):
            if view.window() is widget:
                tables.add(spoken_name(view))
                if not (spoken_name(view) and view.accessibleDescription()):
                    problems.append(f"{where}: a table without a name or a description")

    titles = walk(window, look, monkeypatch, tmp_path)
    assert len(titles) > 30
    assert not problems, "\n".join(sorted(set(problems)))
    assert {"Delegations", "Members of the delegation", "Rows of the file", "Keyboard shortcuts"} <= tables


def test_each_mnemonic_names_one_thing(window, monkeypatch, tmp_path):
    problems: list[str] = []
    walk(
        window,
        lambda w, where: problems.extend(f"{where}: {k}: {v}" for k, v in clashes(w).items()),
        monkeypatch,
        tmp_path,
    )
    for action in window.menuBar().actions():
        problems.extend(f"menu {action.text()}: {k}: {v}" for k, v in menu_clashes(action.menu()).items())
        without = [a.text() for a in action.menu().actions() if not a.isSeparator() and "&" not in a.text()]
        assert not without, f"{action.text()}: {without}"
    assert not problems, "\n".join(sorted(set(problems)))
