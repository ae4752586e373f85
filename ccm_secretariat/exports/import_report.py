"""The report of an import, as an .xlsx the secretary can keep: per row of the file, what happened and why."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ccm_secretariat.domain.fields import escaped
from ccm_secretariat.exports.sheets import Sheet, write_sheets
from ccm_secretariat.imports.plan import PlanRow
from ccm_secretariat.progress import Progress

DONE = {"add": "added", "update": "updated", "skip": "skipped", "refuse": "refused"}
PLANNED = {"add": "to add", "update": "to update", "skip": "to skip", "refuse": "refused"}
HEADER = ("Row", "Result", "Found", "Name", "Delegation", "Why", "Notes")
WIDTHS = (7, 12, 18, 32, 40, 70, 70)


def report_rows(rows: Iterable[PlanRow], written: bool) -> Iterator[list[Any]]:
    """`rows`: the plan's rows; `written` says whether the import happened. A value the desk refused (a control
    or direction-changing character) is written escaped, as it was in the file."""
    words = DONE if written else PLANNED
    for r in rows:
        texts = (r.name, r.delegation, r.message, " ".join(r.notes))
        yield [r.line, words[r.outcome.value], r.finding.value, *(escaped(t) for t in texts)]


def import_report(rows: Sequence[PlanRow], written: bool, source: str, out: str | Path) -> Iterator[Progress]:
    title = "Import" if written else "Import (not written)"
    sheet = Sheet(title, HEADER, WIDTHS, report_rows(rows, written))
    summary = Sheet(
        "About",
        ("What", "Value"),
        (24, 90),
        iter([["File", escaped(source)], ["Written", "yes" if written else "no"]]),
    )
    yield from write_sheets([sheet, summary], out, len(rows) + 2)
