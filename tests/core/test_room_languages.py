"""Badges and nameplates in French and Spanish, read back from the PDFs; English unchanged and the default."""

import datetime as dt

import pytest
from pypdf import PdfReader

from ccm_secretariat.cli import main as cli
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.enums import OrganisationKind, Role, Rule
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.samples.demo import existing_demo, load_demo
from ccm_secretariat.services.registration import ParticipantInput
from tests.backends import location
from tests.core.meetings import fourteenth_msp
from tests.core.pdf_text import pdf_text


@pytest.fixture
def meeting(services):
    """Three States and two organisations, one person each; every delegation takes part."""
    m = fourteenth_msp(services)
    reg = services.registration
    for state in ("Chile", "Germany", "Netherlands (Kingdom of the)"):
        reg.add_state_delegation(m.id, state)
    services.reference.add_organisation("Fundación Ñandú", "FÑ", OrganisationKind.NGO, Rule.RULE_1_3)
    reg.add_organisation_delegation(m.id, "Fundación Ñandú")
    reg.add_organisation_delegation(m.id, "International Committee of the Red Cross")
    people = {
        "CHL": ("Núñez", "Ana", "H.E. Ms."),
        "DEU": ("Lefèvre", "Éric", "Mr."),
        "NLD": ("Smith", "Jo", "Ms."),
    }
    for d in reg.delegations(m.id):
        family, given, salutation = people.get(d.iso3 or "", ("Doe", "Sam", "Dr."))
        reg.add_participant(d.id, ParticipantInput(family, given, salutation, "Delegate", role=Role.HEAD))
    reg.set_presence([d.id for d in reg.delegations(m.id)], 1, True)
    return m


def _export(services, meeting_id, kind, tmp_path, **options):
    out = tmp_path / f"{kind}-{options.get('language', 'default')}.pdf"
    run_to_end(DOCUMENTS[kind].job(services, meeting_id, "pdf", out, ExportOptions(**options)))
    return out


def _plates(path) -> list[str]:
    """The name on each plate: the first of its two halves (the same words), lines joined."""
    words = [page.extract_text().split() for page in PdfReader(path).pages]
    return [" ".join(w[: len(w) // 2]) for w in words]


EXPECTED_BADGES = {
    "fr": (
        "ÉTAT PARTIE",
        "ORGANISATION OBSERVATRICE",
        "Chili",
        "Allemagne",
        "Pays-Bas (Royaume des)",
        "Comité international de la Croix-Rouge (CICR)",
        "S. E. Mme Ana",
        "M. Éric",
        "7–9 septembre 2026",
    ),
    "es": (
        "ESTADO PARTE",
        "ORGANIZACIÓN OBSERVADORA",
        "Chile",
        "Alemania",
        "Países Bajos (Reino de los)",
        "Comité Internacional de la Cruz Roja (CICR)",
        "Excma. Sra. Ana",
        "Sr. Éric",
        "7 a 9 de septiembre de 2026",
    ),
}
ENGLISH_ON_BADGES = ("STATE PARTY", "OBSERVER ORGANISATION", "Germany", "Netherlands", "Red Cross", "September")


@pytest.mark.parametrize("language", ["fr", "es"])
def test_badges_in_the_language(services, meeting, tmp_path, language):
    out = _export(services, meeting.id, "badges", tmp_path, language=language, record_printed=False)
    text = pdf_text(out)
    for expected in EXPECTED_BADGES[language]:
        assert expected in text, expected
    for english in ENGLISH_ON_BADGES:
        assert english not in text, english
    assert "NÚÑEZ" in text and "LEFÈVRE" in text and "Fundación Ñandú (FÑ)" in text  # names never translated
    title = PdfReader(out).metadata.title
    assert title == {"fr": "Badges — 14MSP", "es": "Credenciales — 14MSP"}[language]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_nameplates_in_the_language_and_its_order(services, meeting, tmp_path, language):
    out = _export(services, meeting.id, "nameplates", tmp_path, language=language)
    names = _plates(out)
    if language == "fr":  # the States in French order, then the organisations (the ICRC by its French acronym)
        assert names[:3] == ["ALLEMAGNE", "CHILI", "PAYS-BAS (ROYAUME DES)"]
        assert "CICR" in names
    else:
        assert names[:3] == ["ALEMANIA", "CHILE", "PAÍSES BAJOS (REINO DE LOS)"]
        assert "CICR" in names
    assert "FUNDACIÓN ÑANDÚ" in names
    assert PdfReader(out).metadata.title == {"fr": "Chevalets nominatifs", "es": "Placas con el nombre"}[language]


def test_english_badges_and_nameplates_are_the_default(services, meeting, tmp_path):
    text = pdf_text(_export(services, meeting.id, "badges", tmp_path, record_printed=False))
    for english in ("STATE PARTY", "Germany", "Netherlands (Kingdom of the)", "International Committee", "Mr. Éric"):
        assert english in text, english
    assert "7–9 September 2026" in text
    plates = _plates(_export(services, meeting.id, "nameplates", tmp_path))
    assert plates[:3] == ["CHILE", "GERMANY", "NETHERLANDS (KINGDOM OF THE)"]


def test_the_meeting_s_language_is_the_default_and_a_foreign_one_is_refused(services, meeting, tmp_path):
    settings = services.meetings.get(meeting.id).settings.to_dict()
    services.meetings.update(meeting.id, settings=settings | {"language": "fr"})
    assert "ÉTAT PARTIE" in pdf_text(_export(services, meeting.id, "badges", tmp_path, record_printed=False))
    assert "ALLEMAGNE" in pdf_text(_export(services, meeting.id, "nameplates", tmp_path))
    english = _export(services, meeting.id, "badges", tmp_path, language="en", record_printed=False)
    assert "STATE PARTY" in pdf_text(english)
    with pytest.raises(ValidationError, match="not a document language"):
        _export(services, meeting.id, "nameplates", tmp_path, language="de")


def test_a_practice_meeting_s_badges_and_plates_say_so_in_the_language(demo, tmp_path):
    run_to_end(load_demo(demo, practice=True))
    practice = existing_demo(demo, practice=True)
    text = pdf_text(_export(demo, practice.id, "badges", tmp_path, language="fr", record_printed=False))
    assert "EXEMPLAIRE D'EXERCICE · " in text and "PRACTICE COPY" not in text
    text = pdf_text(_export(demo, practice.id, "nameplates", tmp_path, language="es"))
    assert "COPIA DE PRÁCTICA: PARTICIPANTES FICTICIOS" in text and "PRACTICE COPY" not in text


def test_the_command_line_takes_a_language_for_badges_and_nameplates(services, meeting, tmp_path):
    db = location(services)
    out = tmp_path / "badges.pdf"
    assert cli(["--db", db, "export", "badges", "--out", str(out), "--language", "es"]) == 0
    assert "ESTADO PARTE" in pdf_text(out)
    out = tmp_path / "plates.pdf"
    assert cli(["--db", db, "export", "nameplates", "--out", str(out), "--language", "fr"]) == 0
    assert "ALLEMAGNE" in pdf_text(out)


def test_every_intergovernmental_organisation_of_the_reference_data_has_its_names():
    """The UN's entities, the Red Cross and the regional and international organisations have names in French and
    Spanish in the reference data (organisation_names.tsv, as UNTERM and the organisations write them); the
    non-governmental and academic ones keep the names they registered under unless they give their own."""
    from ccm_secretariat.language.names import organisation_name
    from ccm_secretariat.reference.files import REFERENCE_DIR, read_table

    rows = [r.values for r in read_table(REFERENCE_DIR / "organisations.tsv")]
    official = [v["name"] for v in rows if v["kind"] not in ("ngo", "academic")]
    assert len(official) == 13
    for language in ("fr", "es"):
        missing = [name for name in official if organisation_name(name, language) is None]
        assert missing == [], language


def test_a_convention_without_french_badge_words_is_refused_by_name(services, tmp_path):
    """The ATT's profile gives no French headings: its badges in French are refused, naming the profile and what
    to add, never printed with the CCM's words or in English; no file is left."""
    from ccm_secretariat.errors import DomainError
    from tests.core.test_conventions import att_meeting

    m = att_meeting(services, dt.date(2020, 10, 4), "ATT/CSP6/2020")  # China and Japan, one person each
    out = tmp_path / "badges-fr.pdf"
    with pytest.raises(DomainError) as refused:
        run_to_end(DOCUMENTS["badges"].job(services, m.id, "pdf", out, ExportOptions(language="fr")))
    assert "att.toml" in refused.value.message and "in.fr.badge" in refused.value.message
    assert not out.exists() and services.badges.printed(m.id) == {}
