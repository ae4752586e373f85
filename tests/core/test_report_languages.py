"""The draft report and the report on credentials in French and Spanish: the demo's report exported as PDF and
Word and read back (the participation paragraphs with the States in the language's names and order, headings,
dates, the masthead's "Original" line, no English word in the sentences the desk writes); English unchanged; a
convention that gives no French words refused by name."""

import datetime as dt
import re
import unicodedata

import docx
import pytest

from ccm_secretariat.cli import main as cli
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.language.names import state_name
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.reference.profiles import ProfileError
from ccm_secretariat.report.builder import ReportData, report_from
from ccm_secretariat.report.fields import FIGURE, SYMBOL
from ccm_secretariat.report.model import Heading, Paragraph
from ccm_secretariat.report.wording.report_local import wording_for
from ccm_secretariat.services.meetings import MeetingInput
from tests.backends import location
from tests.core.pdf_text import pdf_text

NBSP = "\u00a0"
EXPECTED = {
    "fr": (
        "Projet de rapport de la deuxième Conférence d'examen",
        "Organisation de la deuxième Conférence d'examen",
        "Travaux de la deuxième Conférence d'examen",
        "Décisions et recommandations",
        "Original : anglais",
        "Distr. : limitée",
        "10 décembre 2020",
        "Genève, 25–27 novembre 2020 et 4–5 février 2021",
        "Point 14 de l'ordre du jour",
        "La Conférence a tenu neuf séances plénières officielles en format virtuel.",
        "Le 25 novembre 2020, la première partie de la deuxième Conférence d'examen a été ouverte par M. Félix Baumann",
        "Les États signataires suivants ont participé aux travaux de la Conférence en qualité d'observateurs : "
        "Angola, Chypre et Indonésie.",
        "La Conférence a examiné la demande présentée par la Bulgarie",
        "jusqu'au 1er octobre 2022.",
        "les Pays-Bas (Royaume des), l'Allemagne, le Nicaragua et Sri Lanka ont été élus vice-présidents",
        "Liste des documents soumis à la première partie",
    ),
    "es": (
        "Proyecto de informe de la Segunda Conferencia de Examen",
        "Organización de la Segunda Conferencia de Examen",
        "Labor de la Segunda Conferencia de Examen",
        "Decisiones y recomendaciones",
        "Original: inglés",
        "Distr. limitada",
        "10 de diciembre de 2020",
        "Ginebra, 25 a 27 de noviembre de 2020 y 4 a 5 de febrero de 2021",
        "Tema 14 del programa",
        "La Conferencia celebró nueve sesiones plenarias oficiales en formato virtual.",
        "El 25 de noviembre de 2020, la primera parte de la Segunda Conferencia de Examen fue inaugurada por el Sr.",
        "Los siguientes Estados signatarios de la Convención participaron en los trabajos de la Conferencia en calidad "
        "de observadores: Angola, Chipre e Indonesia.",
        "La Conferencia examinó la solicitud presentada por el Perú",
        "hasta el 1 de octubre de 2022.",
        "los Países Bajos (Reino de los), Alemania, Nicaragua y Sri Lanka fueron elegidos vicepresidentes",
        "Lista de documentos presentados a la primera parte",
    ),
}
LEAD = {
    "fr": "Les États parties suivants ont participé aux travaux de la Conférence\u00a0: ",
    "es": "Los siguientes Estados partes participaron en los trabajos de la Conferencia: ",
}
# Words of the English wording that a French or Spanish sentence of the desk never holds.
ENGLISH = (
    "the", "The", "Conference", "participated", "November", "December", "States", "Parties", "following", "also",
    "observers", "pursuant", "held", "plenary", "meetings", "was", "were", "and", "of", "by", "request",
    "extension", "assessed", "recommended", "grant", "until", "Organization", "Work", "Decisions", "Annex", "Symbol",
    "Title", "English", "Limited", "Draft", "report", "Secretary", "elected", "opened", "confirmed", "circulated",
    "adopted", "contained", "submitted", "delivered", "video", "Preparatory", "silence", "agreed",
    "Geneva", "From", "from", "Agenda", "item", "Review", "Second", "first", "List",
)  # fmt: skip


def _export(services, meeting_id, kind, fmt, path, language):
    run_to_end(DOCUMENTS[kind].job(services, meeting_id, fmt, path, ExportOptions(language=language)))


def _word_paragraphs(path) -> list[str]:
    word = docx.Document(str(path))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return [p.text for p in word.paragraphs] + cells


def _independent_key(name: str, language: str) -> tuple[float, ...]:
    """Letter by letter, accents, case, spaces, hyphens and apostrophes ignored; Spanish ñ a letter after n."""
    ranks = []
    for ch in name.lower():
        if language == "es" and ch == "ñ":
            ranks.append(ord("n") + 0.5)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isalnum() and base.isascii():
            ranks.append(float(ord(base)))
    return tuple(ranks)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_demo_s_report_in_the_language_as_pdf_and_word(demo, demo_meeting, tmp_path, language):
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"report-{language}.{fmt}"
        _export(demo, demo_meeting.id, "report", fmt, out, language)
        if fmt == "pdf":
            text = pdf_text(out).replace(NBSP, " ")
        else:
            text = re.sub(r"\s+", " ", " ".join(_word_paragraphs(out)).replace(NBSP, " "))
            assert docx.Document(str(out)).core_properties.language == {"fr": "fr-FR", "es": "es-ES"}[language]
        for phrase in EXPECTED[language]:
            assert phrase.replace(NBSP, " ") in text, (fmt, phrase)
        for english in ("Original: English", "Draft report", "Organization of", "Distr.: Limited", "10 December"):
            assert english not in text, (fmt, english)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_participation_paragraphs_name_the_states_in_the_language_s_order(demo, demo_meeting, tmp_path, language):
    out = tmp_path / f"report-{language}.docx"
    _export(demo, demo_meeting.id, "report", "docx", out, language)
    paragraph = next(p for p in _word_paragraphs(out) if p.startswith(LEAD[language]))
    parties = [d for d in demo.registration.delegations(demo_meeting.id) if d.category == "state_party"]
    assert len(parties) == 60
    # Every State Party under its UN short name in the language, in the order of an independent key.
    printed = sorted((state_name(d.iso3, language).name for d in parties), key=lambda n: _independent_key(n, language))
    conjunction = {"fr": "et", "es": "y"}[language]
    assert paragraph == f"{LEAD[language]}{', '.join(printed[:-1])} {conjunction} {printed[-1]}."
    if language == "fr":
        assert printed.index("République démocratique populaire lao") < printed.index("République de Moldova")
        assert printed.index("El Salvador") < printed.index("Équateur") < printed.index("Espagne")
    else:
        assert printed.index("Chequia") < printed.index("Chile") < printed.index("Colombia")  # "ch" not a letter
        assert printed.index("Eslovenia") < printed.index("España") < printed.index("Estado de Palestina")


def test_spanish_puts_n_tilde_after_n(demo, demo_meeting):
    w = wording_for("es", demo_meeting)
    names = ["Ñandú", "Nueva Zelandia", "Oro", "Noruega", "Nauru"]
    assert sorted(names, key=w.order) == ["Nauru", "Noruega", "Nueva Zelandia", "Ñandú", "Oro"]


def _typed(data) -> list[str]:
    """What the secretary typed (records, decisions, officers, titles, names as registered): printed as written."""
    texts = []
    for e in data.events:
        texts += [e.name, e.circumstances, e.reference, e.outcome, e.venue]
    for d in data.decisions:
        texts += SYMBOL.sub("\n", FIGURE.sub("\n", d.text)).split("\n")
    for r in data.requests:
        texts += [r.condition, r.points_intro, *r.observations, *r.points, *r.closing]
    for o in data.meeting.officers:
        texts += [o.description, o.role]
    texts += [i.title for i in data.items] + [d.title for d in data.documents] + [d.name for d in data.delegations]
    return sorted((t for t in texts if t and len(t) > 3), key=len, reverse=True)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_word_in_the_sentences_the_desk_writes(demo, demo_meeting, language):
    data = ReportData.read(demo, demo_meeting.id)
    report = report_from(data, wording_for(language, demo_meeting))
    typed = _typed(data)
    found = []
    texts = [report.masthead.title, report.masthead.meeting_title, report.masthead.place_and_dates]
    texts += [b.full if isinstance(b, Heading) else b.text for b in report.blocks if isinstance(b, Heading | Paragraph)]
    texts += [report.annex.title, report.annex.subtitle, *report.annex.tables[0].header]
    for text in texts:
        for t in typed:
            text = text.replace(t, " ")
        found += [(w, text) for w in ENGLISH if re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", text)]
    assert not found


def test_english_is_unchanged_and_the_meeting_s_language_is_the_default(demo, demo_meeting, tmp_path):
    english = [p.text for p in report_from(ReportData.read(demo, demo_meeting.id)).paragraphs()]
    _export(demo, demo_meeting.id, "report", "docx", tmp_path / "en.docx", "en")
    _export(demo, demo_meeting.id, "report", "docx", tmp_path / "default.docx", None)
    assert _word_paragraphs(tmp_path / "en.docx") == _word_paragraphs(tmp_path / "default.docx")
    assert english[11].startswith("The following States Parties to the Convention participated in the work")
    settings = demo.meetings.get(demo_meeting.id).settings
    demo.meetings.update(demo_meeting.id, settings=settings.to_dict() | {"language": "es"})
    _export(demo, demo_meeting.id, "report", "docx", tmp_path / "es.docx", None)
    assert any(p.startswith(LEAD["es"]) for p in _word_paragraphs(tmp_path / "es.docx"))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_report_on_credentials_in_the_language(demo, demo_meeting, tmp_path, language):
    expected = {
        "fr": ("Rapport sur les pouvoirs", "États parties", "Autres États", "Original : anglais", "Aucun pouvoir"),
        "es": ("Informe sobre las credenciales", "Estados partes", "Otros Estados", "Original: inglés", "no se habían"),
    }[language]
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"credentials-{language}.{fmt}"
        _export(demo, demo_meeting.id, "credentials", fmt, out, language)
        text = pdf_text(out) if fmt == "pdf" else " ".join(_word_paragraphs(out))
        text = re.sub(r"\s+", " ", text.replace(NBSP, " "))
        for phrase in expected:
            assert phrase in text, (fmt, phrase)
        for english in ("Report on credentials", "States Parties", "No credentials", "Original: English"):
            assert english not in text, (fmt, english)
    missing = next(p for p in _word_paragraphs(tmp_path / f"credentials-{language}.docx") if expected[4] in p)
    parties = [d for d in demo.registration.delegations(demo_meeting.id) if d.category == "state_party"]
    names = sorted((state_name(d.iso3, language).name for d in parties), key=lambda n: _independent_key(n, language))
    assert missing.endswith(f": {', '.join(names[:-1])} {'et' if language == 'fr' else 'y'} {names[-1]}.")


def test_the_command_line_takes_a_language_for_the_report_and_credentials(demo, demo_meeting, tmp_path):
    db = location(demo)
    out = tmp_path / "rapport.pdf"
    assert cli(["--db", db, "export", "report", "--format", "pdf", "--out", str(out), "--language", "fr"]) == 0
    assert "Décisions et recommandations" in pdf_text(out)
    out = tmp_path / "credenciales.docx"
    assert cli(["--db", db, "export", "credentials", "--format", "docx", "--out", str(out), "--language", "es"]) == 0
    assert "Informe sobre las credenciales" in " ".join(_word_paragraphs(out))


def test_a_convention_without_french_words_is_refused_by_name(services, tmp_path):
    m = services.meetings.create(
        MeetingInput(
            "Sixth Conference of States Parties to the Arms Trade Treaty",
            "CSP6",
            "ATT/CSP6/2020",
            dt.date(2020, 8, 17),
            dt.date(2020, 8, 21),
            "",
            "Geneva",
            treaty="ATT",
        )  # fmt: skip
    )
    services.registration.add_state_delegation(m.id, "Japan")
    with pytest.raises(ProfileError, match=r"att\.toml.*in\.fr"):
        _export(services, m.id, "report", "pdf", tmp_path / "r.pdf", "fr")
    assert not (tmp_path / "r.pdf").exists()
    with pytest.raises(ProfileError, match=r"att\.toml.*in\.fr\.bodies"):  # "… inscrit à la Conférence"
        _export(services, m.id, "credentials", "pdf", tmp_path / "c.pdf", "fr")
    _export(services, m.id, "agenda", "pdf", tmp_path / "a.pdf", "fr")  # its words are all the language's own
    assert "Ordre du jour provisoire" in pdf_text(tmp_path / "a.pdf")


# The English wording's methods that write no word of a language: a time, a list of typed titles, a dash, and the
# distribution's key ("Limited"), which the masthead writes in the document's language.
NEUTRAL = {"time_range", "agenda_items", "nothing", "distribution"}


def test_every_english_sentence_has_its_french_and_spanish():
    """A sentence added to the English wording (en.py, events_en.py) without its French and Spanish would print
    English in a French report: each method is the local wording's own."""
    from ccm_secretariat.report.events_en import EnglishEvents
    from ccm_secretariat.report.events_local import LocalEvents
    from ccm_secretariat.report.wording.en import English
    from ccm_secretariat.report.wording.local import Localised
    from ccm_secretariat.report.wording.report_local import LocalReport

    def methods(cls):
        return {n for n in vars(cls) if not n.startswith("_") and callable(getattr(cls, n))}

    assert sorted(methods(English) - set(vars(LocalReport)) - set(vars(Localised)) - NEUTRAL) == []
    assert sorted(methods(EnglishEvents) - set(vars(LocalEvents))) == []


def test_a_meeting_of_states_parties_and_a_title_the_language_cannot_give(services):
    m = services.meetings.create(
        MeetingInput(
            "Fourteenth Meeting of States Parties to the Convention on Cluster Munitions",
            "14MSP",
            "CCM/MSP/2026",
            dt.date(2026, 9, 1),
            dt.date(2026, 9, 3),
            "",
            "Geneva",
            treaty="CCM",
            body_name="Meeting",
        )  # fmt: skip
    )
    for state in ("Spain", "Chile"):
        services.registration.add_state_delegation(m.id, state)
    services.registration.set_presence([d.id for d in services.registration.delegations(m.id)], 1, True)
    data = ReportData.read(services, m.id)
    french = [b.full if isinstance(b, Heading) else b.text for b in report_from(data, wording_for("fr", m)).blocks]
    assert "II. Organisation de la quatorzième Assemblée des États parties" in french
    assert "Les États parties suivants ont participé aux travaux de l'Assemblée\u00a0: Chili et Espagne." in french
    assert "La quatorzième Assemblée des États parties à la Convention sur les armes à sous-munitions s'est tenue à " \
        "Genève du 1er au 3 septembre 2026." in french  # fmt: skip
    spanish = report_from(data, wording_for("es", m))
    assert spanish.masthead.meeting_title.startswith("Decimocuarta Reunión de los Estados Partes en la Convención")
    odd = services.meetings.create(
        MeetingInput("Meeting", "M", "CCM/MSP/2027", dt.date(2027, 9, 1), dt.date(2027, 9, 3), "", "Geneva", "CCM")
    )
    with pytest.raises(ValidationError, match="title in “fr” is not known"):
        report_from(ReportData.read(services, odd.id), wording_for("fr", odd))
    settings = services.meetings.get(odd.id).settings.to_dict() | {"titles": {"fr": "Réunion de printemps"}}
    services.meetings.update(odd.id, settings=settings)
    odd = services.meetings.get(odd.id)
    assert report_from(ReportData.read(services, odd.id), wording_for("fr", odd)).masthead.meeting_title == (
        "Réunion de printemps"
    )


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_paragraph_numbers_are_the_english_report_s(demo, demo_meeting, language):
    """The provisions the document's language does not hold take as many numbered paragraphs as the English quotes
    them in: Bulgaria's request is the seed's paragraph 29 in every language."""
    data = ReportData.read(demo, demo_meeting.id)
    english = {p.number: p.text for p in report_from(data, wording_for("en", demo_meeting)).paragraphs()}
    local = {p.number: p.text for p in report_from(data, wording_for(language, demo_meeting)).paragraphs()}
    assert sorted(local) == sorted(english)
    assert english[29].startswith("The Conference assessed the request submitted by Bulgaria")
    assert "Bulgarie" in local[29] or "Bulgaria" in local[29]
    assert local[1].startswith("[") and local[2].startswith("[")  # the article's two paragraphs, to write
