"""What an export generator yields: how far it is, and at the end where the file is and what to heed."""

from __future__ import annotations

import collections
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""
    path: Path | None = None  # set on the last item, once the file is in place
    warnings: tuple[str, ...] = ()
    # Badges written but not recorded as printed (ExportOptions.record_printed off): the pack records them once
    # they are in place.
    printed: tuple[tuple[int, int], ...] = ()  # (participant, code generation)

    @property
    def finished(self) -> bool:
        return self.path is not None


def run_to_end(progress: Iterable[T]) -> T:
    """Drive a generator of progress (an export, the demo loader, the generator) to its end; returns the last
    item it yielded (each yields at least its result)."""
    tail = collections.deque(progress, maxlen=1)
    if not tail:
        raise ValueError("the work yielded nothing, not even its result")
    return tail[0]
