"""The demo conference against the seed: the interim report of the CCM Second Review Conference (2020)."""

import re

from ccm_secretariat.cli import main as cli
from ccm_secretariat.domain.enums import MeetingFormat


def seed_paragraph(seed: str, number: int) -> str:
    return re.search(rf"^{number}\. (.*)$", seed, re.M).group(1)


def names_in(text: str) -> list[str]:
    return [n.strip() for n in text.rstrip(".").replace(", and ", ", ").split(", ")]


def test_categories_derived_from_status_agree_with_the_seed(demo, demo_meeting, seed_text):
    expected = {
        "state_party": names_in(seed_paragraph(seed_text, 12).split(": ", 1)[1]),
        "signatory": names_in(seed_paragraph(seed_text, 13).split(": ", 1)[1]),
        "observer_state": names_in(seed_paragraph(seed_text, 14).split(" also participated")[0]),
    }
    assert [len(v) for v in expected.values()] == [60, 3, 13]
    rows = demo.registration.delegations(demo_meeting.id)
    assert not any(r.is_overridden for r in rows)
    for category, names in expected.items():
        assert [r.name for r in rows if r.category == category] == names  # same names, same order
    counts = demo.registration.category_counts(demo_meeting.id)
    assert {c: n for c, (n, _) in counts.items() if n} == {
        "state_party": 60,
        "signatory": 3,
        "observer_state": 13,
        "rule_1_2": 6,
        "rule_1_3": 6,
    }


def test_demo_meeting_parts_officers_agenda_documents(demo, demo_meeting):
    m = demo_meeting
    assert m.title == "Second Review Conference of States Parties to the Convention on Cluster Munitions"
    assert [(p.start_date.isoformat(), p.end_date.isoformat(), p.format) for p in m.parts] == [
        ("2020-11-25", "2020-11-27", MeetingFormat.VIRTUAL),
        ("2021-02-04", "2021-02-05", MeetingFormat.HYBRID),
    ]
    roles = {o.role: o for o in m.officers}
    assert roles["President"].person == "Mr. Félix Baumann"
    assert roles["Secretary of the Conference"].person == "Ms. Silvia Mercogliano"
    assert [o.state_name for o in m.officers if o.role == "Vice-President"] == [
        "Netherlands",
        "Germany",
        "Nicaragua",
        "Sri Lanka",
    ]
    assert [(i.number, i.title) for i in demo.agenda.items(m.id)] == [
        (14, "Consideration and adoption of the final document")
    ]
    plenaries = demo.agenda.plenaries(m.id)
    assert len(plenaries) == 9 and {p.part_number for p in plenaries} == {1}
    docs = demo.documents.list(m.id)
    assert len(docs) == 30
    assert docs[0].symbol == "CCM/CONF/2020/1" and docs[-1].symbol == "CCM/CONF/2020/MISC.1"
    # 48 paragraphs in chapter IV: 18 typed, the five requests' places (29 paragraphs from the records), and
    # the adoption (from its record)
    decisions = demo.agenda.decisions(m.id)
    assert len(decisions) == 23 and [d.request_id is not None for d in decisions].count(True) == 5


def test_cli_demo_then_delegations_in_the_seeds_order(tmp_path, capsys, seed_text):
    db = str(tmp_path / "cli.sqlite3")
    assert cli(["--db", db, "demo"]) == 0
    assert "States Parties: 60" in capsys.readouterr().out
    assert cli(["--db", db, "demo"]) == 0
    assert "already" in capsys.readouterr().out
    assert cli(["--db", db, "delegations"]) == 0
    out = capsys.readouterr().out
    listed = re.findall(r"^\s+\d+\s+(.+?)\s{2,}\d+\s", out, re.M)
    seed_states = (
        names_in(seed_paragraph(seed_text, 12).split(": ", 1)[1])
        + names_in(seed_paragraph(seed_text, 13).split(": ", 1)[1])
        + names_in(seed_paragraph(seed_text, 14).split(" also participated")[0])
    )
    assert listed[:76] == seed_states
    assert listed.index("Costa Rica") < listed.index("Côte d'Ivoire") < listed.index("Croatia")
    assert "Mines Advisory Group (MAG)" in listed
