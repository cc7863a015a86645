"""Settings page sections with real widgets: certificate export, lambang change, connections."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mou.office import local_office
from mou.signing.identity import create_identity
from tests.shell.conftest import SCREENSHOTS, ModalDriver
from tests.shell.test_wizard import LAMBANG_SVG
from ui.context import AppContext, OfficeChanged
from ui.settings import Settings
from ui.settings_page.page import Page as SettingsPage
from ui.wizard.wizard import certificate_copy


def _page(qtbot: QtBot, context: AppContext) -> SettingsPage:
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_certificate_is_shown_and_the_office_card_saved(
    qtbot: QtBot, context: AppContext, tmp_path: Path, modal_driver: ModalDriver
) -> None:
    from mou.exchange import read_office_card
    from ui.exchange_keys import endorse_with

    identity = create_identity(
        context.identity_path,
        "Sandi-Bandung-2026!",
        common_name="Wali Kota Bandung",
        organization="Pemerintah Kota Bandung",
    )
    certificate_copy(context.data_dir).write_bytes(identity.certificate_pem())
    endorse_with(context.data_dir, identity)  # as the wizard does
    page = _page(qtbot, context)
    office = page.office
    assert identity.fingerprint_sha256 in office.certificate.text()
    assert "Wali Kota Bandung — Pemerintah Kota Bandung" in office.certificate.text()
    assert "CN=" not in office.certificate.text()
    assert office.export_button.text() == "Save our office card…"
    target = tmp_path / "untuk-palangkaraya"

    def save_as(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    modal_driver.expect(QFileDialog, save_as)
    qtbot.mouseClick(office.export_button, Qt.MouseButton.LeftButton)
    card = target.with_suffix(".lintas-card")
    office_data, certificate = read_office_card(card.read_bytes())
    assert office_data["uuid"] == context.office.uuid
    assert certificate.fingerprint(certificate.signature_hash_algorithm) is not None
    assert "untuk-palangkaraya.lintas-card" in office.status.text()
    assert str(tmp_path) not in office.status.text()


def test_missing_certificate_is_said_and_export_disabled(qtbot: QtBot, context: AppContext) -> None:
    page = _page(qtbot, context)
    office = page.office
    assert office.certificate.text() == "No signing identity is set up on this computer yet."
    assert str(context.data_dir) not in office.certificate.text()
    assert not office.export_button.isEnabled()


def test_lambang_change_is_saved_and_announced(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    announced: list[OfficeChanged] = []
    context.bridge.subscribe(OfficeChanged, announced.append)
    page = _page(qtbot, context)
    office = page.office
    junk = tmp_path / "lambang.png"
    junk.write_bytes(b"no image")
    assert not office.set_lambang(junk)
    assert "is not a PNG, JPEG or SVG" in office.status.text()
    svg = tmp_path / "lambang.svg"
    svg.write_text(LAMBANG_SVG, encoding="utf-8")
    assert office.set_lambang(svg)
    assert not office.lambang_preview.pixmap().isNull()
    qtbot.mouseClick(office.save_button, Qt.MouseButton.LeftButton)
    with context.database.session() as session:
        stored = local_office(session)
        assert stored is not None and stored.lambang_png is not None
        assert stored.lambang_png.startswith(b"\x89PNG")
    qtbot.waitUntil(lambda: len(announced) == 1, timeout=3000)
    assert context.office.lambang_png == stored.lambang_png


def test_connection_fields_are_saved_when_editing_finishes(
    qtbot: QtBot, context: AppContext
) -> None:
    page = _page(qtbot, context)
    connections = page.connections
    note = connections.database_note.text()
    # The database in use is described in words: no driver name, path or port.
    assert "built-in database in this office's data folder" in note
    assert "sqlite" not in note and "/" not in note
    connections.grab().save(str(SCREENSHOTS / "settings_connections_en.png"))
    connections.hub.setFocus()
    qtbot.keyClicks(connections.hub, "wss://vicon.bandung.go.id:8443")
    qtbot.keyClick(connections.hub, Qt.Key.Key_Return)
    connections.turn_password.setFocus()
    qtbot.keyClicks(connections.turn_password, "rahasia")
    qtbot.keyClick(connections.turn_password, Qt.Key.Key_Return)
    stored = Settings(context.data_dir)
    assert stored.hub_address == "wss://vicon.bandung.go.id:8443"
    assert stored.turn_password == "rahasia"


def test_connection_fields_refuse_addresses_that_cannot_work(
    qtbot: QtBot, context: AppContext
) -> None:
    page = _page(qtbot, context)
    connections = page.connections
    for field, text, expected in (
        (connections.hub, "vicon.bandung.go.id", "wss://"),
        (connections.turn_url, "stun:stun.example", "turn:"),
        (connections.database_url, "mysql://root@localhost/lintas", "postgresql+psycopg://"),
        (connections.database_url, "not a url at all", "postgresql+psycopg://"),
    ):
        field.setFocus()
        field.clear()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert expected in connections.status.text()
        assert connections.status.text().startswith("Not saved")
    stored = Settings(context.data_dir)
    assert (stored.hub_address, stored.turn_url, stored.database_url) == ("", "", "")
    connections.database_url.clear()
    qtbot.keyClicks(connections.database_url, "postgresql+psycopg://lintas@db.bandung.go.id/lintas")
    qtbot.keyClick(connections.database_url, Qt.Key.Key_Return)
    assert connections.status.text() == ""
    assert Settings(context.data_dir).database_url.endswith("@db.bandung.go.id/lintas")
