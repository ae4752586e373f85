"""The participant code on a badge: the participant's number in the database and two check digits (ISO 7064
MOD 97-10, as in an IBAN), digits only so that any barcode scanner on any keyboard layout types it right.

Participant numbers are never reused (the table counts on), so a code stays unique within the database; a
mistyped or misread digit, or two digits swapped, fails the check rather than finding someone else."""

from __future__ import annotations

MIN_DIGITS = 4  # the number part is padded, so that every code has at least six digits


def badge_code(participant_id: int) -> str:
    if participant_id < 1:
        raise ValueError("participant numbers start at 1")
    body = f"{participant_id:0{MIN_DIGITS}d}"
    check = (1 - int(body) * 100) % 97
    return f"{body}{check:02d}"


def participant_of(code: str) -> int | None:
    """The participant number a code stands for, or None when it is not a valid code."""
    code = code.strip().replace(" ", "")
    if not code.isascii() or not code.isdigit() or len(code) < MIN_DIGITS + 2:
        return None
    if int(code) % 97 != 1:
        return None
    number = int(code[:-2])
    return number if number >= 1 and badge_code(number) == code else None
