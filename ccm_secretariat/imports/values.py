"""Reading the values of a registration row: a full name split into given and family names, a salutation, a
role, a gender, a yes/no, a date, and what a category or registration state written in the file means."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ccm_secretariat.domain.dates import file_date
from ccm_secretariat.domain.enums import SALUTATIONS, Gender, Role, Rule
from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.reference.profiles import ConventionProfile

# Words that belong to the family name that follows them ("van Beethoven", "bin Salem", "de la Cruz").
PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "den",
    "di",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "les",
    "los",
    "van",
    "von",
    "ter",
    "ten",
    "bin",
    "binti",
    "bint",
    "ibn",
    "al",
    "el",
    "abu",
    "ben",
    "st",
    "saint",
    "y",
    "e",
    "zu",
    "af",
    "av",
    "abd",
    "abdel",
    "abdul",
    "عبد",
    "بن",
    "ابن",
    "أبو",
}


def _is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def split_name(full: str) -> tuple[str, str]:
    """(given names, family name) of a name written in one cell.

    A family name written in capitals, before or after the given names, is taken as written ("MÜLLER Hans",
    "Maria GARCÍA LÓPEZ"); otherwise the last word is the family name, with the particles before it ("Ludwig
    van Beethoven", "Ahmed bin Salem"). Abbreviated given names such as "Md" stay with the given names."""
    words = full.split()
    if not words:
        return "", ""
    if len(words) == 1:
        return "", words[0]
    caps = [_is_capitals(w) for w in words]
    if any(caps) and not all(caps):
        # The longest run of words in capitals, with lower-case particles inside it or just before it.
        best: tuple[int, int] = (0, 0)
        i = 0
        while i < len(words):
            if caps[i]:
                j = i
                while j + 1 < len(words) and (
                    caps[j + 1] or (words[j + 1].lower() in PARTICLES and j + 2 < len(words) and caps[j + 2])
                ):
                    j += 1
                if j - i + 1 > best[1] - best[0]:
                    best = (i, j + 1)
                i = j + 1
            else:
                i += 1
        start, end = best
        while start > 0 and words[start - 1].lower() in PARTICLES:
            start -= 1
        if start == 0 or end == len(words):
            return " ".join(words[:start] + words[end:]), " ".join(words[start:end])
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


_SALUTATION_KEYS = {un_sort_key(s): s for s in SALUTATIONS}
_SALUTATION_KEYS.update(
    {
        "mr": "Mr.",
        "ms": "Ms.",
        "mrs": "Mrs.",
        "miss": "Ms.",
        "dr": "Dr.",
        "prof": "Prof.",
        "professor": "Prof.",
        "m": "Mr.",
        "mme": "Mrs.",
        "mlle": "Ms.",
        "monsieur": "Mr.",
        "madame": "Mrs.",
        "he mr": "H.E. Mr.",
        "he ms": "H.E. Ms.",
        "he mrs": "H.E. Mrs.",
        "he dr": "H.E. Dr.",
        "sr": "Mr.",
        "sra": "Mrs.",
    }
)


@functools.lru_cache(maxsize=1024)
def salutation(text: str) -> str:
    """The salutation as UN lists write it ("Mr", "M." and "Monsieur" are "Mr."); unknown ones as written."""
    return _SALUTATION_KEYS.get(un_sort_key(text), text.strip())


@functools.lru_cache(maxsize=1024)
def gender(text: str, salutation_text: str = "") -> Gender:
    key = un_sort_key(text)
    if key in ("f", "female", "woman", "w", "femme", "feminin", "mujer", "femenino"):
        return Gender.FEMALE
    if key in ("m", "male", "man", "homme", "masculin", "hombre", "masculino"):
        return Gender.MALE
    if key in ("other", "x", "autre", "non binary", "nonbinary", "diverse"):
        return Gender.OTHER
    if not key:
        base = un_sort_key(salutation_text).removeprefix("he ").strip()
        if base in ("mr", "m", "monsieur", "sr"):
            return Gender.MALE
        if base in ("ms", "mrs", "miss", "mme", "mlle", "madame", "sra"):
            return Gender.FEMALE
    return Gender.UNSPECIFIED


_ROLES = {
    Role.HEAD: (
        "head",
        "head of delegation",
        "chef de delegation",
        "chief of delegation",
        "hod",
        "jefe de delegacion",
        "cheffe de delegation",
    ),
    Role.ALTERNATE_HEAD: (
        "alternate head",
        "alternate head of delegation",
        "deputy head",
        "deputy head of delegation",
        "chef adjoint",
        "chef adjoint de delegation",
        "suppleant",
        "alternate",
    ),
    Role.REPRESENTATIVE: ("representative", "representant", "representante", "delegate", "delegue", "member"),
    Role.ADVISER: ("adviser", "advisor", "conseiller", "conseillere", "asesor"),
    Role.EXPERT: ("expert", "experte", "experto"),
}
_ROLE_KEYS = {name: role for role, names in _ROLES.items() for name in names}
_ROLE_KEYS.update({un_sort_key(r.label): r for r in Role})


@functools.lru_cache(maxsize=1024)
def role(text: str) -> Role | None:
    """The role a cell names, REPRESENTATIVE when empty, None when unknown."""
    key = un_sort_key(text)
    if not key:
        return Role.REPRESENTATIVE
    return _ROLE_KEYS.get(key)


@functools.lru_cache(maxsize=1024)
def yes_no(text: str) -> bool | None:
    key = un_sort_key(text)
    if key in ("yes", "y", "true", "1", "oui", "o", "si", "x", "agreed", "i agree"):
        return True
    if key in ("", "no", "n", "false", "0", "non", "none"):
        return False
    return None


def date(text: str, month_first: bool = False) -> dt.date | None:
    """A date cell: ISO dates and timestamps (Indico's "2025-08-14T09:12:33"), Excel day numbers, "14 Aug 2025",
    and d/m/y dates ("14.08.2025", "14/08/2025"; month first when the file writes them so). None when empty;
    raises ValueError for anything else."""
    return file_date(text, month_first)


SKIPPED_STATES = {
    "withdrawn",
    "rejected",
    "cancelled",
    "canceled",
    "retire",
    "retiree",
    "refuse",
    "annule",
    "annulee",
    "deleted",
}


@functools.lru_cache(maxsize=1024)
def skipped_state(text: str) -> bool:
    """An Indico registration withdrawn or rejected is not a participant."""
    return un_sort_key(text) in SKIPPED_STATES


# What a file may write for a category, beyond the convention's own headings and keys: words for a State's standing
# (a profile's `status`), and for an organisation the rules name or one invited (the organisation's default rule).
_STATUS_WORDS = {
    "party": ("state party", "states parties", "etat partie", "etats parties", "party"),
    "signatory": ("signatory", "signatory state", "signatory states", "etat signataire", "signataire"),
    "not_signatory": (
        "observer state",
        "observer",
        "observer states",
        "etat observateur",
        "observateur",
        "non state party",
        "state not party",
    ),
}
_ORGANISATION_WORDS = {
    Rule.RULE_1_2: ("international organisation", "international organization"),
    Rule.RULE_1_3: ("ngo", "non governmental organisation", "non governmental organization", "civil society", "ong"),
}


def category_words(convention: ConventionProfile) -> dict[str, str]:
    """Every way a file may name a category of `convention` (as sort keys), to the category's key: read once
    per import."""
    keys = {un_sort_key(w): convention.for_status(status).key for status, words in _STATUS_WORDS.items() for w in words}
    for rule, words in _ORGANISATION_WORDS.items():
        keys.update({un_sort_key(w): convention.organisation_category(rule).key for w in words})
    for c in convention.categories:
        names = [c.key.replace("_", " "), c.view, c.short, c.sheet, c.list, c.badge]
        names += [f"rule {c.rule}"] if c.rule else []
        keys.update({un_sort_key(name): c.key for name in names})
    return keys


def category(text: str, words: dict[str, str]) -> str | None:
    """The category a file's text names (its key), when it names one of the convention's (`category_words`)."""
    return words.get(un_sort_key(text))


# UN protocol order of a delegation's members when the file names no role: rank words of the function (and an
# Excellency's salutation), most senior first. The first few ranks say "head of delegation" when no one else does.
# Officials from the capital rank among the diplomatic titles by seniority: a Director-General or Director beside
# a minister counsellor, a deputy director or head of a division beside a counsellor. A function with no rank word
# (Adviser, Expert, Legal Officer, …) comes after every ranked title, attachés included, in the file's order.
_RANKS = (
    r"\b(head of (the )?delegation|chef de (la )?delegation|jefe de (la )?delegacion)\b",
    # A minister's own title, not "Minister Plenipotentiary", "Adviser to the Minister" or "Office of the Minister".
    r"^(?!.*\b(vice|deputy|minister counsellor|minister counselor|plenipotentiary|plenipotentiaire|plenipotenciario"
    r"|advis[eo]r|assistant|office|cabinet|to the minister|of the minister)\b).*\b(minister|ministre|ministro)\b",
    r"\b(vice minister|deputy minister|secretary of state|state secretary)\b",
    r"^(?!.*\bdeputy\b).*\b(ambassador|ambassadeur|embajador|permanent representative|representant permanent)\b",
    r"\b(deputy permanent representative|deputy head|alternate head)\b",
    r"\b(minister counsellor|minister counselor|ministre conseiller|minister plenipotentiary"
    r"|ministre plenipotentiaire|ministro plenipotenciario)\b",
    r"^(?!.*\b(deputy|assistant|adjoint|adjointe|adjunto|adjunta)\b).*\b(director|directeur|directrice|directora)\b",
    r"\b(counsellor|counselor|conseiller|consejero|director|directeur|directrice|directora"
    r"|head of (the )?(division|department|section|unit|branch|service)"
    r"|chef de (la |du )?(division|section|service))\b",
    r"\bfirst secretary\b",
    r"\bsecond secretary\b",
    r"\bthird secretary\b",
    r"\b(attache|agregado)\b",
)
_RANK_PATTERNS = tuple(re.compile(p) for p in _RANKS)
HEAD_RANKS = 4  # ranks below this (head of delegation, minister, vice-minister, ambassador) can head a delegation
EXCELLENCY_RANK = 3


@functools.lru_cache(maxsize=4096)
def protocol_rank(function: str, salutation_text: str = "") -> int:
    """0 for a head of delegation named so, then ministers, vice-ministers, ambassadors and permanent
    representatives (or an Excellency), deputies, minister counsellors, directors, counsellors (and deputy
    directors, heads of division), secretaries, attachés; len(_RANKS), after all of them, for anyone else."""
    text = un_sort_key(function)
    for rank, pattern in enumerate(_RANK_PATTERNS):
        if pattern.search(text):
            return rank
    if re.match(r"\s*(h\.?\s?e\.?\s|his excellency|her excellency)", salutation_text.casefold() + " "):
        return EXCELLENCY_RANK
    return len(_RANKS)
