"""The call's identity bar takes the office identity's password inline (no extra dialog).

A real office identity (PKCS#12 on disk) and a real call controller (its engine's loop runs;
nothing needs the network): a wrong password is refused with a sentence and the field is
emptied; the right one hands the unlocked key to the engine and the bar goes away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from tests.agreements_ui.conftest import PASSWORD, make_office
from ui.vicon.controller import CallController
from ui.vicon.identity_bar import IdentityBar


def test_password_typed_in_the_bar_unlocks_and_a_wrong_one_is_refused(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ctx = make_office(tmp_path / "bandung", "Bandung")
    controller = CallController(
        ctx.office.display_name,
        video_source=SyntheticVideoSource("x", 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    try:
        bar = IdentityBar(controller, ctx.identity_path)
        qtbot.addWidget(bar)
        bar.resize(1000, 60)
        bar.show()
        assert bar.isVisible() and bar.password.echoMode() == bar.password.EchoMode.Password
        qtbot.keyClicks(bar.password, "salah-sekali")
        qtbot.keyClick(bar.password, Qt.Key.Key_Return)
        assert bar.isVisible() and bar.label.text() == "The password is wrong. Try again."
        assert bar.password.text() == ""  # nothing typed is kept
        qtbot.keyClicks(bar.password, PASSWORD)
        with qtbot.waitSignal(bar.sig_unlocked, timeout=5000):
            qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
        assert not bar.isVisible() and bar.password.text() == ""
        qtbot.waitUntil(lambda: controller.has_identity, timeout=5000)
        assert controller.engine.call_identity.office == "Pemerintah Kota Bandung"
    finally:
        controller.shutdown()


def test_the_call_proves_the_office_with_its_endorsed_exchange_key_without_a_password(
    tmp_path: Path,
) -> None:
    from mou.signing.identity import load_identity
    from ui.exchange_keys import (
        endorse_with,
        forget_unlocked_keys,
        office_exchange_key,
        set_exchange_key_password,
        unlock_exchange_key,
    )
    from ui.vicon.identity_bar import exchange_call_identity
    from ui.wizard.wizard import certificate_copy

    forget_unlocked_keys()
    ctx = make_office(tmp_path / "bandung", "Bandung")
    identity = load_identity(ctx.identity_path, PASSWORD)
    certificate_copy(ctx.data_dir).write_bytes(identity.certificate_pem())
    assert exchange_call_identity(ctx) is None  # a key nobody endorsed proves nothing
    endorse_with(ctx.data_dir, identity)  # what the wizard does with the new identity
    proof = exchange_call_identity(ctx)
    assert proof is not None and proof.exchange
    assert proof.office == "Pemerintah Kota Bandung"
    assert proof.exchange_key_der == office_exchange_key(ctx.data_dir).public_der
    # A key protected by its own password and not unlocked in this run: the call does not stop
    # to ask; the bar offers the identity's password as before.
    set_exchange_key_password(ctx.data_dir, "", "kunci-pertukaran-9")
    forget_unlocked_keys()
    assert exchange_call_identity(ctx) is None
    unlock_exchange_key(ctx.data_dir, "kunci-pertukaran-9")
    assert exchange_call_identity(ctx) is not None
    forget_unlocked_keys()
