"""Edges of a registration file found in review: an encoding that is not a text encoding, a bare year in a date
column, and function titles that mention a minister without being one."""

from __future__ import annotations

import pytest

from ccm_secretariat.domain.dates import file_date
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.imports.encoding import decode
from ccm_secretariat.imports.values import HEAD_RANKS, protocol_rank


@pytest.mark.parametrize("codec", ["base64", "hex", "rot13"])
def test_a_codec_that_is_not_a_text_encoding_is_refused_with_a_message(codec):
    with pytest.raises(ValidationError, match="not a text encoding"):
        decode(b"Name\nMaria\n", "file.csv", codec)


@pytest.mark.parametrize("text", ["2025", "12345", "1999"])
def test_a_bare_year_or_a_number_far_from_today_is_not_an_excel_date(text):
    with pytest.raises(ValueError):
        file_date(text)


def test_an_excel_day_number_of_these_years_is_a_date():
    assert str(file_date("46236")) == "2026-08-02" and str(file_date("46236.5")) == "2026-08-02"


@pytest.mark.parametrize(
    "function",
    ["Minister Plenipotentiary", "Adviser to the Minister of Defence", "Counsellor, Office of the Minister"],
)
def test_a_function_that_mentions_a_minister_does_not_head_a_delegation(function):
    assert protocol_rank(function) >= HEAD_RANKS
    assert protocol_rank(function) > protocol_rank("Ambassador, Permanent Representative")


def test_a_minister_and_an_ambassador_head_in_that_order():
    assert protocol_rank("Minister of Foreign Affairs") < protocol_rank("Ambassador") < HEAD_RANKS


def test_a_director_from_the_capital_ranks_among_the_diplomatic_titles_not_after_them():
    order = [
        "Ambassador, Permanent Representative",
        "Minister Counsellor",
        "Director, Arms Control Division",
        "Counsellor",
        "Deputy Director, Disarmament Department",
        "First Secretary",
        "Third Secretary",
        "Attaché",
        "Legal Adviser",
    ]
    ranks = [protocol_rank(f) for f in order]
    assert ranks == sorted(ranks), list(zip(order, ranks))
    assert protocol_rank("Director") < protocol_rank("Third Secretary") < protocol_rank("Expert")
    assert protocol_rank("Directeur général") == protocol_rank("Director-General") == protocol_rank("Director")
    assert protocol_rank("Head of Division, Ministry of Defence") == protocol_rank("Counsellor")
    # No director heads a delegation by rank alone.
    assert protocol_rank("Director") >= HEAD_RANKS
