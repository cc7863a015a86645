"""The signed-agreement window: status from real verification, pages, preview, save a copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintPreviewDialog

from mou.signing import verify_pdf
from tests.signing.conftest import SignedAgreement
from ui.signing.document_dialog import SignedDocumentDialog
from ui.signing.verify_dialog import VerificationDialog

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_verified_document_window(
    qtbot,
    signed_agreement: SignedAgreement,
    bandung_identity,
    palangkaraya_identity,
    tmp_path: Path,
) -> None:
    trusted = [bandung_identity.certificate, palangkaraya_identity.certificate]
    dialog = SignedDocumentDialog(signed_agreement.after_both, trusted, title="KB-2026-0001")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.report.ok
    assert dialog.status.text().startswith("Verified: 2 valid signatures")
    assert dialog.view.page_count >= 4
    qtbot.waitUntil(lambda: dialog.view.page_image(0) is not None, timeout=5000)
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_document_dialog.png"))

    details = dialog.show_verification()
    qtbot.addWidget(details)
    assert isinstance(details, VerificationDialog) and len(details.panels) == 2
    preview = dialog.show_print_preview()
    qtbot.addWidget(preview)
    assert isinstance(preview, QPrintPreviewDialog)
    preview.close()

    copy = tmp_path / "copy.pdf"
    dialog.save_copy(copy)
    assert copy.read_bytes() == signed_agreement.after_both
    assert verify_pdf(copy.read_bytes(), trusted).ok


def test_untrusted_and_unreadable_documents_warn(
    qtbot, signed_agreement: SignedAgreement, bandung_identity
) -> None:
    dialog = SignedDocumentDialog(signed_agreement.after_both, [bandung_identity.certificate])
    qtbot.addWidget(dialog)
    assert dialog.status.text().startswith("Warning: 1 of 2 signatures failed")
    junk = SignedDocumentDialog(b"junk", [])
    qtbot.addWidget(junk)
    assert "not a readable PDF" in junk.status.text()
    assert junk.show_print_preview() is None
