"""Everything usable on a 1366x768 laptop: every page (and the agreement editor's tabs) and every
dialog keeps its buttons and tabs on the screen with their whole text, in English and Indonesian.
Screenshots go to screenshots/conventions_*.png."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.shell.layout_probe import SCREEN, problems
from tests.shell.populated import Populated, populate, visit_everything
from ui import i18n
from ui.main_window import MainWindow
from ui.screen_fit import fit_size, resize_to_fit

#: A 1366x768 screen less a 40 px panel: what a maximised window or a dialog really gets.
LAPTOP = QRect(0, 0, 1366, 728)


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_page_fits_1366x768(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path, screenshots: Path, language: str
) -> None:
    i18n.install_language(language, compiled_translations)
    data = populate(tmp_path / "bandung")
    window = MainWindow(data.context)
    qtbot.addWidget(window)
    window.resize(SCREEN.size())
    window.show()
    qtbot.waitExposed(window)
    found = []
    for screen in visit_everything(window, data.agreement_id):
        found += [f"{screen}: {p}" for p in problems(window)]
        assert window.grab().save(str(screenshots / f"conventions_{screen}_{language}.png"))
        # Maximised on the laptop (a 40 px panel, a 30 px title bar) the window can shrink to fit.
        assert window.minimumSizeHint().height() <= LAPTOP.height() - 30, screen
    assert not found, "\n".join(found)
    window.close()


def _document_dialog(data: Populated) -> QWidget:
    from mou.pdf.render import render_pdf_bytes
    from mou.publication import draft_document
    from ui.signing.document_dialog import SignedDocumentDialog

    with data.context.database.session() as session:
        pdf = render_pdf_bytes(draft_document(session, data.agreement_id))[0]
    return SignedDocumentDialog(pdf, [], title="Kerja Sama Pengembangan Kota Cerdas")


def _dialogs(data: Populated, tmp_path: Path) -> dict[str, Callable[[], QWidget]]:
    from mou.db import open_database, sqlite_url
    from ui.agreements.catalog_picker import CatalogPickerDialog
    from ui.agreements.new_dialog import NewAgreementDialog
    from ui.agreements.redline.dialog import RedlineDialog
    from ui.archive.prepare_dialog import PrepareSigningDialog
    from ui.archive.qr_check import QrCheckDialog
    from ui.database_recovery import DatabaseErrorDialog
    from ui.help import HelpDialog
    from ui.sessions.schedule_dialog import ScheduleDialog
    from ui.signing.signature_pad import SignaturePadDialog
    from ui.wizard.wizard import FirstRunWizard

    context = data.context
    return {
        "document": lambda: _document_dialog(data),
        "new_agreement": lambda: NewAgreementDialog(context),
        "redline": lambda: RedlineDialog(context, data.agreement_id),
        "catalog_picker": lambda: CatalogPickerDialog(context, []),
        "schedule": lambda: ScheduleDialog(["Pemerintah Kota Palangka Raya"]),
        "help": lambda: HelpDialog("editor"),
        "database_error": lambda: DatabaseErrorDialog("sqlite+pysqlite:///x", "—"),
        "qr_check": lambda: QrCheckDialog(context),
        "prepare_signing": lambda: PrepareSigningDialog(context),
        "signature_pad": lambda: SignaturePadDialog("Muhammad Farhan"),
        "wizard": lambda: FirstRunWizard(
            open_database(sqlite_url(tmp_path / "wizard.sqlite3")), tmp_path / "wizard"
        ),
    }


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_dialog_fits_1366x768(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path, screenshots: Path, language: str
) -> None:
    i18n.install_language(language, compiled_translations)
    data = populate(tmp_path / "bandung")
    found = []
    for name, make in _dialogs(data, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        # The size the dialog would get on the laptop (its own size, shrunk to the screen).
        dialog.resize(fit_size(dialog.size().expandedTo(dialog.sizeHint()), LAPTOP))
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(250)  # the PDF view renders its pages shortly after it is shown
        QApplication.processEvents()
        found += [f"{name}: {p}" for p in problems(dialog)]
        assert dialog.grab().save(str(screenshots / f"conventions_dialog_{name}_{language}.png"))
        dialog.close()
    assert not found, "\n".join(found)


def test_the_pdf_viewer_keeps_print_save_and_close_on_a_laptop_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = populate(tmp_path / "bandung")
    dialog = _document_dialog(data)
    qtbot.addWidget(dialog)
    size = resize_to_fit(dialog, 860, 980, LAPTOP)  # what it does on a 1366x768 screen
    assert size.height() <= LAPTOP.height() - 48 and size.width() == 860
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton) if b.isVisible()}
    for text in ("Print…", "Save a copy…", "Close"):
        button = buttons[text]
        bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
        assert bottom < dialog.height() <= LAPTOP.height(), text
    assert not problems(dialog), problems(dialog)
    # Without the fit it asked for 980 px: taller than the laptop's screen.
    assert fit_size(QSize(860, 980), QRect(0, 0, 1920, 1080)).height() == 980


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_call_window_fits_1366x768(
    qtbot: QtBot, compiled_translations: Path, screenshots: Path, language: str
) -> None:
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController
    from ui.vicon.devices import LocalMedia

    i18n.install_language(language, compiled_translations)
    office = "Pemerintah Kota Bandung"
    media = LocalMedia(office)  # no devices in tests: the synthetic pattern and tone
    controller = CallController(
        office, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media, title="kb-bandung-pekanbaru")
    qtbot.addWidget(window)
    try:
        window.resize(SCREEN.size())
        window.show()
        qtbot.waitExposed(window)
        assert not problems(window), problems(window)
        assert window.grab().save(str(screenshots / f"conventions_call_{language}.png"))
    finally:
        window.close()
        controller.shutdown()
