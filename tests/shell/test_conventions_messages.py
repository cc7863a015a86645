"""No internals in messages: real failures (a bad database address in the settings, an
unreachable hub, a certificate with CN/OU where an office card belongs, a file that cannot be
written) are told without exception text, URLs, ports, paths or certificate syntax."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.shell.conftest import ModalDriver
from ui import i18n
from ui.app import start
from ui.plain_errors import file_error_text, has_internals, plain_text
from ui.settings import Settings


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        # A plain file where the database's folder should be: no one can create the file.
        ("sqlite+pysqlite:///{data}/bukan-folder/lintas.sqlite3", "file cannot be opened"),
        (
            "postgresql+psycopg://lintas:rahasia@127.0.0.1:9/lintas?connect_timeout=2",
            "server does not answer",
        ),
        ("mysql+nosuchdriver://lintas@db.bandung.go.id:3306/lintas", "address is not valid"),
        ("bukan sebuah alamat", "address is not valid"),
    ],
)
def test_a_bad_database_address_in_the_settings_is_told_plainly(
    qtbot: QtBot, app_data_dir: Path, modal_driver: ModalDriver, url: str, reason: str
) -> None:
    from ui.database_recovery import DatabaseErrorDialog

    url = url.replace("{data}", str(app_data_dir))
    (app_data_dir / "bukan-folder").write_text("a file, not a folder")
    settings = Settings(app_data_dir)
    settings.database_url = url
    settings.sync()
    seen: list[str] = []

    def read_copy_and_quit(dialog: DatabaseErrorDialog) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.copy_button.click()
        dialog.reject()

    modal_driver.expect(DatabaseErrorDialog, read_copy_and_quit)
    assert start(None) is None
    assert modal_driver.pending == 0
    assert reason in seen[0]
    assert has_internals(seen[0]) == [], seen[0]
    assert "rahasia" not in seen[0]
    # The address is not lost: "Copy details" hands it (without the password) to IT staff.
    copied = QGuiApplication.clipboard().text()
    assert url.replace(":rahasia", ":***") in copied and "rahasia" not in copied


def test_an_unreachable_hub_is_told_without_its_address(qtbot: QtBot) -> None:
    from conferencing.hub.embedded import EmbeddedHub
    from ui.vicon.controller import CallController

    hub = EmbeddedHub()
    hub.start(host="127.0.0.1")
    url, invite = hub.url, hub.invite("kb-bandung", "Pemerintah Kota Bandung", 600)
    hub.stop()  # nobody answers at that address any more
    controller = CallController("Pemerintah Kota Bandung")
    errors: list[str] = []
    controller.sig_error.connect(errors.append)
    try:
        controller.join(url, "kb-bandung", invite)
        qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    finally:
        controller.shutdown()
    assert has_internals(errors[-1]) == [], errors[-1]
    port = url.split(":")[2].split("/")[0]
    assert port not in errors[-1] and "127.0.0.1" not in errors[-1]


def _certificate_pem(tmp_path: Path) -> Path:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Wali Kota Pekanbaru"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Bagian Kerja Sama"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemerintah Kota Pekanbaru"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "pekanbaru.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_certificate_with_a_cn_given_as_office_card_is_named_without_syntax(
    qtbot: QtBot, context, tmp_path: Path, compiled_translations: Path, language: str
) -> None:
    from ui.office_card import OfficeCardActions
    from ui.settings_page.page import Page as SettingsPage

    i18n.install_language(language, compiled_translations)
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = OfficeCardActions(context, parent)
    pem = _certificate_pem(tmp_path)
    assert actions.offer_trust(pem) is None
    level, text = actions.last_message
    assert level == "error" and has_internals(text) == [], text
    # The same certificate as the time-stamp authority's CA: its name, never "CN=…,OU=…".
    page = SettingsPage(context)
    qtbot.addWidget(page)
    assert page.signing.set_ca_file(pem)
    shown = page.signing.ca_label.text()
    assert "Wali Kota Pekanbaru" in shown and has_internals(shown) == [], shown


def test_file_errors_say_what_to_do_without_the_path(tmp_path: Path, qapp: object) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    target = folder / "salinan.pdf"
    try:
        target.write_bytes(b"x")
    except OSError as error:
        caught = error
    else:  # running as root: permissions do not stop us, so use a missing folder instead
        try:
            (tmp_path / "tidak-ada" / "salinan.pdf").write_bytes(b"x")
        except OSError as error:
            caught = error
    folder.chmod(0o700)
    text = plain_text(caught)
    assert text == file_error_text(caught)
    assert str(tmp_path) not in text and has_internals(text) == []
    assert "Choose" in text
    # An uncoded error whose text carries internals becomes the general sentence.
    leaky = RuntimeError("connect to wss://10.0.0.5:8443/hub failed: CN=Wali Kota,OU=Bagian")
    assert has_internals(str(leaky))
    assert has_internals(plain_text(leaky)) == [] and "Try again" in plain_text(leaky)


def test_a_bad_invitation_and_a_missing_lambang_are_told_without_addresses(
    qapp: object, tmp_path: Path
) -> None:
    from ui.sessions.invite import InviteError, parse_invite
    from ui.wizard.lambang import LambangError, lambang_png

    with pytest.raises(InviteError) as bad_hub:
        parse_invite("Hub: ftp://10.0.0.5:2121/lintas\nRoom: kb-bandung\nToken: abc")
    assert has_internals(str(bad_hub.value)) == [], str(bad_hub.value)
    assert "ask the host to send it again" in str(bad_hub.value)
    with pytest.raises(LambangError) as missing:
        lambang_png(tmp_path / "kantor" / "lambang.png")
    assert "lambang.png" in str(missing.value)
    assert str(tmp_path) not in str(missing.value) and has_internals(str(missing.value)) == []
