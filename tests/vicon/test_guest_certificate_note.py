"""The browser guest's certificate warning is explained in the invitation (English, Indonesian).

The hub makes its own certificate (conferencing/hub/embedded.py), so Chrome and Edge warn. The
invitation says what the browser will say and the first bytes of the real certificate's SHA-256
fingerprint, written the way the browser's certificate viewer writes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from conferencing.hub.embedded import fingerprint, office_certificate
from conferencing.hub.guest_page import fingerprint_start, guest_link
from tests.vicon.conftest import install_indonesian
from ui.sessions.invite import Invite, format_invite

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"


def _invite(tmp_path: Path) -> tuple[Invite, str]:
    cert_pem, _key = office_certificate(tmp_path)
    pin = fingerprint(cert_pem)
    hub_url = f"wss://10.0.0.2:45000/ws#sha256={pin}"
    invite = Invite(hub_url, "kb-1", "tok.en", PEKANBARU, browser_link=guest_link(hub_url, "g.t"))
    return invite, pin


def test_fingerprint_start_reads_like_the_browser() -> None:
    pin = "ab12cd34ef56ab78" + "0" * 48
    assert fingerprint_start(f"wss://h:1/ws#sha256={pin}") == "AB 12 CD 34 EF 56 AB 78"
    assert fingerprint_start("wss://h:1/ws") == ""  # no pin: a real authority, no warning
    assert fingerprint_start("wss://h:1/ws#sha256=ab") == ""


@pytest.mark.parametrize(
    ("language", "warning"),
    [("en", "not private"), ("id", "tidak pribadi")],
)
def test_invitation_tells_the_guest_what_the_browser_says(
    tmp_path: Path, qapp: object, language: str, warning: str
) -> None:
    invite, pin = _invite(tmp_path)
    translator = install_indonesian(tmp_path) if language == "id" else None
    try:
        text = format_invite(invite, BANDUNG)
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
    lines = text.splitlines()
    link_at = lines.index(invite.browser_link)
    note = lines[link_at + 1]  # right under the link it is about
    expected = " ".join(pin[i : i + 2].upper() for i in range(0, 16, 2))
    assert expected in note and BANDUNG in note and warning in note, note
    assert "SHA-256" in note
    # Plain: one sentence, no address or port.
    assert "10.0.0.2" not in note and "45000" not in note and note.count(". ") == 0


def test_no_note_without_a_browser_link_or_pin(tmp_path: Path, qapp: object) -> None:
    invite, _pin = _invite(tmp_path)
    app_only = Invite(invite.hub_url, invite.room, invite.token, invite.office)
    assert "SHA-256" not in format_invite(app_only, BANDUNG)
    unpinned = Invite(
        "wss://hub.bandung.go.id/ws", "kb-1", "t", PEKANBARU, browser_link="https://x/g"
    )
    assert "SHA-256" not in format_invite(unpinned, BANDUNG)
