"""The "New agreement" dialog: template, title, counterpart office, place, date and validity.

The local office becomes PIHAK PERTAMA and the counterpart PIHAK KEDUA; the template fills the
pembukaan, dasar hukum and every pasal from those details (``mou.template.instantiate``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementError, AgreementKind, PartyInput
from mou.office import GovernmentLevel, OfficeError, counterpart_office
from mou.template import Template, TemplateError, instantiate, list_templates
from ui.agreements.acting import required_actor
from ui.agreements.labels import kind_label
from ui.agreements.message_bar import MessageBar
from ui.agreements.messages import error_text
from ui.context import AppContext
from ui.roles import level_label

_NEW_OFFICE = -1


def template_dirs(context: AppContext) -> list:
    """Folders with the user's own templates (besides the shipped ones)."""
    return [context.data_dir / "templates"]


class NewAgreementDialog(QDialog):
    """Create a draft from a template; ``created_id`` holds the new agreement's id."""

    sig_created = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New agreement"))
        self.setMinimumWidth(560)
        self.templates: list[Template] = list_templates(template_dirs(context))

        layout = QVBoxLayout(self)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        form = QFormLayout()
        self.template_combo = QComboBox()
        for tpl in self.templates:
            self.template_combo.addItem(tpl.name, tpl.id)
            self.template_combo.setItemData(
                self.template_combo.count() - 1, kind_label(tpl.kind), Qt.ItemDataRole.ToolTipRole
            )
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        form.addRow(self.tr("Template:"), self.template_combo)
        self.title_edit = QLineEdit()
        form.addRow(self.tr("Subject (judul):"), self.title_edit)
        # A PKS implements a Kesepakatan Bersama: pick one stored here, or type its title.
        self.implements_edit = QComboBox()
        self.implements_edit.setEditable(True)
        self.implements_edit.lineEdit().setPlaceholderText(
            self.tr("Title of the Kesepakatan Bersama this agreement implements")
        )
        with context.database.session() as session:
            for kb in session.scalars(
                select(models.Agreement)
                .where(models.Agreement.kind == AgreementKind.KESEPAKATAN_BERSAMA.value)
                .order_by(models.Agreement.updated_at.desc())
            ):
                self.implements_edit.addItem(kb.title, kb.id)
        self.implements_edit.setCurrentIndex(-1)
        self.implements_label = QLabel(self.tr("Implements:"))
        form.addRow(self.implements_label, self.implements_edit)
        self.place_edit = QLineEdit(context.office.region)
        form.addRow(self.tr("Place of signing:"), self.place_edit)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        form.addRow(self.tr("Date:"), self.date_edit)
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, 30)
        self.years_spin.setSuffix(self.tr(" years"))
        form.addRow(self.tr("Validity (jangka waktu):"), self.years_spin)
        layout.addLayout(form)

        first = QLabel(
            self.tr("PIHAK PERTAMA: %1 (this office)").replace("%1", context.office.display_name)
        )
        first.setWordWrap(True)
        layout.addWidget(first)

        box = QGroupBox(self.tr("PIHAK KEDUA (counterpart office)"))
        office_form = QFormLayout(box)
        self.counterpart_combo = QComboBox()
        self.counterpart_combo.addItem(self.tr("A new office…"), _NEW_OFFICE)
        with context.database.session() as session:
            for office in session.scalars(
                select(models.Office).where(models.Office.is_local.is_(False))
            ):
                self.counterpart_combo.addItem(office.display_name, office.id)
        self.counterpart_combo.currentIndexChanged.connect(self._counterpart_changed)
        office_form.addRow(self.tr("Office:"), self.counterpart_combo)
        self.level_combo = QComboBox()
        for level in GovernmentLevel:
            self.level_combo.addItem(level_label(level), level.value)
        office_form.addRow(self.tr("Level:"), self.level_combo)
        self.region_edit = QLineEdit()
        self.region_edit.setPlaceholderText(self.tr("e.g. Palangka Raya"))
        office_form.addRow(self.tr("Region:"), self.region_edit)
        self.head_name_edit = QLineEdit()
        office_form.addRow(self.tr("Head of region:"), self.head_name_edit)
        self.head_title_edit = QLineEdit()
        self.head_title_edit.setPlaceholderText(self.tr("e.g. Wali Kota Palangka Raya"))
        office_form.addRow(self.tr("Head's title:"), self.head_title_edit)
        self.unit_edit = QLineEdit()
        office_form.addRow(self.tr("Unit:"), self.unit_edit)
        layout.addWidget(box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create draft"))
        buttons.accepted.connect(self.create)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._template_changed()

    def _template(self) -> Template | None:
        index = self.template_combo.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else None

    def _template_changed(self) -> None:
        tpl = self._template()
        if tpl is not None:
            self.title_edit.setText(tpl.default_title)
            self.years_spin.setValue(tpl.default_years)
            is_pks = tpl.kind == AgreementKind.PERJANJIAN_KERJA_SAMA
            self.implements_edit.setVisible(is_pks)
            self.implements_label.setVisible(is_pks)

    def _counterpart_changed(self) -> None:
        new = self.counterpart_combo.currentData() == _NEW_OFFICE
        for widget in (
            self.level_combo,
            self.region_edit,
            self.head_name_edit,
            self.head_title_edit,
            self.unit_edit,
        ):
            widget.setEnabled(new)

    def create(self) -> None:
        """Create the draft, or say what is missing (the dialog stays open)."""
        tpl = self._template()
        if tpl is None:
            self._fail(self.tr("No template is available."))
            return
        new = self.counterpart_combo.currentData() == _NEW_OFFICE
        if new and not self.region_edit.text().strip():
            self._fail(self.tr("Enter the counterpart office's region."))
            return
        qdate = self.date_edit.date()
        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                local = session.get(models.Office, self.context.office.id)
                assert local is not None
                if new:
                    other = counterpart_office(
                        session,
                        uuid=models.new_uuid(),
                        level=self.level_combo.currentData(),
                        region=self.region_edit.text().strip(),
                        unit=self.unit_edit.text().strip(),
                        head_name=self.head_name_edit.text().strip(),
                        head_title=self.head_title_edit.text().strip(),
                    )
                else:
                    other = session.get(models.Office, self.counterpart_combo.currentData())
                    assert other is not None
                agreement = instantiate(
                    session,
                    actor,
                    tpl,
                    [PartyInput.of_office(local), PartyInput.of_office(other)],
                    place=self.place_edit.text().strip(),
                    agreement_date=day,
                    title=self.title_edit.text().strip() or None,
                    years=self.years_spin.value(),
                    implements=self._implements(session)
                    if tpl.kind == AgreementKind.PERJANJIAN_KERJA_SAMA
                    else None,
                )
                session.flush()
                self.created_id = agreement.id
        except (AgreementError, OfficeError, TemplateError) as exc:
            self._fail(error_text(exc))
            return
        self.sig_created.emit(self.created_id)
        self.accept()

    def _implements(self, session: Session) -> models.Agreement | str | None:
        """The chosen stored Kesepakatan Bersama, else the typed title (None when empty)."""
        text = self.implements_edit.currentText().strip()
        index = self.implements_edit.findText(text)
        if index >= 0:
            return session.get(models.Agreement, self.implements_edit.itemData(index))
        return text or None

    def _fail(self, message: str) -> None:
        self.message_bar.show_message(message)
