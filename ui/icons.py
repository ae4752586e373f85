"""The application's icon, at every size it ships (the title bar, the task bar, the about box)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ccm_secretariat.application import icon_path

SIZES = (16, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(icon_path(size)))
    return icon
