"""What a database constraint's refusal means to a secretary."""

from __future__ import annotations

import sqlalchemy as sa

from ccm_secretariat.errors import DuplicateError

# What each constraint means to a secretary, found by its name (PostgreSQL) or its columns (SQLite's message).
# The driver's own text is never shown or logged: on PostgreSQL it quotes the row's values (personal data).
CONSTRAINTS = (
    (
        ("uq_participant_meeting_id_email_key", "participant.meeting_id, participant.email_key"),
        "this e-mail address is registered already at this meeting",
        "email",
    ),
    (
        ("uq_participant_delegation_id_position", "participant.delegation_id, participant.position"),
        "another desk added a member to this delegation at the same moment; try again",
        None,
    ),
    (
        ("uq_participant_head", "failed: participant.delegation_id"),
        "the delegation has a head of delegation already; change that person's role first",
        "role",
    ),
    (
        ("uq_delegation_meeting_id_state_id", "delegation.meeting_id, delegation.state_id"),
        "the State is registered at this meeting already",
        "state",
    ),
    (
        ("uq_delegation_meeting_id_organisation_id", "delegation.meeting_id, delegation.organisation_id"),
        "the organisation is registered at this meeting already",
        "organisation",
    ),
)


def integrity_error(exc: sa.exc.IntegrityError) -> DuplicateError:
    orig = exc.orig
    name = getattr(getattr(orig, "diag", None), "constraint_name", None) or ""
    text = str(orig) if name == "" and "sqlite" in type(orig).__module__ else ""
    for keys, message, field in CONSTRAINTS:
        if name in keys or any(k in text for k in keys[1:]):
            return DuplicateError(f"{message[:1].upper()}{message[1:]}; nothing was saved.", field)
    what = name or (text.split(":", 1)[-1].strip() if text else "a rule of the database")
    return DuplicateError(f"The change conflicts with data already stored ({what}); nothing was saved.")
