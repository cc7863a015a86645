"""The verification window says truthfully where the revocation answer came from.

"Checked online (OCSP)" only when the answer was fetched during this check; OCSP/CRL data the
signer stored in the document (the DSS) at signing time is labelled as exactly that. Real PDFs
signed against certomancer's CA, OCSP responder, CRL and TSA on loopback; real Qt widgets
offscreen, in English and Indonesian.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from mou.signing import RevocationPolicy, TrustAnchors
from mou.signing.identity import load_identity
from mou.signing.sign import sign_document
from tests.signing.ltv_pki import LocalPki
from ui.signing.verify_dialog import VerificationDialog

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
STORED_EN = "Checked with revocation data stored in the document at signing time"
STORED_ID = "Diperiksa dengan data pencabutan yang disimpan di dalam dokumen saat penandatanganan"
ONLINE_EN = "Checked online (OCSP)"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    """The loopback PKI (CA, OCSP, CRL, TSA)."""
    server = LocalPki(tmp_path_factory.mktemp("pki")).start()
    yield server
    server.stop()


@pytest.fixture
def indonesian(qapp, tmp_path: Path):
    """The freshly compiled signing translation, for one test."""
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
    yield
    QCoreApplication.removeTranslator(translator)


def _signed(pki: LocalPki, tmp_path: Path, *, tsa: bool) -> bytes:
    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document

    data, layout = render_pdf_bytes(sample_document(app_count=3))
    slot = layout.signature_slots[0]
    who = load_identity(pki.p12("bandung", tmp_path / "bandung.p12", "sandi"), "sandi")
    return sign_document(
        data,
        who,
        field_name=slot.field_name,
        signer_name=slot.signer_name,
        signer_title=slot.signer_title,
        signature_png=None,
        timestamp_url=pki.tsa_url if tsa else None,
    ).data


def _revocation_row(dialog: VerificationDialog) -> str:
    """The value next to "Revocation:" in the first signature's panel."""
    form = dialog.panels[0].layout()
    assert isinstance(form, QFormLayout)
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and label.widget().text() == dialog.tr("Revocation:"):
            widget = value.widget()
            assert isinstance(widget, QLabel)
            return widget.text()
    raise AssertionError("no Revocation row")


def test_dss_data_is_labelled_stored_and_a_live_fetch_online(
    qtbot: QtBot, pki: LocalPki, tmp_path: Path
) -> None:
    stored_pdf = _signed(pki, tmp_path, tsa=True)
    asked = pki.counters.ocsp
    dialog = VerificationDialog(stored_pdf, TrustAnchors.authorities([pki.root_cert]), title="DSS")
    qtbot.addWidget(dialog)
    (check,) = dialog.report.signatures
    assert check.ok and check.ltv_level == "B-LT" and check.revocation == "stored"
    assert _revocation_row(dialog) == STORED_EN
    assert pki.counters.ocsp == asked  # nothing was fetched: calling it "online" would be false
    dialog.resize(760, 640)
    dialog.show()
    SCREENSHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "verify_revocation_stored_en.png"))

    # A B-B file checked with the online policy: the responder really answers now.
    plain = _signed(pki, tmp_path, tsa=False)
    online = TrustAnchors(cas=(pki.root_cert,), revocation=RevocationPolicy.HARD_FAIL)
    live = VerificationDialog(plain, online, title="OCSP")
    qtbot.addWidget(live)
    assert live.report.signatures[0].revocation == "ocsp" and pki.counters.ocsp > asked
    assert _revocation_row(live) == ONLINE_EN


def test_stored_revocation_label_in_indonesian(
    qtbot: QtBot, pki: LocalPki, tmp_path: Path, indonesian
) -> None:
    stored_pdf = _signed(pki, tmp_path, tsa=True)
    dialog = VerificationDialog(stored_pdf, TrustAnchors.authorities([pki.root_cert]), title="DSS")
    qtbot.addWidget(dialog)
    assert _revocation_row(dialog) == STORED_ID
    dialog.resize(760, 640)
    dialog.show()
    assert dialog.grab().save(str(SCREENSHOTS / "verify_revocation_stored_id.png"))
