"""Search as you type: a search that narrows the last one (a letter typed on, a word added) looks only among the
rows the last one found, and finds exactly what a search from scratch finds, whatever is typed or erased."""

from __future__ import annotations

from ccm_secretariat.domain.search import SearchIndex

PEOPLE = [
    "Hans Müller, Switzerland, Geneva mission",
    "Anna Muller, Austria",
    "Jean Dupont, France, Geneva",
    "Kofi Mensah, Ghana, mission to the United Nations",
    "Ewa Nowak, Poland",
    "Thérèse Côté, Canada, Geneva mission",
    "Ngozi Okafor, Nigeria",
]


def test_each_keystroke_finds_what_a_search_from_scratch_finds():
    typed = SearchIndex(PEOPLE, lambda r: r)
    typing = [
        "m",
        "mu",
        "mul",
        "mull",
        "mulle",
        "muller",
        "muller ",
        "muller g",
        "muller ge",
        "muller g",
        "muller",
        "mull",
        "",
        "g",
        "ge",
        "gen geneva",
        "geneva mission",
        "mission geneva",
        "cote",
        "côté",
        "x",
        "xa",
        "o",
    ]
    for text in typing:
        fresh = SearchIndex(PEOPLE, lambda r: r)
        assert typed.search(text) == fresh.search(text), text
    assert typed.search("geneva mission") == [PEOPLE[0], PEOPLE[5]]
    assert typed.search("muller") == PEOPLE[:2]


def test_a_narrower_search_scans_only_what_the_last_one_found():
    seen: list[str] = []

    class Counted(str):
        def __contains__(self, word: object) -> bool:  # every text the search looks into
            seen.append(str(self))
            return str.__contains__(self, word)

    index = SearchIndex([Counted(p) for p in PEOPLE], lambda r: r, folded=True)
    index.search("m")
    assert len(seen) == len(PEOPLE)
    seen.clear()
    index.search("mi")  # narrows "m": only the rows with an m are looked at again
    assert sorted(seen) == sorted(p for p in PEOPLE if "m" in p)
