"""The fields a typed paragraph of the decisions may hold, each written from the records where it stands:
`{initial reports due in 2019}` and `{initial reports on time in 2019}` (the tracker's transparency figures of that
year), and `{symbol of estimated_costs}` (the symbol of the register's document of that kind), so that a change
to the records (a report received, a document renumbered) changes the paragraph."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ccm_secretariat.domain.enums import DocumentType
from ccm_secretariat.errors import ValidationError

if TYPE_CHECKING:
    from ccm_secretariat.report.events import EventWording
    from ccm_secretariat.services.documents import DocumentRow

FIGURE = re.compile(r"\{initial reports (due|on time) in (\d{4})\}")
SYMBOL = re.compile(r"\{symbol of ([^{}]*)\}")


def figure_years(text: str) -> set[int]:
    """The years whose transparency figures a paragraph asks for."""
    return {int(year) for _what, year in FIGURE.findall(text)}


def symbol_of(kind: str, documents: Sequence[DocumentRow]) -> str:
    """The symbol of the register's first document of `kind`, or a ValidationError saying what is missing."""
    field = f"{{symbol of {kind}}}"
    try:
        doc_type = DocumentType(kind.strip())
    except ValueError:
        kinds = ", ".join(t.value for t in DocumentType)
        raise ValidationError(f"{field} names no kind of document (the kinds: {kinds}).", "decisions") from None
    found = next((d for d in documents if d.doc_type is doc_type), None)
    if found is None:
        raise ValidationError(
            f"a paragraph of the decisions asks for {field}, and the register holds no document of the kind "
            f"“{doc_type.label}”: set that kind on the document in the register.",
            "decisions",
        )
    return found.symbol


def fill(
    text: str,
    due: Mapping[int, Sequence[str]],
    on_time: Mapping[int, Sequence[str]],
    documents: Sequence[DocumentRow],
    wording: EventWording,
) -> str:
    """`text` with each field written from the records (`due`, `on_time`: the States by year, as the tracker
    computes them; `documents`: the register)."""

    def figure(m: re.Match[str]) -> str:
        year = int(m.group(2))
        if m.group(1) == "due":
            return wording.initial_reports_due(due[year])
        return wording.initial_reports_on_time(due[year], on_time[year])

    text = FIGURE.sub(figure, text)
    return SYMBOL.sub(lambda m: symbol_of(m.group(1), documents), text)
