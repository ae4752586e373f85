"""Fitting a badge's or nameplate's text takes a short cut when the whole text fits on one line at the largest
size: the answer is the one the full search of line breaks gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ccm_secretariat.exports.fitting import best_breaks, fit
from ccm_secretariat.exports.fonts import FontSet

FONTS = FontSet("sans", fallbacks=())


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.characters(categories=("L", "Zs", "Pd", "Po")), min_size=1, max_size=80)
    | st.sampled_from(["Mr. John", "United Kingdom of Great Britain and Northern Ireland", "Côte d'Ivoire"]),
    width=st.floats(min_value=20, max_value=400),
    height=st.floats(min_value=5, max_value=120),
    max_size=st.sampled_from([7.0, 10.5, 17.0, 48.0]),
    style=st.sampled_from(["regular", "bold"]),
    max_lines=st.integers(min_value=1, max_value=3),
)
def test_the_short_cut_gives_what_the_full_search_gives(text, width, height, max_size, style, max_lines):
    words = text.split()
    if not words:
        return
    assert fit(FONTS, text, width, height, max_size, style, max_lines) == best_breaks(
        FONTS, words, width, height, max_size, style, max_lines
    )


def test_a_short_name_in_a_wide_box_is_one_line_at_the_largest_size():
    fitted = fit(FONTS, "  Mr.   John  ", 300, 40, 12, "regular", 2)
    assert fitted.size == 12 and fitted.lines == ("Mr. John",)
