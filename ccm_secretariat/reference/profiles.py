"""Convention profiles: what makes a convention's meetings its own, read from one TOML file per convention
(`resources/reference/conventions/*.toml`; the format is in the README). Every error names the file and the field."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from ccm_secretariat.application import APP_ID
from ccm_secretariat.domain.entry_into_force import Counting, EntryIntoForceRule, WithdrawalRule
from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.domain.obligations import NO_OBLIGATIONS, ArticleRule, ReportRule, TreatyPeriods
from ccm_secretariat.environment import CONVENTIONS
from ccm_secretariat.errors import NotFoundError, ValidationError
from ccm_secretariat.reference.files import REFERENCE_DIR

CONVENTIONS_DIR = REFERENCE_DIR / "conventions"
STATUSES = ("party", "ratified_not_in_force", "signatory", "not_signatory", "organisation")
HEADINGS = ("view", "short", "sheet", "list", "badge", "report")
KEY_LENGTH = 32  # what the database stores (orm.base.CATEGORY_KEY_LENGTH)


class ProfileError(ValidationError):
    """A profile file that cannot be used: the message names the file and the field."""


class CategoryError(ValidationError):
    """A category key the meeting's convention does not have (the database stores any key; the profile decides)."""


@dataclass(frozen=True)
class CategoryProfile:
    """One participation category: its key (what the database stores), the treaty status or the rule of procedure
    that puts a delegation in it, and its heading in each place it is shown."""

    key: str
    status: str  # one of STATUSES
    view: str  # the registration page's heading
    short: str  # beside a bar of the overview
    sheet: str  # the workbook's sheet (31 characters at most)
    list: str  # the list of participants' heading
    badge: str  # the badge's band
    report: str  # the report's sentence: {names}, {body}
    colour: str  # the badge band's default colour, #RRGGBB
    rule: str = ""  # organisations: the rule of procedure that admits them, as the profile numbers it
    rule_wording: str = ""  # how a sentence cites the rule (the profile's own words)
    admits: str = ""  # whom the rule admits
    # Its headings in the other document languages: {"fr": {"list": …, "sheet": …, "view": …}} (the table `in`)
    translated: dict[str, dict[str, str]] = field(default_factory=dict)
    file: str = ""  # the profile it comes from, for messages

    def heading(self, place: str, language: str) -> str:
        """Its heading in one place (list, sheet, view, badge) in a document language; a language the profile gives no
        heading in is refused by name, never written in another convention's words or in English."""
        if language == "en":
            return str(getattr(self, place))
        found = self.translated.get(language, {}).get(place)
        if not found:
            raise ProfileError(
                f"{self.file}: the category “{self.key}” has no heading in “{language}” for the {place} "
                f"(in.{language}.{place}); add it to write this convention's documents in that language.",
                "language",
            )
        return found

    @property
    def is_state(self) -> bool:
        return self.status != "organisation"


@dataclass(frozen=True)
class ConventionProfile:
    short_name: str  # "ATT"
    full_name: str  # "Arms Trade Treaty"
    cited_as: str  # "the Treaty"
    meeting_names: tuple[str, ...]
    categories: tuple[CategoryProfile, ...]  # in the documents' order
    entry_into_force: EntryIntoForceRule
    withdrawal: WithdrawalRule
    status_file: str = ""  # a status list under resources/reference, sourced row by row; "" when none is shipped
    file: str = ""
    # Extension requests, by the article of the obligation ("3", "4"): what a request is for, as the report
    # says it in English, and the article that provides for it: {"3": ("to complete the destruction of ...",
    # "3.2")}. Empty for a convention without such requests.
    requests: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The time-bound obligations the tracker follows ([obligations]); none when the profile gives none.
    obligations: TreatyPeriods = NO_OBLIGATIONS
    # The convention's own words in the other document languages (the table `[in.fr]`): its name, how it is cited,
    # its meetings' names and bodies, what an extension request is for (the report's sentences use them).
    words: dict[str, dict[str, Any]] = field(default_factory=dict)

    def in_language(self, language: str, key: str) -> Any:
        """One of the convention's words in a document language (`[in.fr] key`); refused by name when the profile
        does not give it, never written in another convention's words or in English."""
        found = self.words.get(language, {}).get(key)
        if not found:
            raise ProfileError(
                f"{self.file}: the convention gives no “{key}” in “{language}” (in.{language}.{key}); add it to "
                "write this convention's report in that language.",
                "language",
            )
        return found

    def request(self, article: str) -> tuple[str, str]:
        """(what a request under `article` is for, the article providing for it), or a ProfileError naming it."""
        if article not in self.requests:
            raise ProfileError(
                f'{self.file}: no [requests."{article}"] (what an extension request under Article {article} is '
                "for, and the article providing for it).",
                "requests",
            )
        return self.requests[article]

    @property
    def keys(self) -> tuple[str, ...]:
        """The categories' keys in the documents' order."""
        return tuple(c.key for c in self.categories)

    def category(self, key: str) -> CategoryProfile:
        """The category stored as `key`, or a clear refusal naming the convention's categories."""
        key = key_of(key)
        for c in self.categories:
            if c.key == key:
                return c
        known = ", ".join(f"“{c.key}”" for c in self.categories)
        raise CategoryError(
            f"the {self.short_name} has no participation category “{key}” (its categories: {known}).", "category"
        )

    def named(self, text: str) -> CategoryProfile:
        """A category by its key or any of its headings (any case; spaces, hyphens and underscores alike), or a
        clear refusal naming the convention's keys."""
        wanted = _plain(text)
        for c in self.categories:
            if wanted in {_plain(name) for name in (c.key, c.view, c.short, c.sheet, c.list, c.badge)}:
                return c
        known = ", ".join(self.keys)
        raise CategoryError(f"the {self.short_name} has no category “{text}”; its categories are {known}.", "category")

    def rank(self, key: str) -> int:
        """Where a category comes in the documents' order (a key the profile lacks comes last)."""
        keys = self.keys
        return keys.index(key) if key in keys else len(keys)

    def organisation_category(self, default_rule: str, chosen: str = "") -> CategoryProfile:
        """The category of an organisation with no rule of its own at this convention: `chosen` (a key or a rule
        of one of its organisation categories) when given, else the first organisation category for an
        organisation the rules name (its default rule in the reference data, "1(2)"), the second (or the only one)
        for one invited ("1(3)"); a further organisation category only by choice."""
        organisations = [c for c in self.categories if c.status == "organisation"]
        if chosen:
            found = next((c for c in organisations if chosen in (c.key, c.rule)), None)
            if found is None:
                known = ", ".join(f"“{c.view}”" for c in organisations)
                raise CategoryError(
                    f"the {self.short_name} has no organisation category “{chosen}”; its organisation categories "
                    f"are {known}.",
                    "category",
                )
            return found
        named = default_rule == Rule.RULE_1_2  # the reference data's default rule of an organisation named
        return organisations[0] if named or len(organisations) == 1 else organisations[1]

    def for_status(self, status: str) -> CategoryProfile:
        """The category a State's status puts it in ("party", "signatory", ...)."""
        return next(c for c in self.categories if c.status == status)

    def organisation_rules(self) -> dict[str, CategoryProfile]:
        return {c.rule: c for c in self.categories if c.status == "organisation"}


def _plain(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def key_of(value: str) -> str:
    """A category key as stored, also when a caller holds it as a member of an enum of keys."""
    return str(value.value) if isinstance(value, Enum) else value


def _field(data: dict[str, Any], name: str, where: str, kind: type, required: bool = True) -> Any:
    value = data.get(name)
    if value is None:
        if required:
            raise ProfileError(f"{where}: the field “{name}” is missing.", name)
        return kind()
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ProfileError(f"{where}: “{name}” should be a {kind.__name__}, not {value!r}.", name)
    if isinstance(value, str) and required and not value.strip():
        raise ProfileError(f"{where}: “{name}” is empty.", name)
    return value


def _counting(data: dict[str, Any], where: str) -> tuple[Counting, int, str]:
    text = _field(data, "counting", where, str)
    try:
        counting = Counting(text)
    except ValueError:
        choices = ", ".join(c.value for c in Counting)
        raise ProfileError(f"{where}: counting “{text}” is not one of {choices}.", "counting") from None
    n = _field(data, "n", where, int, required=counting is not Counting.ON_DEPOSIT)
    if n < 0 or (n == 0 and counting is not Counting.ON_DEPOSIT):
        raise ProfileError(f"{where}: n should be a positive number, not {n}.", "n")
    return counting, n, _field(data, "source", where, str, required=False)


def _category(data: Any, where: str) -> CategoryProfile:
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: should be a table of fields.", "categories")
    key = _field(data, "key", where, str)
    if len(key) > KEY_LENGTH or not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in key):
        raise ProfileError(
            f"{where}: key “{key}” should be at most {KEY_LENGTH} letters, digits or underscores (what the database "
            "stores).",
            "key",
        )
    status = _field(data, "status", where, str)
    if status not in STATUSES:
        raise ProfileError(f"{where}: status “{status}” is not one of {', '.join(STATUSES)}.", "status")
    organisation = status == "organisation"
    values = {h: _field(data, h, where, str) for h in HEADINGS}
    colour = _field(data, "colour", where, str)
    if len(colour) != 7 or colour[0] != "#" or any(ch not in "0123456789abcdefABCDEF" for ch in colour[1:]):
        raise ProfileError(f"{where}: colour “{colour}” is not #RRGGBB.", "colour")
    if len(values["sheet"]) > 31:
        raise ProfileError(f"{where}: sheet “{values['sheet']}” is longer than Excel's 31 characters.", "sheet")
    rule = _field(data, "rule", where, str, required=organisation)
    wording = _field(data, "rule_wording", where, str, required=organisation)
    admits = _field(data, "admits", where, str, required=False)
    try:
        values["report"].format(names="", body="", rule_wording=wording)
    except (KeyError, IndexError, ValueError):
        raise ProfileError(
            f"{where}: report may use only {{names}}, {{body}} and {{rule_wording}}.", "report"
        ) from None
    values["report"] = values["report"].replace("{rule_wording}", wording)
    translated = _translated(data.get("in", {}), where)
    file = where.split(":")[0]
    return CategoryProfile(
        key, status, colour=colour.upper(), rule=rule, rule_wording=wording, admits=admits, translated=translated,
        file=file, **values,
    )  # fmt: skip


TRANSLATED_PLACES = ("list", "sheet", "view", "badge", "report")


def _translated(data: Any, where: str) -> dict[str, dict[str, str]]:
    """A category's headings in other languages: `in.fr = { list = "…", sheet = "…", view = "…" }`."""
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ProfileError(f"{where}: `in` should give a table of headings per language.", "in")
    for language, headings in data.items():
        unknown = set(headings) - set(TRANSLATED_PLACES)
        if unknown or not all(isinstance(v, str) and v.strip() for v in headings.values()):
            raise ProfileError(
                f"{where}: in.{language} gives {', '.join(TRANSLATED_PLACES)} as text ({', '.join(sorted(unknown))}).",
                "in",
            )
        if len(headings.get("sheet", "")) > 31:
            raise ProfileError(f"{where}: in.{language}.sheet is longer than Excel's 31 characters.", "sheet")
    return {language: dict(headings) for language, headings in data.items()}


def parse_profile(data: dict[str, Any], file: str) -> ConventionProfile:
    """A profile from the tables of its file; `file` names it in every error."""
    eif = data.get("entry_into_force")
    withdrawal = data.get("withdrawal")
    if not isinstance(eif, dict):
        raise ProfileError(f"{file}: the table [entry_into_force] is missing.", "entry_into_force")
    if not isinstance(withdrawal, dict):
        raise ProfileError(f"{file}: the table [withdrawal] is missing.", "withdrawal")
    general = eif.get("general")
    if general is not None and not isinstance(general, dt.date):
        raise ProfileError(f"{file}: entry_into_force.general should be a date (2014-12-24).", "general")
    raw = data.get("categories")
    if not isinstance(raw, list) or not raw:
        raise ProfileError(f"{file}: no [[categories]] are given.", "categories")
    categories = tuple(_category(c, f"{file}: categories[{i + 1}]") for i, c in enumerate(raw))
    keys = [c.key for c in categories]
    for key in keys:
        if keys.count(key) > 1:
            raise ProfileError(f"{file}: the category key “{key}” is given twice.", "key")
    for status in STATUSES:
        if not any(c.status == status for c in categories):
            raise ProfileError(f"{file}: no category is given for the status “{status}”.", "categories")
    rules = [c.rule for c in categories if c.status == "organisation"]
    for rule in rules:
        if rules.count(rule) > 1:
            raise ProfileError(f"{file}: the rule “{rule}” admits two categories.", "rule")
    meeting_names = _field(data, "meeting_names", file, list)
    if not meeting_names or not all(isinstance(n, str) and n for n in meeting_names):
        raise ProfileError(f"{file}: meeting_names should be a list of names.", "meeting_names")
    counting, n, source = _counting(eif, f"{file}: entry_into_force")
    w_counting, w_n, w_source = _counting(withdrawal, f"{file}: withdrawal")
    return ConventionProfile(
        short_name=_field(data, "short_name", file, str),
        full_name=_field(data, "full_name", file, str),
        cited_as=_field(data, "cited_as", file, str),
        meeting_names=tuple(meeting_names),
        categories=categories,
        entry_into_force=EntryIntoForceRule(counting, n, general, source),
        withdrawal=WithdrawalRule(w_counting, w_n, w_source),
        status_file=_field(data, "status_file", file, str, required=False),
        file=file,
        requests=_requests(data.get("requests", {}), file),
        obligations=_obligations(data.get("obligations"), file),
        words=_words(data.get("in", {}), file),
    )


def _words(data: Any, file: str) -> dict[str, dict[str, Any]]:
    """[in.fr] full_name = "…", cited_as = "…", bodies = {…}, meetings = {…}, titles = {…}, requests = {…}."""
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ProfileError(f"{file}: [in] should give a table of words per language ([in.fr]).", "in")
    return {language: dict(words) for language, words in data.items()}


def _requests(data: Any, file: str) -> dict[str, tuple[str, str]]:
    """[requests."3"] purpose = "to complete the destruction of ...", article = "3.2"."""
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ProfileError(f"{file}: [requests] should give a table per article.", "requests")
    return {
        article: (
            _field(table, "purpose", f"{file}: requests.{article}", str),
            _field(table, "article", f"{file}: requests.{article}", str),
        )
        for article, table in data.items()
    }


def _obligations(data: Any, file: str) -> TreatyPeriods:
    """[obligations] requests_due_months_before = 9 (given when a request can extend a deadline), then a table per
    obligation the convention sets:
    destruction and clearance (article, years, extension_years, from_hostilities), initial_report (article, days),
    annual_report (article, month, day). A table left out is an obligation the convention does not set."""
    if data is None:
        return NO_OBLIGATIONS
    where = f"{file}: obligations"
    known = {"requests_due_months_before", "destruction", "clearance", "initial_report", "annual_report"}
    if not isinstance(data, dict) or set(data) - known:
        unknown = ", ".join(sorted(set(data) - known)) if isinstance(data, dict) else repr(data)
        raise ProfileError(f"{where}: gives only {', '.join(sorted(known))} (not {unknown}).", "obligations")
    tables = {name: data.get(name) for name in ("destruction", "clearance", "initial_report", "annual_report")}
    for name, table in tables.items():
        if table is not None and not isinstance(table, dict):
            raise ProfileError(f"{where}.{name}: should be a table of fields.", name)
    destruction = _article_rule(tables["destruction"], f"{where}.destruction")
    clearance = _article_rule(tables["clearance"], f"{where}.clearance")
    extended = any(a is not None and a.extension_years for a in (destruction, clearance))  # requests due when?
    months = _field(data, "requests_due_months_before", where, int, required=extended)
    return TreatyPeriods(
        destruction,
        clearance,
        _report_rule(tables["initial_report"], f"{where}.initial_report", ("days",)),
        _report_rule(tables["annual_report"], f"{where}.annual_report", ("month", "day")),
        _positive(months, where, "requests_due_months_before", 120) if extended else months,
    )  # fmt: skip


def _positive(value: int, where: str, name: str, highest: int = 10_000) -> int:
    if not 0 < value <= highest:
        raise ProfileError(f"{where}: “{name}” should be a number from 1 to {highest}, not {value}.", name)
    return value


def _article_rule(data: dict[str, Any] | None, where: str) -> ArticleRule | None:
    if data is None:
        return None
    extension = _field(data, "extension_years", where, int, required=False)
    if extension < 0:
        raise ProfileError(f"{where}: “extension_years” should be 0 (none) or more, not {extension}.", "extension")
    return ArticleRule(
        _field(data, "article", where, str), _positive(_field(data, "years", where, int), where, "years", 100),
        extension, _field(data, "from_hostilities", where, bool, required=False),
    )  # fmt: skip


def _report_rule(data: dict[str, Any] | None, where: str, numbers: tuple[str, ...]) -> ReportRule | None:
    if data is None:
        return None
    article = _field(data, "article", where, str)
    values = {n: _field(data, n, where, int) for n in numbers}
    if "days" in values:
        return ReportRule(article, days=_positive(values["days"], where, "days", 3660))
    try:
        dt.date(2001, values["month"], values["day"])  # a common year: 29 February is refused
    except ValueError:
        day = f"month {values['month']}, day {values['day']}"
        raise ProfileError(f"{where}: {day} is not a day of every year.", "day") from None
    return ReportRule(article, month=values["month"], day=values["day"])


def load_profile(path: Path) -> ConventionProfile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{path.name}: not a TOML file the desk can read ({e}).", "file") from None
    profile = parse_profile(data, path.name)
    if profile.status_file and not (path.parent.parent / profile.status_file).is_file():
        raise ProfileError(f"{path.name}: status_file “{profile.status_file}” is not beside it.", "status_file")
    return profile


def load_profiles(folder: Path) -> dict[str, ConventionProfile]:
    """Every profile in `folder`, by short name, in the order of their files' names."""
    profiles: dict[str, ConventionProfile] = {}
    for path in sorted(folder.glob("*.toml")):
        profile = load_profile(path)
        if profile.short_name in profiles:
            other = profiles[profile.short_name].file
            raise ProfileError(f"{path.name}: short_name “{profile.short_name}” is {other}'s too.", "short_name")
        profiles[profile.short_name] = profile
    return profiles


def own_conventions_dir() -> Path:
    """Where a secretariat puts profiles of its own: CCM_SECRETARIAT_CONVENTIONS, or `conventions` in the user's
    data folder (`~/.local/share/ccm-secretariat/conventions` on Linux)."""
    named = CONVENTIONS.text()
    if named:
        return Path(named)
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False) / "conventions"


@cache
def shipped_profiles() -> dict[str, ConventionProfile]:
    """The profiles shipped with the desk, then a secretariat's own (which may not reuse a shipped short name)."""
    profiles = load_profiles(CONVENTIONS_DIR)
    own = own_conventions_dir()
    if own.is_dir():
        for short_name, added in load_profiles(own).items():
            if short_name in profiles:
                raise ProfileError(f"{added.file}: short_name “{short_name}” is a shipped convention's.", "short_name")
            profiles[short_name] = added
    return profiles


def profile(short_name: str) -> ConventionProfile:
    """The shipped profile of the convention called `short_name`."""
    found = shipped_profiles().get(short_name)
    if found is None:
        known = ", ".join(shipped_profiles())
        raise NotFoundError(f"no convention is called “{short_name}” (the desk knows {known}).", "treaty")
    return found
