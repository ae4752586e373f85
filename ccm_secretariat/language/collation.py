"""Alphabetical order in each language, as UN lists run: a key of our own rather than ICU.

The rules (the UN's French and Spanish lists of States and participants):
- letter by letter: spaces, hyphens, apostrophes and other punctuation are ignored ("République de Corée" <
  "République démocratique populaire lao" < "République de Moldova"; "Sainte-Lucie" < "Saint-Kitts-et-Nevis");
- accents and case are ignored at the first level and only break ties ("Cote" < "Côte");
- the article is not part of the sort: names are keyed without it (the article of a State is kept apart, in
  state_names.tsv);
- Spanish: "ñ" is a letter of its own after "n" ("Nueva Zelandia" < "Ñandú"); "ch" and "ll" are not separate
  letters any more (since 1994): "Chad" sorts between "Canadá" and "Colombia".

Why not ICU (PyICU): PyPI has PyICU only as source, built against the machine's ICU headers with a compiler; the
bundle would carry ICU's 30 MB of data, and the order would follow the ICU of each machine. Its root collation
also does not ignore spaces and hyphens (UN lists are letter by letter), so it would need a tailoring anyway.
The rules above are few and are tested on all 195 names (tests/core/test_languages.py).
"""

from __future__ import annotations

import unicodedata

from ccm_secretariat.domain.names import fold

AFTER_Z = "{"  # the ASCII character after "z": "ñ" keys as "n{", after every "n" + letter


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def primary_key(text: str, language: str = "en") -> str:
    """The first level: base letters and digits only, accents and case ignored (Spanish ñ apart)."""
    if language == "es" and ("ñ" in text or "Ñ" in text):
        text = text.replace("ñ", "n" + AFTER_Z).replace("Ñ", "n" + AFTER_Z)
        return "".join(ch for ch in fold(text) if ch.isalnum() or ch == AFTER_Z)
    return _letters(fold(text))


def sort_key(text: str, language: str = "en") -> tuple[str, str, str]:
    """Letter by letter, accents then case breaking ties only: sorted(names, key=lambda n: sort_key(n, "fr"))."""
    accents = "".join(
        ch for ch in unicodedata.normalize("NFD", text.casefold()) if ch.isalnum() or unicodedata.combining(ch)
    )
    return primary_key(text, language), accents, text


def sorted_names(names: list[str], language: str) -> list[str]:
    return sorted(names, key=lambda name: sort_key(name, language))
