"""Which column of a registration file holds which field: detected from the header names (English, French,
Indico's registrant export), corrected by the user, and checked (a field mapped twice, a name missing)."""

from __future__ import annotations

import hashlib
import json
from enum import Enum

from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.errors import ValidationError


class Field(str, Enum):
    SALUTATION = "salutation"
    GIVEN_NAMES = "given_names"
    FAMILY_NAME = "family_name"
    FULL_NAME = "full_name"
    FUNCTION = "function"
    AFFILIATION = "affiliation"
    EMAIL = "email"
    PHONE = "phone"
    DELEGATION = "delegation"
    COUNTRY = "country"
    CATEGORY = "category"
    ROLE = "role"
    GENDER = "gender"
    CONSENT = "consent"
    REGISTRATION_DATE = "registration_date"
    REGISTRATION_STATE = "registration_state"

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS = {
    Field.SALUTATION: "Salutation (Mr., Ms., H.E.)",
    Field.GIVEN_NAMES: "Given names",
    Field.FAMILY_NAME: "Family name",
    Field.FULL_NAME: "Full name (to be split)",
    Field.FUNCTION: "Function or title",
    Field.AFFILIATION: "Affiliation",
    Field.EMAIL: "E-mail",
    Field.PHONE: "Telephone",
    Field.DELEGATION: "Delegation (State or organisation)",
    Field.COUNTRY: "Country",
    Field.CATEGORY: "Category (checked, not used)",
    Field.ROLE: "Role in the delegation",
    Field.GENDER: "Gender",
    Field.CONSENT: "Consent to publish",
    Field.REGISTRATION_DATE: "Registration date",
    Field.REGISTRATION_STATE: "Registration state",
}

# Header names as registration systems and secretariats write them (compared without case, accents or
# punctuation). Indico's registrant export: ID, Name, Title, First Name, Last Name, Email, Affiliation, Position,
# Address, Country, Phone, Registration date, Registration state, Price, Checked in, Check-in date, Tags.
SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.SALUTATION: ("title", "salutation", "civilite", "titre", "honorific", "prefix", "form of address", "mr ms"),
    Field.GIVEN_NAMES: (
        "first name",
        "firstname",
        "given name",
        "given names",
        "forename",
        "forenames",
        "prenom",
        "prenoms",
        "first names",
        "nombre",
    ),
    Field.FAMILY_NAME: (
        "last name",
        "lastname",
        "family name",
        "surname",
        "nom",
        "nom de famille",
        "apellido",
        "apellidos",
    ),
    Field.FULL_NAME: (
        "name",
        "full name",
        "participant",
        "participant name",
        "nom complet",
        "nom et prenom",
        "prenom et nom",
        "nombre completo",
    ),
    Field.FUNCTION: (
        "position",
        "function",
        "job title",
        "fonction",
        "poste",
        "designation",
        "cargo",
        "title position",
        "position title",
        "functional title",
    ),
    Field.AFFILIATION: (
        "affiliation",
        "institution",
        "employer",
        "ministry",
        "organisation",
        "organization",
        "organisme",
        "service",
        "department",
    ),
    Field.EMAIL: (
        "email",
        "e mail",
        "email address",
        "e mail address",
        "courriel",
        "adresse electronique",
        "adresse e mail",
        "mail",
        "correo electronico",
    ),
    Field.PHONE: (
        "phone",
        "telephone",
        "tel",
        "phone number",
        "telephone number",
        "mobile",
        "mobile phone",
        "telefono",
    ),
    Field.DELEGATION: (
        "delegation",
        "represented entity",
        "entity represented",
        "represented state",
        "member state",
        "state",
        "etat",
        "mission",
        "permanent mission",
        "delegation of",
        "representing",
        "delegacion",
    ),
    Field.COUNTRY: ("country", "pays", "pais", "country of representation", "nationality"),
    Field.CATEGORY: (
        "category",
        "categorie",
        "participant type",
        "type of participant",
        "participation type",
        "categoria",
        "status of participation",
    ),
    Field.ROLE: ("role", "role in the delegation", "delegation role", "role dans la delegation"),
    Field.GENDER: ("gender", "sex", "sexe", "genre", "sexo"),
    Field.CONSENT: (
        "consent",
        "consent to publish",
        "consent to publication",
        "publish",
        "publication",
        "consentement",
    ),
    Field.REGISTRATION_DATE: (
        "registration date",
        "date of registration",
        "registered on",
        "date registered",
        "date d inscription",
        "date inscription",
        "fecha de inscripcion",
        "submitted",
    ),
    Field.REGISTRATION_STATE: (
        "registration state",
        "registration status",
        "etat de l inscription",
        "statut de l inscription",
        "state of registration",
    ),
}
_BY_HEADER = {un_sort_key(s): f for f, names in SYNONYMS.items() for s in names}

Mapping = dict[int, Field]  # column index -> field


def detect(headers: list[str]) -> Mapping:
    """The field of each header whose name is known; the first column wins when two name the same field."""
    mapping: Mapping = {}
    taken: set[Field] = set()
    for i, header in enumerate(headers):
        found = _BY_HEADER.get(un_sort_key(header))
        if found is not None and found not in taken:
            mapping[i] = found
            taken.add(found)
    if Field.GIVEN_NAMES in taken and Field.FAMILY_NAME in taken and Field.FULL_NAME in taken:
        # Indico exports "Name" beside "First Name" and "Last Name": the parts win.
        mapping = {i: f for i, f in mapping.items() if f != Field.FULL_NAME}
    return mapping


def check(headers: list[str], mapping: Mapping) -> None:
    """Refuse a mapping that cannot be imported, naming the columns concerned."""
    by_field: dict[Field, list[int]] = {}
    for i, f in mapping.items():
        if not 0 <= i < len(headers):
            raise ValidationError(f"column {i + 1} does not exist in the file.", "mapping")
        by_field.setdefault(Field(f), []).append(i)
    for f, columns in by_field.items():
        if len(columns) > 1:
            names = " and ".join(f"“{headers[i]}”" for i in columns)
            raise ValidationError(f"{names} are both mapped to {f.label}; map one of them only.", "mapping")
    if Field.FAMILY_NAME not in by_field and Field.FULL_NAME not in by_field:
        raise ValidationError(
            "no column is mapped to the family name or to the full name; the file's columns "
            f"are {', '.join(f'“{h}”' for h in headers)}.",
            "mapping",
        )
    if Field.FULL_NAME in by_field and (Field.FAMILY_NAME in by_field or Field.GIVEN_NAMES in by_field):
        raise ValidationError("map either the full name or the given and family names, not both.", "mapping")
    if Field.DELEGATION not in by_field and Field.COUNTRY not in by_field:
        raise ValidationError(
            "no column says which delegation a person belongs to: map a column to "
            f"{Field.DELEGATION.label} or to {Field.COUNTRY.label}.",
            "mapping",
        )


def signature(headers: list[str]) -> str:
    """The same for two files with the same headers, whatever their case, accents or spacing."""
    return hashlib.sha256("\x1f".join(un_sort_key(h) for h in headers).encode()).hexdigest()


def to_json(headers: list[str], mapping: Mapping) -> str:
    return json.dumps({headers[i]: Field(f).value for i, f in sorted(mapping.items())}, ensure_ascii=False)


def from_json(headers: list[str], text: str) -> Mapping:
    stored = json.loads(text)
    keys = {un_sort_key(h): i for i, h in enumerate(headers)}
    result: Mapping = {}
    for header, value in stored.items():
        i = keys.get(un_sort_key(header))
        if i is not None and value in Field._value2member_map_:
            result[i] = Field(value)
    return result


def parse_overrides(headers: list[str], mapping: Mapping, overrides: list[str]) -> Mapping:
    """Apply "Header=field" (or "Header=" to ignore a column) as the CLI's --map gives them."""
    result = dict(mapping)
    keys = {un_sort_key(h): i for i, h in enumerate(headers)}
    for text in overrides:
        header, sep, value = text.partition("=")
        i = keys.get(un_sort_key(header))
        if not sep or i is None:
            raise ValidationError(
                f"--map “{text}”: name a column of the file, e.g. “Prénom=given_names”; the "
                f"columns are {', '.join(headers)}.",
                "mapping",
            )
        value = value.strip()
        if not value:
            result.pop(i, None)
            continue
        if value not in Field._value2member_map_:
            raise ValidationError(
                f"--map “{text}”: “{value}” is not a field; the fields are {', '.join(f.value for f in Field)}.",
                "mapping",
            )
        result = {k: f for k, f in result.items() if f != Field(value)}
        result[i] = Field(value)
    return result
