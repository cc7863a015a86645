"""The "New agreement" dialog: template, title, counterpart office, place, date and validity.

The counterpart is one of the offices this office trusts (its id and profile come from its office
card); "Trust a new office…" in the same list opens a card file.

The local office becomes PIHAK PERTAMA and the counterpart PIHAK KEDUA; the template fills the
pembukaan, dasar hukum and every pasal from those details (``mou.template.instantiate``).

Opened from a call ("Start an agreement with …"), the dialog also offers "Share with <office> in
this call" (:meth:`NewAgreementDialog.offer_share`), checked: the new draft then goes to that
office as soon as the editor's live link is up, without the live tab's share click.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from mou.office import OfficeError
from mou.template import Template, TemplateError, instantiate, list_templates
from ui.agreements.acting import required_actor
from ui.agreements.field_marks import FieldMarks
from ui.agreements.labels import kind_label
from ui.agreements.message_bar import MessageBar
from ui.agreements.messages import error_text
from ui.context import AppContext
from ui.datestyle import date_edit_format
from ui.office_card import OfficeCardActions

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
        self.date_edit.setDisplayFormat(date_edit_format())
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
        # Only trusted offices: a draft names the counterpart by the id from its office card,
        # so the other office's Lintas recognises itself as a party and imports it.
        self.counterpart_combo = QComboBox()
        self.counterpart_combo.setObjectName("counterpartCombo")
        office_form.addRow(self.tr("Office:"), self.counterpart_combo)
        self.counterpart_hint = QLabel()
        self.counterpart_hint.setWordWrap(True)
        office_form.addRow("", self.counterpart_hint)
        # Offered only when opened from a call with the chosen office (offer_share).
        self.share_check = QCheckBox()
        self.share_check.setObjectName("shareInCall")
        self.share_check.hide()
        self.share_check.clicked.connect(self._share_clicked)
        office_form.addRow("", self.share_check)
        self._call_offices: frozenset[str] = frozenset()
        self._share_wanted = True  # the user's own choice, kept while another office is picked
        layout.addWidget(box)
        self.card_actions = OfficeCardActions(context, self)
        self.card_actions.sig_trusted.connect(self._trusted)
        self._previous_counterpart = 0
        self.reload_counterparts()
        self.counterpart_combo.activated.connect(self._counterpart_activated)
        self.counterpart_combo.currentIndexChanged.connect(self._counterpart_changed)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create draft"))
        buttons.accepted.connect(self.create)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._template_changed()
        self._setup_checks()

    def _setup_checks(self) -> None:
        """Which fields must be filled; a marked field is checked again as it changes."""
        self.marks = FieldMarks(self.message_bar)
        self.marks.add(
            self.title_edit,
            lambda: "" if self.title_edit.text().strip()
            else self.tr("Give the agreement its subject (judul)."),
        )  # fmt: skip
        self.marks.add(
            self.place_edit,
            lambda: "" if self.place_edit.text().strip()
            else self.tr("Give the place where the agreement is signed."),
        )  # fmt: skip
        self.marks.add(
            self.counterpart_combo,
            lambda: self.tr("Choose the counterpart office, or trust it first (see the hint).")
            if self.counterpart_combo.currentData() == _NEW_OFFICE else "",
        )  # fmt: skip
        for edit in (self.title_edit, self.place_edit):
            edit.textChanged.connect(self.marks.changed)
        # The counterpart list is also rebuilt with its signals blocked (after trusting an
        # office): _counterpart_changed runs in both cases and re-checks.
        self.template_combo.currentIndexChanged.connect(self.marks.changed)
        self.implements_edit.currentTextChanged.connect(self.marks.changed)
        self.date_edit.dateChanged.connect(self.marks.changed)
        self.years_spin.valueChanged.connect(self.marks.changed)

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

    def reload_counterparts(self, chosen: str | None = None) -> None:
        """List the trusted offices, then "Trust a new office…"; select ``chosen`` by name."""
        self.counterpart_combo.blockSignals(True)
        self.counterpart_combo.clear()
        with self.context.database.session() as session:
            offices = session.scalars(
                select(models.Office)
                .where(models.Office.is_local.is_(False))
                .where(models.Office.certificates.any())
                .order_by(models.Office.region)
            ).all()
            for office in offices:
                self.counterpart_combo.addItem(office.display_name, office.id)
                self.counterpart_combo.setItemData(
                    self.counterpart_combo.count() - 1,
                    office.head_title,
                    Qt.ItemDataRole.ToolTipRole,
                )
        if offices:
            self.counterpart_combo.insertSeparator(self.counterpart_combo.count())
        self.counterpart_combo.addItem(self.tr("Trust a new office…"), _NEW_OFFICE)
        index = self.counterpart_combo.findText(chosen) if chosen else 0
        self.counterpart_combo.setCurrentIndex(max(index, 0))
        self._previous_counterpart = self.counterpart_combo.currentIndex()
        self.counterpart_combo.blockSignals(False)
        self._counterpart_changed()

    def _counterpart_activated(self, index: int) -> None:
        if self.counterpart_combo.itemData(index) == _NEW_OFFICE:
            self.card_actions.choose_trust()

    def _trusted(self, name: str) -> None:
        self.reload_counterparts(chosen=name)

    def _counterpart_changed(self) -> None:
        marks = getattr(self, "marks", None)  # None while the dialog is being built
        if marks is not None:
            marks.changed()
        if self.counterpart_combo.currentData() == _NEW_OFFICE:
            self.counterpart_hint.setText(
                self.tr(
                    "A draft can be sent only to an office you trust. The easiest way: trust it "
                    "during a call with them (Sessions), after comparing the code. Or choose "
                    "“Trust a new office…” and open the office card file they sent you."
                )
            )
        else:
            self.counterpart_hint.setText(self.tr("Trusted: their Lintas will accept this draft."))
        self._update_share()

    # -- sharing the new draft in the call it was started from --------------------------------

    def offer_share(self, offices: set[str] | frozenset[str]) -> None:
        """Offer to share the draft in the call with ``offices`` (verified there), checked."""
        self._call_offices = frozenset(offices)
        self._share_wanted = True
        self.share_check.setVisible(bool(offices))
        self._update_share()

    def share_requested(self) -> bool:
        """True when the new draft is to be shared in the call with its counterpart."""
        return (
            bool(self._call_offices)
            and self.share_check.isEnabled()
            and self.share_check.isChecked()
        )

    def _share_clicked(self, checked: bool) -> None:
        self._share_wanted = checked

    def _update_share(self) -> None:
        if not getattr(self, "_call_offices", None):
            return  # not opened from a call (or still being built)
        name = self.counterpart_combo.currentText()
        in_call = name in self._call_offices
        if self.counterpart_combo.currentData() != _NEW_OFFICE:
            self.share_check.setText(self.tr("Share with %1 in this call").replace("%1", name))
        # Another office than those in the call: nothing would be sent, so it is not checked.
        self.share_check.setEnabled(in_call)
        self.share_check.setChecked(in_call and self._share_wanted)
        self.share_check.setToolTip("" if in_call else self.tr("This office is not in the call."))

    def create(self) -> None:
        """Create the draft, or say what is missing (the dialog stays open)."""
        tpl = self._template()
        if tpl is None:
            self._fail(self.tr("No template is available."))
            return
        if not self.marks.validate():
            return
        qdate = self.date_edit.date()
        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                local = session.get(models.Office, self.context.office.id)
                assert local is not None
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
        self.marks.show_other(message)
