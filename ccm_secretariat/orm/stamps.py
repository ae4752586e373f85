"""Who changed a participant or a delegation, and when: stamped on every ORM change, from the session's user
(the database user on a server, else the person logged in to the computer)."""

from __future__ import annotations

import datetime as dt
import itertools

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.orm.registration import Delegation, Participant

STAMPED = (Participant, Delegation)


@sa.event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context, _instances) -> None:
    who = session.info.get("user", "")
    now = dt.datetime.now().replace(microsecond=0)
    for obj in itertools.chain(session.new, session.dirty):
        if isinstance(obj, STAMPED) and (obj in session.new or session.is_modified(obj, include_collections=False)):
            obj.changed_by, obj.changed_at = who[:100], now
