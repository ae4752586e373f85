"""What the registration page lists, decided without Qt: the delegations shown under the search text, the
category chosen and a figure chosen on the overview, and the people listed across delegations (search results or
a figure's participants) or none (the selected delegation's members are shown)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from ccm_secretariat.domain.enums import Category
from ccm_secretariat.domain.names import fold
from ccm_secretariat.domain.prose import counted
from ccm_secretariat.domain.search import SearchIndex
from ccm_secretariat.services.overview import Figure
from ccm_secretariat.services.registration import DelegationRow
from ccm_secretariat.services.roster import DirectoryRow


@dataclass(frozen=True)
class Listing:
    """The outcome of a filter: the delegations to list; `people` across delegations with their `title`, or None
    when the page shows the selected delegation's own members."""

    delegations: list[DelegationRow]
    people: list[DirectoryRow] | None = None
    title: str = ""


class RegistrationFilter:
    """The meeting's delegations and members as read, searched as you type (an index over every member)."""

    def __init__(self, delegations: list[DelegationRow], members: dict[int, list[DirectoryRow]]):
        self.delegations = delegations
        self.members = members
        rows = [r for d in delegations for r in members.get(d.id, ())]
        self.index: SearchIndex[DirectoryRow] = SearchIndex(rows, lambda r: r.folded_text(), folded=True)

    def members_of(self, delegation_id: int) -> list[DirectoryRow]:
        return list(self.members.get(delegation_id, ()))

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per category: the delegations and the people registered."""
        counts: dict[str, tuple[int, int]] = {c: (0, 0) for c in Category}
        for d in self.delegations:
            n, p = counts[d.category]
            counts[d.category] = (n + 1, p + d.participant_count)
        return counts

    def apply(self, text: str, category: Category | None = None, focus: Figure | None = None) -> Listing:
        """The delegations of `category` (all when None) that `focus` counts, narrowed by the search `text`."""
        text = text.strip()
        rows = [d for d in self.delegations if category is None or d.category == category]
        if focus is not None and focus.counts_people:
            return self._people_of(focus, rows, text)
        if focus is not None:
            rows = [d for d in rows if d.id in focus.delegation_ids]
        return self._search(text, rows) if text else Listing(rows)

    def _people_of(self, focus: Figure, rows: list[DelegationRow], text: str) -> Listing:
        """A figure that counts people: those people, with their delegations (searched within when typed)."""
        people = [m for m in self._members(rows) if m.id in focus.participant_ids]
        with_people = {m.delegation_id for m in people}
        rows = [d for d in rows if d.id in with_people]
        if text:
            return self._search(text, rows, focus.participant_ids)
        return Listing(rows, people, f"{counted(len(people), 'participant')}: {escape(focus.label)}")

    def _search(self, text: str, rows: list[DelegationRow], among: Iterable[int] | None = None) -> Listing:
        """The delegations whose name or members match, and the members who match (among `among` when given)."""
        matches = self.index.search(text)
        with_matches = {m.delegation_id for m in matches}
        folded = fold(text)
        rows = [d for d in rows if d.id in with_matches or folded in fold(d.name_with_acronym)]
        allowed = {d.id for d in rows}
        wanted = None if among is None else set(among)
        people = [m for m in matches if m.delegation_id in allowed and (wanted is None or m.id in wanted)]
        found = len(people)
        return Listing(rows, people, f"{counted(found, 'participant')} match{'es' if found == 1 else ''} “{text}”")

    def _members(self, rows: list[DelegationRow]) -> list[DirectoryRow]:
        return [m for d in rows for m in self.members.get(d.id, ())]
