"""What the registration page lists, decided without Qt (ui/pages/registration_filter.py): the category, the
search as typed (names, functions, e-mails and the delegations' names) and a figure chosen on the overview."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.services.overview import Figure
from ui.pages.registration_filter import RegistrationFilter

ROOT = Path(__file__).resolve().parents[2]


def _filter(services, meeting_id: int) -> RegistrationFilter:
    members: dict = {}
    for row in services.roster.directory(meeting_id):
        members.setdefault(row.delegation_id, []).append(row)
    return RegistrationFilter(services.registration.delegations(meeting_id), members)


def _with_people(demo, meeting_id):
    reg = demo.registration
    by_name = {d.name: d for d in reg.delegations(meeting_id)}
    peru, chile = by_name["Peru"], by_name["Chile"]
    quispe = reg.add_participant(peru.id, ParticipantInput("Quispe", "Luis", function="Counsellor"))
    rojas = reg.add_participant(chile.id, ParticipantInput("Rojas", "Ana", email="ana.rojas@example.org"))
    return peru, chile, quispe, rojas


def test_the_filter_module_needs_no_qt():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError('Qt blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import ui.pages.registration_filter\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_nothing_typed_lists_every_delegation_and_leaves_the_members_to_the_selection(demo, demo_meeting):
    f = _filter(demo, demo_meeting.id)
    listing = f.apply("")
    assert listing.delegations == f.delegations and listing.people is None
    assert len(listing.delegations) == 88
    counts = f.counts(c.key for c in demo_meeting.profile.categories)
    assert list(counts) == [c.key for c in demo_meeting.profile.categories]  # in the profile's order, with none
    assert counts["state_party"] == (60, 0) and counts["ratified_not_in_force"] == (0, 0)


def test_a_category_narrows_the_delegations(demo, demo_meeting):
    listing = _filter(demo, demo_meeting.id).apply("", "rule_1_3")  # a key of the meeting's convention's profile
    assert len(listing.delegations) == 6 and {d.category for d in listing.delegations} == {"rule_1_3"}


def test_search_finds_people_by_name_function_or_email_and_delegations_by_name(demo, demo_meeting):
    peru, chile, quispe, rojas = _with_people(demo, demo_meeting.id)
    f = _filter(demo, demo_meeting.id)
    by_name = f.apply("quispe")
    assert [d.name for d in by_name.delegations] == ["Peru"]
    assert [p.id for p in by_name.people or []] == [quispe.id]
    assert by_name.title == "1 participant matches “quispe”"
    assert [p.id for p in f.apply("  ANA.ROJAS@ ").people or []] == [rojas.id]
    assert [p.id for p in f.apply("counsellor").people or []] == [quispe.id]
    chile = f.apply("chil")  # the delegation's name matches: it is listed, with its members
    assert [d.name for d in chile.delegations] == ["Chile"] and [p.id for p in chile.people or []] == [rojas.id]
    nobody = f.apply("zzz")
    assert nobody.delegations == [] and nobody.people == [] and nobody.title == "0 participants match “zzz”"
    assert f.apply("quispe", "observer_state").delegations == []


def test_a_figure_of_people_lists_them_with_their_delegations_and_search_stays_within_it(demo, demo_meeting):
    peru, chile, quispe, rojas = _with_people(demo, demo_meeting.id)
    f = _filter(demo, demo_meeting.id)
    figure = Figure("participants/state_party", "States Parties <all>", 1, participant_ids=frozenset({rojas.id}))
    listing = f.apply("", focus=figure)
    assert [d.name for d in listing.delegations] == ["Chile"]
    assert [p.id for p in listing.people or []] == [rojas.id]
    assert listing.title == "1 participant: States Parties &lt;all&gt;"  # the label escaped for the rich text
    assert f.apply("quispe", focus=figure).people == []  # searched within the figure's people only
    assert [p.id for p in f.apply("rojas", focus=figure).people or []] == [rojas.id]


def test_a_figure_of_delegations_lists_those_only(demo, demo_meeting):
    peru, chile, *_ = _with_people(demo, demo_meeting.id)
    f = _filter(demo, demo_meeting.id)
    figure = Figure("credentials/state_party/none", "Not received", 2, delegation_ids=frozenset({peru.id, chile.id}))
    assert [d.name for d in f.apply("", focus=figure).delegations] == ["Chile", "Peru"]
    assert f.apply("", focus=figure).people is None
    assert [d.name for d in f.apply("peru", focus=figure).delegations] == ["Peru"]
