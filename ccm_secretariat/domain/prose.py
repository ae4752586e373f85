"""One place that turns data into running text: lists of names, small numbers in words, UN dates.

Spelling: "organisation(s)", as the CCM's own documents write it in their text (the seed's paragraphs 15 and
16), in every document, the workbook and the desk. The one exception is the fixed chapter title of a UN
procedural report, "Organization of the Conference", which is the name of the chapter and stays as the model
writes it."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


FSI, PDI = "\u2068", "\u2069"  # first-strong isolate and pop directional isolate (Unicode 6.3)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ord(ch) >= 0x590)


def isolate(name: str) -> str:
    """A name written right to left keeps its own direction inside an English sentence: without the isolate,
    "مصر, 12 and Peru" would be read out of order. Left-to-right names are returned as they are."""
    return f"{FSI}{name}{PDI}" if has_rtl(name) else name


def join_names(names: Sequence[str], serial_comma: bool = True, conjunction: str = "and") -> str:
    """ "Angola"; "Angola and Cyprus"; "Angola, Cyprus, and Indonesia" (serial comma) or "... Cyprus and Indonesia".
    Each name is its own directional run (see `isolate`)."""
    items = [isolate(n) for n in names if n]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    head = ", ".join(items[:-1])
    return f"{head}{',' if serial_comma else ''} {conjunction} {items[-1]}"


def number_in_words(n: int) -> str:
    """Numbers below 100 in words, as UN editorial style writes small numbers; larger ones as digits."""
    if n < 0 or n >= 100:
        return str(n)
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + ("" if unit == 0 else "-" + _UNITS[unit])


def ordinal_in_words(n: int) -> str:
    """1 -> "first", 9 -> "ninth", 21 -> "twenty-first"; digits with a suffix from 100 on."""
    if n <= 0 or n >= 100:
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    words = number_in_words(n)
    last = words.split("-")[-1]
    if last in _ORDINALS:
        ordinal = _ORDINALS[last]
    elif last.endswith("y"):
        ordinal = last[:-1] + "ieth"
    else:
        ordinal = last + "th"
    return words[: len(words) - len(last)] + ordinal


def un_date(day: dt.date) -> str:
    """25 November 2020."""
    return f"{day.day} {day:%B} {day.year}"


def un_date_time(at: dt.datetime) -> str:
    """6 December 2026, 07:41 (a moment the desk recorded: a change, a backup, a badge printed)."""
    return f"{un_date(at.date())}, {at:%H:%M}"


EN_DASH = "\u2013"


def un_date_range(start: dt.date, end: dt.date, dash: str = "-") -> str:
    """ "25-27 November 2020", "30 November-2 December 2020", "25 November 2020". Mastheads and lists set the
    range with an en dash ("25–27 November 2020", dash=EN_DASH); the report's sentences keep the hyphen its
    model (the CCM's own reports) uses."""
    if start == end:
        return un_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{dash}{end.day} {end:%B} {end.year}"
    if start.year == end.year:
        return f"{start.day} {start:%B}{dash}{end.day} {end:%B} {end.year}"
    return f"{un_date(start)}{dash}{un_date(end)}"


def un_date_span_words(start: dt.date, end: dt.date) -> str:
    """ "from 25 to 27 November 2020" as running text writes it."""
    if start == end:
        return f"on {un_date(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"from {start.day} to {end.day} {end:%B} {end.year}"
    if start.year == end.year:
        return f"from {start.day} {start:%B} to {end.day} {end:%B} {end.year}"
    return f"from {un_date(start)} to {un_date(end)}"


# States whose names take "the" in running text (UN editorial usage): "the Netherlands", "the Philippines".
_THE_NAMES = {
    "Bahamas",
    "Central African Republic",
    "Comoros",
    "Congo",
    "Czech Republic",
    "Democratic People's Republic of Korea",
    "Democratic Republic of the Congo",
    "Dominican Republic",
    "Gambia",
    "Holy See",
    "Lao People's Democratic Republic",
    "Marshall Islands",
    "Netherlands",
    "Netherlands (Kingdom of the)",
    "Niger",
    "Philippines",
    "Republic of Korea",
    "Republic of Moldova",
    "Russian Federation",
    "Solomon Islands",
    "State of Palestine",
    "Sudan",
    "Syrian Arab Republic",
    "United Arab Emirates",
    "United Kingdom of Great Britain and Northern Ireland",
    "United Republic of Tanzania",
    "United States of America",
    "Plurinational State of Bolivia",
    "Bolivarian Republic of Venezuela",
    "Islamic Republic of Iran",
}


def with_article(state_name: str) -> str:
    """ "Netherlands" -> "the Netherlands" in running text; other names unchanged."""
    return f"the {state_name}" if state_name in _THE_NAMES else state_name


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 participant", "2 participants", "1 person", "2 people" (numbers with thousands separators)."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"
