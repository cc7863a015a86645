"""The verification window says the PAdES level and that an expired certificate was valid at
its time-stamp. Real sample agreement (in-process CA and TSA, B-LTA), real Qt widgets offscreen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mou.pdf.sample_signing import make_sample_agreement
from mou.signing import TrustAnchors, verify_pdf
from ui.signing.verify_dialog import VerificationDialog

ROOT = Path(__file__).resolve().parents[2]


def _texts(dialog: VerificationDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_verification_window_shows_b_lta_and_expired_since(qtbot: QtBot, tmp_path: Path) -> None:
    result = make_sample_agreement(tmp_path / "sample.pdf", export_certs=tmp_path / "certs")
    data = result.path.read_bytes()
    from cryptography import x509

    ca = x509.load_pem_x509_certificate((tmp_path / "certs" / "sample-ca.pem").read_bytes())
    office = x509.load_pem_x509_certificate((tmp_path / "certs" / "pihak1.pem").read_bytes())
    later = office.not_valid_after_utc + dt.timedelta(days=200)
    report = verify_pdf(data, TrustAnchors.authorities([ca]), at=later)
    assert report.ok
    dialog = VerificationDialog(data, TrustAnchors.authorities([ca]), title="Sampel", report=report)
    qtbot.addWidget(dialog)
    dialog.resize(900, 760)
    dialog.show()
    texts = _texts(dialog)
    lta = [t for t in texts if t.startswith("PAdES B-LTA")]
    assert len(lta) == 2
    assert all("the certificate has expired since" in t for t in lta)
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    assert dialog.grab().save(str(out / "verify_ltv_expired_en.png"))

    # Today: B-LTA, nothing expired; a B-B file says it lacks a time-stamp.
    anchors = TrustAnchors.authorities([ca])
    today = VerificationDialog(data, anchors, title="Sampel", report=verify_pdf(data, anchors))
    qtbot.addWidget(today)
    now_texts = [t for t in _texts(today) if t.startswith("PAdES")]
    assert now_texts and all("expired" not in t for t in now_texts)
