"""The README's pictures of the Word and Excel files, as LibreOffice lays them out: page 2 of the demo's Word
report and the first printed page of the Participants sheet of a 500-participant workbook.

    .venv/bin/python scripts/word_and_excel_pictures.py      # needs soffice and pdftoppm (poppler-utils)

Writes docs/documents/report-word-2.png and docs/documents/workbook-participants-500.png."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ccm_secretariat.documents.reading import participants_workbook  # noqa: E402
from ccm_secretariat.documents.registry import DOCUMENTS  # noqa: E402
from ccm_secretariat.progress import run_to_end  # noqa: E402
from ccm_secretariat.samples.demo import load_demo  # noqa: E402
from ccm_secretariat.samples.synth import synthesise  # noqa: E402
from ccm_secretariat.services import open_services  # noqa: E402

OUT = ROOT / "docs" / "documents"


def _pdf(path: Path, folder: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / f"{path.stem}.pdf"


def _page(pdf: Path, page: int, target: Path, dpi: int) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = open_services(folder / "demo.sqlite3")
        run_to_end(load_demo(demo))
        meeting = demo.meetings.list()[0]
        run_to_end(DOCUMENTS["report"].job(demo, meeting.id, "docx", folder / "report.docx"))
        demo.close()
        _page(_pdf(folder / "report.docx", folder), 2, OUT / "report-word-2.png", 70)
        synthetic = open_services(folder / "synth.sqlite3")
        run_to_end(synthesise(synthetic, 500, 1))
        meeting = synthetic.meetings.list()[0]
        run_to_end(participants_workbook(synthetic, meeting.id, folder / "workbook.xlsx"))
        synthetic.close()
        _page(_pdf(folder / "workbook.xlsx", folder), 1, OUT / "workbook-participants-500.png", 80)
    print(f"Wrote {OUT / 'report-word-2.png'} and {OUT / 'workbook-participants-500.png'}")


if __name__ == "__main__":
    main()
