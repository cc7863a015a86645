"""The signing dialogs in Indonesian: the compiled signing_id.ts translates what users see."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.signing.conftest import SignedAgreement
from ui.signing.signature_pad import SignaturePadDialog
from ui.signing.verify_dialog import VerificationDialog

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"


@pytest.fixture
def indonesian(qapp, tmp_path: Path):
    """Install the freshly compiled signing translation for one test."""
    qm = tmp_path / "signing_id.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), str(ROOT / "resources/translations/signing_id.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_verification_dialog_in_indonesian(
    qtbot, indonesian, signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    dialog = VerificationDialog(
        signed_agreement.after_both,
        [bandung_identity.certificate],
        title="KB-2026-0001",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Verifikasi tanda tangan"
    assert "1 dari 2 tanda tangan gagal diverifikasi." in dialog.summary.text()
    verdicts = [dialog.verdict_text(c) for c in dialog.report.signatures]
    assert verdicts[0].startswith("Sah:") and verdicts[1].startswith("Penanda tangan tidak dikenal")
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_verify_id.png"))


def test_signature_pad_dialog_in_indonesian(qtbot, indonesian) -> None:
    dialog = SignaturePadDialog("Wali Kota Bandung")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Tanda tangan basah"
    assert dialog.clear_button.text() == "Hapus"
    dialog.grab().save(str(SCREENSHOTS / "signing_pad_dialog_id.png"))


def test_pdf_view_in_indonesian(qtbot, indonesian, signed_agreement: SignedAgreement) -> None:
    from ui.signing.pdf_view import SignedPdfView

    view = SignedPdfView()
    qtbot.addWidget(view)
    view.resize(700, 800)
    view.show()
    assert view.page_label.text() == "Tidak ada dokumen"
    view.set_pdf(signed_agreement.after_both)
    assert view.page_label.text() == f"Halaman 1 dari {view.page_count}"
    assert view.fit_button.text() == "Sesuaikan lebar"
    qtbot.waitUntil(lambda: view.page_image(0) is not None, timeout=5000)
    view.grab().save(str(SCREENSHOTS / "signing_pdf_view_id.png"))


def test_document_dialog_in_indonesian(
    qtbot, indonesian, signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    from ui.signing.document_dialog import SignedDocumentDialog

    trusted = [bandung_identity.certificate, palangkaraya_identity.certificate]
    dialog = SignedDocumentDialog(signed_agreement.after_both, trusted)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Kesepakatan yang ditandatangani"
    assert dialog.status.text() == "Terverifikasi: 2 tanda tangan sah dari instansi tepercaya."
    assert dialog.print_button.text() == "Cetak…"
    qtbot.waitUntil(lambda: dialog.view.page_image(0) is not None, timeout=5000)
    dialog.grab().save(str(SCREENSHOTS / "signing_document_dialog_id.png"))
