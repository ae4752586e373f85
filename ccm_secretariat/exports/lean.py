"""A reportlab canvas whose finished pages are kept compressed.

reportlab keeps every page's drawing operators as text until the document is saved, then compresses them and
encodes them in ASCII85 (a quarter bigger again): a 12,500-sheet run of badges holds hundreds of megabytes for
that alone. Here each page's stream is compressed as soon as the page is finished, and written binary (as any
PDF writer does); what the document keeps is then about a tenth of what it drew. The pages, fonts and the file
are reportlab's own."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas


class LeanCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
    """A Canvas (same arguments) that compresses each page's stream when the page is finished."""

    def __init__(self, filename: str | Path, **kwargs: Any) -> None:
        super().__init__(str(filename), **kwargs)
        self.setPageCallBack(self._compress_last_page)

    def _compress_last_page(self, _page_number: int) -> None:
        page = self._doc.Pages.pages[-1]
        if page.Contents or not page.stream:
            return
        text = page.stream
        data = zlib.compress(text.encode("utf8") if isinstance(text, str) else text)
        # PDFStream.format applies no filter of its own when the dictionary already names one.
        dictionary = pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])})
        stream = pdfdoc.PDFStream(dictionary, data)
        stream.__Comment__ = "page stream"
        page.Contents = stream
        page.stream = None
