"""The neutral document model of a report: what it says, not how it looks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ccm_secretariat.exports.masthead import Masthead


@dataclass(frozen=True)
class Heading:
    text: str  # "Introduction"
    label: str = ""  # a chapter's numeral ("I."): Word numbers chapters itself, the PDF prints the label

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Paragraph:
    number: int  # 0 for a placeholder, which takes no number
    text: str
    subparagraphs: tuple[str, ...] = ()  # "(a) To review ...", each with its label at the start
    placeholder: bool = False  # text for the secretary to write, shown in brackets and italics
    # The text is a decision's, with its small markup (*inter alia* in italics: spans()); any other text, names
    # above all, is printed literally, asterisks included.
    marked: bool = False


@dataclass(frozen=True)
class DocumentTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = (0.34, 0.66)  # of the text width, per column
    title: str = ""  # a heading of its own ("Working papers …"), kept with the table
    symbols: int | None = None  # the column of document symbols, each a link to its record in the ODS


@dataclass(frozen=True)
class Annex:
    title: str
    subtitle: str
    tables: tuple[DocumentTable, ...]


Block = Heading | Paragraph | DocumentTable


@dataclass(frozen=True)
class Report:
    masthead: Masthead
    blocks: tuple[Block, ...]
    annex: Annex | None

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


EMPHASIS = re.compile(r"\*([^*\n]+)\*")


def spans(text: str) -> list[tuple[str, bool]]:
    """The small markup of a decision's text: words between asterisks ("*inter alia*") are emphasised (italics in
    every format); the rest is plain. Returns (text, emphasised) pieces, the asterisks gone."""
    pieces: list[tuple[str, bool]] = []
    end = 0
    for found in EMPHASIS.finditer(text):
        if found.start() > end:
            pieces.append((text[end : found.start()], False))
        pieces.append((found.group(1), True))
        end = found.end()
    if end < len(text) or not pieces:
        pieces.append((text[end:], False))
    return pieces


def plain(text: str) -> str:
    """The text without its markup, as a reader sees it."""
    return "".join(piece for piece, _ in spans(text))
