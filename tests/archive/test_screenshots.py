"""Screenshots of the archive list, the file-exchange signing dialogs, the printed-page check and
the print preview, in English and Indonesian (``screenshots/archive_*_<lang>.png``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mou.pdf.layout import qr_payload
from mou.signing import signature_fields
from tests.archive.conftest import PASSWORD, Side, app_context
from ui.archive.page import Page


def _shot(widget: QWidget, folder: Path, name: str, language: str) -> Path:
    widget.show()
    QApplication.processEvents()
    path = folder / f"archive_{name}_{language}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.mark.parametrize("language", ["en", "id"])
def test_archive_screenshots(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    language: str,
    agreed: tuple[Side, Side, str],
    signature_png: bytes,
    screenshots: Path,
    tmp_path: Path,
) -> None:
    if language == "id":
        request.getfixturevalue("indonesian")
    a, b, uuid = agreed
    page = Page(app_context(a))
    qtbot.addWidget(page)
    page.resize(1100, 620)
    _shot(page, screenshots, "empty", language)
    assert page.empty_state.isVisible()

    prepare = page.prepare_for_signing()
    prepare.select(a.agreement_id)
    _shot(prepare, screenshots, "prepare", language)
    assert prepare.prepare()
    offline = page.last_dialog
    _shot(offline, screenshots, "offline_before", language)
    sign = offline.open_sign_dialog()
    sign.set_signature_png(signature_png)
    sign.password.setText("salah")
    sign.sign_button.click()
    _shot(sign, screenshots, "sign_wrong_password", language)
    if language == "id":
        assert "password" not in sign.error.text().lower()
    sign.password.setText(PASSWORD)
    sign.sign_button.click()
    _shot(offline, screenshots, "offline_after", language)
    offline.save_to(tmp_path / "to-b.pdf")

    page_b = Page(app_context(b))
    qtbot.addWidget(page_b)
    page_b.resize(1100, 620)
    arrived = page_b.open_file(tmp_path / "to-b.pdf")
    _shot(arrived, screenshots, "offline_arrived", language)
    arrived.sign_with(PASSWORD, signature_png)
    arrived.save_to(tmp_path / "back.pdf")
    page.open_file(tmp_path / "back.pdf")
    page.last_dialog.close()
    page.refresh()
    _shot(page, screenshots, "list", language)
    assert page.list_panel.isVisible() and page.table.rowCount() == 1

    check = page.check_printed_page()
    with a.city.db.session() as s:
        from mou.ceremony.store import agreed_revision_hash

        revision = agreed_revision_hash(s, uuid)
    check.code.setText(qr_payload(uuid, revision))
    check.check()
    _shot(check, screenshots, "qr_match", language)
    check.code.setText(qr_payload(uuid, "0" * 64))
    check.check()
    _shot(check, screenshots, "qr_mismatch", language)
    check.close()

    viewer = page.open_selected()
    assert viewer is not None and viewer.opened
    viewer.resize(860, 760)
    viewer.show()
    signature_page = signature_fields(viewer.data)[0].page
    viewer.view.scroll_to_page(signature_page)
    qtbot.waitUntil(lambda: viewer.view.page_image(signature_page) is not None, timeout=5000)
    _shot(viewer, screenshots, "document", language)
    viewer.close()
    preview = page.preview_selected()
    assert preview is not None
    preview.resize(900, 800)
    _shot(preview, screenshots, "print_preview", language)
    preview.close()
    verification = page.verify_selected()
    _shot(verification, screenshots, "verify", language)
    assert verification.report.ok
