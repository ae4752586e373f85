"""The code on a badge, digits only so that any barcode scanner on any keyboard layout types it right: the
participant's number, the badge's generation (two digits) and a keyed MAC of both (HMAC-SHA256 with the
database's own secret, made once by migration 0013, truncated to ten digits, about 33 bits).

Without the secret nobody can compute a valid code for anyone, so a badge that was never printed cannot be made
up; a mistyped or misread digit, or two digits swapped, fails the MAC rather than finding someone else. A reprint
may take the next generation, which makes the older badges' codes invalid (the check-in looks the generation up
in the record of printed badges). Generations run 1 to 99; a 99th reprint with a new code is refused (starting
again at 1 would make the newest badge look older than the ones it replaced)."""

from __future__ import annotations

import hashlib
import hmac

MAC_DIGITS = 10
GENERATION_DIGITS = 2
MAX_GENERATION = 10**GENERATION_DIGITS - 1


def _mac(secret: bytes, participant_id: int, generation: int) -> str:
    digest = hmac.new(secret, f"badge:{participant_id}:{generation}".encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**MAC_DIGITS:0{MAC_DIGITS}d}"


def next_generation(generation: int) -> int:
    if generation >= MAX_GENERATION:
        raise ValueError(f"a badge can take a new code {MAX_GENERATION - 1} times; reprint it with its code")
    return generation + 1


MAX_CODE_LENGTH = 20  # digits: a participant number far beyond any meeting's, its generation and the MAC


def badge_code(secret: bytes, participant_id: int, generation: int = 1) -> str:
    if participant_id < 1:
        raise ValueError("participant numbers start at 1")
    if not 1 <= generation <= MAX_GENERATION:
        raise ValueError(f"badge generations run from 1 to {MAX_GENERATION}")
    return f"{participant_id}{generation:0{GENERATION_DIGITS}d}{_mac(secret, participant_id, generation)}"


def read_code(secret: bytes, code: str) -> tuple[int, int] | None:
    """The participant number and the badge's generation a code stands for, or None when it is not a code this
    database made (a mistake, another database's badge, or a forgery)."""
    code = code.strip().replace(" ", "")
    shortest = 1 + GENERATION_DIGITS + MAC_DIGITS
    if not code.isascii() or not code.isdigit() or not shortest <= len(code) <= MAX_CODE_LENGTH:
        return None
    mac = code[-MAC_DIGITS:]
    body = code[:-MAC_DIGITS]
    participant_id, generation = int(body[:-GENERATION_DIGITS]), int(body[-GENERATION_DIGITS:])
    if participant_id < 1 or generation < 1 or body[0] == "0":
        return None
    if not hmac.compare_digest(mac, _mac(secret, participant_id, generation)):
        return None
    return participant_id, generation
