"""The treaty rows of the database and the profiles they follow: a convention's row is made from its profile the
first time it is needed (a database made before the profile existed gains it then)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.domain.entry_into_force import Counting, EntryIntoForceRule
from ccm_secretariat.errors import NotFoundError
from ccm_secretariat.orm import Treaty
from ccm_secretariat.reference.profiles import ConventionProfile, profile, shipped_profiles


def find_treaty(session: Session, short_name: str) -> Treaty | None:
    return session.scalar(sa.select(Treaty).where(Treaty.short_name == short_name))


def ensure_treaty(session: Session, short_name: str) -> Treaty:
    """The row of the convention called `short_name`, added from its profile when the database lacks it."""
    treaty = find_treaty(session, short_name)
    if treaty is not None:
        return treaty
    p = profile(short_name)
    rule = p.entry_into_force
    treaty = Treaty(
        short_name=p.short_name,
        title=p.full_name,
        general_entry_into_force=rule.general,
        months_after_deposit=rule.n if rule.counting is not Counting.DAYS_AFTER else 0,
    )
    session.add(treaty)
    session.flush()
    return treaty


def treaty_profile(treaty: Treaty | str) -> ConventionProfile | None:
    """The profile a treaty row follows, or None for a treaty the shipped profiles do not describe."""
    return shipped_profiles().get(treaty if isinstance(treaty, str) else treaty.short_name)


def meeting_profile(treaty: str) -> ConventionProfile:
    """The profile of a meeting's treaty; a treaty with no profile is a clear error, never a CCM in disguise."""
    found = treaty_profile(treaty)
    if found is None:
        raise NotFoundError(f"the treaty “{treaty}” has no convention profile; add one to the conventions folder.")
    return found


def entry_into_force_rule(treaty: Treaty) -> EntryIntoForceRule:
    """The treaty's rule from its profile; a row without one keeps the rule it was stored with."""
    found = treaty_profile(treaty)
    if found is not None:
        return found.entry_into_force
    return EntryIntoForceRule(
        Counting.FIRST_DAY_OF_NTH_MONTH, treaty.months_after_deposit, treaty.general_entry_into_force
    )
