"""Screenshots of the main views on the demo conference, for the README: the real window, offscreen, 1366x768.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [docs/screenshots]

The demo conference names no participants (its report does not); for the picture of the registration desk a
few plainly fictitious participants are added to a throw-away copy, never to the shipped demo."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ccm_secretariat.demo import load_demo  # noqa: E402
from ccm_secretariat.domain.enums import Attendance, Gender, Role  # noqa: E402
from ccm_secretariat.services import open_services  # noqa: E402
from ccm_secretariat.services.registration import ParticipantInput  # noqa: E402

FICTITIOUS = {
    "Switzerland": [
        ("Example", "Anna", "H.E. Ms.", "Ambassador, Permanent Representative to the Conference on Disarmament",
         "Permanent Mission of Switzerland, Geneva", Role.HEAD, Gender.FEMALE),
        ("Muster", "Jürg", "Mr.", "Deputy Permanent Representative", "Permanent Mission of Switzerland, Geneva",
         Role.ALTERNATE_HEAD, Gender.MALE),
        ("Beispiel", "Léa", "Ms.", "Diplomatic Officer", "Federal Department of Foreign Affairs", Role.ADVISER,
         Gender.FEMALE),
        ("Esempio", "Marco", "Mr.", "Arms Control Expert", "Federal Department of Defence", Role.EXPERT, Gender.MALE),
    ],
    "Côte d'Ivoire": [
        ("Exemple", "Awa", "Ms.", "First Counsellor", "Permanent Mission of Côte d'Ivoire, Geneva", Role.HEAD,
         Gender.FEMALE),
    ],
}


def main(folder: str = "docs/screenshots") -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from ui.main_window import MainWindow
    from ui.settings import DeskSettings

    tmp = Path(tempfile.mkdtemp())
    services = open_services(tmp / "screens.sqlite3")
    for _ in load_demo(services):
        pass
    meeting = services.meetings.list()[0]
    rows = {d.name: d for d in services.registration.delegations(meeting.id)}
    for name, people in FICTITIOUS.items():
        for family, given, salutation, function, affiliation, role, gender in people:
            services.registration.add_participant(rows[name].id, ParticipantInput(
                family, given, salutation, function, affiliation, role, gender=gender,
                attendance={1: Attendance.ONLINE}))
    window = MainWindow(services, DeskSettings(QSettings(str(tmp / "desk.ini"), QSettings.IniFormat)),
                        synchronous=True)
    window.resize(1366, 768)
    window.show()
    page = window.registration
    page.select_delegation("Switzerland")
    shots = [("registration", window.registration, None), ("meeting", window.meeting_page, None),
             ("agenda", window.agenda, None), ("documents", window.documents, None),
             ("decisions", window.decisions, lambda: window.decisions.table.selectRow(9)),
             ("reference", window.reference, None)]
    for name, widget, prepare in shots:
        window.pages.setCurrentWidget(widget)
        if prepare:
            prepare()
        app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
    window.close()
    services.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
