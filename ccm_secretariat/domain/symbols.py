"""Document symbols: CCM/CONF/2020/1, /L.1, /WP.3/Rev.1/Amend.1 ... parsed, validated and put in natural order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ccm_secretariat.errors import ValidationError


class Series(str, Enum):
    """Document series, in the order an annex of documents lists them."""

    MAIN = ""
    L = "L"
    WP = "WP"
    CRP = "CRP"
    INF = "INF"
    MISC = "MISC"

    @property
    def rank(self) -> int:
        return list(Series).index(self)

    @property
    def label(self) -> str:
        return {
            Series.MAIN: "Main series",
            Series.L: "Limited (L.)",
            Series.WP: "Working paper (WP.)",
            Series.CRP: "Conference room paper (CRP.)",
            Series.INF: "Information (INF.)",
            Series.MISC: "Miscellaneous (MISC.)",
        }[self]


# In the order a register lists them after the document they belong to (alphabetical, as ODS lists them).
SUFFIXES = ("Add", "Amend", "Corr", "Rev")
_PREFIX = re.compile(r"^[A-Z][A-Z0-9.\-]*(/[A-Z0-9][A-Z0-9.\-]*)*$")
_MAIN = re.compile(r"^([1-9][0-9]*)$")
_SPECIAL = re.compile(r"^(L|WP|CRP|INF|MISC)\.([1-9][0-9]*)$")
_SUFFIX = re.compile(r"^(Add|Amend|Corr|Rev)\.([1-9][0-9]*)$")


@dataclass(frozen=True)
class SymbolParts:
    prefix: str
    series: Series
    number: int
    suffixes: tuple[tuple[str, int], ...] = ()

    @property
    def kind(self) -> str:
        """'Main series', 'Working paper (WP.)' ... with the last suffix: 'Revision', 'Addendum' ..."""
        base = self.series.label
        if self.suffixes:
            word = {"Rev": "revision", "Add": "addendum", "Corr": "corrigendum", "Amend": "amendment"}
            base += ", " + word[self.suffixes[-1][0]]
        return base

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.prefix,
            self.series.rank,
            self.number,
            tuple((SUFFIXES.index(name), n) for name, n in self.suffixes),
        )


def normalise_prefix(prefix: str) -> str:
    """A meeting's symbol prefix, checked: 'CCM/CONF/2020', 'APLC/MSP.16/2017'."""
    cleaned = prefix.strip().rstrip("/")
    if not cleaned or not _PREFIX.match(cleaned):
        raise ValidationError(
            f"“{prefix}” is not a document symbol prefix; write it like ATT/CSP6/2020 or APLC/MSP.16/2017.",
            "symbol_prefix",
        )
    return cleaned


def parse_symbol(symbol: str, prefix: str) -> SymbolParts:
    """Parse `symbol`, which must begin with the meeting's `prefix`; raise ValidationError naming the part."""
    text = symbol.strip()
    if not text.startswith(prefix + "/"):
        raise ValidationError(f"“{symbol}” does not begin with this meeting's prefix {prefix}/.", "symbol")
    parts = text[len(prefix) + 1 :].split("/")
    head, tail = parts[0], parts[1:]
    if m := _MAIN.match(head):
        series, number = Series.MAIN, int(m.group(1))
    elif m := _SPECIAL.match(head):
        series, number = Series(m.group(1)), int(m.group(2))
    else:
        raise ValidationError(
            f"“{symbol}”: after {prefix}/ comes a number (1, 2 ...) or L.n, WP.n, CRP.n, INF.n or MISC.n, "
            f"not “{head}”.",
            "symbol",
        )
    suffixes = []
    for piece in tail:
        sm = _SUFFIX.match(piece)
        if not sm:
            raise ValidationError(
                f"“{symbol}”: “{piece}” is not a suffix; suffixes are Add.n, Amend.n, Corr.n or Rev.n.", "symbol"
            )
        suffixes.append((sm.group(1), int(sm.group(2))))
    return SymbolParts(prefix, series, number, tuple(suffixes))


def symbol_sort_key(symbol: str) -> tuple[Any, ...]:
    """Natural order of any symbol (/2 before /10, main series before L., WP., CRP., INF., MISC.)."""
    pieces = symbol.split("/")
    for i in range(len(pieces)):
        prefix = "/".join(pieces[:i])
        if not prefix:
            continue
        try:
            return parse_symbol(symbol, prefix).sort_key()
        except ValidationError:
            continue
    return (symbol, 99, 0, ())


ODS = "https://undocs.org/"  # resolves a UN document symbol to its record in the Official Documents System


def ods_link(symbol: str) -> str:
    """The address of a document's record in the Official Documents System: https://undocs.org/CCM/CONF/2020/1."""
    return ODS + symbol.strip()
