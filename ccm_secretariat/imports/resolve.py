"""Which State or organisation a row's delegation or country names.

States are recognised by their UN short name, the aliases in the reference data, ISO 3166 alpha-2 and alpha-3
codes, the English, French and Spanish names of the Unicode CLDR (babel's data: Indico's country field uses the
CLDR English names) and the ISO 3166 names (pycountry: "Korea, Republic of"). Case, accents, punctuation and
apostrophe style are ignored. A permanent mission's or an embassy's name resolves to its State. A name that two
States could carry resolves to neither: what is not certain is left for the secretary to match by hand.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccm_secretariat.domain.names import match_key, un_sort_key

if TYPE_CHECKING:
    from collections.abc import Callable

CLDR_LOCALES = ("en", "fr", "es")


@dataclass(frozen=True)
class Target:
    """A State or an organisation that a delegation is (or would be) registered for."""

    kind: str  # "state" or "organisation"
    id: int
    name: str

    @property
    def label(self) -> str:
        return self.name if self.kind == "state" else f"{self.name} (organisation)"


@functools.lru_cache(maxsize=1)
def external_state_names() -> dict[str, set[str]]:
    """ISO alpha-3 code -> names and codes that registration systems use for it (CLDR and ISO 3166)."""
    import pycountry
    from babel import Locale

    by_alpha2: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        by_alpha2[country.alpha_2] = country.alpha_3
        found = names.setdefault(country.alpha_3, set())
        found.update({country.alpha_2, country.alpha_3, country.name})
        for attribute in ("official_name", "common_name"):
            if getattr(country, attribute, None):
                found.add(getattr(country, attribute))
    for locale in CLDR_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if code in by_alpha2:
                names[by_alpha2[code]].add(name)
    return names


_MISSION = re.compile(
    r"^(?:the )?(?:permanent |standing )?(?:mission|delegation|embassy|representation|observer mission|"
    r"mission permanente|delegation permanente|ambassade|mision permanente|embajada)"
    r"(?: permanente| permanent)?(?: observer)? (?:of|de|du|des|d|de la|de l|del) (?:the |la |le |l |les )?"
    r"(.+?)(?: to | aupres | in | a | en | ante | at | accredited |$)"
)


# An affiliation that names a government body: its State is named after "of" ("Ministry of Foreign Affairs of
# Peru", "Government of Chile") or after a comma ("Ministry of Defence, Austria").
_GOVERNMENT = re.compile(
    r"\b(?:ministry|ministere|ministerio|department|departement|government|gouvernement|gobierno|embassy|"
    r"ambassade|embajada|mission|consulate|armed forces|army|navy|parliament|presidency|national|federal|"
    r"permanent representation|office of the president)\b"
)
_OF = re.compile(r" (?:of|de|du|des|d|del) (?:the |la |le |l |les )?")


def organisation_like(affiliation: str) -> bool:
    """Whether an unknown affiliation may be an organisation rather than a government body: anything that does not
    name a ministry, mission, embassy or the like. Such a name is asked about (a new organisation, matched by
    hand, or put with the country by the secretary), never put with the person's country silently: a word list
    of organisations always misses one ("Friends of the Earth Zanzibar")."""
    text = un_sort_key(affiliation)
    return bool(text) and not _GOVERNMENT.search(text)


class Resolver:
    """Built once per import from the reference tables; each lookup is a dictionary access."""

    def __init__(
        self,
        states: Iterable[tuple[int, str, str]],
        aliases: Iterable[tuple[int, str]],
        organisations: Iterable[tuple[int, str, str]],
    ):
        states = list(states)
        self._state_names = {sid: name for sid, _iso3, name in states}
        derived: dict[str, set[int]] = {}
        external = external_state_names()
        for sid, iso3, _name in states:
            for text in external.get(iso3, ()):
                derived.setdefault(match_key(text), set()).add(sid)
        keys = {k: next(iter(ids)) for k, ids in derived.items() if len(ids) == 1}
        for sid, iso3, name in states:  # the application's own names and aliases win over derived ones
            keys[match_key(name)] = sid
            keys[match_key(iso3)] = sid
        for sid, alias in aliases:
            keys[match_key(alias)] = sid
        self._states = keys
        self._organisations: dict[str, Target] = {}
        self._seen: dict[tuple[str, str], Target | None] = {}  # a file names the same few hundred places
        for oid, name, acronym in organisations:
            self.add_organisation(Target("organisation", oid, name), acronym)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Resolver) and (self._states, self._state_names, self._organisations) == (
            other._states,
            other._state_names,
            other._organisations,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def add_organisation(self, target: Target, acronym: str = "") -> None:
        """Known by its name, its acronym, either part of a name with another in brackets ("Handicap
        International (Humanity & Inclusion)"), and its name without a leading "The"."""
        self._seen.clear()
        self._organisations[match_key(target.name)] = target
        names = [acronym, *re.split(r"\s*[()]\s*", target.name)]
        if target.name.casefold().startswith("the "):
            names.append(target.name[4:])
        for name in filter(None, (n.strip() for n in names)):
            self._organisations.setdefault(match_key(name), target)

    def _memo(self, kind: str, text: str, find: Callable[[str], Target | None]) -> Target | None:
        key = (kind, text)
        if key not in self._seen:
            self._seen[key] = find(text)
        return self._seen[key]

    def state(self, text: str) -> Target | None:
        return self._memo("state", text, self._state)

    def _state(self, text: str) -> Target | None:
        text = text.strip()
        if not text:
            return None
        sid = self._states.get(match_key(text))
        if sid is None:
            mission = _MISSION.match(un_sort_key(text))
            if mission:
                sid = self._states.get(match_key(mission.group(1)))
        return Target("state", sid, self._state_names[sid]) if sid is not None else None

    def organisation(self, text: str) -> Target | None:
        return self._memo("organisation", text, self._organisation)

    def _organisation(self, text: str) -> Target | None:
        key = match_key(text)
        if not key:
            return None
        found = self._organisations.get(key)
        if found is None and "(" in text:  # "Mines Advisory Group (MAG)"
            found = self._organisations.get(match_key(text.split("(")[0])) or self._organisations.get(
                match_key(text.split("(")[1].rstrip(") "))
            )
        return found

    def affiliation(self, text: str) -> Target | None:
        """The delegation an affiliation names: a known organisation (the whole, or one of its parts separated
        by a comma, a dash or a slash: "ICRC – Geneva"), a State ("Chile", "Permanent Mission of Chile to …"), or
        the State a government body belongs to ("Ministry of Foreign Affairs of Peru"); None when it says
        nothing certain."""
        return self._memo("affiliation", text, self._affiliation)

    def _affiliation(self, text: str) -> Target | None:
        parts = [text, *re.split(r"\s*(?:,|;|/| - | – | — )\s*", text)]
        for part in parts:
            found = self.organisation(part)
            if found is not None:
                return found
        found = self.state(text)
        if found is not None or not _GOVERNMENT.search(un_sort_key(text)):
            return found
        folded = un_sort_key(text)
        tails = [*text.split(",")[1:], *(folded[m.end() :] for m in _OF.finditer(folded))]
        for tail in tails:
            sid = self._states.get(match_key(re.split(r" (?:to|in|at|aupres|en|ante) ", tail)[0]))
            if sid is not None:
                return Target("state", sid, self._state_names[sid])
        return None

    def resolve(self, text: str) -> Target | None:
        return self.state(text) or self.organisation(text)

    def states(self) -> list[Target]:
        return [Target("state", sid, name) for sid, name in self._state_names.items()]

    def organisations(self) -> list[Target]:
        return list({t.id: t for t in self._organisations.values()}.values())
