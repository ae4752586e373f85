"""QR codes on the badges: encoded by zxing-cpp (a C++ encoder, about 0.2 ms a code against reportlab's
pure-Python 6 ms) and drawn as one 1-bit image, inline in the page: a few hundred bytes a code, where a path of
rectangles takes kilobytes and a separate image object takes a cross-reference entry of its own.

The drawer takes a plain string: what the code says is the caller's business."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import zxingcpp

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

ERROR_CORRECTION = "M"  # 15 % of the code may be soiled or torn and it still reads
_BITS = bytes.maketrans(b"\x00\xff", b"01")  # zxing-cpp's pixels: 0 dark, 255 light; in the PDF, 0 is black


@dataclass(frozen=True)
class QrBitmap:
    """A QR code as a square of `size` modules, one bit each (0 dark), rows padded to whole bytes."""

    size: int
    bits: bytes


def qr_bitmap(text: str) -> QrBitmap:
    """The QR code of `text` (error correction M, the mask chosen as the standard says), without quiet zone."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    n = image.shape[0]
    pixels = bytes(memoryview(image))  # type: ignore[arg-type]  # the stubs omit its buffer protocol
    pad = b"1" * (-n % 8)
    digits = b"".join(pixels[r * n : (r + 1) * n].translate(_BITS) + pad for r in range(n))
    return QrBitmap(n, int(digits, 2).to_bytes(len(digits) // 8, "big"))


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The QR code of `text` as a size × size square with its lower left corner at (x, y): one inline 1-bit
    grey image, not smoothed when scaled (the modules stay sharp on screen and on paper)."""
    qr = qr_bitmap(text)
    canvas.addLiteral(
        f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm\n"
        f"BI /W {qr.size} /H {qr.size} /BPC 1 /CS /G /F /AHx ID\n{qr.bits.hex()}>\nEI Q"
    )
