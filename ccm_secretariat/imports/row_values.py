"""An incoming row's values, read and checked by the same rules as a single edit, each refusal naming the row and
the column; and what the file says of its category, checked against the treaty status."""

from __future__ import annotations

from typing import Any

from ccm_secretariat.domain.participants import validate_fields
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.imports import values as read
from ccm_secretariat.imports.columns import Field
from ccm_secretariat.imports.plan_model import Destination, Incoming, MeetingContext, PlanRow, category_of


def where(row: Incoming, f: Field) -> str:
    return f"row {row.line}, {row.columns[f]}" if f in row.columns else f"row {row.line}"


FIELD_OF_VALUE = {
    "salutation": Field.SALUTATION,
    "given_names": Field.GIVEN_NAMES,
    "family_name": Field.FAMILY_NAME,
    "function": Field.FUNCTION,
    "affiliation": Field.AFFILIATION,
    "email": Field.EMAIL,
    "phone": Field.PHONE,
    "role": Field.ROLE,
}


_SOURCES = {
    "salutation": Field.SALUTATION,
    "function": Field.FUNCTION,
    "affiliation": Field.AFFILIATION,
    "email": Field.EMAIL,
    "phone": Field.PHONE,
    "role": Field.ROLE,
    "gender": Field.GENDER,
    "consent_to_publish": Field.CONSENT,
    "registration_date": Field.REGISTRATION_DATE,
}


def given_values(row: Incoming, values: dict[str, Any]) -> dict[str, Any]:
    """What an update changes: the values the file gives (a blank cell or an absent column changes nothing)."""
    given = {k: values[k] for k, source in _SOURCES.items() if row.fields.get(source, "").strip()}
    if "email" in given:
        given["email_key"] = values["email_key"]
    return given


def row_values(row: Incoming, given: str, family: str, month_first: bool = False) -> dict[str, Any]:
    f = row.fields.get
    role = read.role(f(Field.ROLE, ""))
    if role is None:
        raise ValidationError(
            f"{where(row, Field.ROLE)}: “{f(Field.ROLE)}” is not a role (head of delegation, "
            "alternate head, representative, adviser, expert).",
            "role",
        )
    consent = read.yes_no(f(Field.CONSENT, ""))
    if consent is None:
        raise ValidationError(f"{where(row, Field.CONSENT)}: “{f(Field.CONSENT)}” is neither yes nor no.", "consent")
    try:
        registered = read.date(f(Field.REGISTRATION_DATE, ""), month_first)
    except ValueError:
        raise ValidationError(
            f"{where(row, Field.REGISTRATION_DATE)}: “{f(Field.REGISTRATION_DATE)}” is not a "
            "date (write 2025-08-14, 14.08.2025 or 14 Aug 2025).",
            "registration_date",
        ) from None
    salutation = read.salutation(f(Field.SALUTATION, ""))
    try:
        values = validate_fields(
            family,
            given,
            salutation,
            f(Field.FUNCTION, ""),
            f(Field.AFFILIATION, ""),
            role,
            f(Field.EMAIL, ""),
            f(Field.PHONE, ""),
            read.gender(f(Field.GENDER, ""), salutation),
            consent,
        )
    except ValidationError as exc:
        column = FIELD_OF_VALUE.get(exc.field or "")
        if column in (Field.GIVEN_NAMES, Field.FAMILY_NAME) and Field.FULL_NAME in row.fields:
            column = Field.FULL_NAME
        raise ValidationError(
            f"{where(row, column) if column else f'row {row.line}'}: {_label(exc.field)} {exc.message}", exc.field
        ) from None
    values["registration_date"] = registered
    return values


def _label(name: str | None) -> str:
    return {
        "family_name": "the family name",
        "given_names": "the given names",
        "email": "the e-mail",
        "phone": "the telephone number",
        "function": "the function",
        "affiliation": "the affiliation",
        "salutation": "the salutation",
    }.get(name or "", "the value")


def check_category(row: Incoming, destination: Destination, ctx: MeetingContext, plan: PlanRow) -> None:
    text = row.fields.get(Field.CATEGORY, "")
    if not text:
        return
    derived = category_of(destination, ctx)
    said = read.category(text, ctx.category_words)
    heading = ctx.convention.category(derived).view
    if said is None:
        plan.notes.append(
            f"{where(row, Field.CATEGORY)}: “{text}” is not a category of the {ctx.convention.short_name}; the "
            f"category follows from the treaty status ({heading})."
        )
    elif said != derived:
        name = getattr(destination, "name", "")
        plan.notes.append(
            f"{where(row, Field.CATEGORY)}: the file says {ctx.convention.category(said).view}, but on "
            f"{un_date(ctx.first_day)} {name} is among {heading}; the treaty status decides."
        )
