"""The neutral document model of a report: what it says, not how it looks."""

from __future__ import annotations

from dataclasses import dataclass

from ccm_secretariat.exports.masthead import Masthead


@dataclass(frozen=True)
class Heading:
    text: str  # "I. Introduction"


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    subparagraphs: tuple[str, ...] = ()  # "(a) To review ...", each with its label at the start
    placeholder: bool = False  # text for the secretary to write, shown in brackets and italics


@dataclass(frozen=True)
class DocumentTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = (0.34, 0.66)  # of the text width, per column


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
