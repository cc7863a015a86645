"""The invitation is written for people: what, when, how to join, and one code to paste.

A real Sessions page starts its real embedded hub and issues a real invitation through "Invite
an office"; the text is read as the invited office would read it (English and Indonesian) and
pasted back into Join.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.hub.tokens import token_expiry
from tests.vicon.conftest import install_indonesian, make_context
from ui.datestyle import timestamp_datetime
from ui.sessions.invite import parse_invite
from ui.sessions.page import SessionsPage

PEKANBARU = "Pemerintah Kota Pekanbaru"
#: Anything technical a person should not have to read: URLs, host:port, IP addresses, tokens.
TECHNICAL = re.compile(r"[a-z]+://|:\d{2,5}\b|\b\d{1,3}(\.\d{1,3}){3}\b|sha256|token|Hub:|Room:")

#: The expiry line: "When: ... join before 5 Dec 2026 14:22 WIB." (zone only in Indonesia).
WHEN = re.compile(
    r"When: the session is open now; join before \d{1,2} \w{3} \d{4} \d{2}[:.]\d{2}"
    r"( WIB| WITA| WIT)?\."
)


def _human_part(text: str) -> tuple[str, str]:
    """(the lines for people, the pasteable code block) of an invitation."""
    head, _, code = text.partition("lintas://")
    return head, "lintas://" + code


def test_invitation_reads_as_sentences_and_keeps_the_address_inside_the_code(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    panel = page.host_panel
    panel.bind_host = "127.0.0.1"  # outside a namespace: listen on loopback only
    translator = None
    try:
        panel.address_combo.setCurrentText("10.1.2.3")
        dialog = panel.open_invite_dialog()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        dialog.resize(640, 480)
        dialog.office_combo.setCurrentText(PEKANBARU)
        text = dialog.text.toPlainText()
        human, code = _human_part(text)
        invite = parse_invite(text)
        # What, when, how: in sentences, with the expiry in the app's date style.
        assert human.startswith(f"Pemerintah Kota Bandung invites {PEKANBARU} to a Lintas")
        expiry = token_expiry(invite.token)
        assert expiry is not None
        (when,) = [line for line in human.splitlines() if line.startswith("When:")]
        assert WHEN.fullmatch(when), when
        assert timestamp_datetime(expiry)[:-6] in when  # the day, whatever the zone label
        human = human.replace(when, "")  # its clock time is no port
        assert "How to join: open Lintas, go to Sessions" in human
        # A pasted invitation joins at once (ui.sessions.join_panel): no "Join" to press.
        assert "the call opens at once" in human and "press Join" not in human
        assert "read the code on their screens aloud" in human
        assert human.rstrip().endswith("Code to paste (for Lintas, do not change it):")
        # No address, port, IP, pin or token among the sentences; all of it is in the code.
        assert TECHNICAL.search(human) is None, TECHNICAL.search(human)
        assert code.splitlines()[0] == invite.link() and "10.1.2.3" in invite.hub_url
        # After the code: the same invitation as a browser guest link, on the chosen address.
        lines = code.strip().splitlines()
        (browser,) = [line for line in lines if line.startswith("https://")]
        assert browser.startswith(f"https://10.1.2.3:{panel.hub.server.port}/guest/#t=")
        # Then what the browser will say about the host's own certificate, and how to check it.
        assert (
            lines[-1].startswith("The browser will warn") and lines.index(browser) < len(lines) - 1
        )
        assert "Without Lintas: open this link in Chrome or Edge" in code
        assert invite.office == PEKANBARU and invite.hub_url.endswith(f"#sha256={panel.hub.pin}")
        # The invited office pastes the whole message: Join reads it back.
        assert parse_invite("Fwd:\n" + text + "\n--\nsent from a phone") == invite
        qtbot.wait(50)
        assert dialog.grab().save(str(screenshots / "journey_invitation_en.png"))

        # The same in Indonesian: translated sentences, still nothing technical in them.
        translator = install_indonesian(tmp_path)
        dialog.office_combo.setCurrentText(PEKANBARU + " ")
        dialog.office_combo.setCurrentText(PEKANBARU)
        human_id, code_id = _human_part(dialog.text.toPlainText())
        assert "mengundang" in human_id and "Cara bergabung" in human_id
        assert "langsung terbuka" in human_id and "tekan Bergabung" not in human_id
        (when_id,) = [line for line in human_id.splitlines() if line.startswith("Waktu:")]
        assert re.fullmatch(
            r"Waktu: sesi sudah dibuka sekarang; bergabunglah sebelum .+\.", when_id
        )
        human_id = human_id.replace(when_id, "")
        assert "Kode untuk ditempel" in human_id
        assert TECHNICAL.search(human_id) is None
        assert parse_invite(code_id).office == PEKANBARU
        qtbot.wait(50)
        assert dialog.grab().save(str(screenshots / "journey_invitation_id.png"))
        dialog.accept()
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        page.shutdown()
        context.database.dispose()
