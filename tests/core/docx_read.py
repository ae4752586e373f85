"""Reading a Word file back as a reader sees it: numbered paragraphs with the numbers Word shows."""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn


def numbered_paragraphs(path) -> dict[int, str]:
    """Number -> text, for paragraphs in Word's list numbering (numbers counted from the list's start) and
    for paragraphs whose number is typed before a tab."""
    d = docx.Document(path)
    starts: dict[str, int] = {}
    for num in d.part.numbering_part.element.findall(qn("w:num")):
        override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        starts[num.get(qn("w:numId"))] = int(override.get(qn("w:val"))) if override is not None else 1
    found: dict[int, str] = {}
    counters: dict[str, int] = {}
    for p in d.paragraphs:
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            list_id = str(num_pr.numId.val)
            counters[list_id] = counters.get(list_id, starts.get(list_id, 1) - 1) + 1
            found[counters[list_id]] = p.text
            continue
        typed = re.match(r"^(\d+)\.\t(.*)$", p.text, re.S)
        if typed:
            found[int(typed.group(1))] = typed.group(2)
    return found
