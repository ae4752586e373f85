"""Alt + an underlined letter: which letters a window (its menu bar and what shows now) or a menu uses, so that
the tests can check that each letter names one thing only (Alt+R once opened a button, then the Room menu)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QMenu, QTabBar, QWidget

_MARK = re.compile(r"&(?!&)(.)")


def letter(text: str) -> str:
    """The mnemonic letter of a text ("Ca&tegory…" -> "t"), or ""."""
    found = _MARK.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def _texts(window: QWidget) -> list[tuple[str, str]]:
    """(text, what) of everything in `window` that shows now and answers to Alt + a letter."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            found.append((widget.text(), type(widget).__name__))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.text(), "label"))
        elif isinstance(widget, QGroupBox):
            found.append((widget.title(), "group"))
        elif isinstance(widget, QTabBar):
            found.extend((widget.tabText(i), "tab") for i in range(widget.count()))
    if isinstance(window, QMainWindow):
        found.extend((a.text(), "menu") for a in window.menuBar().actions())
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Letters used by more than one thing that shows in the window now."""
    return _clashing(_texts(window))


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    return _clashing([(a.text(), "item") for a in menu.actions() if not a.isSeparator() and a.isVisible()])


def _clashing(texts: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for text, what in texts:
        key = letter(text)
        if key:
            by_letter.setdefault(key, []).append(f"{what} “{text}”")
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def give_mnemonics(menu: QMenu) -> None:
    """An underlined letter for each item of `menu` (and its submenus) that has none, one not used yet in it."""
    actions = [a for a in menu.actions() if not a.isSeparator()]
    used = {letter(a.text()) for a in actions} - {""}
    for action in actions:
        text = action.text()
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            give_mnemonics(submenu)
        if letter(text):
            continue
        for i, ch in enumerate(text):
            if ch.isalnum() and ch.lower() not in used:
                used.add(ch.lower())
                action.setText(f"{text[:i]}&{text[i:]}")
                break
