"""Reference data: States and their treaty status, organisations; importing a newer status list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.domain.enums import Instrument, OrganisationKind, Rule, UNMembership
from ccm_secretariat.domain.names import match_key, un_sort_key
from ccm_secretariat.domain.status import StatusFacts, status_on
from ccm_secretariat.errors import DuplicateError, NotFoundError, ValidationError
from ccm_secretariat.orm import Organisation, OrganisationRule, State, StateAlias, Treaty, TreatyStatus
from ccm_secretariat.reference.files import read_table
from ccm_secretariat.reference.loader import apply_status_rows, load_reference_data
from ccm_secretariat.reference.profiles import shipped_profiles
from ccm_secretariat.reference.treaties import (
    ensure_treaty,
    entry_into_force_rule,
    find_treaty,
    meeting_profile,
    treaty_profile,
)
from ccm_secretariat.services.base import Service, clean, get_or_fail


@dataclass(frozen=True)
class StateRow:
    id: int
    iso3: str
    name: str
    sort_key: str
    membership: UNMembership
    aliases: tuple[str, ...]
    signature: dt.date | None = None
    instrument: Instrument | None = None
    deposit: dt.date | None = None
    entry_into_force: dt.date | None = None
    withdrawal_effective: dt.date | None = None
    verified: bool = True

    @property
    def facts(self) -> StatusFacts:
        return StatusFacts(self.signature, self.deposit, self.entry_into_force, self.withdrawal_effective)

    def status_on(self, day: dt.date) -> str:
        """Its standing on `day` ("party", "signatory", ...): the convention's profile says which category it gives."""
        return status_on(day, self.facts)


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    acronym: str
    kind: OrganisationKind
    default_rule: Rule

    @property
    def name_with_acronym(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class ReferenceService(Service):
    def ensure_loaded(self) -> None:
        with self._write() as s:
            load_reference_data(s)

    def treaty(self, short_name: str) -> Treaty:
        with self._read() as s:
            return _treaty(s, short_name)

    def states(self, treaty: str | None = None) -> list[StateRow]:
        """Every State, in English order, with its status under `treaty` (none without one)."""
        with self._read() as s:
            found = None if treaty is None else find_treaty(s, treaty) if treaty_profile(treaty) else _treaty(s, treaty)
            treaty_id = found.id if found is not None else -1  # a shipped convention not yet in this database
            statuses = {
                st.state_id: st for st in s.scalars(sa.select(TreatyStatus).where(TreatyStatus.treaty_id == treaty_id))
            }
            aliases: dict[int, list[str]] = {}
            for sid, alias in s.execute(sa.select(StateAlias.state_id, StateAlias.alias)):
                aliases.setdefault(sid, []).append(alias)
            rows = []
            for st in s.scalars(sa.select(State).order_by(State.sort_key)):
                status = statuses.get(st.id)
                extra: dict[str, Any] = (
                    {}
                    if status is None
                    else dict(
                        signature=status.signature_date,
                        instrument=status.instrument,
                        deposit=status.deposit_date,
                        entry_into_force=status.entry_into_force,
                        withdrawal_effective=status.withdrawal_effective,
                        verified=status.verified,
                    )
                )
                rows.append(
                    StateRow(
                        st.id, st.iso3, st.name, st.sort_key, st.membership, tuple(aliases.get(st.id, ())), **extra
                    )
                )
            return rows

    def find_state(self, name: str) -> StateRow:
        key = match_key(name)
        for row in self.states():
            if key == match_key(row.name) or key in {match_key(a) for a in row.aliases} or key == row.iso3.lower():
                return row
        raise ValidationError(f"“{name}” is not a State the application knows.", "state")

    def set_status(
        self,
        state_id: int,
        *,
        signature: dt.date | None,
        instrument: Instrument | None,
        deposit: dt.date | None,
        withdrawal_effective: dt.date | None = None,
        entry_into_force: dt.date | None = None,
        treaty: str,
    ) -> StateRow:
        """Set one State's status by hand; entry into force is computed from the deposit unless given."""
        if (instrument is None) != (deposit is None):
            raise ValidationError("give both the instrument and its date of deposit, or neither.", "deposit")
        if signature and deposit and deposit < signature:
            raise ValidationError("the deposit cannot precede the signature.", "deposit")
        with self._write() as s:
            get_or_fail(s, State, state_id, "State")
            tr = _treaty(s, treaty, write=True)
            status = s.scalar(
                sa.select(TreatyStatus).where(TreatyStatus.treaty_id == tr.id, TreatyStatus.state_id == state_id)
            )
            if status is None:
                status = TreatyStatus(treaty_id=tr.id, state_id=state_id)
                s.add(status)
            status.signature_date, status.instrument, status.deposit_date = signature, instrument, deposit
            status.withdrawal_effective = withdrawal_effective
            status.entry_into_force = entry_into_force or entry_into_force_rule(tr).for_deposit(deposit)
            status.verified = True
        return next(r for r in self.states(treaty) if r.id == state_id)

    def import_status(self, path: str | Path, treaty: str) -> dict[str, int]:
        """Import a status list (TSV, CSV or xlsx: state, signature_date, instrument, deposit_date,
        withdrawal_effective_date, verified) of `treaty`'s. Every row is checked first; on any error nothing
        changes."""
        if not treaty.strip():
            known = ", ".join(shipped_profiles())
            raise ValidationError(f"say which convention's status list this is (one of {known}).", "treaty")
        path = Path(path)
        rows = read_table(path)
        with self._write() as s:
            return apply_status_rows(s, _treaty(s, treaty, write=True), rows, path.name)

    # Organisations -----------------------------------------------------------------------------------
    def organisations(self) -> list[OrganisationRow]:
        with self._read() as s:
            return [
                OrganisationRow(o.id, o.name, o.acronym, o.kind, o.default_rule)
                for o in s.scalars(sa.select(Organisation).order_by(Organisation.sort_key))
            ]

    def add_organisation(self, name: str, acronym: str, kind: OrganisationKind, default_rule: Rule) -> OrganisationRow:
        name = clean(name, "name", required=True)
        acronym = clean(acronym, "acronym", max_length=40)
        with self._write() as s:
            for other in s.scalars(sa.select(Organisation)):
                if match_key(other.name) == match_key(name):
                    raise DuplicateError(f"“{other.name}” is in the list already.", "name")
            org = Organisation(
                name=name,
                acronym=acronym,
                sort_key=un_sort_key(name),
                kind=OrganisationKind(kind),
                default_rule=Rule(default_rule),
            )
            s.add(org)
            s.flush()
            return OrganisationRow(org.id, org.name, org.acronym, org.kind, org.default_rule)

    def set_organisation_rule(self, organisation_id: int, treaty: str, rule: str | None) -> None:
        """The rule of `treaty`'s profile ("1(2)", "invited") under which an organisation attends that
        convention's meetings; None goes back to its default rule."""
        rules = meeting_profile(treaty).organisation_rules()
        if rule is not None and rule not in rules:
            known = ", ".join(f"“{r}”" for r in rules)
            raise ValidationError(f"the {treaty} admits organisations under {known}, not “{rule}”.", "rule")
        with self._write() as s:
            get_or_fail(s, Organisation, organisation_id, "Organisation")
            tr = ensure_treaty(s, treaty)
            existing = s.get(OrganisationRule, (organisation_id, tr.id))
            if existing is not None:
                s.delete(existing)
                s.flush()
            if rule is not None:
                s.add(OrganisationRule(organisation_id=organisation_id, treaty_id=tr.id, category=rules[rule].key))


def _treaty(s: Session, short_name: str, write: bool = False) -> Treaty:
    """The treaty called `short_name` (added from its profile when writing), or a NotFoundError that says so."""
    if write and treaty_profile(short_name) is not None:
        return ensure_treaty(s, short_name)
    treaty = s.scalar(sa.select(Treaty).where(Treaty.short_name == short_name))
    if treaty is None:
        raise NotFoundError(f"no treaty is called “{short_name}”.", "treaty")
    return treaty
