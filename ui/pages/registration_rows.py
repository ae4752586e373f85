"""How the registration page shows its rows: the delegations' and members' columns, the marks for credentials
and presence (legible in black and white), and what another desk changed in a person."""

from __future__ import annotations

import datetime as dt

from ccm_secretariat.domain.enums import CredentialsKind
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.services.registration import DelegationRow
from ui.models.table import Column


def _credentials(d: DelegationRow) -> str:
    """A mark that reads in black and white: ■ original, ◧ a copy or a note verbale, □ not received."""
    if not d.credentials_received:
        return "□ none"
    if d.credentials_kind in (CredentialsKind.COPY, CredentialsKind.NOTE_VERBALE):
        return f"◧ {d.credentials_kind.value.replace('_', ' ')}"
    return "■ original"


def _credentials_tooltip(d: DelegationRow) -> str:
    if not d.credentials_received:
        return "No credentials received yet"
    kind = d.credentials_kind.value.replace("_", " ") if d.credentials_kind else "received"
    return f"Credentials: {kind}" + (f", dated {d.credentials_date:%d %B %Y}" if d.credentials_date else "")


def _presence(d: DelegationRow) -> str:
    """● present at a part (its numbers), ○ members named but not marked present, blank: nobody yet."""
    if d.present_parts:
        return "● " + ", ".join(str(n) for n in d.present_parts)
    return "○" if d.participant_count else ""


def _presence_tooltip(d: DelegationRow) -> str:
    if d.present_parts:
        return "Marked present at part " + ", ".join(str(n) for n in d.present_parts)
    return "Members named; not marked present" if d.participant_count else "Nobody named yet"


DELEGATION_COLUMNS = [
    Column(
        "Delegation",
        lambda d: d.name_with_acronym + (" *" if d.is_overridden else ""),
        tooltip=lambda d: f"Set by hand: {d.override_reason}" if d.is_overridden else d.name_with_acronym,
    ),
    Column("Members", lambda d: d.participant_count, align_right=True),
    Column("Credentials", _credentials, tooltip=lambda d: _credentials_tooltip(d)),
    Column("Present", _presence, tooltip=lambda d: _presence_tooltip(d)),
]
MEMBER_COLUMNS = [
    Column("Name", lambda p: p.display_name),
    Column("Role", lambda p: p.role.label),
    Column("Function", lambda p: p.function),
    Column("Affiliation", lambda p: p.affiliation),
    Column("E-mail", lambda p: p.email),
    Column("Delegation", lambda p: p.delegation),
]


FIELD_LABELS = (
    ("salutation", "Salutation"),
    ("given_names", "Given names"),
    ("family_name", "Family name"),
    ("function", "Function"),
    ("affiliation", "Affiliation"),
    ("role", "Role"),
    ("email", "E-mail"),
    ("phone", "Telephone"),
    ("consent_to_publish", "Consent to publish"),
    ("registration_date", "Registered on"),
)


def differences(seen, now) -> str:
    """What another desk changed, field by field (“Function: Adviser → Counsellor”)."""
    changed = [
        f"{label}: “{_shown(getattr(seen, name))}” → “{_shown(getattr(now, name))}”"
        for name, label in FIELD_LABELS
        if getattr(seen, name) != getattr(now, name)
    ]
    return (" Changed: " + "; ".join(changed) + ".") if changed else ""


def _shown(value) -> str:
    if isinstance(value, dt.date):
        return un_date(value)
    return (
        value.label if hasattr(value, "label") else ("yes" if value is True else "no" if value is False else str(value))
    )


def column(columns: list[Column], header: str) -> int:
    """The number of the column headed `header` (the views name their columns, never count them)."""
    return next(n for n, c in enumerate(columns) if c.header == header)
