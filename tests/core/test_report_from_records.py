"""The demo's draft report written from its records, against the seed paragraph by paragraph: the introduction,
the organization and the work (1-24) and the extension requests' assessments (29, 36, 46, 55), each with the
seed's own number."""

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


@pytest.mark.parametrize("number", [*range(1, 25), 29, 36, 46, 55, 72])
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
    """The typed paragraph asks for the figure ({initial reports due in 2019}); the States come from the bundled
    treaty status (entry into force + 180 days in 2019), not from typing."""
    text, _ = seed(seed_text, 62)
    text = text.replace("(Gambia Namibia,", "(Gambia, Namibia,")  # the seed's slip
    assert build_report(demo, demo_meeting.id).paragraphs()[61].text == text
    typed = next(d for d in demo.agenda.decisions(demo_meeting.id) if "{initial reports due in 2019}" in d.text)
    assert "Gambia" not in typed.text
