"""The rules a participant must satisfy, shared by the single-row path (the desk's dialog) and the bulk path
(imports, carry-over): field validation, and uniqueness within a meeting checked against a `MemberIndex`.

One e-mail address belongs to one participant in a meeting; a delegation has one head; the same name twice in
one delegation is refused unless the secretary says it is a different person (real delegations have three
officials called "Md Jahangir Alam"). Names are compared without accents, case or word order.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ccm_secretariat.domain.enums import Attendance, Gender, Role
from ccm_secretariat.domain.fields import clean
from ccm_secretariat.domain.names import fold, un_sort_key
from ccm_secretariat.errors import DuplicateError, ValidationError

# An address as mail systems take it: a local part of letters (any script), digits and the RFC 5322 atext signs in
# dot-separated runs; a domain of labels of letters, digits and inner hyphens. Quotes, brackets, spaces and the
# like (`=HYPERLINK("http://e.example")@x.org`) are refused.
_ATEXT = r"[\w!#$%&'*+/=?^`{|}~-]"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
EMAIL = re.compile(rf"^{_ATEXT}+(?:\.{_ATEXT}+)*@(?:{_LABEL}\.)+[^\W_][\w-]*[^\W_]$")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)  # as un_sort_key drops it
PHONE = re.compile(r"^[+0-9 ().\-/]*(\s*(ext\.?|x)\s*[0-9]+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class ParticipantInput:
    family_name: str
    given_names: str = ""
    salutation: str = ""
    function: str = ""
    affiliation: str = ""
    role: Role = Role.REPRESENTATIVE
    email: str = ""
    phone: str = ""
    gender: Gender = Gender.UNSPECIFIED
    consent_to_publish: bool = False
    attendance: dict[int, Attendance] = field(default_factory=dict)  # part number -> mode
    registration_date: dt.date | None = None  # an addition with none is registered today


class SameNameError(DuplicateError):
    """Someone of the same name is in the delegation: maybe the same person, maybe a namesake."""

    def __init__(self, message: str, existing_id: int):
        super().__init__(message, "family_name")
        self.existing_id = existing_id


@functools.lru_cache(maxsize=65536)
def _fold_part(text: str) -> str:
    return fold(text)


SEARCH_KEY_LENGTH = 500  # the column's length (folding can lengthen a name)


def search_key(given: str, family: str) -> str:
    """fold("given family"), from the folds of the two parts (names repeat: "Maria", "Mohammed", "Nguyen")."""
    return " ".join(p for p in (_fold_part(given), _fold_part(family)) if p)[:SEARCH_KEY_LENGTH]


def name_key(given: str, family: str) -> str:
    """The same for "MÜLLER Hans", "Hans Muller" and "hans müller"."""
    return " ".join(sorted(un_sort_key(f"{given} {family}").split()))


def key_of(values: dict[str, Any]) -> str:
    """name_key of stored values, from their folded search key when they have one (it is folded already)."""
    folded = values.get("search_key")
    if folded is None:
        return name_key(values["given_names"], values["family_name"])
    return " ".join(sorted(_PUNCT.sub("", folded).split()))


def validate_participant(data: ParticipantInput) -> dict[str, Any]:
    """The stored values of a participant, or a ValidationError naming the field."""
    return validate_fields(
        data.family_name,
        data.given_names,
        data.salutation,
        data.function,
        data.affiliation,
        data.role,
        data.email,
        data.phone,
        data.gender,
        data.consent_to_publish,
    )


def validate_fields(
    family_name: str,
    given_names: str,
    salutation: str,
    function: str,
    affiliation: str,
    role: Role,
    email: str,
    phone: str,
    gender: Gender,
    consent_to_publish: bool,
) -> dict[str, Any]:
    """validate_participant for the bulk path, which has the values at hand and no ParticipantInput to make."""
    email = clean(email, "email", max_length=254)
    if email and not EMAIL.match(email):
        raise ValidationError(f"“{email}” is not an e-mail address.", "email")
    phone = clean(phone, "phone", max_length=60)
    if phone and not PHONE.match(phone):
        raise ValidationError(f"“{phone}” is not a telephone number (digits, spaces, + ( ) - . /).", "phone")
    given_names = clean(given_names, "given_names", max_length=200)
    family_name = clean(family_name, "family_name", required=True, max_length=200)
    return dict(
        salutation=clean(salutation, "salutation", max_length=30),
        given_names=given_names,
        family_name=family_name,
        function=clean(function, "function", max_length=300),
        affiliation=clean(affiliation, "affiliation", max_length=300),
        role=role if role.__class__ is Role else Role(role),
        email=email,
        phone=phone,
        gender=gender if gender.__class__ is Gender else Gender(gender),
        consent_to_publish=bool(consent_to_publish),
        search_key=search_key(given_names, family_name),
        email_key=email.lower() or None,
    )


@dataclass(slots=True)
class Member:
    id: int
    delegation_id: int
    name: str
    function: str
    email: str


@dataclass
class MemberIndex:
    """What the uniqueness rules need to know of a meeting's participants (all of them for an import, one
    delegation and one e-mail for a single edit)."""

    delegation_names: dict[int, str] = field(default_factory=dict)
    by_email: dict[str, Member] = field(default_factory=dict)
    by_name: dict[tuple[int, str], list[Member]] = field(default_factory=dict)
    heads: dict[int, Member] = field(default_factory=dict)

    def add(self, pid: int, delegation_id: int, values: dict[str, Any], key: str | None = None) -> Member:
        member = Member(
            pid,
            delegation_id,
            f"{values['given_names']} {values['family_name']}".strip(),
            values.get("function", ""),
            values.get("email", ""),
        )
        if member.email:  # (the key a row's values carry already: one string fewer a row of an import)
            self.by_email[values.get("email_key") or member.email.lower()] = member
        self.by_name.setdefault((delegation_id, key or key_of(values)), []).append(member)
        if values.get("role") == Role.HEAD:
            self.heads[delegation_id] = member
        return member

    def same_email(self, email: str, exclude: int | None = None) -> Member | None:
        found = self.by_email.get(email.lower()) if email else None
        return found if found is not None and found.id != exclude else None

    def same_name(
        self, delegation_id: int, values: dict[str, Any], exclude: int | None = None, key: str | None = None
    ) -> list[Member]:
        found = self.by_name.get((delegation_id, key or key_of(values)))
        return [m for m in found if m.id != exclude] if found else []

    def check(
        self,
        delegation_id: int,
        values: dict[str, Any],
        exclude: int | None = None,
        same_name_ok: bool = False,
        key: str | None = None,
    ) -> None:
        """Raise the DuplicateError a secretary should see, or nothing."""
        delegation = self.delegation_names.get(delegation_id, "the delegation")
        if not same_name_ok:
            namesakes = self.same_name(delegation_id, values, exclude, key)
            if namesakes:
                raise SameNameError(
                    f"{values['given_names']} {values['family_name']} is already a member of the "
                    f"delegation of {delegation}.",
                    namesakes[0].id,
                )
        mail = self.same_email(values["email"], exclude)
        if mail is not None:
            where = self.delegation_names.get(mail.delegation_id, "another delegation")
            raise DuplicateError(f"{values['email']} is already registered, in the delegation of {where}.", "email")
        if values["role"] == Role.HEAD:
            head = self.heads.get(delegation_id)
            if head is not None and head.id != exclude:
                raise DuplicateError(
                    f"{delegation} has a head of delegation already ({head.name}); change that person's role first.",
                    "role",
                )
