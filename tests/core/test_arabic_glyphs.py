"""Arabic, Persian and Urdu names print with the glyphs the embedded font has: no ligature it lacks (U+FDF2 for
"الله" printed a missing-glyph box), every joined form checked against the font's character map."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from ccm_secretariat.documents.reading import participants_pdf
from ccm_secretariat.exports.fonts import FontSet, arabic_coverage, missing_warning, visual
from ccm_secretariat.exports.participants_pdf import ListOptions
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput

# Real names, with "الله", "لا", tashkeel, and the Persian and Urdu letters پ چ ژ گ ک ی ٹ ڈ ڑ ں ھ.
CORPUS = [
    ("عبد الله", "محمد"),
    ("الله", "عبد"),
    ("بلال", "لا"),
    ("مُحَمَّد", "عَلِيّ"),
    ("فاطمة", "الزهراء"),
    ("صلاح", "الدين"),
    ("إسماعيل", "آل سعود"),
    ("أحمد", "بن سلمان"),
    ("پژمان", "چنگیزی"),
    ("گلاب", "کریمی"),
    ("یوسف", "ژاله"),
    ("ٹیپو", "ڈار"),
    ("گڑھ", "خاں"),
    ("ذوالفقار", "بھٹو"),
    ("نور الله", "رسول"),
]


def test_every_joined_form_is_in_the_font():
    covered = arabic_coverage()
    for given, family in CORPUS:
        for text in (given, family, f"{given} {family}", f"Mr. {given} {family}"):
            shown = visual(text)
            assert "\ufdf2" not in shown
            assert all(ord(ch) in covered for ch in shown if not ch.isspace()), (text, shown)


def test_the_list_of_participants_prints_the_corpus_without_a_warning(services, tmp_path):
    meeting = services.meetings.create(
        MeetingInput(
            "Meeting", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 3), "", "Geneva", treaty="CCM"
        )
    )
    d = services.registration.add_state_delegation(meeting.id, "Jordan")
    for given, family in CORPUS:
        services.registration.add_participant(d.id, ParticipantInput(family, given, "Mr."), same_name_ok=True)
    last = run_to_end(
        participants_pdf(services, meeting.id, tmp_path / "list.pdf", ListOptions(fonts=FontSet("sans", fallbacks=())))
    )
    assert last.warnings == ()
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "list.pdf").pages)
    assert "\ufdf2" not in text


def test_the_warning_names_the_script_and_the_name_as_typed():
    warning = missing_warning("Mr. 王小明", {"王", "小", "明"})
    assert warning.startswith("Mr. 王小明: ") and "(Chinese, Japanese or Korean)" in warning
    ethiopic = missing_warning("Ms. ሰላም", {"ሰ", "ላ", "ም"})
    assert "(Ethiopic)" in ethiopic and "Chinese" not in ethiopic


def test_urdu_letters_the_embedded_font_lacks_are_reported_as_arabic_script(services, tmp_path):
    """ہ (heh goal) and ے (yeh barree) are not in DejaVu Sans: with no Arabic font installed the export says so,
    naming the script and the name as typed (with Debian's fonts-noto-core they print)."""
    meeting = services.meetings.create(
        MeetingInput(
            "Meeting", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 3), "", "Geneva", treaty="CCM"
        )
    )
    d = services.registration.add_state_delegation(meeting.id, "Pakistan")
    services.registration.add_participant(d.id, ParticipantInput("خانزادہ", "شاہد", "Mr."))
    last = run_to_end(
        participants_pdf(services, meeting.id, tmp_path / "list.pdf", ListOptions(fonts=FontSet("sans", fallbacks=())))
    )
    (warning,) = last.warnings
    assert warning.startswith("Mr. شاہد خانزادہ: ") and "(Arabic)" in warning
