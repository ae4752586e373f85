"""The participation paragraphs of the report ("The following States Parties ... participated ..."), one per
non-empty category, worded by the meeting's report settings."""

from __future__ import annotations

from ccm_secretariat.reference.profiles import ConventionProfile
from ccm_secretariat.report.wording import Wording
from ccm_secretariat.report.wording.en import ENGLISH
from ccm_secretariat.services.meetings import ReportSettings
from ccm_secretariat.services.registration import DelegationRow


def participation_paragraphs(
    delegations: list[DelegationRow],
    settings: ReportSettings,
    body: str,
    convention: ConventionProfile,
    wording: Wording = ENGLISH,
) -> list[str]:
    """`delegations` in list order (by category, then English order); `body` is "Conference" or "Meeting";
    `convention` the meeting's, whose categories come in its order.
    Only those that took part are named: members named, or marked present (not merely registered). The sentences
    are the meeting's own (its report settings; in another language, its convention's in that language); the
    names, their order and the lists are the wording's."""
    delegations = wording.delegations([d for d in delegations if d.took_part])
    paragraphs = []
    for category in convention.categories:
        members = [d for d in delegations if d.category == category.key]
        if not members:
            continue
        if category.is_state:
            names = wording.join([d.name for d in members], settings.serial_comma_states)
        else:
            names = wording.join([d.name_with_acronym for d in members], settings.serial_comma_organisations)
        paragraphs.append(wording.participation(settings, category, body, names))
    return paragraphs
