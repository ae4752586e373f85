"""Screenshots of the main views on the demo conference, for the README: the real window, offscreen, 1366x768.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [docs/screenshots] [1366x768]

The demo conference names no participants (its report does not); for the picture of the registration desk a
few plainly fictitious participants are added to a throw-away copy, never to the shipped demo."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1920 × 1080 screen: windows are kept within their screen
    _SCREEN = Path(__file__).resolve().parent.parent / "tests" / "screens" / "1920x1080.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ccm_secretariat.domain.enums import Attendance, Gender, Role
from ccm_secretariat.samples.demo import load_demo
from ccm_secretariat.services import open_services
from ccm_secretariat.services.registration import ParticipantInput

FICTITIOUS = {
    "Switzerland": [
        (
            "Example",
            "Anna",
            "H.E. Ms.",
            "Ambassador, Permanent Representative to the Conference on Disarmament",
            "Permanent Mission of Switzerland, Geneva",
            Role.HEAD,
            Gender.FEMALE,
        ),
        (
            "Muster",
            "Jürg",
            "Mr.",
            "Deputy Permanent Representative",
            "Permanent Mission of Switzerland, Geneva",
            Role.ALTERNATE_HEAD,
            Gender.MALE,
        ),
        (
            "Beispiel",
            "Léa",
            "Ms.",
            "Diplomatic Officer",
            "Federal Department of Foreign Affairs",
            Role.ADVISER,
            Gender.FEMALE,
        ),
        ("Esempio", "Marco", "Mr.", "Arms Control Expert", "Federal Department of Defence", Role.EXPERT, Gender.MALE),
    ],
    "Côte d'Ivoire": [
        (
            "Exemple",
            "Awa",
            "Ms.",
            "First Counsellor",
            "Permanent Mission of Côte d'Ivoire, Geneva",
            Role.HEAD,
            Gender.FEMALE,
        ),
    ],
}


def main(folder: str = "docs/screenshots", size: str = "1366x768") -> None:
    width, height = (int(n) for n in size.split("x"))
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
            services.registration.add_participant(
                rows[name].id,
                ParticipantInput(
                    family,
                    given,
                    salutation,
                    function,
                    affiliation,
                    role,
                    gender=gender,
                    attendance={1: Attendance.ONLINE},
                ),
            )
    window = MainWindow(services, DeskSettings(QSettings(str(tmp / "desk.ini"), QSettings.IniFormat)), synchronous=True)
    window.resize(width, height)
    window.show()
    page = window.registration
    page.select_delegation("Switzerland")
    page.delegations.scrollTo(page.delegations.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
    page.member_table.selectRow(0)  # the head of delegation's whole record in the panel
    shots = [
        ("overview", window.overview, None),
        ("registration", window.registration, None),
        ("meeting", window.meeting_page, None),
        ("agenda", window.agenda, None),
        ("documents", window.documents, None),
        ("decisions", window.decisions, lambda: window.decisions.table.selectRow(9)),
        ("reference", window.reference, None),
    ]
    for name, widget, prepare in shots:
        window.pages.setCurrentWidget(widget)
        if prepare:
            prepare()
        app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
    import_dialogs(app, services, meeting.id, tmp, out)
    window.close()
    services.close()


SAMPLE = """ID,Name,Title,First Name,Last Name,Email,Affiliation,Position,Country,Registration date,Registration state
1,Lena Probe,Ms,Lena,Probe,lena@example.org,Federal Department of Foreign Affairs,Diplomatic Officer,Switzerland,2020-11-02T09:12:00,Complete
2,Awa Exemple,Ms,Awa,Exemple,awa@example.org,Permanent Mission of Côte d'Ivoire,First Counsellor,Ivory Coast,2020-11-03T10:00:00,Complete
3,Jürg Muster,Mr,Jürg,Muster,jurg@example.org,Permanent Mission of Switzerland,Deputy Permanent Representative,CH,2020-11-04T11:30:00,Complete
4,Ola Nordmann,Mr,Ola,Nordmann,ola@example.org,Ministry of Foreign Affairs,Adviser,Ruritania,2020-11-05T08:45:00,Complete
5,LENA PROBE,Ms,LENA,PROBE,,Federal Department of Foreign Affairs,Legal Adviser,Switzerland,2020-11-06T14:00:00,Complete
6,Kari Nordmann,Ms,Kari,Nordmann,kari@example.org,Humanity & Inclusion,Campaigner,Norway,2020-11-07T09:00:00,Withdrawn
7,Juan Ejemplo,Mr,Juan,Ejemplo,not-an-address,Ministerio de Relaciones Exteriores,Consejero,Mexico,2020-11-07T09:05:00,Complete
"""


def import_dialogs(app, services, meeting_id: int, tmp: Path, out: Path) -> None:
    """The mapping and the preview of an import of a small, plainly fictitious Indico-style export."""
    from ui.dialogs.import_mapping_dialog import MappingDialog
    from ui.dialogs.import_preview_dialog import ImportPreviewDialog

    path = tmp / "registrants.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    sheet = services.imports.read(path)
    mapping, remembered = services.imports.mapping_for(sheet.headers)
    dialog = MappingDialog(sheet, mapping, remembered)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "import-mapping.png"))
    print(out / "import-mapping.png")
    dialog.close()
    incoming = services.imports.incoming(sheet, mapping)
    context = services.imports.context(meeting_id)
    plan = services.imports.preview(meeting_id, incoming, None, context)
    preview = ImportPreviewDialog(
        "Import from registrants.csv",
        plan,
        services.imports.targets(),
        lambda choices: services.imports.preview(meeting_id, incoming, choices, context),
        profile=services.meetings.get(meeting_id).profile,
    )
    preview.resize(1300, 640)
    preview.show()
    preview.table.selectRow(3)
    app.processEvents()
    preview.grab().save(str(out / "import-preview.png"))
    print(out / "import-preview.png")
    preview.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
