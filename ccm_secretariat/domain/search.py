"""Search as you type over many rows: each row's text folded once (accents and case ignored), then every
keystroke a plain substring scan, quick enough for 100,000 rows without a database round trip."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from ccm_secretariat.domain.names import fold

T = TypeVar("T")


class SearchIndex(Generic[T]):
    def __init__(self, rows: Sequence[T], text: Callable[[T], str], folded: bool = False):
        """`text` gives a row's searchable text; with `folded=True` it is already folded."""
        self.rows = list(rows)
        self._haystacks = [text(r) for r in self.rows] if folded else [fold(text(r)) for r in self.rows]
        self._last: tuple[list[str], list[int]] = ([], [])  # the last search's words and the rows they found

    def __len__(self) -> int:
        return len(self.rows)

    def search(self, query: str, limit: int | None = None) -> list[T]:
        """Rows containing every word of `query` ("cote", "muller geneva"); all rows for an empty query."""
        terms = sorted(set(fold(query).split()), key=len, reverse=True)  # the longest word narrows most
        if not terms:
            return self.rows[:limit] if limit else list(self.rows)
        hay = self._haystacks
        words, found = self._last
        if words and all(any(w in t for t in terms) for w in words):
            hits, rest = found, terms  # typed on ("mu" after "m"): only the rows found before can still match
        else:
            first = terms[0]
            hits, rest = [i for i, h in enumerate(hay) if first in h], terms[1:]
        for term in rest:
            hits = [i for i in hits if term in hay[i]]
        self._last = (terms, hits)
        if limit:
            hits = hits[:limit]
        rows = self.rows
        return [rows[i] for i in hits]
