"""Which encoding a text file is in: a documented rule, never a silent guess.

1. A byte-order mark says UTF-16 or UTF-8.
2. A file that decodes as UTF-8 is UTF-8.
3. A file that is UTF-8 but for a few bytes (twice as many characters beyond ASCII decode as UTF-8 as fail to)
   was damaged or pasted together: refused, naming the row of the first bad byte.
4. Otherwise the file is read as Windows-1252 (what Excel's "CSV" writes on a Western European Windows) only
   when the text it gives reads as Western European text: every character beyond ASCII is a letter of the
   Latin-1 range (À-ÿ but × and ÷) or one of the punctuation marks such text uses (’ ‘ “ ” « » – — € ° º ª ¿ ¡ ·
   and the no-break space), no word holds three such characters in a row, and no word of two letters or more is
   made of them alone ("à" is a word; "Íõ" is not).
   A file in another encoding (GBK, Shift-JIS, Big5, Windows-1251 …) read that way gives "words" such as
   "ÍõÎ°" or "‚ ƒ" and is refused, saying to save it as CSV UTF-8 (or to name its encoding).
5. An encoding the secretary names (`--encoding`) is used as named, and must decode the whole file.

The caller says which encoding was used (the command line prints it; the window shows it with the columns)."""

from __future__ import annotations

import codecs
import re

from ccm_secretariat.errors import ValidationError

_WESTERN_MARKS = set("’‘“”«»–—€°ºª¿¡·\u00a0")
_WORD = re.compile(r"[^\W\d_]+")


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the name of the encoding it was read in (see the module's rule)."""
    if encoding:
        return _named(data, name, encoding)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise ValidationError(f"{name} starts like UTF-16 text but byte {exc.start} is not.", "file") from None
    if b"\x00" in data:
        raise ValidationError(
            f"{name} is not a text file the import can read (it holds NUL bytes: save it as "
            "CSV UTF-8, or as an Excel workbook).",
            "file",
        )
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    if _mostly_utf8(data):
        raise ValidationError(
            f"{name} is UTF-8 text except at row {_row_of(data, bad)} (byte {bad + 1}), which is not: the file was "
            "damaged or put together from files in different encodings. Nothing was read; save it again as "
            "“CSV UTF-8” and import it again.",
            "file",
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _not_western(name, data, exc.start) from None
    odd = _first_odd(text)
    if odd is not None:
        raise _not_western(name, data, len(text[:odd].encode("cp1252")))
    return text, "Windows-1252"


def _mostly_utf8(data: bytes) -> bool:
    """More characters beyond ASCII decode as UTF-8 than fail to (twice as many): UTF-8 with a few bad bytes."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 2 * bad


def _named(data: bytes, name: str, encoding: str) -> tuple[str, str]:
    try:
        label = codecs.lookup(encoding).name
    except LookupError:
        raise ValidationError(
            f"“{encoding}” is not an encoding Python knows (try utf-8, cp1252, gbk).", "encoding"
        ) from None
    try:
        return data.decode(label), label
    except LookupError:  # a codec that is not a text encoding (base64, hex, rot13…)
        raise ValidationError(f"“{encoding}” is not a text encoding (try utf-8, cp1252, gbk).", "encoding") from None
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"{name} is not {label} text: row {_row_of(data, exc.start)} (byte {exc.start + 1}) is not.", "encoding"
        ) from None


def _row_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _not_western(name: str, data: bytes, offset: int) -> ValidationError:
    return ValidationError(
        f"{name} is not UTF-8, and read as Windows-1252 its row {_row_of(data, offset)} does not read as text: it is "
        "in another encoding. Nothing was read; save it as “CSV UTF-8” (or name its encoding: --encoding gbk, "
        "shift_jis …) and import it again.",
        "file",
    )


def _first_odd(text: str) -> int | None:
    """Where Windows-1252 text stops reading as Western European text (rule 4), or None."""
    found = [
        i
        for i, ch in enumerate(text)
        if ord(ch) > 0x7F and ch not in _WESTERN_MARKS and not ("\u00c0" <= ch <= "\u00ff" and ch not in "×÷")
    ][:1]
    for word in _WORD.finditer(text):
        w = word.group()
        if not w.isascii() and ((len(w) > 1 and not any(c.isascii() for c in w)) or re.search(r"[^\x00-\x7f]{3}", w)):
            found.append(word.start())
            break
    return min(found, default=None)
