"""One place that sorts and matches names: English order ignoring accents and case.

"Costa Rica" < "Côte d'Ivoire" < "Croatia"; "Türkiye" before "Turkmenistan"; "Environment-People-Law" before
"Environmental Quality" (a hyphen sorts like a space). Names are sorted as written,
not inverted ("Republic of Moldova" under R). The same folding serves search ("cote" finds Côte d'Ivoire).
"""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no combining mark in NFKD but an English reader treats as a plain letter.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ß": "ss",
        "ŧ": "t",
        "ħ": "h",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
    }
)
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_BREAKS = re.compile(r"[-\u2010-\u2015/]")  # a hyphen or a slash sorts like a space: "Environment-People-Law" first
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, accent-free form of `text` for matching and searching; keeps punctuation."""
    if text.isascii():
        return (
            _SPACES.sub(" ", text.lower()).strip()
            if "  " in text or text[:1].isspace() or text[-1:].isspace()
            else text.lower()
        )
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


SORT_KEY_LENGTH = 300  # the columns that store sort keys; folding can lengthen a name ("ß" -> "ss", "ﬃ" -> "ffi")


def un_sort_key(name: str) -> str:
    """English alphabetical sort key of a name as written, ignoring accents, case and punctuation (at most
    SORT_KEY_LENGTH characters: PostgreSQL, unlike SQLite, enforces the column's length)."""
    return _SPACES.sub(" ", _PUNCT.sub("", _BREAKS.sub(" ", fold(name)))).strip()[:SORT_KEY_LENGTH]


def match_key(name: str) -> str:
    """Key for recognising the same name typed differently ("Cote d’Ivoire", "CÔTE D'IVOIRE")."""
    return un_sort_key(name).replace(" ", "")
