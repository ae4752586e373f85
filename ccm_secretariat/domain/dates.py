"""Dates as people type them and as files write them, read one way by the dialogs and by imports.

Typed: "14 Sep 2026", "14 September 2026", "September 14, 2026", "14/09/2026" and "14.09.2026" (day first unless
told otherwise), "2026-09-14". From files as well: ISO timestamps ("2026-08-14T09:12:33") and Excel's day
numbers ("46248"). A year before 1900 is never a date the secretariat means: it is refused, not guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

FIRST_YEAR = 1900

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NUMERIC = re.compile(r"^\s*(\d{1,4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,4})\s*$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (its day 60, 29 February 1900, never existed)


def _checked(year: int, month: int, day: int) -> dt.date | None:
    if year < FIRST_YEAR or year > 9999:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_typed_date(text: str, month_first: bool = False) -> dt.date | None:
    """A date as people type it; None when it is not one (or not a whole one: "14 Sep 20" is not yet)."""
    numeric = _NUMERIC.match(text)
    if numeric:
        a, b, c = numeric.groups()
        if len(a) == 4:
            return _checked(int(a), int(b), int(c))
        if len(c) != 4:
            return None
        day, month = (int(b), int(a)) if month_first else (int(a), int(b))
        return _checked(int(c), month, day)
    words = re.findall(r"[A-Za-z]+|\d+", text)
    if len(words) != 3 or re.search(r"[^\w\s.,/-]", text):
        return None
    numbers = [w for w in words if w.isdigit()]
    month = next((_MONTHS.get(w.lower(), 0) for w in words if not w.isdigit()), 0)
    if not month or len(numbers) != 2:
        return None
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != 1:
        return None
    return _checked(int(years[0]), month, int(days[0]))


def numeric_order(texts: list[str]) -> str | None:
    """How a file writes its d/m/y dates: "day first", "month first", or None when no date says (every one is
    like 02/08/2026, or there are none): then the secretary is asked once."""
    for text in texts:
        numeric = _NUMERIC.match(text.strip()[:10])
        if numeric and len(numeric.group(1)) <= 2:
            first, second = int(numeric.group(1)), int(numeric.group(2))
            if first > 12 >= second:
                return "day first"
            if second > 12 >= first:
                return "month first"
    return None


def ambiguous(text: str) -> bool:
    """A d/m/y date that reads two ways (02/08/2026)."""
    numeric = _NUMERIC.match(text.strip()[:10])
    if not numeric or len(numeric.group(1)) > 2:
        return False
    first, second = int(numeric.group(1)), int(numeric.group(2))
    return first <= 12 and second <= 12 and first != second


EXCEL_YEARS = (1990, 2099)  # the years an Excel day number in a registration file is taken in


def file_date(text: str, month_first: bool = False) -> dt.date | None:
    """A date cell of a registration file: ISO (with a time or not), an Excel day number, or a typed date.
    None when empty; ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text):
        found = _checked(int(text[:4]), int(text[5:7]), int(text[8:10]))
    elif re.fullmatch(r"\d{4,5}(\.\d+)?", text):
        # An Excel day number only within the years a registration can fall in: a bare year ("2025") or any other
        # number is not silently a date of 1905.
        found = _EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
        found = found if EXCEL_YEARS[0] <= found.year <= EXCEL_YEARS[1] else None
    else:
        found = parse_typed_date(text.split(" ")[0] if _NUMERIC.match(text.split(" ")[0]) else text, month_first)
    if found is None:
        raise ValueError(text)
    return found
