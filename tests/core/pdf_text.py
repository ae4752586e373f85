"""The text of a PDF as one line, as pypdf extracts it (whitespace runs made one space)."""

import re

from pypdf import PdfReader


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
