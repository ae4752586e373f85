"""Text made to fit a box: the largest size at which it fits on one line, or broken onto more lines at a
sensible place ("United Kingdom of Great Britain / and Northern Ireland", never "Great / Britain"), never cut
and never overflowing. Badges and nameplates use it.

Widths scale with the size, so each candidate line is measured once, at 1 point."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ccm_secretariat.exports.fonts import FontSet

# A line should not end on these, and breaking before them reads well ("… Britain / and Northern Ireland").
JOINING_WORDS = frozenset("and of the for on in to at de du des la le les et y del el".split())
LEADING = 1.15  # line height as a multiple of the size
EXTRA_LINE = 1.5  # a name reads best whole: another line must earn half as much size again ("Côte d'Ivoire")


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return self.size * LEADING * len(self.lines)


def _penalty(before: list[str], after: list[str]) -> float:
    """How much worse a break between `before` and `after` reads (1: neutral; below 1: a good place)."""
    last, first = before[-1].lower().strip("(),"), after[0].lower()
    if last in JOINING_WORDS:
        return 1.2
    if first.strip("(") in JOINING_WORDS or first.startswith("("):
        return 0.85
    return 1.0


def fit(
    fonts: FontSet, text: str, width: float, height: float, max_size: float, style: str = "regular", max_lines: int = 2
) -> Fitted:
    """The largest size (at most `max_size`) at which `text` fits in width × height, on 1 to `max_lines` lines
    broken between words; a single word too long for the box only makes the size smaller."""
    words = text.split()
    if not words:
        return Fitted(max_size, ("",))
    whole = " ".join(words)
    if max_lines >= 1 and min(max_size, width / _unit(fonts, whole, style), height / LEADING) == max_size:
        return Fitted(max_size, (whole,))  # nothing scores higher than the whole text at the largest size
    return best_breaks(fonts, words, width, height, max_size, style, max_lines)


def _unit(fonts: FontSet, line: str, style: str) -> float:
    return max(fonts.width(line, 1.0, style), 1e-6)


def best_breaks(
    fonts: FontSet, words: list[str], width: float, height: float, max_size: float, style: str, max_lines: int
) -> Fitted:
    """Of the ways to break `words` into 1 to `max_lines` lines, the one that reads best at the largest size."""

    def measure(line: str) -> float:
        return _unit(fonts, line, style)

    best: tuple[float, float, tuple[str, ...]] | None = None  # (score, size, lines)
    for count in range(1, min(max_lines, len(words)) + 1):
        for cuts in itertools.combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            pieces = [words[a:b] for a, b in zip(bounds, bounds[1:])]
            lines = tuple(" ".join(p) for p in pieces)
            size = min(max_size, width / max(measure(line) for line in lines), height / (LEADING * count))
            penalty = 1.0
            for before, after in zip(pieces, pieces[1:]):
                penalty *= _penalty(before, after)
            score = size / (penalty * EXTRA_LINE ** (count - 1))
            if best is None or score > best[0] + 1e-9:
                best = (score, size, lines)
        if count >= 3 and len(words) > 12:
            break  # enough: long texts do not need every combination
    if best is None:  # no words (the empty text returned earlier) or no lines allowed
        raise ValueError(f"nothing to fit in {max_lines} line(s)")
    return Fitted(best[1], best[2])
