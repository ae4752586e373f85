"""The text of a PDF as one line, as pypdf extracts it (whitespace runs made one space); a Word or Excel file laid
out as pages by LibreOffice."""

import re
import subprocess

from pypdf import PdfReader


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def laid_out_pages(path, folder) -> list[str]:
    """Each page's text of a Word or Excel file as LibreOffice lays it out (its own profile inside `folder`)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return [page.extract_text() for page in PdfReader(folder / f"{path.stem}.pdf").pages]
