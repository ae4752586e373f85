"""Print the list of participants, with a preview: the same order and form as the PDF, laid out by Qt."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ccm_secretariat.domain.prose import un_date_range
from ccm_secretariat.exports.participants_pdf import LIST_CATEGORY_TITLES, contact_line, person_line
from ccm_secretariat.services.roster import Roster


def list_html(roster: Roster) -> str:
    m = roster.meeting
    capitalise = m.settings.capitalise_family_names
    dates = " and ".join(un_date_range(p.start_date, p.end_date) for p in m.parts)
    out = [f"<p align='right'><b>{escape(m.symbol_prefix)}/INF.1</b></p>",
           f"<h3>{escape(m.title)}</h3><p>{escape(m.city)}, {escape(dates)}</p><h2>List of participants</h2>"]
    for category, delegations in roster.by_category():
        out.append(f"<h3>{escape(LIST_CATEGORY_TITLES[category])}</h3>")
        for d in delegations:
            out.append(f"<p style='margin-top:8px'><b>{escape(d.name_with_acronym.upper())}</b></p>")
            role = None
            for p in roster.members.get(d.id, []):
                if p.role != role:
                    role = p.role
                    out.append(f"<p><i>{escape(role.label)}</i></p>")
                lines = [person_line(p, capitalise), p.function, p.affiliation, contact_line(p)]
                out.append("<p>" + "<br>".join(escape(x) for x in lines if x) + "</p>")
    return "".join(out)


def print_with_preview(parent: QWidget, roster: Roster) -> None:
    document = QTextDocument()
    document.setHtml(list_html(roster))
    printer = QPrinter(QPrinter.HighResolution)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle("Print the list of participants")
    preview.paintRequested.connect(document.print_)
    preview.exec()
