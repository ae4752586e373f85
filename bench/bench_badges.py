"""Benchmark: badges with QR codes against a bare reportlab canvas that draws the same strings and the same QR
codes (encoded by the same reportlab encoder, drawn as the same runs of modules) with no layout, in the same
run of this script. Each measurement runs in its own process, so its peak memory is its own.

    python bench/bench_badges.py [--participants 10000]

Target for 10,000 badges: within 2x the floor."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import measure, synthetic_database

APP = """
from ccm_secretariat.services import open_services
from ccm_secretariat.document_registry import DOCUMENTS
from ccm_secretariat.progress import run_to_end
services = open_services({db!r})
started = time.perf_counter()
last = run_to_end(DOCUMENTS['badges'].job(services, 1, 'pdf', {out!r}))
result = {{'seconds': time.perf_counter() - started, 'note': last.message}}
"""

FLOOR = """
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from ccm_secretariat.exports.fonts import FONT_DIR
from ccm_secretariat.services import open_services
pdfmetrics.registerFont(TTFont('DejaVuSans', str(FONT_DIR / 'DejaVuSans.ttf')))
services = open_services({db!r})
roster = services.roster.roster(1)
names = {{d.id: d.name for d in roster.delegations}}
rows = [(p.id, f'{{p.salutation}} {{p.given_names}}', p.family_name.upper(), names[d])
        for d, people in roster.members.items() for p in people]
started = time.perf_counter()
c = Canvas({out!r}, pageCompression=1)
for i, (pid, first, family, delegation) in enumerate(rows):
    if i and i % 8 == 0:
        c.showPage()
    x, y = 40 + (i % 2) * 270, 60 + ((i // 2) % 4) * 180
    c.setFont('DejaVuSans', 8)
    c.drawString(x, y + 150, 'Synthetic meeting')
    c.drawString(x, y + 10, 'STATE PARTY')
    c.drawString(x, y + 120, first)
    c.drawString(x, y + 100, family)
    c.drawString(x, y + 80, delegation)
    code = services.badges.code(pid)
    c.drawString(x + 200, y + 30, code)
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(code)
    qr.make()
    n = qr.getModuleCount()
    path = c.beginPath()
    for r in range(n):
        col = 0
        while col < n:
            if qr.isDark(r, col):
                start = col
                while col < n and qr.isDark(r, col):
                    col += 1
                path.rect(x + 190 + start * 3, y + 40 + (n - r) * 3, (col - start) * 3, 3)
            else:
                col += 1
    c.drawPath(path, stroke=0, fill=1)
c.save()
result = {{'seconds': time.perf_counter() - started}}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=10_000)
    args = parser.parse_args()
    db = str(synthetic_database(args.participants))
    tmp = tempfile.mkdtemp()
    a = measure(APP.format(db=db, out=f"{tmp}/app.pdf"))
    f = measure(FLOOR.format(db=db, out=f"{tmp}/floor.pdf"))
    print(
        f"Badges: application {a['seconds']:.1f} s ({a['note']}), floor {f['seconds']:.1f} s, "
        f"ratio {a['seconds'] / f['seconds']:.2f} (target 2.0), peak memory {a['peak_mb']:.0f} MB "
        f"(floor {f['peak_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
