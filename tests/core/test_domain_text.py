import datetime as dt

import pytest

from ccm_secretariat.domain.names import fold, match_key, un_sort_key
from ccm_secretariat.domain.prose import (
    join_names,
    number_in_words,
    ordinal_in_words,
    un_date,
    un_date_range,
    un_date_span_words,
)


def test_english_order_ignores_accents_and_case():
    names = ["Croatia", "Côte d'Ivoire", "Costa Rica", "cuba", "Türkiye", "Turkmenistan", "Tuvalu", "Åland"]
    assert sorted(names, key=un_sort_key) == [
        "Åland",
        "Costa Rica",
        "Côte d'Ivoire",
        "Croatia",
        "cuba",
        "Türkiye",
        "Turkmenistan",
        "Tuvalu",
    ]
    # A plain code-point sort gets it wrong:
    assert sorted(["Croatia", "Côte d'Ivoire", "Costa Rica"]) != ["Costa Rica", "Côte d'Ivoire", "Croatia"]


def test_folding_for_search_and_matching():
    assert fold("Müller") == "muller"
    assert "cote" in fold("Côte d'Ivoire")
    assert fold("Łukasz Søren ß") == "lukasz soren ss"
    assert match_key("Cote d’Ivoire") == match_key("CÔTE D'IVOIRE")


@pytest.mark.parametrize(
    "names, serial, expected",
    [
        (["Angola"], True, "Angola"),
        (["Angola", "Cyprus"], True, "Angola and Cyprus"),
        (["Angola", "Cyprus", "Indonesia"], True, "Angola, Cyprus, and Indonesia"),
        (["Angola", "Cyprus", "Indonesia"], False, "Angola, Cyprus and Indonesia"),
        ([], True, ""),
    ],
)
def test_join_names(names, serial, expected):
    assert join_names(names, serial_comma=serial) == expected


def test_numbers_and_dates_in_words():
    assert number_in_words(9) == "nine"
    assert number_in_words(21) == "twenty-one"
    assert number_in_words(140) == "140"
    assert [ordinal_in_words(n) for n in (1, 2, 3, 9, 12, 20, 21, 101)] == [
        "first",
        "second",
        "third",
        "ninth",
        "twelfth",
        "twentieth",
        "twenty-first",
        "101st",
    ]
    assert un_date(dt.date(2020, 11, 25)) == "25 November 2020"
    assert un_date_range(dt.date(2020, 11, 25), dt.date(2020, 11, 27)) == "25-27 November 2020"
    assert un_date_range(dt.date(2020, 11, 30), dt.date(2020, 12, 2)) == "30 November-2 December 2020"
    assert un_date_span_words(dt.date(2020, 11, 25), dt.date(2020, 11, 27)) == "from 25 to 27 November 2020"


def test_right_to_left_names_keep_their_own_direction_in_a_sentence():
    from ccm_secretariat.domain.prose import FSI, PDI
    from ccm_secretariat.exports.fonts import visual

    sentence = "Observers: " + join_names(["Chile", "مصر", "Peru"]) + ", 12 in all."
    assert f"{FSI}مصر{PDI}" in sentence and "Chile" in sentence
    shown = visual(sentence)
    assert FSI not in shown and PDI not in shown
    # The Arabic name stays between its commas; the number after it is not pulled into its run.
    assert shown.index("Chile") < shown.index("Peru") < shown.index("12 in all")
    assert visual("Chile and Peru") == "Chile and Peru"


def test_a_hyphen_sorts_like_a_space():
    names = ["Environmental Quality", "Environment-People-Law", "Environment Watch"]
    assert sorted(names, key=un_sort_key) == ["Environment-People-Law", "Environment Watch", "Environmental Quality"]
    assert match_key("Guinea-Bissau") == match_key("Guinea Bissau") == match_key("GUINEA BISSAU")
