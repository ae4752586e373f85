"""Fill a new database with the shipped reference data: States, treaties with their status, organisations."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.domain.enums import Instrument, OrganisationKind, Rule, UNMembership
from ccm_secretariat.domain.names import match_key, un_sort_key
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.orm import Organisation, State, StateAlias, Treaty, TreatyStatus
from ccm_secretariat.reference.files import REFERENCE_DIR, Row, parse_date, read_table, require_columns
from ccm_secretariat.reference.profiles import shipped_profiles
from ccm_secretariat.reference.treaties import ensure_treaty, entry_into_force_rule

STATUS_COLUMNS = ("state", "signature_date", "instrument", "deposit_date")


def load_reference_data(session: Session) -> None:
    """Load everything that is missing; a database that has States already is left as it is."""
    if session.scalar(sa.select(sa.func.count()).select_from(State)):
        return
    _load_states(session)
    _load_organisations(session)
    for short_name, convention in shipped_profiles().items():
        treaty = ensure_treaty(session, short_name)
        if convention.status_file:
            rows = read_table(REFERENCE_DIR / convention.status_file)
            apply_status_rows(session, treaty, rows, convention.status_file)


def _load_states(session: Session) -> None:
    for row in read_table(REFERENCE_DIR / "states.tsv"):
        v = row.values
        state = State(
            iso3=v["iso3"], name=v["name"], sort_key=un_sort_key(v["name"]), membership=UNMembership(v["membership"])
        )
        keys = {match_key(v["name"])}
        for alias in filter(None, v.get("aliases", "").split("|")):
            if match_key(alias) not in keys:
                keys.add(match_key(alias))
                state.aliases.append(StateAlias(alias=alias, match_key=match_key(alias)))
        session.add(state)


def _load_organisations(session: Session) -> None:
    for row in read_table(REFERENCE_DIR / "organisations.tsv"):
        v = row.values
        session.add(
            Organisation(
                name=v["name"],
                acronym=v["acronym"],
                sort_key=un_sort_key(v["name"]),
                kind=OrganisationKind(v["kind"]),
                default_rule=Rule(v["default_rule"]),
            )
        )


def state_lookup(session: Session) -> dict[str, int]:
    """Match key of every name and alias -> State id."""
    lookup = {match_key(name): sid for sid, name in session.execute(sa.select(State.id, State.name))}
    lookup.update({key: sid for sid, key in session.execute(sa.select(StateAlias.state_id, StateAlias.match_key))})
    return lookup


def apply_status_rows(session: Session, treaty: Treaty, rows: list[Row], file_name: str) -> dict[str, int]:
    """Replace the status of every State named in `rows`; all rows are checked before anything is written."""
    require_columns(rows, STATUS_COLUMNS, file_name)
    lookup = state_lookup(session)
    parsed: dict[int, dict[str, Any]] = {}
    rule = entry_into_force_rule(treaty)
    for row in rows:
        v = row.values
        name = v["state"]
        state_id = lookup.get(match_key(name)) if name else None
        if state_id is None:
            raise ValidationError(
                f"line {row.line}: “{name}” is not a State the application knows "
                "(check the spelling, or add the name as an alias).",
                "state",
            )
        if state_id in parsed:
            raise ValidationError(f"line {row.line}: “{name}” appears twice in {file_name}.", "state")
        instrument_text = v.get("instrument", "").lower()
        try:
            instrument = Instrument(instrument_text) if instrument_text else None
        except ValueError:
            raise ValidationError(
                f"line {row.line}: “{v['instrument']}” is not an instrument (ratification, "
                "accession, acceptance or approval).",
                "instrument",
            ) from None
        deposit = parse_date(v.get("deposit_date", ""), row, "deposit_date")
        signature = parse_date(v.get("signature_date", ""), row, "signature_date")
        withdrawal = parse_date(v.get("withdrawal_effective_date", ""), row, "withdrawal_effective_date")
        if (instrument is None) != (deposit is None):
            raise ValidationError(
                f"line {row.line}: {name} needs both an instrument and its date of deposit, or neither.", "deposit_date"
            )
        if signature and deposit and deposit < signature:
            raise ValidationError(f"line {row.line}: {name}'s deposit precedes its signature.", "deposit_date")
        parsed[state_id] = dict(
            signature_date=signature,
            instrument=instrument,
            deposit_date=deposit,
            entry_into_force=rule.for_deposit(deposit),
            withdrawal_effective=withdrawal,
            verified=v.get("verified", "yes").lower() not in ("no", "false", "0"),
        )
    existing = {
        s.state_id: s for s in session.scalars(sa.select(TreatyStatus).where(TreatyStatus.treaty_id == treaty.id))
    }
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    for state_id, values in parsed.items():
        status = existing.get(state_id)
        if status is None:
            session.add(TreatyStatus(treaty_id=treaty.id, state_id=state_id, **values))
            counts["added"] += 1
        elif any(getattr(status, k) != val for k, val in values.items()):
            for k, val in values.items():
                setattr(status, k, val)
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    return counts
