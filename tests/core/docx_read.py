"""Reading a Word file back as a reader sees it: the numbers and letters Word shows, worked out from the list
numbering as Word does (on the paragraph, or on its style), with typed numbers read as typed."""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn

ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(fmt: str, n: int) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + n - 1)
    return str(n)


def _num_pr(p, styles) -> tuple[str, int] | None:
    """(numId, level) of a paragraph: its own numPr, else its style's (following basedOn)."""
    for ppr in [p._p.pPr] + [s.element.pPr for s in styles(p)]:
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
            level = num_pr.find(qn("w:ilvl"))
            return num_pr.find(qn("w:numId")).get(qn("w:val")), int(level.get(qn("w:val"))) if level is not None else 0
    return None


def _style_chain(p):
    style = p.style
    while style is not None:
        yield style
        style = style.base_style


def labelled(path) -> list[tuple[str, str, str]]:
    """(label, text, style name) of every body paragraph, the label as Word shows it ("I.", "14.", "(a)", or "")."""
    d = docx.Document(path)
    numbering = d.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    lists = {}
    for num in numbering.findall(qn("w:num")):
        override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        abstract = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        levels = {int(lv.get(qn("w:ilvl"))): lv for lv in abstract.findall(qn("w:lvl"))}
        start = int(override.get(qn("w:val"))) if override is not None else None
        lists[num.get(qn("w:numId"))] = (levels, start)
    counters: dict[str, list[int]] = {}
    out = []
    for p in d.paragraphs:
        found = _num_pr(p, lambda q: list(_style_chain(q)))
        if found is None or found[0] == "0" or found[0] not in lists:
            typed = re.match(r"^(\d+\.|\([a-z]\))\t(.*)$", p.text, re.S)
            out.append((typed.group(1), typed.group(2), p.style.name) if typed else ("", p.text, p.style.name))
            continue
        num_id, level = found
        levels, start = lists[num_id]
        counts = counters.setdefault(num_id, [0] * 9)
        lvl = levels[level]
        first = start if (start is not None and level == 0) else int(lvl.find(qn("w:start")).get(qn("w:val")))
        counts[level] = counts[level] + 1 if counts[level] else first
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
        fmt = lvl.find(qn("w:numFmt")).get(qn("w:val"))
        out.append((text.replace(f"%{level + 1}", _format(fmt, counts[level])), p.text, p.style.name))
    return out


def numbered_paragraphs(path) -> dict[int, str]:
    """Number -> text of the numbered paragraphs ("14." and its text)."""
    return {int(label[:-1]): text for label, text, _ in labelled(path) if re.fullmatch(r"\d+\.", label)}
