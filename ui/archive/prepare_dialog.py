"""Prepare an Agreed agreement for signing by file exchange (this office is PIHAK PERTAMA)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementStatus
from mou.signing import offline as offline_signing
from mou.signing.offline import OfflineSigningError
from ui.archive.messages import error_text
from ui.archive.office_files import acting_user, signed_archive
from ui.context import AppContext


def preparable_agreements(context: AppContext) -> list[tuple[int, str]]:
    """(id, title) of agreements this office (PIHAK PERTAMA) can prepare for signing now."""
    out = []
    archive = signed_archive(context)
    with context.database.session() as s:
        rows = s.scalars(
            select(models.Agreement)
            .where(
                models.Agreement.status.in_(
                    (AgreementStatus.AGREED.value, AgreementStatus.SIGNING.value)
                )
            )
            .order_by(models.Agreement.updated_at.desc())
        )
        for agreement in rows:
            if not offline_signing.can_prepare(s, agreement, archive):
                continue
            try:
                signatories = offline_signing.signatories_of(s, agreement)
            except OfflineSigningError:
                continue
            if signatories and signatories[0].local:
                out.append((agreement.id, agreement.title))
    return out


class PrepareSigningDialog(QDialog):
    """Pick the agreement and the paper; renders the agreed revision and moves it to Signing."""

    #: The local id of the agreement that is now ready for PIHAK PERTAMA's signature.
    prepared = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Prepare for signing"))
        intro = QLabel(
            self.tr(
                "For offices that sign outside a call. Lintas renders the PDF of the agreed "
                "revision; your signatory signs it first, then you send the file to the other "
                "office, which signs it and sends it back."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.agreement = QComboBox(self)
        for agreement_id, title in preparable_agreements(context):
            self.agreement.addItem(title, agreement_id)
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("F4 (215 × 330 mm)"), "f4")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.paper.setCurrentIndex(0 if context.settings.paper_size == "f4" else 1)
        form = QFormLayout()
        form.addRow(self.tr("Agreement:"), self.agreement)
        form.addRow(self.tr("Paper:"), self.paper)
        self.message = QLabel(self)
        self.message.setObjectName("prepareMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel#prepareMessage { color: #c62828; }")
        if self.agreement.count() == 0:
            self.message.setText(
                self.tr("No agreement is Agreed with this office as PIHAK PERTAMA.")
            )
        self.buttons = QDialogButtonBox(self)
        self.prepare_button = self.buttons.addButton(
            self.tr("Prepare"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.prepare_button.setEnabled(self.agreement.count() > 0)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.prepare)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())

    def select(self, agreement_id: int) -> bool:
        """Pick an agreement by local id (False when it cannot be prepared here)."""
        index = self.agreement.findData(agreement_id)
        if index >= 0:
            self.agreement.setCurrentIndex(index)
        return index >= 0

    @Slot()
    def prepare(self) -> bool:
        """Render and store the PDF, Agreed → Signing; a message and no change on refusal."""
        agreement_id = self.agreement.currentData()
        if agreement_id is None:
            return False
        actor = acting_user(self.context)
        if actor is None:
            self.message.setText(self.tr("Choose who you are in the window header first."))
            return False
        try:
            with self.context.database.session() as s:
                offline_signing.prepare(
                    s,
                    int(agreement_id),
                    actor,
                    signed_archive(self.context),
                    paper=self.paper.currentData(),
                )
        except OfflineSigningError as exc:
            self.message.setText(error_text(exc))
            return False
        self.prepared.emit(int(agreement_id))
        self.accept()
        return True
