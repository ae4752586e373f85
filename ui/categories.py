"""The meeting's participation categories as the window offers them: each named as the meeting's convention
profile names it, carried as its key (the string the database stores). Nothing here knows any convention's
categories; every name comes from the profile handed in."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ccm_secretariat.reference.profiles import CategoryProfile


def add_categories(box: QComboBox, categories: Iterable[CategoryProfile]) -> None:
    """One entry a category: its heading on the registration page, its key as the data."""
    for c in categories:
        box.addItem(c.view, c.key)
        box.setItemData(box.count() - 1, c.view, Qt.ItemDataRole.ToolTipRole)  # whole, should the box elide it


def category_index(box: QComboBox, key: object) -> int:
    """The entry whose data is the category `key` (a key string, or whatever the services hand back that
    equals it), or -1."""
    return next((i for i in range(box.count()) if box.itemData(i) == key), -1)
