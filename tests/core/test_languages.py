"""French and Spanish: names of States, alphabetical order, dates, numbers, lists, salutations and typography."""

import datetime as dt
import unicodedata

import pytest

from ccm_secretariat.errors import ValidationError
from ccm_secretariat.language import forms
from ccm_secretariat.language.collation import sorted_names
from ccm_secretariat.language.names import organisation_name, state_name, state_names
from ccm_secretariat.reference.files import REFERENCE_DIR, read_table

FR, ES, EN = forms("fr"), forms("es"), forms("en")
NBSP = "\u00a0"


def desk_states() -> dict[str, str]:
    return {row.values["iso3"]: row.values["name"] for row in read_table(REFERENCE_DIR / "states.tsv")}


def test_every_state_the_desk_knows_has_its_three_names():
    states = desk_states()
    assert len(states) == 197 and set(state_names()) == set(states)
    for iso3, english in states.items():
        assert english
        for language in ("fr", "es"):
            local = state_name(iso3, language)
            assert local is not None and local.name.strip() == local.name and local.name, (iso3, language)
            assert local.article in ("", "le", "la", "les", "l'", "el", "los", "las"), (iso3, local)
    assert state_name("FRA", "en") is None  # English is the desk's own name


def test_the_shared_list_of_names_is_carried_whole_with_its_licence():
    shared = {}
    for line in (REFERENCE_DIR / "state_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "iso3")):
            iso3, fr, _, es, _ = line.split("\t")
            shared[iso3] = (fr, es)
    assert len(shared) == 197
    assert shared["CIV"] == ("Côte d'Ivoire", "Côte d’Ivoire") and shared["NRU"] == ("Naoero", "Naoero")
    assert shared["COK"] == ("Îles Cook", "Islas Cook") and shared["NIU"] == ("Nioué", "Niue")
    licence = (REFERENCE_DIR / "LICENSE-hdx-python-country.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Michael Rans" in licence and "hdx-python-country 4.2.5" in licence


@pytest.mark.parametrize(
    ("iso3", "language", "sentence"),
    [
        ("FRA", "fr", "la France"),
        ("NLD", "fr", "les Pays-Bas (Royaume des)"),
        ("AFG", "fr", "l'Afghanistan"),
        ("CPV", "fr", "Cabo Verde"),
        ("PER", "es", "el Perú"),
        ("ARG", "es", "la Argentina"),
        ("USA", "es", "los Estados Unidos de América"),
        ("ESP", "es", "España"),
    ],
)
def test_a_state_in_a_sentence_takes_its_article(iso3, language, sentence):
    assert state_name(iso3, language).in_sentence() == sentence


def test_organisations_have_their_names_in_each_language():
    icrc = "International Committee of the Red Cross"
    assert organisation_name(icrc, "fr") == ("Comité international de la Croix-Rouge", "", "CICR")
    assert organisation_name(icrc, "es").acronym == "CICR"
    assert organisation_name("European Union", "fr").name == "Union européenne"
    assert organisation_name("European Union", "es").name == "Unión Europea"
    assert organisation_name("Geneva Call", "fr") is None  # kept as registered


# An independent statement of the rules: each letter's place in the alphabet, written out.
_BASE = {ch: ch for ch in "abcdefghijklmnopqrstuvwxyz0123456789"}


def _spelled(name: str, language: str) -> list[int]:
    """Letter by letter: the name as positions in the alphabet, ignoring accents, case, spaces, hyphens and
    apostrophes; Spanish ñ is a 27th letter after n."""
    alphabet = list("0123456789abcdefghijklmn") + (["ñ"] if language == "es" else []) + list("opqrstuvwxyz")
    result = []
    for ch in name.lower():
        if language == "es" and ch == "ñ":
            result.append(alphabet.index("ñ"))
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        if base == "œ":
            result += [alphabet.index("o"), alphabet.index("e")]
        elif base in _BASE:
            result.append(alphabet.index(base))
    return result


@pytest.mark.parametrize("language", ["fr", "es"])
def test_all_195_names_run_in_the_order_of_their_language(language):
    names = [state_name(iso3, language).name for iso3 in desk_states() if iso3 not in ("COK", "NIU")]
    assert len(names) == 195
    ordered = sorted_names(names, language)
    assert ordered == sorted(names, key=lambda n: _spelled(n, language))
    assert ordered != sorted(names)  # not code-point order: "Émirats" is not after "Zimbabwe"


def test_french_examples_of_un_lists():
    assert sorted_names(
        ["République de Moldova", "République démocratique populaire lao", "République de Corée"], "fr"
    ) == ["République de Corée", "République démocratique populaire lao", "République de Moldova"]
    assert sorted_names(["Saint-Kitts-et-Nevis", "Sainte-Lucie"], "fr") == ["Sainte-Lucie", "Saint-Kitts-et-Nevis"]
    french = sorted_names([state_name(i, "fr").name for i in desk_states()], "fr")
    assert french.index("El Salvador") < french.index("Émirats arabes unis") < french.index("Équateur")
    assert french.index("Hongrie") < french.index("Îles Cook") < french.index("Îles Marshall") < french.index("Inde")


def test_spanish_puts_n_tilde_after_n_and_ch_inside_c():
    assert sorted_names(["Ñandú", "Nueva Zelandia", "Níger", "Noruega"], "es") == [
        "Níger",
        "Noruega",
        "Nueva Zelandia",
        "Ñandú",
    ]
    spanish = sorted_names([state_name(i, "es").name for i in desk_states()], "es")
    c = [n for n in spanish if n[0] in "CcÇ"]
    assert c[:12] == [
        "Cabo Verde",
        "Camboya",
        "Camerún",
        "Canadá",
        "Chad",
        "Chequia",
        "Chile",
        "China",
        "Chipre",
        "Colombia",
        "Comoras",
        "Congo",
    ]
    assert spanish.index("Lituania") < spanish.index("Luxemburgo")  # ll is no letter of its own either


def test_dates_and_ranges_in_each_language_without_the_process_locale(monkeypatch):
    import locale

    monkeypatch.setattr(locale, "setlocale", lambda *a: pytest.fail("the process locale was touched"))
    day, first = dt.date(2020, 11, 25), dt.date(2020, 12, 1)
    assert (EN.date(day), FR.date(day), ES.date(day)) == (
        "25 November 2020",
        "25 novembre 2020",
        "25 de noviembre de 2020",
    )
    assert FR.date(first) == "1er décembre 2020" and ES.date(first) == "1 de diciembre de 2020"
    end = dt.date(2020, 11, 27)
    assert EN.date_range(day, end) == "25–27 November 2020"
    assert FR.date_range(day, end) == "25–27 novembre 2020"
    assert ES.date_range(day, end) == "25 a 27 de noviembre de 2020"
    assert FR.date_range(dt.date(2020, 11, 30), dt.date(2020, 12, 2)) == "30 novembre–2 décembre 2020"
    assert ES.date_range(dt.date(2020, 11, 30), dt.date(2020, 12, 2)) == "30 de noviembre a 2 de diciembre de 2020"
    assert FR.date_range(first, dt.date(2020, 12, 3)) == "1er–3 décembre 2020"
    assert (EN.weekday(day), FR.weekday(day), ES.weekday(day)) == ("Wednesday", "mercredi", "miércoles")


def test_numbers_and_ordinals_in_words():
    assert f"{EN.number(9)} formal plenary meetings" == "nine formal plenary meetings"
    assert f"{FR.number(9, feminine=True)} séances plénières officielles" == "neuf séances plénières officielles"
    assert f"{ES.number(9, feminine=True)} sesiones plenarias oficiales" == "nueve sesiones plenarias oficiales"
    assert [FR.number(n) for n in (1, 17, 21, 71, 80, 81, 91)] == [
        "un",
        "dix-sept",
        "vingt et un",
        "soixante et onze",
        "quatre-vingts",
        "quatre-vingt-un",
        "quatre-vingt-onze",
    ]
    assert FR.number(21, feminine=True) == "vingt et une" and ES.number(21, feminine=True) == "veintiuna"
    assert [ES.number(n) for n in (16, 22, 31, 99)] == ["dieciséis", "veintidós", "treinta y uno", "noventa y nueve"]
    assert FR.number(12500) == f"12{NBSP}500" and EN.number(12500) == "12,500"
    assert [FR.ordinal(n) for n in (1, 2, 5, 9, 21)] == [
        "premier",
        "deuxième",
        "cinquième",
        "neuvième",
        "vingt et unième",
    ]
    assert FR.ordinal(1, feminine=True) == "première" and FR.ordinal(14) == "quatorzième"
    assert [ES.ordinal(n) for n in (1, 3, 11, 13, 21)] == [
        "primero",
        "tercero",
        "undécimo",
        "decimotercero",
        "vigésimo primero",
    ]
    assert ES.ordinal(2, feminine=True) == "segunda" and ES.ordinal(10, feminine=True) == "décima"
    assert EN.ordinal(14) == "fourteenth"


def test_lists_salutations_and_capitals():
    assert FR.join(["A", "B", "C"]) == "A, B et C" and ES.join(["A", "B", "C"]) == "A, B y C"
    assert EN.join(["A", "B", "C"]) == "A, B, and C" and EN.join(["A", "B", "C"], serial_comma=False) == "A, B and C"
    assert ES.join(["Francia", "Italia"]) == "Francia e Italia" and ES.join(["Chile", "Hierro"]) == "Chile y Hierro"
    assert (FR.salutation("Mr."), FR.salutation("Ms."), FR.salutation("H.E. Mr.")) == ("M.", "Mme", "S. E. M.")
    assert (ES.salutation("Mr."), ES.salutation("Ms."), ES.salutation("H.E. Mr.")) == ("Sr.", "Sra.", "Excmo. Sr.")
    assert FR.salutation("Captain") == "Captain"  # a form the language does not know is kept as typed
    assert FR.person("H.E. Mr.", "Éric", "Lefèvre") == "S. E. M. Éric LEFÈVRE"  # French prints family names in capitals
    assert ES.person("Ms.", "Ana", "Núñez") == "Sra. Ana Núñez"
    assert ES.person("Ms.", "Ana", "Núñez", capitals=True) == "Sra. Ana NÚÑEZ"
    assert EN.person("Mr.", "John", "Smith") == "Mr. John Smith"


def test_french_typography():
    assert FR.phrase("original", language=FR.language_name("English")) == f"Original{NBSP}: anglais"
    assert ES.phrase("original", language=ES.language_name("English")) == "Original: inglés"
    assert FR.typeset("Quoi ? Oui ! Ainsi ; « bien »") == f"Quoi{NBSP}? Oui{NBSP}! Ainsi{NBSP}; «{NBSP}bien{NBSP}»"
    assert FR.typeset("à 10:00, voir http://x.org") == "à 10:00, voir http://x.org"


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValidationError, match="de.*en, fr, es"):
        forms("de")


def test_every_language_has_every_phrase_of_the_english():
    for f in (FR, ES):
        assert set(f.phrases) >= set(EN.phrases), set(EN.phrases) - set(f.phrases)
