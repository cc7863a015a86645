"""The agreement's details: title, place, dates and each party's own nomor.

Each field is written to the working copy as soon as it is left (``editingFinished``) or a date is
picked, like the autosaved pasal text; "Save revision" then freezes it with the rest.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mou.agreement import AgreementError, get_agreement, role_label, update_details, update_party
from mou.publication import e_meterai_chosen
from mou.working_copy import DETAILS, parts
from ui.agreements.acting import required_actor
from ui.agreements.editor.snapshot import AgreementData
from ui.agreements.messages import error_text
from ui.context import AppContext
from ui.datestyle import date_edit_format


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate.currentDate()


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DetailsPanel(QWidget):
    """Edits the header of the agreement and the parties' numbers."""

    sig_changed = Signal()
    sig_error = Signal(str)
    # An edit for the undo history: its text, the details before and after.
    sig_undoable = Signal(str, object, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id: int | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_en_edit = QLineEdit()
        self.place_edit = QLineEdit()
        self.date_edit = self._date()
        self.valid_from_edit = self._date()
        self.valid_until_edit = self._date()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Title (English):"), self.title_en_edit)
        form.addRow(self.tr("Place:"), self.place_edit)
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Valid from:"), self.valid_from_edit)
        form.addRow(self.tr("Valid until:"), self.valid_until_edit)
        self.meterai_check = QCheckBox(self.tr("Reserve an area for an e-Meterai"))
        self.meterai_check.setToolTip(
            self.tr(
                "For offices that affix an e-Meterai before signing: the document keeps a space "
                "for it beside the first party's signature, and its closing says so."
            )
        )
        form.addRow("", self.meterai_check)
        layout.addLayout(form)
        self.parties_box = QGroupBox(self.tr("Nomor of each party"))
        self.parties_form = QFormLayout(self.parties_box)
        layout.addWidget(self.parties_box)
        layout.addStretch(1)
        self.nomor_edits: dict[int, QLineEdit] = {}
        for key, edit in (
            ("title", self.title_edit),
            ("title_en", self.title_en_edit),
            ("place", self.place_edit),
        ):
            edit.editingFinished.connect(lambda k=key, e=edit: self._save(**{k: e.text()}))
        for key, date_edit in (
            ("agreement_date", self.date_edit),
            ("valid_from", self.valid_from_edit),
            ("valid_until", self.valid_until_edit),
        ):
            date_edit.dateChanged.connect(lambda d, k=key: self._save(**{k: _pydate(d)}))
        self.meterai_check.toggled.connect(lambda on: self._save(e_meterai=on))

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format())
        return edit

    def set_data(self, data: AgreementData) -> None:
        """Show the agreement's details."""
        self._loading = True
        self.agreement_id = data.id
        self.title_edit.setText(data.title)
        self.title_en_edit.setText(data.title_en)
        self.place_edit.setText(data.place)
        self.date_edit.setDate(_qdate(data.agreement_date))
        self.valid_from_edit.setDate(_qdate(data.valid_from))
        self.valid_until_edit.setDate(_qdate(data.valid_until))
        with self.context.database.session() as session:
            self.meterai_check.setChecked(e_meterai_chosen(get_agreement(session, data.id)))
        if list(self.nomor_edits) == [p.position for p in data.parties]:
            # Same parties: update in place. Rebuilding would delete the line edit whose
            # editingFinished signal is still being delivered (this runs from its save).
            for party in data.parties:
                self.nomor_edits[party.position].setText(party.nomor)
        else:
            self._build_parties(data)
        self._set_read_only(not data.can_edit)
        self._loading = False

    def _build_parties(self, data: AgreementData) -> None:
        while self.parties_form.rowCount():
            self.parties_form.removeRow(0)
        self.nomor_edits = {}
        for party in data.parties:
            edit = QLineEdit(party.nomor)
            edit.setPlaceholderText(self.tr("given by %1").replace("%1", party.name))
            edit.editingFinished.connect(
                lambda p=party.position, e=edit: self._save_nomor(p, e.text())
            )
            self.parties_form.addRow(f"{role_label(party.position)}:", edit)
            self.nomor_edits[party.position] = edit

    def _set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.title_edit,
            self.title_en_edit,
            self.place_edit,
            *self.nomor_edits.values(),
        ):
            widget.setReadOnly(read_only)
        for date_edit in (self.date_edit, self.valid_from_edit, self.valid_until_edit):
            date_edit.setReadOnly(read_only)
        self.meterai_check.setEnabled(not read_only)

    def _save(self, **changes: Any) -> None:
        if self._loading or self.agreement_id is None:
            return
        self._write(lambda session, agreement, actor: update_details(
            session, agreement, actor, **changes))  # fmt: skip

    def _save_nomor(self, position: int, nomor: str) -> None:
        if self._loading or self.agreement_id is None:
            return
        self._write(lambda session, agreement, actor: update_party(
            session, agreement, actor, position, nomor=nomor.strip()))  # fmt: skip

    def _write(self, edit: Any) -> None:
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                agreement = get_agreement(session, self.agreement_id)
                before = parts(agreement)[DETAILS]
                edit(session, agreement, actor)
                session.flush()
                after = parts(agreement)[DETAILS]
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.sig_undoable.emit(self.tr("Change the details"), {DETAILS: before}, {DETAILS: after})
        self.sig_changed.emit()
