"""The demo's draft report written from its records, against the seed paragraph by paragraph: the introduction,
the organization and the work (1-24), the extension requests' assessments (29, 36, 46, 55), the transparency
figures (62), the documents approved from the register (64, 71) and the adoption (72), each with the seed's own
number."""

import pytest

from ccm_secretariat.report.builder import build_report
from tests.core.test_meeting_events import seed_paragraph_whole

# Where the seed's typing slips from its own usage (the desk writes the usage; each slip is a single place):
SLIPS = {
    11: [("Disarmament Affairs served", "Disarmament Affairs, served")],  # 10 and 21 set the capacity off
    15: [("Cluster Muniton Coalition", "Cluster Munition Coalition")],
    19: [("Nakamitsu High", "Nakamitsu, High")],  # 20 sets the capacity off
    23: [("agenda, (", "agenda ("), ("on 25 November.", "on 25 November 2020.")],
    24: [("(<http://documents.un.org>)", "(http://documents.un.org)")],  # the conversion's link brackets
    62: [("(Gambia Namibia,", "(Gambia, Namibia,")],  # a list of names takes its commas
}


def seed(seed_text: str, number: int) -> tuple[str, tuple[str, ...]]:
    text, items = seed_paragraph_whole(seed_text, number)
    for slip, usage in SLIPS.get(number, ()):
        assert slip in text, (number, slip)
        text = text.replace(slip, usage)
    return text, items


@pytest.fixture
def report(demo, demo_meeting):
    return {p.number: p for p in build_report(demo, demo_meeting.id).paragraphs()}


@pytest.mark.parametrize("number", [*range(1, 25), 29, 36, 46, 50, 55, 62, 64, 71, 72])
def test_the_demos_report_is_the_seeds_paragraph_by_paragraph(report, seed_text, number):
    paragraph = report[number]
    assert (paragraph.text, paragraph.subparagraphs) == seed(seed_text, number)


def test_the_requests_assessments_follow_their_records(demo, demo_meeting):
    import datetime as dt

    from ccm_secretariat.domain.obligations import Outcome

    tracker = demo.obligations.tracker(demo_meeting.first_day, demo_meeting.id)
    peru = next(r for r in tracker.requests if r.state == "Peru")
    demo.obligations.set_outcome(peru.id, Outcome.GRANTED_SHORTER, dt.date(2021, 2, 5), dt.date(2023, 4, 1))
    texts = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    assert texts[35] == (
        "The Conference assessed the request submitted by Peru for an extension of its deadline to complete the "
        "destruction of all its cluster munition stockpiles in accordance with Article 3.2 of the Convention and "
        "decided to grant the request for an extension until 1 April 2023."  # the shorter period granted
    )


def test_each_document_symbol_links_to_its_record_in_the_official_documents_system(demo, demo_meeting, tmp_path):
    import docx
    from pypdf import PdfReader

    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.report.docx import report_docx
    from ccm_secretariat.report.pdf import report_pdf

    report = build_report(demo, demo_meeting.id)
    run_to_end(report_docx(report, tmp_path / "report.docx"))
    run_to_end(report_pdf(report, tmp_path / "report.pdf"))
    symbols = [row[0] for table in report.annex.tables for row in table.rows]
    word = docx.Document(tmp_path / "report.docx")
    links = [(h.text, h.address) for t in word.tables for r in t.rows for c in r.cells for p in c.paragraphs
             for h in p.hyperlinks]  # fmt: skip
    assert links == [(s, f"https://undocs.org/{s}") for s in symbols]
    cells = [c.paragraphs[0] for t in word.tables for r in t.rows for c in r.cells if c.paragraphs[0].hyperlinks]
    assert [p.text for p in cells] == symbols  # the cell reads the symbol, as before
    pdf = [a.get_object()["/A"]["/URI"] for page in PdfReader(tmp_path / "report.pdf").pages
           for a in page.get("/Annots", [])]  # fmt: skip
    assert pdf == [f"https://undocs.org/{s}" for s in symbols]


def test_a_message_of_a_later_day_follows_the_opening_days_paragraphs(demo, demo_meeting):
    """The report tells the days in their order: a video message of 26 November comes after everything of the
    opening day (25 November), however the record was entered."""
    import datetime as dt

    from ccm_secretariat.domain.events import EventKind, MeetingEvent

    demo.events.add(
        demo_meeting.id,
        MeetingEvent(EventKind.VIDEO_MESSAGE, on=dt.date(2020, 11, 26), name="Mr. A. Example", circumstances="x"),
    )
    texts = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    later = next(i for i, t in enumerate(texts) if "Mr. A. Example" in t)
    assert texts[later].startswith("On 26 November 2020, Mr. A. Example")
    assert texts[later - 1].startswith("The provisional agenda")  # after the opening day's last paragraph
    assert texts[later + 1].startswith("A list of documents")


def test_paragraph_62_lists_the_states_with_initial_reports_due_in_2019_as_the_tracker_computes_them(
    demo, demo_meeting, seed_text
):
    """The typed paragraph asks for the figure ({initial reports on time in 2019}); the States come from the
    bundled treaty status (entry into force + 180 days in 2019) and "all ... on time" from the reports received
    that the tracker records, not from typing."""
    import datetime as dt

    text, _ = seed(seed_text, 62)
    assert build_report(demo, demo_meeting.id).paragraphs()[61].text == text
    typed = next(d for d in demo.agenda.decisions(demo_meeting.id) if "{initial reports on time in 2019}" in d.text)
    assert "Gambia" not in typed.text and "all" not in typed.text.split("2019")[1].split(".")[0]
    # Sri Lanka's report recorded as received a day late: the paragraph says so.
    import sqlalchemy as sa

    from ccm_secretariat.orm import State, TransparencyReport

    with demo.db.transaction(write=False) as s:
        report_id, received = s.execute(
            sa.select(TransparencyReport.id, TransparencyReport.received_on)
            .join(State, State.id == TransparencyReport.state_id)
            .where(State.name == "Sri Lanka", TransparencyReport.initial.is_(True))
        ).one()
    demo.obligations.remove_report(report_id, expected_version=1)
    demo.obligations.add_report("Sri Lanka", received + dt.timedelta(days=1), treaty="CCM")
    late = build_report(demo, demo_meeting.id).paragraphs()[61].text
    assert "that in 2019 Gambia, Namibia and Philippines, three of the four States Parties with initial reporting " \
        "deadlines (Gambia, Namibia, Philippines and Sri Lanka), had submitted their initial transparency reports " \
        "on time. Additionally" in late  # fmt: skip


def test_paragraphs_64_and_71_take_the_symbols_from_the_document_register(demo, demo_meeting):
    """Renumbering a document in the register changes the paragraph; a paragraph asking for a kind the register
    holds no document of is refused by name, never printed with a stale symbol."""
    from ccm_secretariat.domain.enums import DocumentType
    from ccm_secretariat.errors import ValidationError
    from ccm_secretariat.services.documents import DocumentInput

    costs = next(d for d in demo.documents.list(demo_meeting.id) if d.doc_type is DocumentType.ESTIMATED_COSTS)
    assert costs.symbol == "CCM/CONF/2020/WP.2"
    typed = [d.text for d in demo.agenda.decisions(demo_meeting.id)]
    assert not any("CCM/CONF/2020/WP.2" in t or "(CCM/CONF/2020/2)" in t for t in typed)
    renumbered = DocumentInput("CCM/CONF/2020/WP.9", costs.title, doc_type=DocumentType.ESTIMATED_COSTS)
    changed = demo.documents.update(costs.id, renumbered, costs.version)
    texts = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    assert texts[70] == (
        "The Conference also approved the estimated costs of the Tenth Meeting of States Parties as contained in "
        "document CCM/CONF/2020/WP.9."
    )
    demo.documents.update(costs.id, DocumentInput(renumbered.symbol, costs.title), changed.version)  # kind "other"
    with pytest.raises(ValidationError, match="asks for .symbol of estimated_costs., and the register holds no "
                                              "document of the kind “Estimated costs of a meeting”"):  # fmt: skip
        build_report(demo, demo_meeting.id)


def test_the_on_time_field_says_how_many_of_the_states_had_reported_on_time():
    from ccm_secretariat.report.events_en import EnglishEvents

    w = EnglishEvents()
    assert w.initial_reports_on_time([], []) == "no State Party had an initial reporting deadline"
    assert w.initial_reports_on_time(["Chad"], []) == (
        "the State Party with an initial reporting deadline (Chad) had not submitted its initial transparency report "
        "on time"
    )
    assert w.initial_reports_on_time(["Chad"], ["Chad"]).endswith("(Chad) had submitted its initial transparency "
                                                                 "report on time")  # fmt: skip
    assert w.initial_reports_on_time(["Chad", "Peru"], []) == (
        "none of the two States Parties with initial reporting deadlines (Chad and Peru) had submitted their initial "
        "transparency reports on time"
    )


def test_the_word_file_read_back_numbers_the_seeds_paragraphs_as_the_seed_does(demo, demo_meeting, seed_text, tmp_path):
    """The numbers a reader of the Word file sees (Word's own list numbering, read back) are the seed's, with the
    seed's text at each number this report writes from records."""
    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.report.docx import report_docx
    from tests.core.docx_read import numbered_paragraphs

    run_to_end(report_docx(build_report(demo, demo_meeting.id), tmp_path / "report.docx"))
    shown = numbered_paragraphs(tmp_path / "report.docx")
    assert list(shown) == list(range(1, 73))  # the seed's 72 paragraphs
    for number in [*range(1, 25), 29, 36, 46, 55, 62, 64, 71, 72]:
        assert shown[number] == seed(seed_text, number)[0].replace("*", ""), number  # *…*: italics in Word
