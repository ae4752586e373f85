"""Services: the only way the UI and the CLI read or change data. Each call is one short session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ccm_secretariat.services.agenda import AgendaService
from ccm_secretariat.services.badges import BadgeService
from ccm_secretariat.services.check_in import CheckInService
from ccm_secretariat.services.documents import DocumentService
from ccm_secretariat.services.events import EventService
from ccm_secretariat.services.history import HistoryService
from ccm_secretariat.services.imports import ImportService
from ccm_secretariat.services.meetings import MeetingService
from ccm_secretariat.services.obligations import ObligationService
from ccm_secretariat.services.overview import OverviewService
from ccm_secretariat.services.reference import ReferenceService
from ccm_secretariat.services.registration import RegistrationService
from ccm_secretariat.services.roster import RosterService
from ccm_secretariat.services.seating import SeatingService
from ccm_secretariat.storage.database import Database, open_database

if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Services:
    db: Database
    meetings: MeetingService
    registration: RegistrationService
    agenda: AgendaService
    documents: DocumentService
    reference: ReferenceService
    roster: RosterService
    imports: ImportService
    badges: BadgeService
    seating: SeatingService
    check_in: CheckInService
    history: HistoryService
    overview: OverviewService
    obligations: ObligationService
    events: EventService  # the meeting's history as records (the report's introduction, the work)

    @classmethod
    def for_database(cls, db: Database) -> Services:
        meetings, registration, reference = MeetingService(db), RegistrationService(db), ReferenceService(db)
        roster = RosterService(db, meetings, registration)
        return cls(
            db,
            meetings,
            registration,
            AgendaService(db),
            DocumentService(db),
            reference,
            roster,
            ImportService(db),
            BadgeService(db, roster),
            SeatingService(db, registration, reference),
            CheckInService(db, registration),
            HistoryService(db),
            OverviewService(db, registration),
            ObligationService(db, reference),
            EventService(db),
        )

    def close(self) -> None:
        self.db.close()


def open_services(path_or_url: str | Path | None = None, **options: Any) -> Services:
    """Open (and migrate) the database, load the reference data if it is new, and return the services."""
    services = Services.for_database(open_database(path_or_url, **options))
    try:
        services.reference.ensure_loaded()
    except BaseException:
        services.close()
        raise
    return services
