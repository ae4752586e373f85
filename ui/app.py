"""Composition root: QApplication, settings, the database, services -> main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

    from ccm_secretariat import logs
    from ccm_secretariat.application import APP_ID, APP_NAME, DESKTOP_ID, VERSION
    from ccm_secretariat.environment import QUIT_AFTER_MS
    from ccm_secretariat.errors import DomainError
    from ccm_secretariat.services import open_services
    from ccm_secretariat.storage.database import default_database_path
    from ui.dialogs.start_dialog import DEMO, NEW, OPEN, StartDialog
    from ui.errors import install_excepthook
    from ui.icons import application_icon
    from ui.main_window import MainWindow
    from ui.settings import DeskSettings

    parser = argparse.ArgumentParser(prog="ccm-secretariat-desk")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="SQLite file or SQLAlchemy URL")
    args, qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(VERSION)
    app.setDesktopFileName(DESKTOP_ID)  # the task bar matches the window to the .desktop file and its icon
    app.setWindowIcon(application_icon())
    app.setStyle("Fusion")
    from ui import colours

    QApplication.setPalette(
        colours.readable(QApplication.palette())
    )  # every text role at 4.5:1, on a light or a dark desktop
    logs.install()
    from ccm_secretariat.storage.pending import prepare_process

    prepare_process()  # remove what killed exports left behind; keep this run's temporary files private
    settings = DeskSettings()
    windows: list[QWidget] = []  # the window, once made (what the excepthook's message box sits on)
    install_excepthook(lambda: windows[-1] if windows else None)

    location = args.db or settings.last_database
    if not args.db and location and "://" not in location and not Path(location).exists():
        location = ""  # the last database was moved or deleted: ask, rather than start an empty one there
    choice = None
    if not location:
        choice, accepted = StartDialog.ask()
        if not accepted:
            return 0
        location = str(default_database_path())
        if choice == OPEN:
            location, _ = QFileDialog.getOpenFileName(
                None, "Open a database", "", "Secretariat databases (*.sqlite3 *.db);;All files (*)"
            )
            if not location:
                return 0
    from ui.confirm import confirm_empty_file

    if not confirm_empty_file(None, location):
        return 0
    try:
        services = open_services(location)
    except DomainError as exc:
        QMessageBox.critical(None, "Cannot open the database", str(exc))
        return 1
    settings.remember_database(location)
    window = MainWindow(services, settings, open_database=open_services)
    windows.append(window)
    window.show()
    if choice == DEMO:
        window.open_demo()
    elif choice == NEW:
        window.new_meeting()
    if QUIT_AFTER_MS.text():  # the bundle's smoke test: up, then closed
        from PySide6.QtCore import QTimer

        QTimer.singleShot(QUIT_AFTER_MS.number(), window.close)
    return app.exec()
