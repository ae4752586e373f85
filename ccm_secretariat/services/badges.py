"""Badges: who gets one (all, a category, some delegations, some participants, or only those not printed yet),
the colours of the category bands, and the record of what was printed and when."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ccm_secretariat.domain.badge_code import badge_code, next_generation
from ccm_secretariat.domain.badges import Badge, BadgeRun
from ccm_secretariat.domain.prose import EN_DASH, un_date_range
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.orm import BadgePrint, CategoryColour, DeskSecret, Meeting, Participant
from ccm_secretariat.services.base import Service, get_or_fail
from ccm_secretariat.services.registration_rows import meeting_convention

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ccm_secretariat.services.roster import RosterService
    from ccm_secretariat.storage.database import Database

# The bands' default colours are the meeting's convention's (its profile): they differ in lightness as well as
# hue, so that a black-and-white print still tells them apart; the category's name is printed in the band anyway.
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
CHUNK = 5000  # participants recorded at a time (one transaction all the same)


@dataclass(frozen=True)
class BadgeChoice:
    """Which badges to print; the empty choice is every participant of the meeting."""

    category: str | None = None  # a key of the meeting's convention
    delegation_ids: tuple[int, ...] = ()
    participant_ids: tuple[int, ...] = ()
    only_new: bool = False  # only those whose badge has not been printed yet
    revoke_old: bool = False  # reprints take a new code: the badges printed before no longer check in


@dataclass(frozen=True)
class BadgeRecord:
    participant_id: int
    code: str
    times_printed: int
    last_printed: dt.datetime | None
    generation: int = 1  # of the badge that checks in now (see domain/badge_code.py)


def badge_secret(session: Session) -> bytes:
    """This database's key for badge codes (made by migration 0013)."""
    value = session.scalar(sa.select(DeskSecret.value).where(DeskSecret.name == "badge"))
    if not value:
        raise ValidationError("this database holds no key for badge codes; open it with the desk to upgrade it.")
    return value.encode()


class BadgeService(Service):
    def __init__(self, db: Database, roster: RosterService) -> None:
        super().__init__(db)
        self._roster = roster
        self._secret: bytes | None = None

    def secret(self) -> bytes:
        """The key of this database's badge codes; a reader's account may not read it (refused as a reader's)."""
        if self._secret is None:
            with self._read() as s:
                self._secret = badge_secret(s)
        return self._secret

    def code(self, participant_id: int, generation: int = 1) -> str:
        return badge_code(self.secret(), participant_id, generation)

    def run(self, meeting_id: int, choice: BadgeChoice = BadgeChoice()) -> BadgeRun:
        """The badges chosen, in the order of the list (category, delegation, protocol order)."""
        roster = self._roster.names(meeting_id)
        printed = self._printed_generations(meeting_id)
        wanted_delegations, wanted_people = set(choice.delegation_ids), set(choice.participant_ids)
        colours = self.colours(meeting_id)
        badges = []
        for d in roster.delegations:
            if choice.category is not None and d.category != choice.category:
                continue
            if wanted_delegations and d.id not in wanted_delegations:
                continue
            for p in roster.members.get(d.id, ()):
                if wanted_people and p.id not in wanted_people:
                    continue
                if choice.only_new and p.id in printed:
                    continue
                generation = printed.get(p.id, 1)
                if choice.revoke_old and p.id in printed:
                    try:
                        generation = next_generation(generation)
                    except ValueError as exc:
                        raise ValidationError(f"{p.given_names} {p.family_name}: {exc}.", "revoke_old") from None
                badges.append(
                    Badge(
                        p.id,
                        self.code(p.id, generation),
                        p.salutation,
                        p.given_names,
                        p.family_name,
                        d.name_with_acronym if not d.is_state else d.name,
                        d.category,
                        p.id in printed,
                        generation,
                    )
                )
        if not badges:
            raise ValidationError(
                "no participant matches that choice" + (" whose badge is not printed yet." if choice.only_new else "."),
                "participants",
            )
        m = roster.meeting
        dates = " and ".join(un_date_range(p.start_date, p.end_date, EN_DASH) for p in m.parts)
        labels = {c.key: c.badge for c in m.profile.categories}
        return BadgeRun(m.short_title, dates, colours, tuple(badges), m.practice, labels)

    def default_colours(self, meeting_id: int) -> dict[str, str]:
        """The band colours of the meeting's convention's profile."""
        with self._read() as s:
            return _defaults(s, get_or_fail(s, Meeting, meeting_id, "Meeting"))

    def colours(self, meeting_id: int) -> dict[str, str]:
        with self._read() as s:
            defaults = _defaults(s, get_or_fail(s, Meeting, meeting_id, "Meeting"))
            chosen = dict(
                s.execute(
                    sa.select(CategoryColour.category, CategoryColour.colour).where(
                        CategoryColour.meeting_id == meeting_id
                    )
                ).all()
            )
        return {c: chosen.get(c, default) for c, default in defaults.items()}

    def set_colour(self, meeting_id: int, category: str, colour: str | None) -> None:
        """The band colour of a category on this meeting's badges (#RRGGBB); None goes back to the default."""
        self.set_colours(meeting_id, {category: colour})

    def set_colours(self, meeting_id: int, colours: dict[str, str | None]) -> None:
        """Several band colours at once, in one transaction (None: the default colour); a category the meeting's
        convention does not have is refused."""
        for colour in colours.values():
            if colour is not None and not COLOUR.fullmatch(colour.strip()):
                raise ValidationError(f"“{colour}” is not a colour written #RRGGBB (for example #1F4E9A).", "colour")
        with self._write() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            defaults = _defaults(s, meeting)
            for given, colour in colours.items():
                category = meeting_convention(s, meeting).category(given).key
                s.execute(
                    sa.delete(CategoryColour).where(
                        CategoryColour.meeting_id == meeting_id, CategoryColour.category == category
                    )
                )
                if colour is not None and colour.strip().upper() != defaults[category]:
                    s.add(CategoryColour(meeting_id=meeting_id, category=category, colour=colour.strip().upper()))

    def _printed_generations(self, meeting_id: int) -> dict[int, int]:
        """The participants whose badge was printed, each with the generation of its current code."""
        with self._read() as s:
            rows = s.execute(
                sa.select(BadgePrint.participant_id, sa.func.max(BadgePrint.generation))
                .join(Participant, Participant.id == BadgePrint.participant_id)
                .where(Participant.meeting_id == meeting_id)
                .group_by(BadgePrint.participant_id)
            )
            return {participant_id: int(generation or 1) for participant_id, generation in rows}

    def printed(self, meeting_id: int) -> dict[int, BadgeRecord]:
        """Every participant whose badge was printed: how often and when last."""
        secret = self.secret()
        with self._read() as s:
            rows = s.execute(
                sa.select(
                    BadgePrint.participant_id,
                    sa.func.count(),
                    sa.func.max(BadgePrint.printed_at),
                    sa.func.max(BadgePrint.generation),
                )
                .join(Participant, Participant.id == BadgePrint.participant_id)
                .where(Participant.meeting_id == meeting_id)
                .group_by(BadgePrint.participant_id)
            )
            return {pid: BadgeRecord(pid, badge_code(secret, pid, g), n, last, g) for pid, n, last, g in rows}

    def record_of(self, participant_id: int) -> BadgeRecord:
        """One participant's badge: its code, how often it was printed and when last (0 and None: not yet)."""
        with self._read() as s:
            n, last, generation = s.execute(
                sa.select(
                    sa.func.count(), sa.func.max(BadgePrint.printed_at), sa.func.max(BadgePrint.generation)
                ).where(BadgePrint.participant_id == participant_id)
            ).one()
        generation = int(generation or 1)
        return BadgeRecord(participant_id, self.code(participant_id, generation), int(n or 0), last, generation)

    def record_printed(
        self,
        participant_ids: Iterable[int],
        layout: str,
        when: dt.datetime | None = None,
        generations: dict[int, int] | None = None,
    ) -> int:
        """Record the badges as printed (one transaction), each with the generation its code carries (1 when not
        given); returns how many of them were reprints."""
        ids = list(dict.fromkeys(participant_ids))
        generations = generations or {}
        when = when or dt.datetime.now().replace(microsecond=0)
        before: set[int] = set()
        gone = 0
        with self._write() as s:
            for start in range(0, len(ids), CHUNK):  # bound parameters stay within any database's limit
                chunk = ids[start : start + CHUNK]
                before.update(
                    s.scalars(sa.select(BadgePrint.participant_id).where(BadgePrint.participant_id.in_(chunk)))
                )
                existing = set(s.scalars(sa.select(Participant.id).where(Participant.id.in_(chunk))))
                gone += sum(1 for i in chunk if i not in existing)
                rows = [
                    {"participant_id": i, "printed_at": when, "layout": layout, "generation": generations.get(i, 1)}
                    for i in chunk
                    if i in existing
                ]
                if rows:
                    s.execute(sa.insert(BadgePrint), rows)
            if gone:  # the transaction is rolled back: nothing recorded
                raise ValidationError(
                    f"{gone} of the participants were removed meanwhile; print again.", "participants"
                )
        return len(before)


def _defaults(s: Session, meeting: Meeting) -> dict[str, str]:
    return {c.key: c.colour for c in meeting_convention(s, meeting).categories}
