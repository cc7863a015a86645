"""The signed-document window and the verification dialog with the trust model: real widgets
(offscreen), real signed PDFs, real crafted changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.signing.conftest import SignedAgreement
from tests.signing.tampering import add_overlay_field
from tests.signing.test_signing_translation import indonesian  # noqa: F401, F811 (fixture)
from tests.signing.trust_pki import sign_field
from ui.signing.document_dialog import SignedDocumentDialog
from ui.signing.print import PrintError, SignedPdfPrinter
from ui.signing.verify_dialog import VerificationDialog

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _pins(*identities):
    return [i.certificate for i in identities]


def test_the_document_dialog_refuses_to_print_a_modified_file(
    qtbot, signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    forged = add_overlay_field(signed_agreement.after_both)
    dialog = SignedDocumentDialog(
        forged, _pins(bandung_identity, palangkaraya_identity), title="KB-2026-0001"
    )
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.report.modified and not dialog.report.ok
    assert dialog.status.text().startswith("Changed after signing")
    assert "#c62828" in dialog.status.styleSheet()  # the red banner
    assert not dialog.print_button.isEnabled() and not dialog.preview_button.isEnabled()
    # Even called directly (a shortcut, another caller), nothing is printed.
    assert dialog.print_document() == 0
    assert dialog.show_print_preview() is None
    assert "Printing is refused" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.view.page_image(0) is not None, timeout=5000)
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_document_modified.png"))
    # The printer itself refuses the file, whoever asks (the Archive prints through it too).
    with pytest.raises(PrintError) as refused:
        SignedPdfPrinter(forged)
    assert refused.value.modified
    details = dialog.show_verification()
    qtbot.addWidget(details)
    assert [p.findChild(type(dialog.status), "verdict").text() for p in details.panels] == [
        "Modified after signing: pages or content were added or changed later."
    ] * 2


def test_untrusted_and_wrong_signer_documents_are_shown_but_not_printed(
    qtbot, signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    swapped = sign_field(signed_agreement.unsigned, palangkaraya_identity, "TandaTangan1")
    swapped = sign_field(swapped, bandung_identity, "TandaTangan2")
    dialog = SignedDocumentDialog(swapped, _pins(bandung_identity, palangkaraya_identity))
    qtbot.addWidget(dialog)
    assert dialog.opened and not dialog.report.ok and not dialog.report.modified
    assert dialog.status.text().startswith("Warning: 2 of 2 signatures failed")
    assert not dialog.print_button.isEnabled()
    assert "Printing is refused" in dialog.print_button.toolTip()
    # An untrusted (not modified) signed file can still go through the printer class itself.
    SignedPdfPrinter(swapped).close()
    # A fully verified document prints.
    good = SignedDocumentDialog(
        signed_agreement.after_both, _pins(bandung_identity, palangkaraya_identity)
    )
    qtbot.addWidget(good)
    assert good.report.ok and good.print_button.isEnabled()


def test_the_verification_dialog_names_the_wrong_signer_and_why(
    qtbot, signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    twice = sign_field(signed_agreement.after_first, bandung_identity, "TandaTangan2")
    dialog = VerificationDialog(twice, _pins(bandung_identity, palangkaraya_identity))
    qtbot.addWidget(dialog)
    dialog.resize(680, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    second = dialog.panels[1]
    texts = [label.text() for label in second.findChildren(type(dialog.summary))]
    assert "Wrong signer: a trusted office signed a field that is not its own." in texts
    assert "The same signing key already signed another party's field." in texts
    assert "Pemerintah Kota Palangkaraya" in texts  # whose field it is
    assert "The office certificate you trust" in texts
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_verify_wrong_signer.png"))


def test_the_refusal_and_the_reasons_in_indonesian(
    qtbot,
    indonesian,  # noqa: F811 (the fixture imported above)
    signed_agreement: SignedAgreement,
    bandung_identity,
    palangkaraya_identity,
) -> None:
    forged = add_overlay_field(signed_agreement.after_both)
    dialog = SignedDocumentDialog(forged, _pins(bandung_identity, palangkaraya_identity))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.status.text().startswith("Diubah setelah ditandatangani")
    assert dialog.print_document() == 0
    assert dialog.message.text().startswith("Pencetakan ditolak")
    details = dialog.show_verification()
    qtbot.addWidget(details)
    details.resize(680, 760)
    details.show()
    qtbot.waitExposed(details)
    texts = [label.text() for label in details.panels[0].findChildren(type(dialog.status))]
    assert "Kolom formulir baru ditambahkan setelah penandatanganan; kolom itu dapat menutupi teks." in texts
    qtbot.waitUntil(lambda: dialog.view.page_image(0) is not None, timeout=5000)
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_document_modified_id.png"))
    details.grab().save(str(SCREENSHOTS / "signing_verify_modified_id.png"))


def test_office_cards_given_to_the_windows_are_pins_even_when_they_claim_to_be_a_ca(
    qtbot, signed_agreement: SignedAgreement, palangkaraya_identity
) -> None:
    from tests.signing.trust_pki import CA_USAGE, identity, issue

    # Bandung's card certificate claims CA:TRUE with keyCertSign; it issues itself a signing
    # certificate and one in Palangkaraya's name, and signs both fields with them.
    card = issue("Wali Kota Bandung", "Pemerintah Kota Bandung", ca=True, usage=CA_USAGE)
    own = issue("Wali Kota Bandung", "Pemerintah Kota Bandung", issuer=card)
    forged = issue("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya", issuer=card)
    data = sign_field(signed_agreement.unsigned, identity(own, [card.cert]), "TandaTangan1")
    data = sign_field(data, identity(forged, [card.cert]), "TandaTangan2")
    cards = [card.cert, palangkaraya_identity.certificate]  # as the Archive passes them
    dialog = SignedDocumentDialog(data, cards)
    qtbot.addWidget(dialog)
    assert [s.trusted for s in dialog.report.signatures] == [False, False]
    assert not dialog.print_button.isEnabled()
    details = VerificationDialog(data, cards)
    qtbot.addWidget(details)
    assert not details.report.ok
