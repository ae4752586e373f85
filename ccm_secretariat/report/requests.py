"""An extension request's paragraphs in the report's decisions, written from its record (the obligations
tracker): the assessment, the analysing group's observations, the reporting points under their introduction
(lettered subparagraphs) and the closing paragraphs, where the decisions hold the request's place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccm_secretariat.report.events import EventWording, Text
from ccm_secretariat.services.tracker import RequestRow

if TYPE_CHECKING:
    from ccm_secretariat.reference.profiles import ConventionProfile


def request_paragraphs(
    request: RequestRow, body: str, wording: EventWording, convention: ConventionProfile
) -> list[Text]:
    """`convention`: what a request under each article is for, and the article providing for it."""
    purpose, article = convention.request(convention.obligations.rule(request.obligation).article)
    out = [Text(wording.assessment(request, body, purpose, article))]
    out += [Text(text) for text in request.observations]
    if request.points_intro or request.points:
        letters = "abcdefghijklmnopqrstuvwxyz"
        items = tuple(f"({letters[i]}) {point}" for i, point in enumerate(request.points))
        out.append(Text(request.points_intro, items))
    out += [Text(text) for text in request.closing]
    return out
