"""Bulk work on many small objects (reading 100,000 rows, planning an import): the cyclic garbage collector
would walk every live object again and again as they are made (a third of the time), and they hold no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block (reference counting still frees memory); nests safely."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def paused_between(items: Iterator[T]) -> Iterator[T]:
    """The items of a long generator (a document written, reporting its progress) made with the collector paused,
    and running again at each item handed out: never paused while the caller's own code runs, and a long run's
    collections come a few at a time at its progress reports, not thousands of times over every live row."""
    try:
        while True:
            with paused_gc():
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item
    finally:  # a cancel (the caller closing this generator) closes the work too, and its files are removed
        close = getattr(items, "close", None)
        if close is not None:
            close()
