"""The exchange key's optional password, through real widgets: Settings sets, changes and
removes it (the same key, so counterparts keep trusting it); signing a package or card asks for
it once per run, and a wrong password is said in plain words. Real files, real Qt offscreen."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mou.exchange.errors import PackageCode
from mou.exchange.key import ExchangeKeyError
from ui import paths
from ui.exchange_key_dialog import ExchangeKeyPasswordDialog
from ui.exchange_keys import exchange_key_protected, forget_unlocked_keys, office_exchange_key
from ui.settings_page.exchange_key_section import ExchangeKeySection

PASSWORD = "kunci-pertukaran-2026"


@pytest.fixture(autouse=True)
def locked_afterwards() -> Iterator[None]:
    """Every test starts and ends with no exchange key unlocked in memory."""
    forget_unlocked_keys()
    yield
    forget_unlocked_keys()


def _section(qtbot: QtBot, context) -> ExchangeKeySection:
    section = ExchangeKeySection(context)
    qtbot.addWidget(section)
    section.resize(760, section.sizeHint().height())
    section.show()
    return section


def _shot(section: ExchangeKeySection, path: Path) -> None:
    """Screenshot at the height the wrapped texts need now (they change with the state)."""
    height = section.heightForWidth(760)
    section.resize(760, max(height, section.sizeHint().height()))
    assert section.grab().save(str(path))


def _protect(qtbot: QtBot, section: ExchangeKeySection) -> None:
    qtbot.keyClicks(section.new, PASSWORD)
    qtbot.keyClicks(section.repeat, PASSWORD)
    qtbot.mouseClick(section.set_button, _left())


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_settings_protects_the_same_key_and_signing_asks_once(
    qtbot: QtBot, context, modal_driver, screenshots: Path
) -> None:
    key_file = paths.exchange_key_file(context.data_dir)
    before = office_exchange_key(context.data_dir).public_der  # made on first use, no password
    section = _section(qtbot, context)
    assert not section.protected and not section.remove_button.isEnabled()
    assert "No password" in section.state.text()
    _shot(section, screenshots / "settings_exchange_key_none_en.png")

    # Too short, then two different passwords: refused, nothing written.
    qtbot.keyClicks(section.new, "pendek")
    qtbot.keyClicks(section.repeat, "pendek")
    qtbot.mouseClick(section.set_button, _left())
    assert section.message.text() == "Use at least 8 characters."
    section.new.clear()
    section.repeat.clear()
    qtbot.keyClicks(section.new, PASSWORD)
    qtbot.keyClicks(section.repeat, PASSWORD + "x")
    qtbot.mouseClick(section.set_button, _left())
    assert section.message.text() == "The two new passwords differ. Type them again."
    assert not exchange_key_protected(context.data_dir)
    section.new.clear()
    section.repeat.clear()

    _protect(qtbot, section)
    assert section.message.text() == "The exchange key is now protected by a password."
    assert exchange_key_protected(context.data_dir) and b"ENCRYPTED" in key_file.read_bytes()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert PASSWORD.encode() not in key_file.read_bytes()
    assert section.form.isRowVisible(section.current) and section.remove_button.isEnabled()
    _shot(section, screenshots / "settings_exchange_key_protected_en.png")

    # A new run: the first package asks for the password; a wrong one is said plainly.
    forget_unlocked_keys()
    seen: dict[str, str] = {}

    def wrong_then_right(dialog: ExchangeKeyPasswordDialog) -> None:
        dialog.password.setText("salah-sandi")
        dialog.unlock_button.click()
        seen["error"] = dialog.error.text()
        seen["visible"] = str(dialog.error.isVisible())
        dialog.resize(480, dialog.sizeHint().height())
        dialog.grab().save(str(screenshots / "exchange_key_wrong_password_en.png"))
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()

    modal_driver.expect(ExchangeKeyPasswordDialog, wrong_then_right)
    key = office_exchange_key(context.data_dir)
    assert modal_driver.handled == ["ExchangeKeyPasswordDialog"]
    assert seen["error"] == (
        "That password does not open the exchange key. Check it and try again, or ask the "
        "colleague who set it in Settings."
    )
    assert seen["visible"] == "True"
    assert key.public_der == before  # the same key: its endorsement and trust stay valid
    # Asked once per run: the next package is signed without a question.
    assert office_exchange_key(context.data_dir).public_der == before
    assert modal_driver.handled == ["ExchangeKeyPasswordDialog"]


def test_cancel_leaves_the_key_locked_and_remove_needs_the_current_password(
    qtbot: QtBot, context, modal_driver
) -> None:
    before = office_exchange_key(context.data_dir).public_der
    section = _section(qtbot, context)
    _protect(qtbot, section)
    forget_unlocked_keys()
    modal_driver.expect(ExchangeKeyPasswordDialog, lambda dialog: dialog.cancel_button.click())
    with pytest.raises(ExchangeKeyError) as raised:
        office_exchange_key(context.data_dir)
    assert raised.value.message.code == PackageCode.EXCHANGE_KEY_LOCKED

    # Removing the protection with a wrong current password changes nothing.
    content = paths.exchange_key_file(context.data_dir).read_bytes()
    qtbot.keyClicks(section.current, "bukan-ini")
    qtbot.mouseClick(section.remove_button, _left())
    assert section.message.text() == "The current password is wrong. Nothing was changed."
    assert paths.exchange_key_file(context.data_dir).read_bytes() == content
    section.current.clear()
    qtbot.keyClicks(section.current, PASSWORD)
    qtbot.mouseClick(section.remove_button, _left())
    assert section.message.text() == "The exchange key no longer has a password."
    assert not exchange_key_protected(context.data_dir)
    forget_unlocked_keys()
    assert office_exchange_key(context.data_dir).public_der == before  # no question asked
    assert modal_driver.handled == ["ExchangeKeyPasswordDialog"]


def test_exchange_key_password_in_indonesian(
    qtbot: QtBot, context, indonesian, screenshots: Path
) -> None:
    office_exchange_key(context.data_dir)
    section = _section(qtbot, context)
    _protect(qtbot, section)
    assert section.title() == "Kunci pertukaran"
    assert section.message.text() == "Kunci pertukaran kini dilindungi kata sandi."
    _shot(section, screenshots / "settings_exchange_key_protected_id.png")
    dialog = ExchangeKeyPasswordDialog(context.data_dir)
    qtbot.addWidget(dialog)
    dialog.password.setText("salah-sandi")
    assert not dialog.try_unlock()
    assert dialog.error.text().startswith("Kata sandi itu tidak membuka kunci pertukaran.")
    dialog.resize(480, dialog.sizeHint().height())
    dialog.show()
    assert dialog.grab().save(str(screenshots / "exchange_key_wrong_password_id.png"))
