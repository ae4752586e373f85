"""Domain errors: every failure a secretary can meet, with the field it concerns."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


class DomainError(Exception):
    """A refusal the user can act on. `field` names the input concerned, when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ValidationError(DomainError):
    """A value is malformed or out of range."""


class NotFoundError(DomainError):
    """The object asked for does not exist (any more)."""


class DuplicateError(DomainError):
    """The object would duplicate one that exists."""


class DatabaseError(DomainError):
    """The database cannot be opened or written: locked, damaged, too new."""


class ConflictError(DomainError):
    """Someone else changed the record since this screen read it. `current` holds the record as it is now, so
    the screen can show it and the secretary can apply their change again."""

    def __init__(self, message: str, current: Any = None, field: str | None = None) -> None:
        super().__init__(message, field)
        self.current = current
