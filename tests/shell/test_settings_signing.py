"""Settings → Signatures: the office's time-stamp server and its certificate authority.

Real widgets on the real Settings page, real settings file, real certificate files; the saved
values are what signing and Extend read.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from pytestqt.qtbot import QtBot

from mou.signing.sample_pki import SamplePki
from ui.context import AppContext
from ui.settings import Settings
from ui.settings_page.page import Page as SettingsPage
from ui.settings_page.signing_section import tsa_ca_certificate

ROOT = Path(__file__).resolve().parents[2]


def test_tsa_address_is_checked_and_saved(qtbot: QtBot, context: AppContext) -> None:
    page = SettingsPage(context)
    qtbot.addWidget(page)
    section = page.signing
    section.tsa_url.setText("ftp://tsa.example")
    assert not section.save()
    assert section.error.isVisibleTo(section) and "https://" in section.error.text()
    assert context.settings.tsa_url == ""
    section.tsa_url.setText("  https://tsa.bandung.go.id/rfc3161  ")
    assert section.save() and not section.error.isVisibleTo(section)
    # A fresh Settings over the same folder reads what was written (what signing will use).
    assert Settings(context.data_dir).tsa_url == "https://tsa.bandung.go.id/rfc3161"
    section.tsa_url.setText("")
    assert section.save() and Settings(context.data_dir).tsa_url == ""


def test_tsa_certificate_authority_from_a_pem_or_der_file(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    page = SettingsPage(context)
    qtbot.addWidget(page)
    section = page.signing
    assert section.ca_label.text() == "None chosen"
    ca = SamplePki().ca_cert
    der = tmp_path / "tsa-ca.cer"
    der.write_bytes(ca.public_bytes(serialization.Encoding.DER))
    assert section.set_ca_file(der)
    assert tsa_ca_certificate(context) == ca
    assert "Lintas Sample CA" in section.ca_label.text()
    junk = tmp_path / "not-a-cert.pem"
    junk.write_text("hello")
    assert not section.set_ca_file(junk)
    assert "not a readable certificate" in section.error.text()
    assert tsa_ca_certificate(context) == ca  # unchanged


def test_settings_page_screenshot_with_the_signatures_section(
    qtbot: QtBot, context: AppContext
) -> None:
    context.settings.tsa_url = "https://tsa.bandung.go.id/rfc3161"
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    section = page.signing
    page.findChild(type(page.layout().itemAt(0).widget())).ensureWidgetVisible(section)
    qtbot.wait(50)
    assert section.visibleRegion().boundingRect().height() > section.height() // 2
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    assert page.grab().save(str(out / "settings_signatures_en.png"))
