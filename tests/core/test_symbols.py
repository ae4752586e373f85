import random

import pytest

from ccm_secretariat.domain.symbols import Series, normalise_prefix, parse_symbol, symbol_sort_key
from ccm_secretariat.errors import ValidationError

P = "CCM/CONF/2020"


def test_parse_main_and_special_series_with_suffixes():
    assert parse_symbol("CCM/CONF/2020/16", P).series is Series.MAIN
    parts = parse_symbol("CCM/CONF/2020/CRP.8/Rev.1", P)
    assert (parts.series, parts.number, parts.suffixes) == (Series.CRP, 8, (("Rev", 1),))
    chained = parse_symbol("CCM/CONF/2020/WP.3/Rev.1/Amend.1", P)
    assert chained.suffixes == (("Rev", 1), ("Amend", 1))
    assert chained.kind == "Working paper (WP.), amendment"
    assert parse_symbol("APLC/MSP.16/2017/INF.1", "APLC/MSP.16/2017").series is Series.INF


@pytest.mark.parametrize(
    "bad, fragment",
    [
        ("CCM/MSP/2019/1", "does not begin"),
        ("CCM/CONF/2020/", "after CCM/CONF/2020/"),
        ("CCM/CONF/2020/XY.1", "“XY.1”"),
        ("CCM/CONF/2020/WP.0", "WP.0"),
        ("CCM/CONF/2020/01", "“01”"),
        ("CCM/CONF/2020/1/Rev1", "“Rev1” is not a suffix"),
        ("CCM/CONF/2020/L.1/Revision.1", "is not a suffix"),
    ],
)
def test_malformed_symbols_are_refused_with_the_reason(bad, fragment):
    with pytest.raises(ValidationError) as info:
        parse_symbol(bad, P)
    assert fragment in str(info.value)
    assert info.value.field == "symbol"


def test_natural_order_main_then_special_series():
    ordered = [
        "CCM/CONF/2020/1",
        "CCM/CONF/2020/2",
        "CCM/CONF/2020/10",
        "CCM/CONF/2020/10/Add.1",
        "CCM/CONF/2020/10/Rev.1",
        "CCM/CONF/2020/L.1",
        "CCM/CONF/2020/WP.2",
        "CCM/CONF/2020/WP.10",
        "CCM/CONF/2020/CRP.8",
        "CCM/CONF/2020/CRP.8/Rev.1",
        "CCM/CONF/2020/INF.1",
        "CCM/CONF/2020/MISC.1",
    ]
    shuffled = ordered[:]
    random.Random(3).shuffle(shuffled)
    assert sorted(shuffled, key=lambda s: parse_symbol(s, P).sort_key()) == ordered
    assert sorted(shuffled, key=symbol_sort_key) == ordered


def test_prefix_validation():
    assert normalise_prefix(" CCM/MSP/2026/ ") == "CCM/MSP/2026"
    with pytest.raises(ValidationError):
        normalise_prefix("ccm msp 2026")
