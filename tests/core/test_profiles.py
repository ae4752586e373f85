"""Convention profiles: the shipped CCM profile is the desk as it was; a broken file is refused naming the file
and the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ccm_secretariat.domain.entry_into_force import Counting
from ccm_secretariat.errors import NotFoundError, ValidationError
from ccm_secretariat.reference.profiles import CONVENTIONS_DIR, ProfileError, load_profiles, profile
from ccm_secretariat.services.meetings import ReportSettings

CCM_TEXT = (CONVENTIONS_DIR / "ccm.toml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "x.toml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


# The participation sentences the desk wrote before conventions were profiles (the CCM's, word for word).
BEFORE_PROFILES = dict(
    state_party="The following States Parties to the Convention participated in the work of the {body}: {names}.",
    signatory="The following States signatories to the Convention participated in the work of the {body} "
    "as observers: {names}.",
    ratified_not_in_force="The following States that have ratified or acceded to the Convention, but for "
    "which it has not yet entered into force, participated in the work of the {body} as observers: {names}.",
    observer_state="{names} also participated in the work of the {body} as observers.",
    rule_1_2="The {names} also participated in the work of the {body} as observers, pursuant to rule 1 (2) "
    "of the rules of procedure.",
    rule_1_3="The {names} also took part in the work of the {body} as observers, pursuant to rule 1 (3) "
    "of the rules of procedure.",
)


# The short headings the desk's code held before the profiles (the overview's), by the keys databases store.
SHORT_BEFORE = {
    "state_party": "States Parties",
    "signatory": "Signatory States",
    "ratified_not_in_force": "Ratified, not in force",
    "observer_state": "Other observer States",
    "rule_1_2": "Rule 1(2) organisations",
    "rule_1_3": "Rule 1(3) organisations",
}


def test_the_ccm_profile_words_everything_as_the_desk_did() -> None:
    ccm = profile("CCM")
    assert ccm.full_name == "Convention on Cluster Munitions" and ccm.cited_as == "the Convention"
    assert list(ccm.keys) == list(SHORT_BEFORE)  # the keys existing databases store
    assert ReportSettings.for_convention(ccm).sentences == BEFORE_PROFILES  # the sentences the desk wrote before
    assert {c.key: c.short for c in ccm.categories} == SHORT_BEFORE
    assert ccm.category("ratified_not_in_force").view == (
        "States that have ratified or acceded but for which the Convention is not yet in force"
    )
    assert ccm.entry_into_force.counting is Counting.FIRST_DAY_OF_NTH_MONTH
    assert ccm.entry_into_force.for_deposit(dt.date(2019, 9, 27)) == dt.date(2020, 3, 1)
    assert ccm.withdrawal.effective(dt.date(2024, 9, 6)) == dt.date(2025, 3, 6)
    assert ccm.organisation_rules()["1(2)"].rule_wording == "pursuant to rule 1 (2) of the rules of procedure"


def test_every_shipped_profile_loads_with_its_own_names() -> None:
    from ccm_secretariat.reference.profiles import shipped_profiles

    profiles = shipped_profiles()
    assert "CCM" in profiles
    for p in profiles.values():
        assert p.full_name and p.meeting_names and p.categories
        if p.short_name != "CCM":
            assert all("Cluster" not in c.report + c.list + c.view for c in p.categories), p.short_name


def test_an_unknown_convention_is_named() -> None:
    with pytest.raises(NotFoundError, match="no convention is called “XYZ”"):
        profile("XYZ")


@pytest.mark.parametrize(
    ("change", "message", "field"),
    [
        (('short_name = "CCM"\n', ""), "ccm.toml: the field “short_name” is missing", "short_name"),
        (("n = 6\ngeneral", "n = 0\ngeneral"), "ccm.toml: entry_into_force: n should be a positive number", "n"),
        (
            ('counting = "months_after"', 'counting = "fortnights"'),
            "ccm.toml: withdrawal: counting “fortnights” is not one of",
            "counting",
        ),
        (
            ('colour = "#1F4E9A"', 'colour = "blue"'),
            "ccm.toml: categories\\[1\\]: colour “blue” is not #RRGGBB",
            "colour",
        ),
        (
            ('key = "signatory"', 'key = "friends of the court"'),
            "categories\\[2\\]: key “friends of the court” should be at most 32 letters, digits or underscores",
            "key",
        ),
        (('rule = "1(3)"', 'rule = "1(2)"'), "ccm.toml: the rule “1\\(2\\)” admits two categories", "rule"),
        (('status = "signatory"', 'status = "friend"'), "categories\\[2\\]: status “friend” is not one of", "status"),
        (('rule = "1(2)"\n', ""), "categories\\[5\\]: the field “rule” is missing", "rule"),
        (("{names} also participated", "{nmes} also participated"), "categories\\[4\\]: report may use only", "report"),
        (
            ("general = 2010-08-01", 'general = "soon"'),
            "ccm.toml: entry_into_force.general should be a date",
            "general",
        ),
        (
            ('status_file = "ccm_status.tsv"', 'status_file = "none.tsv"'),
            "status_file “none.tsv” is not beside",
            "status_file",
        ),
        (("meeting_names = [", "meeting_names = 3 #"), "ccm.toml: “meeting_names” should be a list", "meeting_names"),
        (("[withdrawal]", "[withdrawn]"), "ccm.toml: the table \\[withdrawal\\] is missing", "withdrawal"),
        (("short_name", "short_name short_name"), "ccm.toml: not a TOML file the desk can read", "file"),
        (('cited_as = "the Convention"', 'cited_as = " "'), "ccm.toml: “cited_as” is empty", "cited_as"),
        (('sheet = "Signatory States"', 'sheet = "' + "S" * 32 + '"'), "longer than Excel's 31 characters", "sheet"),
        (
            ("[entry_into_force]", "[entry]"),
            "ccm.toml: the table \\[entry_into_force\\] is missing",
            "entry_into_force",
        ),
        (('key = "signatory"', 'key = "state_party"'), "the category key “state_party” is given twice", "key"),
        (
            ("meeting_names = [", "meeting_names = [3, "),
            "ccm.toml: meeting_names should be a list of names",
            "meeting_names",
        ),
        (("n = 6\ngeneral", 'n = "six"\ngeneral'), "entry_into_force: “n” should be a int", "n"),
    ],
)
def test_a_broken_profile_names_its_file_and_field(
    tmp_path: Path, change: tuple[str, str], message: str, field: str
) -> None:
    old, new = change
    assert old in CCM_TEXT
    folder = tmp_path / "conventions"
    folder.mkdir()
    (tmp_path / "ccm_status.tsv").write_text("state\n", encoding="utf-8")
    write(folder, CCM_TEXT.replace(old, new, 1), "ccm.toml")
    with pytest.raises(ProfileError, match=message) as raised:
        load_profiles(folder)
    assert raised.value.field == field


def test_two_files_for_one_convention_are_refused(tmp_path: Path) -> None:
    text = CCM_TEXT.replace('status_file = "ccm_status.tsv"\n', "")
    write(tmp_path, text, "a.toml")
    write(tmp_path, text, "b.toml")
    with pytest.raises(ProfileError, match="b.toml: short_name “CCM” is a.toml's too"):
        load_profiles(tmp_path)


def test_a_category_per_status_is_required(tmp_path: Path) -> None:
    text = CCM_TEXT.replace('status_file = "ccm_status.tsv"\n', "").replace('status = "signatory"', 'status = "party"')
    with pytest.raises(ProfileError, match="x.toml: no category is given for the status “signatory”"):
        load_profiles(write(tmp_path, text))


def test_a_category_or_convention_the_profile_lacks_is_named() -> None:
    from ccm_secretariat.orm import Treaty
    from ccm_secretariat.reference.treaties import entry_into_force_rule, meeting_profile

    ccm = profile("CCM")
    assert ccm.category("rule_1_2").is_state is False and ccm.category("state_party").is_state
    with pytest.raises(
        ValidationError, match="the CCM has no participation category “friends” \\(its categories: “state_party”"
    ):
        ccm.category("friends")
    with pytest.raises(NotFoundError, match="the treaty “XYZ” has no convention profile"):
        meeting_profile("XYZ")
    own = Treaty(short_name="XYZ", title="X", general_entry_into_force=dt.date(2000, 1, 1), months_after_deposit=3)
    assert entry_into_force_rule(own).for_deposit(dt.date(2020, 1, 15)) == dt.date(2020, 4, 1)
