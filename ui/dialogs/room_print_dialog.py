"""Which badges (or nameplates) to print: all, one category, only the badges not printed yet, or the
delegations or participants selected on the Registration page; the badge layout, and the language of the bands,
the names of States and organisations and the dates."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QComboBox, QRadioButton, QVBoxLayout, QWidget

from ccm_secretariat.documents.options import BadgeOptions, NameplateOptions
from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS
from ccm_secretariat.reference.profiles import ConventionProfile
from ui.categories import add_categories
from ui.dialogs.form import FormDialog
from ui.language_box import language_box


class RoomPrintDialog(FormDialog):
    def __init__(
        self,
        badges: bool,
        delegation_ids: tuple[int, ...],
        participant_ids: tuple[int, ...],
        profile: ConventionProfile,
        parent: QWidget | None = None,
        language: str = "en",
    ):
        super().__init__("Print badges" if badges else "Print nameplates", parent)
        self.badges = badges
        self.delegation_ids, self.participant_ids = delegation_ids, participant_ids
        self.choice = QButtonGroup(self)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.category = QComboBox()
        add_categories(self.category, profile.categories)  # the meeting's convention's
        choices = [("all", "Every participant" if badges else "Every delegation that takes part")]
        if badges:
            choices.append(("new", "Only those whose badge has not been printed yet"))
        choices.append(("category", "One category:"))
        choices.append(("delegations", f"The delegations selected on the Registration page ({len(delegation_ids)})"))
        if badges:
            choices.append(
                ("participants", f"The participants selected on the Registration page ({len(participant_ids)})")
            )
        self.buttons_by_name: dict[str, QRadioButton] = {}
        for name, label in choices:
            button = QRadioButton(label)
            self.choice.addButton(button)
            self.buttons_by_name[name] = button
            column.addWidget(button)
            if name == "category":
                column.addWidget(self.category)
            button.toggled.connect(self.revalidate)
        self.buttons_by_name["delegations"].setEnabled(bool(delegation_ids))
        if badges:
            self.buttons_by_name["participants"].setEnabled(bool(participant_ids))
        self.buttons_by_name["participants" if badges and participant_ids else "all"].setChecked(True)
        self.add_field("which", "Print", box)
        self.layout_box = QComboBox()
        for layout in LAYOUTS.values():
            self.layout_box.addItem(layout.label, layout.name)
        self.layout_box.setCurrentIndex(self.layout_box.findData(DEFAULT_LAYOUT))
        self.revoke_old = QCheckBox("Reprinted badges get new codes; the older ones no longer check in")
        if badges:
            self.add_field("layout", "Layout", self.layout_box)
            self.add_field("revoke_old", "Reprints", self.revoke_old)
        self.language = language_box(language)
        self.add_field("language", "Language", self.language)
        self.category.currentIndexChanged.connect(lambda _i: self.buttons_by_name["category"].setChecked(True))
        self.setMinimumWidth(560)
        self.revalidate()

    def chosen(self) -> str:
        return next(name for name, button in self.buttons_by_name.items() if button.isChecked())

    def submit(self) -> BadgeOptions | NameplateOptions:
        which = self.chosen()
        category = self.category.currentData() if which == "category" else None
        delegation_ids = self.delegation_ids if which == "delegations" else ()
        language = self.language.currentData()
        if not self.badges:
            return NameplateOptions(category=category, delegation_ids=delegation_ids, language=language)
        return BadgeOptions(
            layout=self.layout_box.currentData(),
            only_new=which == "new",
            revoke_old=self.revoke_old.isChecked(),
            category=category,
            delegation_ids=delegation_ids,
            participant_ids=self.participant_ids if which == "participants" else (),
            language=language,
        )

    @classmethod
    def ask(
        cls,
        parent,
        badges: bool,
        profile: ConventionProfile,
        delegation_ids=(),
        participant_ids=(),
        language: str = "en",
    ) -> tuple[BadgeOptions | NameplateOptions | None, bool]:
        dialog = cls(badges, tuple(delegation_ids), tuple(participant_ids), profile, parent, language)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
