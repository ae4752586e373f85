"""Names of States and organisations in each language, from the shipped reference data.

States: state_names.tsv (UNTERM short names in French and Spanish with their articles; English stays the
desk's own, from the database). Organisations: organisation_names.tsv, by their English name; one the file does
not know keeps the name under which it was registered. A participant's name is never translated."""

from __future__ import annotations

import functools
from typing import NamedTuple

from ccm_secretariat.domain.names import match_key
from ccm_secretariat.reference.files import REFERENCE_DIR, read_table

TRANSLATED = ("fr", "es")
ELIDED = "l'"


class LocalName(NamedTuple):
    name: str
    article: str = ""  # "la", "les", "l'", "el", "los"; "" where the language writes none
    acronym: str = ""

    def in_sentence(self) -> str:
        """ "la France", "l'Afghanistan", "les Pays-Bas (Royaume des)", "el Perú", "Cabo Verde"."""
        if not self.article:
            return self.name
        return f"{self.article}{self.name}" if self.article == ELIDED else f"{self.article} {self.name}"


@functools.cache
def state_names() -> dict[str, dict[str, LocalName]]:
    """iso3 -> language -> name."""
    result: dict[str, dict[str, LocalName]] = {}
    for row in read_table(REFERENCE_DIR / "state_names.tsv"):
        v = row.values
        result[v["iso3"]] = {lang: LocalName(v[lang], v.get(f"{lang}_article", "")) for lang in TRANSLATED}
    return result


@functools.cache
def organisation_names() -> dict[str, dict[str, LocalName]]:
    """match key of the English name -> language -> name and acronym."""
    result: dict[str, dict[str, LocalName]] = {}
    for row in read_table(REFERENCE_DIR / "organisation_names.tsv"):
        v = row.values
        result[match_key(v["name"])] = {
            lang: LocalName(v[lang], "", v.get(f"{lang}_acronym", "")) for lang in TRANSLATED if v.get(lang)
        }
    return result


def state_name(iso3: str, language: str) -> LocalName | None:
    """The State's name in `language` ("fr", "es"); None for English or a code the file does not know."""
    return state_names().get(iso3, {}).get(language)


def organisation_name(english: str, language: str) -> LocalName | None:
    return organisation_names().get(match_key(english), {}).get(language)


@functools.cache
def _iso3_by_english() -> dict[str, str]:
    """match key of every English name and alias of states.tsv -> iso3."""
    found: dict[str, str] = {}
    for row in read_table(REFERENCE_DIR / "states.tsv"):
        v = row.values
        for name in [v["name"], *filter(None, v.get("aliases", "").split("|"))]:
            found.setdefault(match_key(name), v["iso3"])
    return found


def state_in_language(english: str, language: str) -> LocalName | None:
    """A State named in English (its UN short name or an alias) in `language`; None when it is not a State the
    reference data knows (then the name is kept as written)."""
    iso3 = _iso3_by_english().get(match_key(english))
    return state_name(iso3, language) if iso3 else None
