"""The documents write their strings' PDF operators directly (exports/fonts.py): byte for byte what reportlab's
drawString writes, repeated texts included, and the badges' shared band drawn once per category as a form."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from ccm_secretariat.exports.fonts import FontSet, text_operators
from ccm_secretariat.progress import run_to_end

MANY_GLYPHS = "".join(chr(c) for c in range(0x100, 0x380) if chr(c).isprintable())  # more than one subset


def _drawn_by_reportlab(fonts: FontSet, texts: list[tuple[str, float, str]], tmp_path) -> list[str]:
    canvas = Canvas(str(tmp_path / "reportlab.pdf"))
    for i, (text, size, style) in enumerate(texts):
        canvas.setFont(fonts.font(style), size)
        canvas.drawString(10 + i, 700.5 - i * 3.25, text)
    return canvas._code


def _drawn_by_the_desk(fonts: FontSet, texts: list[tuple[str, float, str]], tmp_path) -> list[str]:
    canvas = Canvas(str(tmp_path / "desk.pdf"))
    for i, (text, size, style) in enumerate(texts):
        fonts.draw(canvas, 10 + i, 700.5 - i * 3.25, text, size, style)
    return canvas._code


@pytest.mark.parametrize(
    "text",
    ["Mr. John SMITH", "Ministry (Foreign) Affairs \\ 100%", "Côte d'Ivoire", "ИВАНОВ Сергей", "a\u00a0b", MANY_GLYPHS],
)
def test_a_string_is_written_as_drawstring_writes_it(text, tmp_path):
    fonts = FontSet("sans", fallbacks=())
    reference = Canvas(str(tmp_path / "a.pdf"))
    reference.setFont(fonts.font("bold"), 9.3)
    reference.drawString(10.5, 20.25, text)
    direct = Canvas(str(tmp_path / "b.pdf"))
    direct.setFont(fonts.font("bold"), 9.3)
    direct._code.append(text_operators(direct, fonts.font("bold"), 10.5, 20.25, text, 9.3))
    assert direct._code == reference._code


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(
        st.tuples(
            st.sampled_from(["Minister", "Ministry of Foreign Affairs", "Côte d'Ivoire", "Ελλάδα", "Ана"])
            | st.text(alphabet=st.characters(categories=("L", "Zs", "Pd", "Po")), max_size=30),
            st.sampled_from([8.0, 8.5, 9.0]),
            st.sampled_from(["regular", "bold", "italic"]),
        ),
        max_size=30,
    )
)
def test_repeated_texts_in_a_document_are_written_as_drawstring_writes_them(texts, tmp_path_factory):
    """Texts repeat (the kept encodings and widths serve them again): the page is still drawString's, string
    after string, and the widths measured are reportlab's own."""
    tmp_path = tmp_path_factory.mktemp("ops")
    fonts = FontSet("sans", fallbacks=())
    simple = [(t, size, style) for t, size, style in texts if fonts.is_simple(t, style)]
    assert _drawn_by_the_desk(fonts, simple * 2, tmp_path) == _drawn_by_reportlab(fonts, simple * 2, tmp_path)
    for text, size, style in simple:
        assert fonts.width(text, size, style) == Canvas(str(tmp_path / "w.pdf")).stringWidth(
            text, fonts.font(style), size
        )


def test_the_kept_encodings_belong_to_one_document(tmp_path):
    """A FontSet used for two PDFs encodes again for the second: its subsets are its own."""
    fonts = FontSet("sans", fallbacks=())
    for name in ("one", "two"):
        canvas = Canvas(str(tmp_path / f"{name}.pdf"))
        fonts.draw(canvas, 72, 700, "Ελλάδα and Côte d'Ivoire", 12)
        canvas.save()
        assert "Ελλάδα and Côte d'Ivoire" in PdfReader(tmp_path / f"{name}.pdf").pages[0].extract_text()


def test_each_category_band_of_the_badges_is_one_form_placed_on_every_badge(services, tmp_path):
    from ccm_secretariat.documents.registry import DOCUMENTS
    from ccm_secretariat.domain.participants import ParticipantInput
    from tests.core.meetings import fourteenth_msp

    meeting = fourteenth_msp(services)
    reg = services.registration
    for state in ("Austria", "Belgium"):
        d = reg.add_state_delegation(meeting.id, state)
        for i in range(5):
            reg.add_participant(d.id, ParticipantInput(f"Name{i}", "Ann"))
    icrc = reg.add_organisation_delegation(meeting.id, "ICRC")
    reg.add_participant(icrc.id, ParticipantInput("Dubois", "Claire"))
    out = tmp_path / "badges.pdf"
    run_to_end(DOCUMENTS["badges"].job(services, meeting.id, "pdf", out))
    pages = PdfReader(out).pages
    placed: list[str] = []
    forms: dict[str, str] = {}
    for page in pages:
        placed += re.findall(r"/(\S+) Do", page.get_contents().get_data().decode("latin-1"))
        for name, form in page["/Resources"]["/XObject"].items():
            forms[name.lstrip("/")] = form.get_object().get_data().decode("latin-1")
    assert len(placed) == 11  # one a badge
    assert len(set(placed)) == 2  # States Parties, observer organisations
    for name in set(placed):
        assert " re f" in forms[name] and "Tj" in forms[name]  # the coloured band and its texts
    text = " ".join(page.extract_text() for page in pages)
    assert text.count("STATE PARTY") == 10 and text.count("OBSERVER ORGANISATION") == 1
    assert text.count("14MSP · 7–9 September 2026") == 11


def test_a_fallback_font_is_read_only_when_the_fonts_before_it_lack_a_character(monkeypatch, tmp_path):
    import ccm_secretariat.exports.fonts as fonts_module

    read: list[str] = []
    register = fonts_module._register
    monkeypatch.setattr(fonts_module, "_register", lambda path: read.append(path.name) or register(path))
    later = ("DejaVuSerif-Italic.ttf", "DejaVuSerif-Bold.ttf")
    fonts = FontSet("serif", fallbacks=tuple(str(fonts_module.FONT_DIR / name) for name in later))
    canvas = Canvas(str(tmp_path / "x.pdf"))
    read.clear()
    fonts.draw(canvas, 72, 700, "محمد", 12)  # the serif lacks Arabic: DejaVu Sans, the first fallback, has it
    assert [name for name in read if name in later] == [] and fonts.missing == {}
    fonts.draw(canvas, 72, 680, "中", 12)  # none has it: every fallback is tried, and the character reported
    assert [name for name in read if name in later] == list(later) and fonts.missing == {"中": {"中"}}
