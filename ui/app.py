"""Composition root: QApplication, settings, services -> main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ccm_secretariat.errors import DomainError
    from ccm_secretariat.services import open_services
    from ui.main_window import MainWindow

    parser = argparse.ArgumentParser(prog="ccm-secretariat-desk")
    parser.add_argument("--db", metavar="PATH_OR_URL")
    args, qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("CCM Secretariat Desk")
    app.setOrganizationName("ccm-secretariat")
    try:
        services = open_services(args.db)
    except DomainError as exc:
        QMessageBox.critical(None, "Cannot open the database", str(exc))
        return 1
    window = MainWindow(services)
    window.show()
    window.offer_demo_if_empty()
    return app.exec()
