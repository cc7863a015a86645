"""CA anchors chosen in Settings: real widgets offscreen, real certificates, real signed PDFs.

A city's CA issues Palangkaraya's signing certificate. Until the CA is added through the
Settings section, a PDF signed with that certificate does not verify in the Verify dialog built
from the office's configured trust (``office_trust_for``); once added it verifies VALID through
full path validation; after Remove it is untrusted again. A leaf (CA:FALSE) and an expired CA
are refused with a plain sentence.
"""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.agreements_ui.conftest import make_context
from tests.signing.conftest import SignedAgreement
from tests.signing.trust_pki import CA_USAGE, NOW, identity, issue, sign_field
from ui.archive.office_files import office_trust_for
from ui.context import AppContext
from ui.settings_page.authorities_section import AuthoritiesSection, short_fingerprint
from ui.settings_page.page import Page
from ui.signing.document_dialog import SignedDocumentDialog
from ui.signing.verify_dialog import VerificationDialog

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
CITY_CA_ORG = "Dinas Kominfo Kota Palangkaraya"


@pytest.fixture(scope="module")
def city_pki():
    """A city's own CA (keyCertSign), a signing leaf it issued, and the leaf as an identity."""
    ca = issue("CA Kota Palangkaraya", CITY_CA_ORG, ca=True, usage=CA_USAGE)
    leaf = issue("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya", issuer=ca)
    return ca, leaf, identity(leaf, chain=[ca.cert])


@pytest.fixture
def context(tmp_path: Path, qapp: object):
    ctx = make_context(tmp_path / "bandung")
    yield ctx
    ctx.database.dispose()


def _pem(path: Path, cert, *, der: bool = False) -> Path:
    encoding = serialization.Encoding.DER if der else serialization.Encoding.PEM
    path.write_bytes(cert.public_bytes(encoding))
    return path


def _verify(qtbot, context: AppContext, pdf: bytes) -> VerificationDialog:
    anchors, expected = office_trust_for(context, pdf)
    dialog = VerificationDialog(pdf, anchors, expected=expected)
    qtbot.addWidget(dialog)
    return dialog


def _section(qtbot, context: AppContext) -> AuthoritiesSection:
    section = AuthoritiesSection(context)
    qtbot.addWidget(section)
    return section


def test_adding_the_ca_in_settings_makes_its_signer_valid_and_removing_it_does_not(
    qtbot, context: AppContext, city_pki, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    ca, _leaf, signer = city_pki
    pdf = sign_field(signed_agreement.unsigned, signer, "TandaTangan2")  # its own field

    before = _verify(qtbot, context, pdf)
    (check,) = before.report.signatures
    assert not check.ok and not before.report.ok

    section = _section(qtbot, context)
    assert not section.remove_button.isEnabled()
    assert section.add_file(_pem(tmp_path / "city-ca.der", ca.cert, der=True))
    assert section.error.isHidden()
    assert section.list.count() == 1
    shown = section.list.item(0).text()
    assert CITY_CA_ORG in shown and short_fingerprint(ca.cert) in shown
    assert "CN=" not in shown and len(short_fingerprint(ca.cert)) == 12
    stored = context.data_dir / "trusted_authorities.pem"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600

    # A new Settings page (as after a restart) reads the same store.
    assert Page(context).authorities.list.item(0).text() == shown

    after = _verify(qtbot, context, pdf)
    (check,) = after.report.signatures
    assert check.ok and check.verdict_text.startswith("VALID"), check.verdict_text
    assert check.anchor == "ca"  # trusted through the chain, not a pin
    assert after.report.ok
    verdict = after.panels[0].findChild(type(after.summary), "verdict").text()
    assert verdict.startswith("Valid"), verdict

    # The Document window (print path) gets the same configured trust.
    anchors, expected = office_trust_for(context, pdf)
    document = SignedDocumentDialog(pdf, anchors, expected=expected)
    qtbot.addWidget(document)
    assert document.report.ok and document.print_button.isEnabled()

    # Adding the same CA twice keeps one entry.
    assert not section.add_file(_pem(tmp_path / "again.pem", ca.cert))
    assert section.list.count() == 1

    section.list.setCurrentRow(0)
    assert section.remove_button.isEnabled()
    section.remove_button.click()
    assert section.list.item(0).data(0x0100) is None  # only the "none yet" line is left
    removed = _verify(qtbot, context, pdf)
    assert not removed.report.signatures[0].ok and not removed.report.ok


def test_a_leaf_or_an_expired_ca_is_refused_with_a_sentence(
    qtbot, context: AppContext, city_pki, tmp_path: Path
) -> None:
    _ca, leaf, _signer = city_pki
    section = _section(qtbot, context)
    assert not section.add_file(_pem(tmp_path / "leaf.pem", leaf.cert))
    assert not section.error.isHidden()
    assert section.error.text().startswith(
        "That certificate belongs to a person or an office, not to a certificate authority."
    )
    expired = issue(
        "Old CA",
        "Old City",
        ca=True,
        usage=CA_USAGE,
        not_before=NOW - dt.timedelta(days=800),
        not_after=NOW - dt.timedelta(days=1),
    )
    assert not section.add_file(_pem(tmp_path / "old.pem", expired.cert))
    assert section.error.text().startswith("That authority's certificate has expired.")
    (tmp_path / "junk.pem").write_bytes(b"not a certificate")
    assert not section.add_file(tmp_path / "junk.pem")
    assert section.error.text().startswith("That file is not a readable certificate.")
    assert not (context.data_dir / "trusted_authorities.pem").exists()
    assert section.list.item(0).data(0x0100) is None


def test_a_leaf_written_into_the_store_by_hand_is_still_not_an_anchor(
    context: AppContext, city_pki
) -> None:
    from mou.signing.authorities import AuthorityStore

    ca, leaf, _signer = city_pki
    store = AuthorityStore(context.data_dir)
    store.path.write_bytes(
        leaf.cert.public_bytes(serialization.Encoding.PEM)
        + ca.cert.public_bytes(serialization.Encoding.PEM)
    )
    assert store.load() == [ca.cert]


@pytest.fixture
def shell_indonesian(qapp, tmp_path: Path):
    """The freshly compiled shell (Settings) translation for one test."""
    qm = tmp_path / "shell_id.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    ts = ROOT / "resources/translations/shell_id.ts"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _screenshot(qtbot, context: AppContext, tmp_path: Path, ca, leaf, name: str) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    section = page.authorities
    section.add_file(_pem(tmp_path / "city-ca.pem", ca.cert))
    section.add_file(_pem(tmp_path / "leaf.pem", leaf.cert))  # shows the refusal
    scroll = page.findChild(type(page.layout().itemAt(0).widget()))
    scroll.ensureWidgetVisible(section)
    SCREENSHOTS.mkdir(exist_ok=True)
    assert page.grab().save(str(SCREENSHOTS / name))
    return page


def test_screenshots_in_english_and_indonesian(
    qtbot, context: AppContext, city_pki, tmp_path: Path
) -> None:
    ca, leaf, _signer = city_pki
    page = _screenshot(qtbot, context, tmp_path, ca, leaf, "settings_ca_anchors_en.png")
    assert page.authorities.title() == "Certificate authorities you trust"


def test_the_section_in_indonesian(
    qtbot, shell_indonesian, context: AppContext, city_pki, tmp_path: Path
) -> None:
    ca, leaf, _signer = city_pki
    page = _screenshot(qtbot, context, tmp_path, ca, leaf, "settings_ca_anchors_id.png")
    section = page.authorities
    assert section.title() == "Otoritas sertifikat yang Anda percayai"
    assert section.error.text().startswith("Sertifikat itu milik")
    assert "berlaku" in section.list.item(0).text()
