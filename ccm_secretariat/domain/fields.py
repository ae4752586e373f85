"""Cleaning a typed value: trimmed, required or not, of bounded length, and only characters that print.

Refused everywhere, with a message that names the character: control characters (C0 other than the line break
and tab that multi-line fields allow, DEL, C1), lone surrogates, noncharacters (U+FFFE, U+FFFF and the like: they
break the workbook and the Word report), the line and paragraph separators, a byte-order mark inside the text,
the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): a right-to-left
override in a name would reverse the rest of a report sentence; and the invisible characters that make two names
look alike or a search miss (the zero-width space U+200B, the word joiner and invisible operators U+2060-U+2064,
the Mongolian vowel separator U+180E). The zero-width joiner and non-joiner (U+200C, U+200D) stay (Persian and
Indic names need them), and so do the direction marks U+200E and U+200F. Arabic, Hebrew and every other script
are of course allowed; the documents isolate each name's direction themselves.
"""

from __future__ import annotations

import re
import unicodedata

from ccm_secretariat.errors import ValidationError

_REFUSED = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
    "\ufdd0-\ufdef\ufffe\uffff\u200b\u2060-\u2064\u180e"
)
_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_ONE_LINE = re.compile(f"[\t\n\r{_REFUSED}{_NONCHARACTERS}]")
_MULTI_LINE = re.compile(f"[\r{_REFUSED}{_NONCHARACTERS}]")


def describe_character(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if ch in "\n\r":
        return "a line break"
    if ch == "\t":
        return "a tab"
    return f"U+{ord(ch):04X}" + (f" ({name.lower()})" if name else "")


def clean(
    text: str | None, field: str, *, required: bool = False, max_length: int = 300, multiline: bool = False
) -> str:
    """Trim a text field; refuse it empty when required, too long, or with a character that cannot be printed
    or that would change the text around it. `multiline` fields (notes, the text of a decision) keep line
    breaks and tabs (a Windows line break becomes a plain one)."""
    value = (text or "").strip()
    if multiline:
        value = value.replace("\r\n", "\n")
    if required and not value:
        raise ValidationError("must not be empty.", field)
    if len(value) > max_length:
        raise ValidationError(f"is {len(value)} characters long; at most {max_length} fit.", field)
    found = (_MULTI_LINE if multiline else _ONE_LINE).search(value)
    if found:
        where = found.start() + 1
        raise ValidationError(
            f"contains {describe_character(found.group())} at character {where}, which cannot "
            "be printed in the documents; retype it.",
            field,
        )
    return value


def escaped(text: str) -> str:
    """`text` with every character `clean` refuses in a one-line field written as its Python escape (\\x1b,
    \\u202e, \\t): safe in a workbook cell, a terminal or a log, and still telling what the file held."""
    return _ONE_LINE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)
