"""Build the draft procedural report: its data read once (`ReportData`), its chapters (chapters.py) worded by a
`Wording` (English by default), numbered as the CCM's reports number them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ccm_secretariat.exports.masthead import Masthead
from ccm_secretariat.report import chapters
from ccm_secretariat.report.data import ReportData, ReportOptions
from ccm_secretariat.report.model import Block, Heading, Paragraph, Report
from ccm_secretariat.report.wording.en import ENGLISH

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ccm_secretariat.report.wording import Wording
    from ccm_secretariat.services import Services

__all__ = ["ReportData", "ReportOptions", "build_report", "report_from"]

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _agenda_line(data: ReportData, w: Wording) -> tuple[str, ...]:
    """The masthead's agenda item, when the register's report names one the agenda has."""
    doc = data.report_document
    number = doc.agenda_item_number if doc else None
    item = next((i for i in data.items if i.number == number), None)
    return (w.agenda_item(item.number), item.title) if item else ()


def masthead(data: ReportData, w: Wording, names: chapters.Names) -> Masthead:
    """The symbol, title and date the options give, else the register's report's, else the usual ones."""
    m, o, doc = data.meeting, data.options, data.report_document
    short = names.short if " " in names.short else m.title
    symbol = o.symbol or (doc.symbol if doc else f"{m.symbol_prefix}/L.1")
    registered_date = doc.issue_date if doc else None
    return Masthead(
        symbol,
        w.distribution("/L." in symbol),
        o.date or registered_date or dt.date.today(),
        w.language,
        w.masthead_title(m),
        w.place_and_dates(m),
        o.title or (doc.title if doc and w.code == "en" else w.report_title(short)),  # the register's is English
        _agenda_line(data, w),
        m.practice,
        w.code,
    )


def numbered(parts: Sequence[chapters.Chapter]) -> tuple[Block, ...]:
    """Chapters numbered I., II. … as they come, those with nothing to say left out; paragraphs numbered 1, 2 …
    across chapters, a placeholder taking no number."""
    blocks: list[Block] = []
    number = 0
    for chapter in (c for c in parts if c.paragraphs):
        blocks.append(Heading(chapter.heading, f"{ROMAN[sum(isinstance(b, Heading) for b in blocks)]}."))
        for p in chapter.paragraphs:
            number += 0 if p.placeholder else 1
            blocks.append(Paragraph(0 if p.placeholder else number, p.text, p.subparagraphs, p.placeholder, p.marked))
    return tuple(blocks)


def report_from(data: ReportData, w: Wording = ENGLISH) -> Report:
    names = chapters.Names.of(data, w)
    body = (
        chapters.introduction(data, w, names),
        chapters.organization(data, w, names),
        chapters.work(data, w, names),
        chapters.decisions(data, w),
    )
    return Report(masthead(data, w, names), numbered(body), chapters.annex(data, w))


def build_report(
    services: Services, meeting_id: int, options: ReportOptions = ReportOptions(), wording: Wording = ENGLISH
) -> Report:
    return report_from(ReportData.read(services, meeting_id, options), wording)
