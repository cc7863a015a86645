"""Archive → Extend: a B-B agreement becomes B-LTA with the office's TSA, through the real page.

Real SQLite databases and identities (the archive fixtures), a real PDF signed by file exchange,
and certomancer's CA/OCSP/CRL/TSA served on loopback; the extended file is archived, re-listed and
verified by pyHanko and by poppler.
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mou.signed_archive import sha256_hex
from mou.signing import verify_pdf
from tests.archive.conftest import PASSWORD, Side, app_context
from tests.signing.ltv_pki import LocalPki
from ui.archive.extend import ExtendDialog
from ui.archive.page import Page


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    """The loopback PKI with its time-stamp authority."""
    server = LocalPki(tmp_path_factory.mktemp("pki")).start()
    yield server
    server.stop()


def _signed_by_bandung(a: Side, png: bytes) -> bytes:
    """Bandung prepares and signs by file exchange (no TSA configured: PAdES B-B)."""
    from mou.signing.offline import prepare, sign

    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive, paper="f4")
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
        )
    return signed


def _page(qtbot: QtBot, a: Side, tsa_url: str, tsa_ca=None) -> Page:
    from cryptography.hazmat.primitives import serialization

    context = app_context(a)
    context.settings.tsa_url = tsa_url
    if tsa_ca is not None:
        context.settings.tsa_ca_pem = tsa_ca.public_bytes(serialization.Encoding.PEM).decode()
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.table.select_agreement(a.agreement_id)
    return page


def _run(qtbot: QtBot, dialog: ExtendDialog) -> None:
    with qtbot.waitSignal(dialog._relay.done, timeout=60_000):
        dialog.extend_button.click()
    qtbot.waitUntil(lambda: dialog.extend_button.isEnabled() or dialog.result_data is not None)


def test_extend_turns_the_archived_pdf_into_b_lta(
    qtbot: QtBot, agreed, signature_png: bytes, pki: LocalPki, screenshots: Path
) -> None:
    a, _b, _uuid = agreed
    signed = _signed_by_bandung(a, signature_png)
    trust = [a.certificate]
    assert verify_pdf(signed, trust).ltv_level == "B-B"
    page = _page(qtbot, a, pki.tsa_url, pki.root_cert)
    assert page.extend_button.isEnabled()
    qtbot.wait(50)
    assert page.grab().save(str(screenshots / "archive_list_extend_en.png"))
    dialog = page.extend_selected()
    assert isinstance(dialog, ExtendDialog) and dialog.extend_button.isEnabled()
    tsa_before = pki.counters.tsa
    _run(qtbot, dialog)
    assert dialog.result_data is not None, dialog.status.text()
    assert "It stays verifiable after the certificates expire." in dialog.status.text()
    assert dialog.level == "B-LTA"  # checked with the TSA's CA trusted for time-stamps only
    assert pki.counters.tsa > tsa_before
    dialog.resize(640, dialog.sizeHint().height())
    assert dialog.grab().save(str(screenshots / "archive_extend_done_en.png"))

    # Archived next to the original and listed as the agreement's PDF now.
    entry = page.table.selected_entry() or page.entries[0]
    assert entry.pdf_sha256 == sha256_hex(dialog.result_data)
    stored = a.archive.read(entry.uuid, entry.pdf_sha256)
    assert stored.startswith(signed)  # incremental: the signed bytes are untouched
    tsa = [pki.root_cert]
    report = verify_pdf(stored, trust, tsa_anchors=tsa)
    assert report.ok and report.ltv_level == "B-LTA"
    # Without the TSA's CA nothing vouches for the time-stamps: the signature is just B-B.
    assert verify_pdf(stored, trust).ltv_level == "B-B"
    # After the office certificate (five years) expired, still within the TSA's ten:
    later = a.certificate.not_valid_after_utc + dt.timedelta(days=30)
    years_on = verify_pdf(stored, trust, tsa_anchors=tsa, at=later)
    assert years_on.ok and years_on.signatures[0].certificate_expired
    assert not verify_pdf(signed, trust, at=later).ok  # the B-B original would not be
    path = screenshots.parent / "screenshots" / "extended.pdf"
    path.write_bytes(stored)
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    assert "Signature is Valid." in sig.stdout and "Test Time Stamping Authority" in sig.stdout


def test_extend_without_a_tsa_or_with_a_dead_one_says_what_to_do(
    qtbot: QtBot, agreed, signature_png: bytes, indonesian, screenshots: Path
) -> None:
    a, _b, _uuid = agreed
    _signed_by_bandung(a, signature_png)
    page = _page(qtbot, a, "")
    dialog = page.extend_selected()
    assert dialog is not None and not dialog.extend_button.isEnabled()
    assert "Atur server penanda waktu di Pengaturan" in dialog.status.text()
    dialog.close()

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    page = _page(qtbot, a, dead)
    dialog = page.extend_selected()
    _run(qtbot, dialog)
    text = dialog.status.text()
    assert "Server penanda waktu tidak menjawab." in text
    assert "127.0.0.1" not in text and "http" not in text  # no internals for the user
    assert dialog.result_data is None and dialog.extend_button.isEnabled()
    dialog.resize(640, dialog.sizeHint().height())
    assert dialog.grab().save(str(screenshots / "archive_extend_failed_id.png"))


def test_signing_by_file_exchange_uses_the_office_tsa_and_notes_when_it_is_down(
    qtbot: QtBot, agreed, signature_png: bytes, pki: LocalPki
) -> None:
    from mou.signing.offline import prepare

    a, _b, _uuid = agreed
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive, paper="f4")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    page = _page(qtbot, a, dead)
    dialog = page.open_signing(a.agreement_id)
    qtbot.addWidget(dialog)
    assert dialog.sign_with(PASSWORD, signature_png) is None  # signed anyway...
    text = dialog.message.text()
    assert "Signed. Save the file and send it to" in text
    assert "signed without a time-stamp. Use Extend in the Archive later." in text  # ...noted
    assert "127.0.0.1" not in text
    entry = page.entries[0]
    signed = a.archive.read(entry.uuid, entry.pdf_sha256)
    assert verify_pdf(signed, [a.certificate]).ltv_level == "B-B"


def test_signing_by_file_exchange_with_the_tsa_is_time_stamped_with_dss_data(
    qtbot: QtBot, agreed, signature_png: bytes, pki: LocalPki
) -> None:
    from mou.signing.offline import prepare

    a, _b, _uuid = agreed
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive, paper="f4")
    page = _page(qtbot, a, pki.tsa_url, pki.root_cert)
    dialog = page.open_signing(a.agreement_id)
    qtbot.addWidget(dialog)
    assert dialog.sign_with(PASSWORD, signature_png) is None
    assert "time-stamp" not in dialog.message.text()
    page.refresh()
    entry = page.entries[0]
    signed = a.archive.read(entry.uuid, entry.pdf_sha256)
    (check,) = verify_pdf(signed, [a.certificate], tsa_anchors=[pki.root_cert]).signatures
    assert check.timestamped and check.ltv_level == "B-LT"  # PIHAK KEDUA's signature seals it
