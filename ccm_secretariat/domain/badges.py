"""What a run of badges prints, as plain values: the service prepares it, the PDF writer draws it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Badge:
    participant_id: int
    code: str
    salutation: str
    given_names: str
    family_name: str
    delegation: str
    category: str  # a key of the meeting's convention
    reprint: bool = False
    generation: int = 1  # which code of the participant's (see domain/badge_code.py); the drawer never needs it


@dataclass(frozen=True)
class BadgeRun:
    """What a run of badges prints: the meeting line, the colours and the badges in order."""

    short_title: str
    dates: str
    colours: dict[str, str]  # by category key
    badges: tuple[Badge, ...]
    practice: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # the band's words per category (the profile's)
    practice_label: str = "PRACTICE COPY"  # a practice meeting's line opens with it, in the badges' language
    language: str = "en"  # the language its words are in ("en", "fr", "es")
