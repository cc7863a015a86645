"""Settings: the office profile (as printed on agreements) and its signing certificate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mou.office import OfficeError, OfficeProfile, update_local_office
from ui.context import AppContext
from ui.datestyle import short_date
from ui.office_messages import office_error_text
from ui.wizard.lambang import LambangError, lambang_png
from ui.wizard.wizard import certificate_copy


class OfficeSection(QGroupBox):
    """Edit unit, head of region, NIP and lambang; show and export the certificate."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Office"), parent)
        self.context = context
        profile = OfficeProfile.of(context.office)
        self._lambang = profile.lambang_png
        form = QFormLayout(self)
        self.name_label = QLabel(profile.display_name)
        self.unit = QLineEdit(profile.unit)
        self.head_name = QLineEdit(profile.head_name)
        self.head_title = QLineEdit(profile.head_title)
        self.head_nip = QLineEdit(profile.head_nip or "")
        self.head_nip.setMaxLength(18)
        lambang_row = QHBoxLayout()
        self.lambang_preview = QLabel()
        self.lambang_preview.setMinimumSize(48, 48)
        self.lambang_button = QPushButton(self.tr("Change lambang…"))
        lambang_row.addWidget(self.lambang_preview)
        lambang_row.addWidget(self.lambang_button)
        lambang_row.addStretch(1)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save office details"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.status, 1)
        form.addRow(self.tr("Office:"), self.name_label)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Head of region:"), self.head_name)
        form.addRow(self.tr("Title:"), self.head_title)
        form.addRow(self.tr("NIP:"), self.head_nip)
        form.addRow(self.tr("Lambang:"), lambang_row)
        form.addRow("", save_row)

        self.certificate = QLabel()
        self.certificate.setWordWrap(True)
        self.certificate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The one file that introduces this office: the office card (never a bare .pem).
        self.export_button = QPushButton(self.tr("Save our office card…"))
        form.addRow(self.tr("Signing certificate:"), self.certificate)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        form.addRow("", export_row)
        self._show_lambang()
        self._show_certificate()
        self.save_button.clicked.connect(self.save)
        self.lambang_button.clicked.connect(self._choose_lambang)
        self.export_button.clicked.connect(self._choose_export)

    def profile(self) -> OfficeProfile:
        """The profile as edited."""
        office = self.context.office
        return OfficeProfile(
            level=office.level,  # type: ignore[arg-type]
            region=office.region,
            unit=self.unit.text().strip(),
            head_name=self.head_name.text().strip(),
            head_title=self.head_title.text().strip(),
            head_nip=self.head_nip.text().strip() or None,
            lambang_png=self._lambang,
        )

    def save(self) -> bool:
        """Store the edits; a missing field is reported and nothing is saved."""
        nip = self.head_nip.text().strip()
        if nip and not (nip.isdigit() and len(nip) == 18):
            self.status.setText(self.tr("A NIP has exactly 18 digits."))
            return False
        try:
            with self.context.database.session() as session:
                office = update_local_office(session, self.profile())
        except OfficeError as error:
            self.status.setText(office_error_text(error))
            return False
        self.context.set_office(office)
        self.status.setText(self.tr("Saved."))
        return True

    def set_lambang(self, path: Path) -> bool:
        """Use a new emblem image (saved with "Save office details")."""
        try:
            self._lambang = lambang_png(path)
        except LambangError as error:
            self.status.setText(str(error))
            return False
        self._show_lambang()
        return True

    def export_certificate(self, path: Path) -> bool:
        """Save our office card (profile, lambang, certificate) to ``path``."""
        from ui.office_card import OfficeCardActions

        actions = OfficeCardActions(self.context, self)
        saved = actions.save_to(path)
        self.status.setText(actions.last_message[1])
        for box in actions.open_boxes:  # the status line already says it
            box.close()
        return saved

    def _show_lambang(self) -> None:
        pixmap = QPixmap()
        if self._lambang and pixmap.loadFromData(self._lambang):
            self.lambang_preview.setPixmap(
                pixmap.scaled(
                    48,
                    48,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.lambang_preview.setText(self.tr("none"))

    def _show_certificate(self) -> None:
        pem = certificate_copy(self.context.data_dir)
        if not pem.is_file():
            self.certificate.setText(
                self.tr("No signing identity is set up on this computer yet.")
            )
            self.export_button.setEnabled(False)
            return
        from cryptography import x509

        from mou.signing.identity import fingerprint_sha256

        cert = x509.load_pem_x509_certificate(pem.read_bytes())
        self.certificate.setText(
            self.tr("%1\nValid until %2\nSHA-256: %3")
            .replace("%1", _subject_text(cert))
            .replace("%2", short_date(cert.not_valid_after_utc))
            .replace("%3", fingerprint_sha256(cert))
        )

    def _choose_lambang(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the lambang"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.svg)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.set_lambang(Path(name))

    def _choose_export(self) -> None:
        name = "".join(c if c.isalnum() else "_" for c in self.context.office.display_name)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save our office card"),
            str(Path.home() / f"{name}.lintas-card"),
            self.tr("Office cards (*.lintas-card)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.export_certificate(Path(chosen))


def _subject_text(certificate: object) -> str:
    """ "Wali Kota Bandung — Pemerintah Kota Bandung": the names, without X.509 syntax."""
    from cryptography.x509.oid import NameOID

    subject = certificate.subject  # type: ignore[attr-defined]
    parts = [
        a.value
        for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
        for a in subject.get_attributes_for_oid(oid)
    ]
    return " — ".join(str(p) for p in parts)
