"""Every document of the registry, in every format, read back as text: the PDF's pages as pypdf extracts them,
the Word file's paragraphs and tables (with headers and footers), the workbook's sheets cell by cell (openpyxl
values). Only what legitimately changes from one run to the next is normalised: today's date (the default date
of a document) and the badges' codes (a keyed MAC of each database's own random key).

tests/core/test_documents_unchanged.py compares the text with the golden files under tests/golden/documents/;
`CCM_GOLDEN_UPDATE=1` writes them again (only when a change in a document is meant)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.badge_code import GENERATION_DIGITS, MAC_DIGITS
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DomainError
from ccm_secretariat.progress import run_to_end

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "documents"

# (file name, document kind, format, options): each kind in each format with its default options, then the
# variants the desk offers (the internal workbook, the provisional list with its options, the landscape programme,
# the A6 badges, the report of one part).
CASES: tuple[tuple[str, str, str, ExportOptions], ...] = (
    *((f"{kind.name}.{fmt}", kind.name, fmt, ExportOptions()) for kind in DOCUMENTS.values() for fmt in kind.formats),
    ("participants-internal.xlsx", "participants", "xlsx", ExportOptions(internal=True)),
    (
        "participants-provisional.pdf",
        "participants",
        "pdf",
        ExportOptions(provisional=True, symbol="X/MISC.1", date=dt.date(2026, 9, 1), capitals=False),
    ),
    ("participants-capitals.pdf", "participants", "pdf", ExportOptions(capitals=True, date=dt.date(2026, 9, 2))),
    ("programme-landscape.pdf", "programme", "pdf", ExportOptions(landscape=True)),
    ("programme-landscape.docx", "programme", "docx", ExportOptions(landscape=True)),
    ("report-dated.docx", "report", "docx", ExportOptions(symbol="X/CRP.1", date=dt.date(2026, 9, 3), part=1)),
    ("credentials-dated.pdf", "credentials", "pdf", ExportOptions(date=dt.date(2026, 9, 4))),
    ("badges-a6.pdf", "badges", "pdf", ExportOptions(layout="a6")),
)


def pdf_pages(path: Path) -> Iterator[str]:
    for number, page in enumerate(PdfReader(path).pages, start=1):
        yield f"=== page {number}"
        yield page.extract_text()


def _paragraphs_and_tables(element) -> Iterator[str]:
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield "".join(t.text or "" for t in child.iter(qn("w:t")))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                yield " | ".join(" / ".join(_paragraphs_and_tables(cell)) for cell in row.iter(qn("w:tc")))


def docx_text(path: Path) -> Iterator[str]:
    document = docx.Document(path)
    for number, section in enumerate(document.sections, start=1):
        for where, part in (("header", section.header), ("footer", section.footer)):
            if not part.is_linked_to_previous:
                yield f"=== section {number} {where}"
                yield from _paragraphs_and_tables(part._element)
    yield "=== body"
    yield from _paragraphs_and_tables(document.element.body)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def xlsx_text(path: Path) -> Iterator[str]:
    book = load_workbook(path)
    for sheet in book.worksheets:
        yield f"=== sheet {sheet.title}"
        for row in sheet.iter_rows(values_only=True):
            yield "\t".join(_cell(v) for v in row).rstrip("\t")


READERS = {"pdf": pdf_pages, "docx": docx_text, "xlsx": xlsx_text}


BADGE_CODE = re.compile(rf"^(\d+\d{{{GENERATION_DIGITS}}})\d{{{MAC_DIGITS}}}$", re.MULTILINE)


def normalised(text: str, today: dt.date) -> str:
    """Today's date (a document's default date) as <TODAY>; a badge code's MAC (of the database's own random key)
    as #, its participant and generation kept."""
    for form in (un_date(today), today.isoformat(), f"{today:%d/%m/%Y}"):
        text = text.replace(form, "<TODAY>")
    return BADGE_CODE.sub(lambda m: m.group(1) + "#" * MAC_DIGITS, text)


def document_text(path: Path, fmt: str, today: dt.date | None = None) -> str:
    lines = "\n".join(line.rstrip() for line in READERS[fmt](path))
    return normalised(lines, today or dt.date.today()) + "\n"


def write_every_document(services, meeting_id: int, folder: Path) -> dict[str, str]:
    """Each case written into `folder`, in the order of CASES; its text by file name."""
    texts = {}
    for name, kind, fmt, options in CASES:
        out = folder / name
        try:
            run_to_end(DOCUMENTS[kind].job(services, meeting_id, fmt, out, options))
        except DomainError as exc:  # the badges of a meeting with nobody named: the message is the document
            texts[name] = f"=== not written: {exc}\n"
            continue
        texts[name] = document_text(out, fmt)
    return texts
