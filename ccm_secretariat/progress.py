"""The one shape of every long-running core operation (exports, the pack, copying a database, loading the demo,
synthesising a meeting, committing an import): a generator of `Progress`. Each item says how far the work is;
the last one, yielded once the work is done and committed, carries what it produced: the file written (`path`,
with `warnings` and the badges `printed`) or a value (`result`: the meeting loaded, an import's result). A result
is never passed as a message: `message` is what a progress dialog shows."""

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
    result: object = None  # set on the last item of work that produces a value rather than a file

    @property
    def finished(self) -> bool:
        return self.path is not None


def run_to_end(progress: Iterable[Progress]) -> Progress:
    """Drive a generator of progress to its end; returns the last item it yielded (each yields at least one)."""
    tail = collections.deque(progress, maxlen=1)
    if not tail:
        raise ValueError("the work yielded nothing, not even its result")
    return tail[0]


def result_of(last: Progress, kind: type[T]) -> T:
    """The value the work produced (its last item's `result`), checked to be of the kind the caller expects."""
    if not isinstance(last.result, kind):
        raise TypeError(f"the work produced {type(last.result).__name__}, not {kind.__name__}")
    return last.result


def run_for(progress: Iterable[Progress], kind: type[T]) -> T:
    """Drive a generator of progress to its end and return the value it produced."""
    return result_of(run_to_end(progress), kind)
