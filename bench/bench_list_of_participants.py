"""Benchmark: the list of participants (PDF) and the Excel workbook against bare floors of the same library.

    python bench/bench_list_of_participants.py [--participants 100000]

The PDF floor is a reportlab canvas drawing the same lines (name, function, affiliation and, for those who
agreed to their publication, contact details of every participant) with drawString and no layout; the workbook
floor is an openpyxl write-only workbook with the same cells in the same sheets (the application's own rows,
made before the clock starts). Each measurement runs in its own process, so its peak memory is its own, and
the ratios are given in wall time and in the whole processes' CPU time (steadier on a shared machine). Targets
for 100,000 participants: PDF within 1.3x the floor, workbook within 1.15x, peak memory under 400 MB.

--strict also measures stricter floors, for what they say, not against the targets: the PDF's writing each line's
operators directly (as the application does, instead of drawString), the workbook's with the cyclic garbage
collector off (as the application pauses it)."""

from __future__ import annotations

import argparse
import tempfile

from common import measure, synthetic_database

PDF_APP = """
from ccm_secretariat.services import open_services
from ccm_secretariat.documents.reading import participants_pdf
from ccm_secretariat.progress import run_to_end
services = open_services({db!r})
started = time.perf_counter()
last = run_to_end(participants_pdf(services, 1, {out!r}))
result = {{'seconds': time.perf_counter() - started, 'note': last.message}}
"""

PDF_FLOOR = """
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
import sqlalchemy as sa
from ccm_secretariat.exports.fonts import FONT_DIR
pdfmetrics.registerFont(TTFont('DejaVuSans', str(FONT_DIR / 'DejaVuSans.ttf')))
engine = sa.create_engine('sqlite:///' + {db!r})
with engine.connect() as conn:
    rows = conn.exec_driver_sql('SELECT salutation, given_names, family_name, function, affiliation, '
                                'consent_to_publish, email, phone '
                                'FROM participant ORDER BY delegation_id, position').fetchall()
started = time.perf_counter()
c = Canvas({out!r}, pageCompression=1)
y = 800
for salutation, given, family, function, affiliation, consent, email, phone in rows:
    contact = '   '.join(part for part in (email, phone) if part) if consent else ''
    for text in (f'{{salutation}} {{given}} {{family}}', function, affiliation, contact):
        c.setFont('DejaVuSans', 9)
        c.drawString(60, y, text)
        y -= 11
        if y < 60:
            c.showPage()
            y = 800
c.save()
result = {{'seconds': time.perf_counter() - started}}
"""

# The same lines written as the application writes its strings: the operators drawString writes, directly.
PDF_FLOOR_DIRECT = "from ccm_secretariat.exports.fonts import text_operators\n" + PDF_FLOOR.replace(
    "c.drawString(60, y, text)", "c._code.append(text_operators(c, 'DejaVuSans', 60, y, text, 9))"
)
assert "drawString" not in PDF_FLOOR_DIRECT, "the floor's drawing changed: write its direct form again"

XLSX_APP = """
from ccm_secretariat.services import open_services
from ccm_secretariat.documents.reading import participants_workbook
from ccm_secretariat.progress import run_to_end
services = open_services({db!r})
started = time.perf_counter()
run_to_end(participants_workbook(services, 1, {out!r}))
result = {{'seconds': time.perf_counter() - started}}
"""

XLSX_FLOOR = """
from openpyxl import Workbook
from ccm_secretariat.services import open_services
from ccm_secretariat.exports.workbook import sheets
services = open_services({db!r})
roster = services.roster.roster(1)
prepared = [(sheet.title, sheet.header, list(sheet.rows)) for sheet in sheets(roster, services.documents.list(1))]
started = time.perf_counter()
wb = Workbook(write_only=True)
for title, header, rows in prepared:
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for row in rows:
        ws.append(row)
wb.save({out!r})
result = {{'seconds': time.perf_counter() - started}}
"""

XLSX_FLOOR_NO_COLLECTOR = "import gc\ngc.disable()\n" + XLSX_FLOOR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--only", choices=["pdf", "xlsx"], help="measure one of the two")
    parser.add_argument("--strict", action="store_true", help="also measure the stricter floors (see above)")
    args = parser.parse_args()
    db = str(synthetic_database(args.participants))
    tmp = tempfile.mkdtemp()
    print(f"{args.participants:,} participants")
    for label, app, floor, ext, target, strict in (
        ("List of participants PDF", PDF_APP, PDF_FLOOR, "pdf", 1.3, PDF_FLOOR_DIRECT),
        ("Excel workbook", XLSX_APP, XLSX_FLOOR, "xlsx", 1.15, XLSX_FLOOR_NO_COLLECTOR),
    ):
        if args.only and args.only != ext:
            continue
        a = measure(app.format(db=db, out=f"{tmp}/app.{ext}"))
        f = measure(floor.format(db=db, out=f"{tmp}/floor.{ext}"))
        ratio = a["seconds"] / f["seconds"]
        print(
            f"{label}: application {a['seconds']:.1f} s ({a.get('note', '')}), floor {f['seconds']:.1f} s, "
            f"ratio {ratio:.2f} (target {target}; CPU {a['cpu_s']:.1f} s against {f['cpu_s']:.1f} s, "
            f"{a['cpu_s'] / f['cpu_s']:.2f}), peak memory {a['peak_mb']:.0f} MB "
            f"(floor {f['peak_mb']:.0f} MB)"
        )
        if args.strict:
            g = measure(strict.format(db=db, out=f"{tmp}/strict.{ext}"))
            print(f"  against the stricter floor: CPU {g['cpu_s']:.1f} s, ratio {a['cpu_s'] / g['cpu_s']:.2f}")


if __name__ == "__main__":
    main()
