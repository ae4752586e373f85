"""The list of participants (PDF and workbook) in French and Spanish, read back; English unchanged."""

import datetime as dt
import re
import unicodedata

import docx
import pytest
from openpyxl import load_workbook

from ccm_secretariat.cli import main as cli
from ccm_secretariat.documents.reading import participants_pdf, participants_workbook
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.enums import OrganisationKind, Role, Rule
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.fonts import FontSet
from ccm_secretariat.exports.masthead import Masthead, masthead_lines
from ccm_secretariat.exports.participants_pdf import ListOptions
from ccm_secretariat.language.names import state_name
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.backends import location
from tests.core.pdf_text import pdf_text

NBSP = "\u00a0"
AS_AT = dt.date(2026, 9, 1)


@pytest.fixture
def meeting(services):
    """Four States, with people, and three organisations whose Spanish order differs from the English one."""
    m = services.meetings.create(
        MeetingInput(
            "Fourteenth Meeting of States Parties",
            "14MSP",
            "CCM/MSP/2026",
            dt.date(2026, 9, 14),
            dt.date(2026, 9, 17),
            "Palais des Nations",
            "Geneva",
            treaty="CCM",
        )
    )
    reg = services.registration
    for state in ("Chile", "Germany", "Netherlands (Kingdom of the)", "Spain"):
        reg.add_state_delegation(m.id, state)
    chile = next(d for d in reg.delegations(m.id) if d.iso3 == "CHL")
    reg.add_participant(chile.id, ParticipantInput("Núñez", "Ana", "H.E. Ms.", "Ambassador", role=Role.HEAD))
    reg.add_participant(chile.id, ParticipantInput("Lefèvre", "Éric", "Mr.", "Adviser", role=Role.ADVISER))
    for name in ("Fundación Ñandú", "Fundación Nueva Era", "Fundación Oro"):
        services.reference.add_organisation(name, "", OrganisationKind.NGO, Rule.RULE_1_3)
        reg.add_organisation_delegation(m.id, name)
    reg.add_organisation_delegation(m.id, "International Committee of the Red Cross")
    reg.set_presence([d.id for d in reg.delegations(m.id)], 1, True)
    return m


def _pdf(services, meeting_id, tmp_path, language, **options):
    out = tmp_path / f"list-{language}.pdf"
    run_to_end(participants_pdf(services, meeting_id, out, ListOptions(date=AS_AT, language=language, **options)))
    return pdf_text(out)


def test_the_french_list_reads_in_french(services, meeting, tmp_path):
    text = _pdf(services, meeting.id, tmp_path, "fr")
    assert "Fourteenth Meeting of States Parties" in text  # the title as recorded, until it is given in French
    settings = services.meetings.get(meeting.id).settings.to_dict()
    french_title = "Quatorzième Assemblée des États parties"
    services.meetings.update(meeting.id, settings=settings | {"titles": {"fr": french_title}})
    text = _pdf(services, meeting.id, tmp_path, "fr")
    assert french_title in text
    assert "Liste des participants" in text and "List of participants" not in text
    assert "Distr. : générale" in text and "Original : anglais" in text
    lines = masthead_lines(Masthead("S", "General", AS_AT, "English", "M", "", "T", language="fr"))
    assert lines == (f"Distr.{NBSP}: générale", "1er septembre 2026", f"Original{NBSP}: anglais")  # never broken
    assert FontSet("sans").wrap(lines[2], 9.5, 45) == [lines[2][:-8], "anglais"]  # "Original :" stays whole
    assert "1er septembre 2026" in text and "Genève, 14–17 septembre 2026" in text
    assert "Statistiques de participation" in text and "Participation totale" in text
    assert "États parties" in text and "Autres organisations participant en qualité d'observateurs" in text
    assert "S. E. Mme Ana NÚÑEZ" in text and "M. Éric LEFÈVRE" in text  # names as registered, capitals in French
    assert "Chef de la délégation" in text and "Conseiller" in text
    assert "COMITÉ INTERNATIONAL DE LA CROIX-ROUGE (CICR)" in text
    assert text.index("ALLEMAGNE") < text.index("CHILI") < text.index("ESPAGNE") < text.index("PAYS-BAS (ROYAUME DES)")
    for english in ("States Parties", "Head of delegation", "Participation statistics", "Germany", "Geneva", "Ms."):
        assert english not in text


def test_the_spanish_list_reads_in_spanish(services, meeting, tmp_path):
    text = _pdf(services, meeting.id, tmp_path, "es", capitalise_family_names=False)
    assert "Lista de participantes" in text and "Distr. general" in text and "Original: inglés" in text
    assert "1 de septiembre de 2026" in text and "Ginebra, 14 a 17 de septiembre de 2026" in text
    assert "Excma. Sra. Ana Núñez" in text and "Sr. Éric Lefèvre" in text
    assert "Jefe de la delegación" in text and "Estados partes" in text
    assert "COMITÉ INTERNACIONAL DE LA CRUZ ROJA (CICR)" in text
    assert text.index("ALEMANIA") < text.index("CHILE") < text.index("ESPAÑA") < text.index("PAÍSES BAJOS")
    # ñ is a letter after n: Nueva Era, then Ñandú, then Oro (English order puts Ñandú first)
    assert text.index("FUNDACIÓN NUEVA ERA") < text.index("FUNDACIÓN ÑANDÚ") < text.index("FUNDACIÓN ORO")


def test_english_is_unchanged_and_the_default(services, meeting, tmp_path):
    text = _pdf(services, meeting.id, tmp_path, "en")
    assert text == _pdf(services, meeting.id, tmp_path, None)
    assert "List of participants" in text and "Original: English" in text and "1 September 2026" in text
    assert "Geneva, 14–17 September 2026" in text and "H.E. Ms. Ana Núñez" in text
    assert text.index("FUNDACIÓN ÑANDÚ") < text.index("FUNDACIÓN NUEVA ERA")  # English ignores the tilde


def test_the_meeting_default_language_and_a_refused_one(services, meeting, tmp_path):
    settings = services.meetings.get(meeting.id).settings
    services.meetings.update(meeting.id, settings=settings.to_dict() | {"language": "es"})
    assert "Lista de participantes" in _pdf(services, meeting.id, tmp_path, None)
    with pytest.raises(ValidationError, match="not a document language"):
        services.meetings.update(meeting.id, settings=settings.to_dict() | {"language": "xx"})


def test_the_workbook_in_french_and_spanish(services, meeting, tmp_path):
    for language, sheet, header, state, head, yes in (
        ("fr", "États parties", "Délégation", "Chili", "Chef de la délégation", "non"),
        ("es", "Estados partes", "Delegación", "Chile", "Jefe de la delegación", "no"),
    ):
        out = tmp_path / f"list-{language}.xlsx"
        run_to_end(participants_workbook(services, meeting.id, out, language=language))
        wb = load_workbook(out)
        assert sheet in wb.sheetnames
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        assert rows[0][0] == header
        chile = [r for r in rows[1:] if r[0] == state]
        assert [r[4] for r in chile] == ["Núñez", "Lefèvre"]  # a name is never translated nor capitalised here
        assert chile[0][7] == head and chile[0][11] == yes
        assert [r[2] for r in chile] == {"fr": ["S. E. Mme", "M."], "es": ["Excma. Sra.", "Sr."]}[language]
        statistics = wb[{"fr": "Statistiques", "es": "Estadísticas"}[language]]
        titles = [chart.title.tx.rich.p[0].r[0].t for chart in statistics._charts]
        assert (
            titles
            == {
                "fr": ["Participation par catégorie", "Répartition par genre"],
                "es": ["Participación por categoría", "Distribución por género"],
            }[language]
        )
        delegations = [r[1] for r in wb.worksheets[1].iter_rows(min_row=2, values_only=True)]
        assert delegations[:4] == [state_name(i, language).name for i in ("DEU", "CHL", "ESP", "NLD")]
        assert wb.properties.language == {"fr": "fr-FR", "es": "es-ES"}[language]


def test_the_demo_s_60_states_parties_in_french_order(demo, demo_meeting, tmp_path):
    text = _pdf(demo, demo_meeting.id, tmp_path, "fr")
    parties = [d for d in demo.registration.delegations(demo_meeting.id) if d.category == "state_party"]
    assert len(parties) == 60
    names = [state_name(d.iso3, "fr").name.upper() for d in parties]
    section = text[text.index("États parties", text.index("Participation totale")) :]
    found = sorted(names, key=lambda n: _first_place(section, n))
    assert found == sorted(names, key=_letters)  # as printed == letter by letter, accents and hyphens ignored
    assert found.index("AFRIQUE DU SUD") == 1 and found[0] == "AFGHANISTAN"


def test_the_command_line_takes_a_language(demo, demo_meeting, tmp_path, capsys):
    db = location(demo)  # the file, or the server's URL
    out = tmp_path / "liste.pdf"
    assert cli(["--db", db, "export", "participants", "--format", "pdf", "--out", str(out), "--language", "fr"]) == 0
    assert "Liste des participants" in pdf_text(out)
    out = tmp_path / "lista.xlsx"
    job = DOCUMENTS["participants"].job(demo, demo_meeting.id, "xlsx", out, ExportOptions(language="es"))
    run_to_end(job)
    assert "Estados partes" in load_workbook(out).sheetnames


def _first_place(text: str, name: str) -> int:
    found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    assert found, name
    return found.start()


def _letters(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name.lower()) if c.isalnum() and c.isascii())


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_agenda_programme_and_documents_list_in_the_language(demo, demo_meeting, tmp_path, language):
    expected = {
        "fr": {
            "agenda": ("Ordre du jour", "Original : anglais", "Genève, 25–27 novembre 2020"),
            "programme": ("Programme de travail provisoire", "Mercredi 25 novembre 2020", "Neuvième séance plénière"),
            "documents-list": ("Liste des documents", "Documents de distribution générale", "Langues"),
        },
        "es": {
            "agenda": ("Programa", "Original: inglés", "Ginebra, 25 a 27 de noviembre de 2020"),
            "programme": ("Programa de trabajo provisional", "Miércoles 25 de noviembre de 2020", "Novena sesión"),
            "documents-list": ("Lista de documentos", "Documentos de distribución general", "Signatura"),
        },
    }[language]
    # The demo's agenda is adopted ("Ordre du jour", "Programa"); its items and documents keep their English titles.
    english = (
        "Provisional programme",
        "provisoire Ordre",
        "Programa provisional",
        "Original: English",
        "Geneva",
        "plenary meeting",
        "Wednesday",
        "Symbol Title",
    )
    for kind, phrases in expected.items():
        for fmt in ("pdf", "docx"):
            out = tmp_path / f"{kind}-{language}.{fmt}"
            options = ExportOptions(date=dt.date(2020, 11, 25), language=language)
            run_to_end(DOCUMENTS[kind].job(demo, demo_meeting.id, fmt, out, options))
            if fmt == "pdf":
                text = pdf_text(out)
            else:
                word = docx.Document(str(out))
                cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
                text = " ".join([p.text for p in word.paragraphs] + cells).replace(NBSP, " ")
                assert word.core_properties.language == {"fr": "fr-FR", "es": "es-ES"}[language]
            text = re.sub(r"\s+", " ", text)
            for phrase in phrases:
                assert phrase in text, (kind, fmt, phrase)
            # The list of documents prints the register's (English) titles: only its own words are checked there.
            for word_ in english if kind != "documents-list" else ("Documents for general distribution", "Symbol"):
                assert word_ not in text, (kind, fmt, word_)
