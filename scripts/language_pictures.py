"""The README's pictures of documents in French and Spanish: the first page of the list of participants in each,
the first sheet of badges in French and the first nameplate in Spanish, for the demo conference with a few plainly
fictitious participants added in a throw-away copy (the demo names nobody) and the meeting's title given in both
languages.

    .venv/bin/python scripts/language_pictures.py              # needs pdftoppm (poppler-utils); optipng if there
    .venv/bin/python scripts/language_pictures.py --all DIR    # also the agenda, badges and nameplates in both
                                                                # languages, into DIR, to look at

Writes docs/documents/list-of-participants-fr.png, list-of-participants-es.png, badges-fr.png,
nameplate-es.png and the draft report's second page in each language (report-fr-2.png, report-es-2.png)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ccm_secretariat.documents.reading import participants_pdf  # noqa: E402
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions  # noqa: E402
from ccm_secretariat.domain.enums import Role  # noqa: E402
from ccm_secretariat.exports.participants_pdf import ListOptions  # noqa: E402
from ccm_secretariat.progress import run_to_end  # noqa: E402
from ccm_secretariat.samples.demo import load_demo  # noqa: E402
from ccm_secretariat.services import open_services  # noqa: E402
from ccm_secretariat.services.registration import ParticipantInput  # noqa: E402

OUT = ROOT / "docs" / "documents"
PEOPLE = {
    "AFG": [("Sample", "Farid", "Mr.", "Counsellor", Role.HEAD)],
    "ZAF": [("Example", "Thandi", "Ms.", "Deputy Director, Conventional Arms", Role.HEAD)],
    "DEU": [
        ("Beispiel", "Anna", "H.E. Ms.", "Ambassador, Permanent Representative", Role.HEAD),
        ("Muster", "Jonas", "Mr.", "First Secretary", Role.ADVISER),
    ],
    "ESP": [("Ejemplo Núñez", "Lucía", "H.E. Ms.", "Ambassador", Role.HEAD)],
}
TITLES = {
    "fr": "Deuxième Conférence d'examen de la Convention sur les armes à sous-munitions",
    "es": "Segunda Conferencia de Examen de la Convención sobre Municiones en Racimo",
}


# The room's documents shown in the README (kind, language, picture), and those written for a look with --all.
README_ROOM = (("badges", "fr", "badges-fr"), ("nameplates", "es", "nameplate-es"))
LOOK = tuple(
    (kind, language, f"{kind}-{language}") for kind in ("agenda", "badges", "nameplates") for language in TITLES
)


def picture(pdf: Path, stem: Path, resolution: int) -> None:
    """The first page as a PNG (optipng'd when it is installed)."""
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", "-singlefile", "-f", "1", "-l", "1", pdf, stem], check=True
    )
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", f"{stem}.png"], check=True)
    print(f"Wrote {stem}.png")


def room_pictures(services, meeting_id: int, folder: Path, wanted, out: Path, resolution: int) -> None:
    for kind, language, name in wanted:
        pdf = folder / f"{name}.pdf"
        options = {"language": language} | ({"record_printed": False} if kind == "badges" else {})
        run_to_end(DOCUMENTS[kind].job(services, meeting_id, "pdf", pdf, ExportOptions(**options)))
        picture(pdf, out / name, resolution)


def main() -> None:
    look = Path(sys.argv[sys.argv.index("--all") + 1]) if "--all" in sys.argv else None
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "demo.sqlite3")
        run_to_end(load_demo(services))
        meeting = services.meetings.list()[0]
        delegations = {d.iso3: d for d in services.registration.delegations(meeting.id) if d.iso3}
        for iso3, people in PEOPLE.items():
            for family, given, salutation, function, role in people:
                person = ParticipantInput(family, given, salutation, function, role=role)
                services.registration.add_participant(delegations[iso3].id, person)
        settings = services.meetings.get(meeting.id).settings.to_dict() | {"titles": TITLES}
        services.meetings.update(meeting.id, settings=settings)
        for language in TITLES:
            pdf = Path(folder) / f"list-{language}.pdf"
            options = ListOptions(date=dt.date(2020, 11, 25), language=language)
            run_to_end(participants_pdf(services, meeting.id, pdf, options))
            picture(pdf, OUT / f"list-of-participants-{language}", 80)
        for language in TITLES:  # the draft report's second page: the organization and participation paragraphs
            pdf = Path(folder) / f"report-{language}.pdf"
            run_to_end(DOCUMENTS["report"].job(services, meeting.id, "pdf", pdf, ExportOptions(language=language)))
            stem = OUT / f"report-{language}-2"
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "2", "-l", "2", pdf, stem], check=True)
            print(f"Wrote {stem}.png")
        services.registration.set_presence([d.id for d in delegations.values()], 1, True)  # (nameplates)
        room_pictures(services, meeting.id, Path(folder), README_ROOM, OUT, 50)
        if look is not None:
            look.mkdir(parents=True, exist_ok=True)
            room_pictures(services, meeting.id, Path(folder), LOOK, look, 60)
        services.close()


if __name__ == "__main__":
    main()
