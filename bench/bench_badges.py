"""Benchmark: badges with QR codes against a bare reportlab canvas that reads the same rows, draws the same
strings and the same QR codes (encoded by zxing-cpp's C++ encoder, drawn as one inline 1-bit image each) with
no layout, in the same run of this script. Each measurement runs in its own process on its own copy of the
database (the desk records the badges as printed), so its peak memory is its own.

    python bench/bench_badges.py [--participants 100000]

Targets at 100,000 badges: within 1.5x the floor, peak memory under 400 MB."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import measure, synthetic_database

APP = """
from ccm_secretariat.services import open_services
from ccm_secretariat.documents.registry import DOCUMENTS
from ccm_secretariat.progress import run_to_end
started = time.perf_counter()
services = open_services({db!r})
last = run_to_end(DOCUMENTS['badges'].job(services, 1, 'pdf', {out!r}))
result = {{'seconds': time.perf_counter() - started, 'note': last.message}}
"""

FLOOR = """
import sqlite3
import zxingcpp
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from ccm_secretariat.domain.badge_code import badge_code
from ccm_secretariat.exports.fonts import FONT_DIR
started = time.perf_counter()
pdfmetrics.registerFont(TTFont('DejaVuSans', str(FONT_DIR / 'DejaVuSans.ttf')))
database = sqlite3.connect({db!r})
secret = database.execute("SELECT value FROM desk_secret WHERE name = 'badge'").fetchone()[0].encode()
rows = database.execute(
    "SELECT p.id, p.salutation || ' ' || p.given_names, p.family_name, d.name FROM participant p "
    "JOIN delegation d ON d.id = p.delegation_id ORDER BY d.sort_key, p.position"
).fetchall()
bits = bytes.maketrans(b'\\x00\\xff', b'01')
c = Canvas({out!r}, pageCompression=1)
for i, (pid, first, family, delegation) in enumerate(rows):
    if i and i % 8 == 0:
        c.showPage()
    x, y = 40 + (i % 2) * 270, 60 + ((i // 2) % 4) * 180
    c.setFont('DejaVuSans', 8)
    c.drawString(x, y + 150, 'Synthetic meeting')
    c.drawString(x, y + 10, 'STATE PARTY')
    c.drawString(x, y + 120, first)
    c.drawString(x, y + 100, family.upper())
    c.drawString(x, y + 80, delegation)
    code = badge_code(secret, pid)
    c.drawString(x + 200, y + 30, code)
    image = zxingcpp.create_barcode(code, zxingcpp.BarcodeFormat.QRCode, ec_level='M').to_image(
        scale=1, add_quiet_zones=False)
    n = image.shape[0]
    pixels = bytes(memoryview(image))
    digits = b''.join(pixels[r * n:(r + 1) * n].translate(bits) + b'1' * (-n % 8) for r in range(n))
    data = int(digits, 2).to_bytes(len(digits) // 8, 'big').hex()
    c.addLiteral(f'q 75 0 0 75 {{x + 190}} {{y + 40}} cm '
                 f'BI /W {{n}} /H {{n}} /BPC 1 /CS /G /F /AHx ID\\n{{data}}>\\nEI Q')
c.save()
result = {{'seconds': time.perf_counter() - started}}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    args = parser.parse_args()
    source = synthetic_database(args.participants)
    tmp = tempfile.mkdtemp()
    db = f"{tmp}/meeting.sqlite3"
    shutil.copyfile(source, db)
    a = measure(APP.format(db=db, out=f"{tmp}/app.pdf"))
    f = measure(FLOOR.format(db=str(source), out=f"{tmp}/floor.pdf"))
    shutil.rmtree(tmp)
    print(
        f"Badges ({args.participants:,}): application {a['seconds']:.1f} s ({a['note']}), floor {f['seconds']:.1f} s, "
        f"ratio {a['seconds'] / f['seconds']:.2f} (target 1.5; CPU {a['cpu_s']:.1f} s against {f['cpu_s']:.1f} s, "
        f"{a['cpu_s'] / f['cpu_s']:.2f}), peak memory {a['peak_mb']:.0f} MB "
        f"(target 400; floor {f['peak_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
