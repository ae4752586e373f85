"""The roster that the list of participants, the workbook and the report are drawn from, read in bulk: each person
exactly as the registration desk reads them one at a time, in protocol order; and the collector paused only
while such bulk work runs."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
import sqlalchemy as sa

from ccm_secretariat.progress import run_to_end
from ccm_secretariat.samples.synth import synthesise
from ccm_secretariat.storage.paused_gc import paused_between


def test_each_person_in_the_roster_is_read_as_the_desk_reads_them_one_at_a_time(services):
    run_to_end(synthesise(services, 80, 5))
    meeting = services.meetings.list()[0]
    with services.db.engine.begin() as conn:  # some with a registration date, the others without
        conn.execute(
            sa.text("UPDATE participant SET registration_date = :day WHERE id % 3 = 0"), {"day": dt.date(2026, 8, 14)}
        )
        conn.execute(
            sa.text("UPDATE participant SET registration_date = :day WHERE id % 3 = 1"), {"day": dt.date(2026, 9, 2)}
        )
    roster = services.roster.roster(meeting.id)
    people = [p for d in roster.delegations for p in roster.members[d.id]]
    assert len(people) == 80
    for p in people:
        one = services.registration.participant(p.id)
        assert p == one._replace(version=0, changed_by="", changed_at=None)  # the roster carries no edit stamps
    assert {p.registration_date for p in people} == {dt.date(2026, 8, 14), dt.date(2026, 9, 2), None}
    assert any(p.attendance for p in people)
    for d in roster.delegations:  # the head first, then by role and the order they were registered in
        members = roster.members[d.id]
        assert [(p.role.rank, p.position, p.id) for p in members] == sorted(
            (p.role.rank, p.position, p.id) for p in members
        )


def test_the_collector_is_paused_while_the_work_runs_and_running_while_the_caller_holds_an_item():
    seen = []

    def work():
        for i in range(3):
            seen.append(gc.isenabled())
            yield i

    assert gc.isenabled()
    for item in paused_between(work()):
        assert gc.isenabled(), item
    assert seen == [False, False, False]
    assert gc.isenabled()


def test_a_cancel_closes_the_work_and_a_failure_reaches_the_caller_with_the_collector_running():
    closed = []

    def work():
        try:
            yield 1
            yield 2
        finally:
            closed.append(True)

    items = paused_between(work())
    assert next(items) == 1
    items.close()  # the caller cancels
    assert closed == [True] and gc.isenabled()

    def failing():
        yield 1
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        list(paused_between(failing()))
    assert gc.isenabled()
