"""Cleaning a typed value: trimmed, required or not, of bounded length, without control characters."""

from __future__ import annotations

import re

from ccm_secretariat.errors import ValidationError

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")


def clean(text: str | None, field: str, *, required: bool = False, max_length: int = 300) -> str:
    """Trim a text field; refuse it empty when required, too long, or with control characters."""
    value = (text or "").strip()
    if required and not value:
        raise ValidationError("must not be empty.", field)
    if len(value) > max_length:
        raise ValidationError(f"is {len(value)} characters long; at most {max_length} fit.", field)
    if _CONTROL.search(value):
        raise ValidationError("contains control characters; retype it.", field)
    return value
