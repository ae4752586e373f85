"""Bulk work on many small objects (reading 100,000 rows, planning an import): the cyclic garbage collector
would walk every live object again and again as they are made (a third of the time), and they hold no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


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
