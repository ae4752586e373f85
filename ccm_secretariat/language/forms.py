"""The one engine that writes dates, ranges, numbers, lists, salutations and names in a language.

Each language is data (language/en.py, fr.py, es.py: month names, patterns, words); nothing here reads the
process locale. A French or Spanish `Wording` builds its sentences from these primitives:

    >>> forms("fr").date(dt.date(2020, 12, 1))          # '1er décembre 2020'
    >>> forms("es").date_range(start, end)              # '25 a 27 de noviembre de 2020'
    >>> forms("fr").number(9, feminine=True)            # 'neuf'
    >>> forms("es").join(["Francia", "Italia"])         # 'Francia e Italia'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ccm_secretariat.domain.prose import isolate

EN_DASH = "\u2013"
NBSP = "\u00a0"

NumberWords = Callable[[int, bool], str]  # (n, feminine) -> words


@dataclass(frozen=True)
class Forms:
    code: str  # "en", "fr", "es"
    english_name: str  # "English": how the register of documents and the masthead name the language
    months: tuple[str, ...]  # January .. December
    weekdays: tuple[str, ...]  # Monday .. Sunday
    date_pattern: str  # "{day} {month} {year}"
    day_month: str  # "{day} {month}": the first half of a range across months
    range_same_month: str  # "{first}–{last} {month} {year}"
    range_joiner: str  # between two dates or two "day month" of a range ("–", " a ")
    conjunction: str  # "and", "et", "y"
    words: NumberWords
    ordinal_words: NumberWords
    first_day: str = ""  # "1er": the first of the month as French writes it
    serial_comma: bool = False
    zero_is_singular: bool = False  # French: "0 participant", "1 participant", "2 participants"
    capitalise_family_names: bool = False  # the language's own convention (the meeting may say otherwise)
    salutations: Mapping[str, str] = field(default_factory=dict)  # English form -> this language's
    language_names: Mapping[str, str] = field(default_factory=dict)  # "English" -> "anglais"
    phrases: Mapping[str, str] = field(default_factory=dict)  # fixed words of documents, by English key
    terms: Mapping[str, str] = field(default_factory=dict)  # labels of tables (sheets, columns), English -> this
    conjunction_before: Callable[[str, str], str] | None = None  # Spanish: "y" -> "e" before an i- sound
    spacing: Callable[[str], str] | None = None  # French: non-breaking spaces before ; : ? ! and inside « »

    # Dates -------------------------------------------------------------------------------------------------
    def _day(self, day: int) -> str:
        return self.first_day if day == 1 and self.first_day else str(day)

    def month(self, day: dt.date) -> str:
        return self.months[day.month - 1]

    def weekday(self, day: dt.date) -> str:
        return self.weekdays[day.weekday()]

    def date(self, day: dt.date) -> str:
        """25 November 2020; 1er décembre 2020; 25 de noviembre de 2020."""
        return self.date_pattern.format(day=self._day(day.day), month=self.month(day), year=day.year)

    def date_range(self, start: dt.date, end: dt.date) -> str:
        """25–27 November 2020; 30 novembre–2 décembre 2020; 25 a 27 de noviembre de 2020."""
        if start == end:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return self.range_same_month.format(
                first=self._day(start.day), last=self._day(end.day), month=self.month(end), year=end.year
            )
        if start.year == end.year:
            first = self.day_month.format(day=self._day(start.day), month=self.month(start))
            return f"{first}{self.range_joiner}{self.date(end)}"
        return f"{self.date(start)}{self.range_joiner}{self.date(end)}"

    # Numbers and lists --------------------------------------------------------------------------------------
    def number(self, n: int, feminine: bool = False) -> str:
        """Below 100 in words ("nine", "neuf", "nueve"; "une", "una" before a feminine noun); larger ones in
        digits with the language's thousands separator."""
        return self.words(n, feminine) if 0 <= n < 100 else self.digits(n)

    def ordinal(self, n: int, feminine: bool = False) -> str:
        return self.ordinal_words(n, feminine)

    def digits(self, n: int) -> str:
        """12,500 in English; 12 500 in French and Spanish (a non-breaking space, as UN texts set it)."""
        text = f"{n:,}"
        return text if self.code == "en" else text.replace(",", NBSP)

    def join(self, items: Sequence[str], serial_comma: bool | None = None) -> str:
        """ "A, B and C"; "A, B et C"; "A, B y C" ("Francia e Italia"). Each item its own directional run."""
        names = [isolate(n) for n in items if n]
        if len(names) < 2:
            return "".join(names)
        comma = self.serial_comma if serial_comma is None else serial_comma
        word = self.conjunction_before(self.conjunction, names[-1]) if self.conjunction_before else self.conjunction
        return f"{', '.join(names[:-1])}{',' if comma and len(names) > 2 else ''} {word} {names[-1]}"

    # People -------------------------------------------------------------------------------------------------
    def salutation(self, english: str) -> str:
        """ "H.E. Mr." -> "S. E. M." / "Excmo. Sr."; a form the language has no entry for is kept as typed."""
        return self.salutations.get(english.strip(), english)

    def family_name(self, name: str, capitals: bool | None = None) -> str:
        """The family name as the list prints it: in capitals, accents kept ("LEFÈVRE", "NÚÑEZ"), when the
        meeting or, failing it, the language's convention says so. A name is never translated."""
        return name.upper() if (self.capitalise_family_names if capitals is None else capitals) else name

    def person(self, salutation: str, given: str, family: str, capitals: bool | None = None) -> str:
        parts = (self.salutation(salutation) if salutation else "", given, self.family_name(family, capitals))
        return " ".join(p for p in parts if p)

    # Words and typography -----------------------------------------------------------------------------------
    def phrase(self, key: str, **values: object) -> str:
        """A fixed phrase of a document by its English key, its {fields} filled in, set in the language's
        typography. An unknown key is an error of the program, not a silent English word."""
        return self.typeset(self.phrases[key].format(**values))

    def counted(self, n: int, singular: str) -> str:
        """ "1 participant", "12 500 participants", "3 delegaciones": the phrase `singular` for one (and for
        zero in French), else the phrase `singular` + "s"."""
        one = n == 1 or (n == 0 and self.zero_is_singular)
        return f"{self.digits(n)} {self.phrases[singular if one else singular + 's']}"

    def term(self, english: str) -> str:
        """A table's label (sheet, column, category, role, yes/no) in the language; English as it is."""
        return english if self.code == "en" else self.typeset(self.terms.get(english, english))

    def city(self, english: str) -> str:
        return self.phrases.get(f"city:{english}", english)

    def language_name(self, english: str) -> str:
        return self.language_names.get(english, english)

    def typeset(self, text: str) -> str:
        return self.spacing(text) if self.spacing else text


_BEFORE = re.compile(r"(?<=\S)[ \u00a0\u202f]?([;:?!»])(?=\s|$)")
_AFTER = re.compile(r"«[ \u00a0\u202f]?")


def french_spacing(text: str) -> str:
    """A non-breaking space before ; : ? ! and » and after «, replacing a plain space if there was one.
    "10:00", "http://", and "?!" within a word are left alone (the mark must end a word)."""
    text = _BEFORE.sub(lambda m: NBSP + m.group(1), text)
    return _AFTER.sub("«" + NBSP, text)
