"""Verification errors and hub refusals reach the UI in Indonesian."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QDateTime, QLocale

from conferencing import protocol as p
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.tokens import (
    TokenError,
    issue_token,
    new_secret,
    token_expiry,
    verify_token,
)
from ui.signing.verify_dialog import VerificationDialog
from ui.vicon.controller import CallController
from ui.vicon.messages import error_text, hub_message_text


def _id_short(seconds: int) -> str:
    """The app's one short date-time form in Indonesian ("5 Des 2026 07.15", ui.datestyle)."""
    indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return indonesian.toString(QDateTime.fromSecsSinceEpoch(seconds), "d MMM yyyy HH.mm")


def test_tampered_and_damaged_pdfs_are_reported_in_indonesian(
    qtbot, indonesian, signed_agreement, bandung_identity, palangkaraya_identity
) -> None:
    trusted = [bandung_identity.certificate, palangkaraya_identity.certificate]
    data = signed_agreement
    at = data.index(b"/Creator (Lintas ")
    tampered = data[:at] + b"/Creator (Lintaz " + data[at + len(b"/Creator (Lintas ") :]
    bad = VerificationDialog(tampered, trusted)
    qtbot.addWidget(bad)
    assert not bad.report.ok
    verdicts = [bad.verdict_text(c) for c in bad.report.signatures]
    assert verdicts and all(v.startswith("Dirusak: ") for v in verdicts), verdicts
    assert not any(v.startswith("Tampered") for v in verdicts)

    # A truncated PDF: the core's own reason (VerifyCode) is shown in Indonesian, not English.
    truncated = VerificationDialog(data[: len(data) // 3], trusted)
    qtbot.addWidget(truncated)
    summary = truncated.summary.text()
    assert truncated.report.error_code == "verify.unreadable_pdf"
    assert "PDF tidak dapat dibaca; mungkin tidak lengkap atau rusak" in summary
    assert "cannot be read" not in summary
    empty = VerificationDialog(b"", trusted)
    qtbot.addWidget(empty)
    assert "Berkas kosong." in empty.summary.text()


def test_refused_invite_tokens_are_explained_in_indonesian(indonesian) -> None:
    secret = new_secret()
    expired = issue_token(secret, "kb-bandung", "Kota Pekanbaru", ttl_s=60, now=time.time() - 3600)
    with pytest.raises(TokenError) as info:
        verify_token(secret, expired, "kb-bandung")
    assert info.value.code == p.E_TOKEN_EXPIRED
    shown = hub_message_text(info.value.message)
    when = _id_short(token_expiry(expired))
    assert shown == (
        "Undangan sudah kedaluwarsa; mintalah undangan baru kepada penyelenggara\n"
        f"Undangan itu kedaluwarsa pada {when}."
    )
    good = issue_token(secret, "kb-bandung", "Kota Pekanbaru")
    with pytest.raises(TokenError) as info:
        verify_token(secret, good, "kb-lain")
    assert error_text(info.value) == "Undangan ini untuk sesi lain"
    with pytest.raises(TokenError) as info:
        verify_token(new_secret(), good, "kb-bandung")
    assert error_text(info.value).startswith("Undangan tidak berlaku untuk hub ini")


def test_the_real_hub_refusing_a_token_is_shown_in_indonesian(qtbot, indonesian) -> None:
    hub = EmbeddedHub()
    hub.start(host="127.0.0.1")  # no media: the join is refused before any ICE
    controller = CallController("Kota Pekanbaru")
    states: list[tuple[str, str]] = []
    errors: list[str] = []
    controller.sig_state_changed.connect(lambda s, r: states.append((s, r)))
    controller.sig_error.connect(errors.append)
    try:
        forged = issue_token(new_secret(), "kb-bandung", "Kota Pekanbaru")
        controller.join(hub.url, "kb-bandung", forged)
        qtbot.waitUntil(
            lambda: any(s == "failed" for s, _ in states) and bool(errors), timeout=10000
        )
    finally:
        controller.shutdown()
        hub.stop()
    reason = next(r for s, r in states if s == "failed")
    assert reason.startswith("Undangan tidak berlaku untuk hub ini"), reason
    assert errors[-1].startswith("Undangan tidak berlaku untuk hub ini"), errors


def test_losing_the_hub_link_is_shown_in_indonesian(qtbot, indonesian) -> None:
    hub = EmbeddedHub()
    hub.start(host="127.0.0.1")  # alone in the room: no peer, so no ICE is needed
    controller = CallController("Kota Pekanbaru")
    states: list[tuple[str, str]] = []
    controller.sig_state_changed.connect(lambda s, r: states.append((s, r)))
    try:
        controller.join(hub.url, "kb-bandung", hub.invite("kb-bandung", "Kota Pekanbaru", 600))
        qtbot.waitUntil(lambda: ("connected", "") in states, timeout=10000)
        hub.stop()
        qtbot.waitUntil(lambda: any(s == "reconnecting" for s, _ in states), timeout=10000)
    finally:
        controller.shutdown()
        if hub.server is not None:
            hub.stop()
    reason = next(r for s, r in states if s == "reconnecting")
    assert reason.startswith("Sambungan ke komputer kantor tuan rumah terputus."), states


def test_the_real_hub_refusing_an_expired_invite_says_when_in_indonesian(qtbot, indonesian) -> None:
    hub = EmbeddedHub()
    hub.start(host="127.0.0.1")
    controller = CallController("Kota Pekanbaru")
    errors: list[str] = []
    controller.sig_error.connect(errors.append)
    expired = issue_token(hub.secret, "kb-bandung", "Kota Pekanbaru", 60, now=time.time() - 7200)
    try:
        controller.join(hub.url, "kb-bandung", expired)
        qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    finally:
        controller.shutdown()
        hub.stop()
    when = _id_short(token_expiry(expired))
    assert errors[-1].startswith("Undangan sudah kedaluwarsa"), errors
    assert f"Undangan itu kedaluwarsa pada {when}." in errors[-1]
    assert "UTC" not in errors[-1] and "expired" not in errors[-1]
