"""The secretariat's vocabularies, each an enum whose value is what is stored."""

from __future__ import annotations

from enum import Enum


class Instrument(str, Enum):
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"


class UNMembership(str, Enum):
    MEMBER = "member"
    OBSERVER = "observer"  # non-member observer States: Holy See, State of Palestine
    OTHER = "other"  # States that take part in treaties without UN membership: Cook Islands, Niue


class OrganisationKind(str, Enum):
    UN = "un"
    RED_CROSS = "red_cross"
    INTERNATIONAL = "international"
    REGIONAL = "regional"
    NGO = "ngo"
    ACADEMIC = "academic"
    OTHER = "other"


class Rule(str, Enum):
    RULE_1_2 = "1(2)"
    RULE_1_3 = "1(3)"


class MeetingFormat(str, Enum):
    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"


class Role(str, Enum):
    """A participant's role in the delegation, in protocol order."""

    HEAD = "head"
    ALTERNATE_HEAD = "alternate_head"
    REPRESENTATIVE = "representative"
    ADVISER = "adviser"
    EXPERT = "expert"
    MEMBER = "member"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    @property
    def label(self) -> str:
        return {
            Role.HEAD: "Head of delegation",
            Role.ALTERNATE_HEAD: "Alternate head of delegation",
            Role.REPRESENTATIVE: "Representative",
            Role.ADVISER: "Adviser",
            Role.EXPERT: "Expert",
            Role.MEMBER: "Member",
        }[self]

    @property
    def plural_label(self) -> str:
        return {
            Role.HEAD: "Head of delegation",
            Role.ALTERNATE_HEAD: "Alternate head of delegation",
            Role.REPRESENTATIVE: "Representatives",
            Role.ADVISER: "Advisers",
            Role.EXPERT: "Experts",
            Role.MEMBER: "Members",
        }[self]


_ROLE_RANK = {r: i for i, r in enumerate(Role)}


class Gender(str, Enum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNSPECIFIED = "unspecified"


class Attendance(str, Enum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    ABSENT = "absent"


class CredentialsKind(str, Enum):
    ORIGINAL = "original"
    COPY = "copy"
    NOTE_VERBALE = "note_verbale"


class AgendaStatus(str, Enum):
    PROVISIONAL = "provisional"
    ADOPTED = "adopted"


class Distribution(str, Enum):
    GENERAL = "general"
    LIMITED = "limited"


SALUTATIONS = (
    "Mr.",
    "Ms.",
    "Mrs.",
    "Mx.",
    "Dr.",
    "Prof.",
    "H.E. Mr.",
    "H.E. Ms.",
    "H.E. Mrs.",
    "H.E. Dr.",
    "H.R.H.",
    "Amb.",
    "Archbishop",
    "Msgr.",
    "Rev.",
    "Gen.",
    "Col.",
)


class DocumentType(str, Enum):
    """What a document of the register is, for the documents the desk writes itself and finds there (their
    symbol, title and date): set when it is registered, never read from the words of its title."""

    OTHER = "other"
    AGENDA = "agenda"
    PROGRAMME = "programme"  # the programme of work
    REPORT = "report"  # the meeting's (draft) report
    DOCUMENTS_LIST = "documents_list"
    CREDENTIALS = "credentials"  # the report on credentials
    PARTICIPANTS = "participants"  # the list of participants
    PROVISIONAL_PARTICIPANTS = "provisional_participants"  # the provisional list of participants
    WORK_PLAN_BUDGET = "work_plan_budget"  # a work plan and budget for one year (the ISU's)
    MULTI_YEAR_BUDGET = "multi_year_budget"  # a work plan and budget for several years
    ESTIMATED_COSTS = "estimated_costs"  # the estimated costs of a meeting

    @property
    def label(self) -> str:
        return {
            DocumentType.OTHER: "Other document",
            DocumentType.AGENDA: "Agenda",
            DocumentType.PROGRAMME: "Programme of work",
            DocumentType.REPORT: "Report of the meeting",
            DocumentType.DOCUMENTS_LIST: "List of documents",
            DocumentType.CREDENTIALS: "Report on credentials",
            DocumentType.PARTICIPANTS: "List of participants",
            DocumentType.PROVISIONAL_PARTICIPANTS: "Provisional list of participants",
            DocumentType.WORK_PLAN_BUDGET: "Work plan and budget (one year)",
            DocumentType.MULTI_YEAR_BUDGET: "Work plan and budget (several years)",
            DocumentType.ESTIMATED_COSTS: "Estimated costs of a meeting",
        }[self]


class OfficerRole(str, Enum):
    """What an officer of the meeting is, whatever the words of the officer's title ("Secretary-General of the
    Conference", "Secrétaire général de la Réunion"): the report says of each what its model says."""

    PRESIDENT = "president"
    VICE_PRESIDENT = "vice_president"
    SECRETARY_GENERAL = "secretary_general"
    SECRETARY = "secretary"
    OTHER = "other"  # the Director of the ISU and any other officer: "participated in the work of …"
