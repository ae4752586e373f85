"""What a language says in the documents: dates, numbers, lists, salutations, typography (forms.py, with the data
of each language in en.py, fr.py, es.py), the names of States and organisations (names.py) and alphabetical
order (collation.py). Nothing here reads the process locale."""

from __future__ import annotations

from ccm_secretariat.errors import ValidationError
from ccm_secretariat.language import en, es, fr
from ccm_secretariat.language.forms import Forms

LANGUAGES: dict[str, Forms] = {"en": en.FORMS, "fr": fr.FORMS, "es": es.FORMS}


def forms(code: str) -> Forms:
    """The forms of a document language ("en", "fr", "es"); another code is refused, naming those there are."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValidationError(
            f"“{code}” is not a document language; the desk writes {', '.join(LANGUAGES)}.", "language"
        ) from None


__all__ = ["LANGUAGES", "Forms", "forms"]
