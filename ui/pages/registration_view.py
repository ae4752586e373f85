"""What the registration page's actions (delegation_actions.py, member_actions.py) use of the page: the page is
built from them, so they know it by this description rather than by importing it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from ccm_secretariat.services import Services
    from ccm_secretariat.services.meetings import MeetingRow
    from ccm_secretariat.services.registration import DelegationRow
    from ccm_secretariat.services.roster import DirectoryRow
    from ui.pages.member_list import MemberList
    from ui.undo import UndoRecorder


class RegistrationView(Protocol):
    services: Services
    editor: UndoRecorder
    meeting: MeetingRow | None
    member_table: MemberList
    status: SignalInstance

    @property
    def delegation_rows(self) -> list[DelegationRow]: ...
    def reload_delegation(self, *delegation_ids: int) -> None: ...
    def selected_delegation(self) -> DelegationRow | None: ...
    def selected_delegations(self) -> list[DelegationRow]: ...
    def selected_members(self) -> list[DirectoryRow]: ...
    def select_delegation(self, name: str) -> None: ...
    def _reselect(self, delegation_id: int, *person_ids: int | None) -> None: ...
    def _reload_selecting(self, delegation_ids: set[int], person_ids: list[int]) -> None: ...


def as_widget(view: RegistrationView) -> QWidget:
    """The page itself, as the parent of the questions its actions ask (it is a widget)."""
    return cast("QWidget", view)
