"""SQLAlchemy 2 typed models, one module per area. Importing this package registers them all on Base."""

from ccm_secretariat.orm.agenda import (
    AgendaItem,
    AgendaSubItem,
    DecisionParagraph,
    PlenaryMeeting,
    SideEvent,
    plenary_agenda_items,
)
from ccm_secretariat.orm.base import Base
from ccm_secretariat.orm.documents import Document
from ccm_secretariat.orm.events import MeetingEventRecord
from ccm_secretariat.orm.meeting import Meeting, MeetingPart, Officer
from ccm_secretariat.orm.meeting_room import (
    BadgePrint,
    CategoryColour,
    CheckIn,
    DeskSecret,
    SeatAllowance,
    SeatingPlan,
)
from ccm_secretariat.orm.obligations import ExtensionRequest, ObligationRecord, RequestParagraph, TransparencyReport
from ccm_secretariat.orm.reference import Organisation, OrganisationRule, State, StateAlias, Treaty, TreatyStatus
from ccm_secretariat.orm.registration import (
    AttendanceRecord,
    Delegation,
    DelegationPresence,
    ImportMapping,
    Participant,
)
from ccm_secretariat.orm.schema_history import SchemaHistory  # which version made or upgraded the database
from ccm_secretariat.orm.stamps import ChangeLog  # who changed what, and when

__all__ = [
    "Base",
    "Organisation",
    "OrganisationRule",
    "State",
    "StateAlias",
    "Treaty",
    "TreatyStatus",
    "Meeting",
    "MeetingPart",
    "Officer",
    "AttendanceRecord",
    "Delegation",
    "DelegationPresence",
    "ImportMapping",
    "Participant",
    "AgendaItem",
    "AgendaSubItem",
    "DecisionParagraph",
    "PlenaryMeeting",
    "SideEvent",
    "plenary_agenda_items",
    "Document",
    "MeetingEventRecord",
    "ChangeLog",
    "DeskSecret",
    "SchemaHistory",
    "BadgePrint",
    "CategoryColour",
    "CheckIn",
    "SeatAllowance",
    "SeatingPlan",
    "ExtensionRequest",
    "ObligationRecord",
    "RequestParagraph",
    "TransparencyReport",
]
