"""Every window that verifies uses the office's configured trust: the office cards AND the
certificate authority of the time-stamp server set in Settings (trusted for time-stamps only).

Bandung signs by file exchange with its TSA (certomancer's, on loopback). Then the Archive's
Document window, its "Signature details" and Verify windows, the print path and the offline
signing view must all see a trusted time-stamp. Without the TSA's CA in Settings the same file
shows no trusted time, which proves the windows get it from the configuration.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mou.signing import VerificationReport
from tests.archive.conftest import PASSWORD, Side, app_context
from tests.signing.ltv_pki import LocalPki
from ui.archive.page import Page
from ui.signing.document_dialog import SignedDocumentDialog
from ui.signing.verify_dialog import VerificationDialog


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    """The loopback PKI with its time-stamp authority."""
    server = LocalPki(tmp_path_factory.mktemp("pki")).start()
    yield server
    server.stop()


def _signed_with_tsa(a: Side, png: bytes, pki: LocalPki) -> bytes:
    """Bandung prepares and signs by file exchange with its time-stamp server."""
    from mou.signing.offline import prepare, sign

    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive, paper="f4")
    notes: list = []
    with a.city.db.session() as s:
        signed, _status = sign(
            s,
            a.agreement_id,
            a.city.signatory,
            a.archive,
            identity_path=a.identity_path,
            password=PASSWORD,
            signature_png=png,
            own_certificate=a.certificate,
            timestamp_url=pki.tsa_url,
            tsa_hints=[pki.root_cert],
            notes=notes,
        )
    assert notes == []
    return signed


def _page(qtbot: QtBot, a: Side, pki: LocalPki, *, with_ca: bool) -> Page:
    from cryptography.hazmat.primitives import serialization

    context = app_context(a)
    context.settings.tsa_url = pki.tsa_url
    pem = pki.root_cert.public_bytes(serialization.Encoding.PEM).decode()
    context.settings.tsa_ca_pem = pem if with_ca else ""
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.table.select_agreement(a.agreement_id)
    return page


def _time_stamped(report: VerificationReport) -> bool:
    (check,) = report.signatures
    return check.ok and check.timestamped and check.ltv_level in ("B-T", "B-LT", "B-LTA")


def _texts(dialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_document_verify_and_print_trust_the_configured_tsa(
    qtbot: QtBot, agreed, signature_png: bytes, pki: LocalPki, screenshots: Path
) -> None:
    a, _b, _uuid = agreed
    signed = _signed_with_tsa(a, signature_png, pki)
    page = _page(qtbot, a, pki, with_ca=True)

    verify = page.verify_selected()
    assert isinstance(verify, VerificationDialog)
    assert _time_stamped(verify.report)
    texts = _texts(verify)
    assert any("(from a time-stamp authority)" in t for t in texts)
    assert not any("as claimed by the signer" in t for t in texts)
    verify.resize(760, 700)
    assert verify.grab().save(str(screenshots / "verify_tsa_trusted_en.png"))

    document = page.open_selected()
    assert isinstance(document, SignedDocumentDialog)
    assert _time_stamped(document.report)
    details = document.show_verification()
    assert _time_stamped(details.report)
    assert any("(from a time-stamp authority)" in t for t in _texts(details))

    printer = page._printer_document(signed)
    assert printer is not None and _time_stamped(printer.report)
    printer.close()

    viewed = page._view_file(signed, "kesepakatan.pdf")  # a PDF opened from disk
    assert _time_stamped(viewed.report)

    offline = page.open_signing(a.agreement_id)
    shown = offline.view_pdf()
    assert isinstance(shown, SignedDocumentDialog) and _time_stamped(shown.report)


def test_without_the_tsa_ca_in_settings_the_time_stamp_is_not_trusted(
    qtbot: QtBot, agreed, signature_png: bytes, pki: LocalPki
) -> None:
    a, _b, _uuid = agreed
    signed = _signed_with_tsa(a, signature_png, pki)
    page = _page(qtbot, a, pki, with_ca=False)
    verify = page.verify_selected()
    (check,) = verify.report.signatures
    assert check.ok and not check.timestamped and check.ltv_level == "B-B"
    assert any("as claimed by the signer" in t for t in _texts(verify))
    document = page.open_selected()
    assert not document.report.signatures[0].timestamped
    printer = page._printer_document(signed)
    assert printer is not None and not printer.report.signatures[0].timestamped
    printer.close()


def test_verify_window_in_indonesian_with_the_tsa_trusted(
    qtbot: QtBot, agreed, signature_png: bytes, pki: LocalPki, indonesian, screenshots: Path
) -> None:
    a, _b, _uuid = agreed
    _signed_with_tsa(a, signature_png, pki)
    page = _page(qtbot, a, pki, with_ca=True)
    verify = page.verify_selected()
    assert _time_stamped(verify.report)
    texts = _texts(verify)
    assert any("(dari otoritas stempel waktu)" in t for t in texts), texts
    verify.resize(760, 700)
    assert verify.grab().save(str(screenshots / "verify_tsa_trusted_id.png"))
