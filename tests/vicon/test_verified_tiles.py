"""Who is on the call, as the call window shows it: tile badges, short code, refusals.

The first tests paint real widgets offscreen from the engine's verdicts. The last one runs two
real offices (own databases, identities, office cards) through the real hub in a private network
namespace: one office has not unlocked its identity, so the other sees "Not verified" and its
live review and signing ceremony refuse; after unlocking, both tiles say "Verified" with the
same code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from conferencing.call_identity import PeerVerification, VerifyCode
from tests.vicon.conftest import NETNS_ADDR, ROOT, in_netns, install_indonesian, rerun_in_netns
from ui.vicon.participants import ParticipantList
from ui.vicon.video_tile import VideoTile

PEKANBARU = "Pemerintah Kota Pekanbaru"
PALANGKA = "Pemerintah Kota Palangka Raya"

VERIFIED = PeerVerification("p1", "verified", VerifyCode.VERIFIED, PEKANBARU, "042917", 1)
UNTRUSTED = PeerVerification("p2", "unverified", VerifyCode.UNTRUSTED, "", "550113", 1)
INTERCEPTED = PeerVerification("p3", "mismatch", VerifyCode.MISMATCH, PALANGKA, "771204", 1)


def _pixel(image: QImage, x: int, y: int) -> QColor:
    return image.pixelColor(x, y)


def _tile(qtbot, peer: str, office: str, state: PeerVerification | None) -> VideoTile:
    tile = VideoTile(peer, office)
    qtbot.addWidget(tile)
    tile.resize(420, 300)
    tile.show()
    if state is not None:
        tile.set_verification(state)
    return tile


def test_tile_badges_say_verified_not_verified_or_intercepted_in_colour(qtbot) -> None:
    verified = _tile(qtbot, "p1", PEKANBARU, VERIFIED)
    untrusted = _tile(qtbot, "p2", "Pemerintah Kota Medan", UNTRUSTED)
    intercepted = _tile(qtbot, "p3", PALANGKA, INTERCEPTED)
    checking = _tile(qtbot, "p4", "Pemerintah Kota Bogor", None)
    own = VideoTile("", "Pemerintah Kota Bandung", is_self=True)
    qtbot.addWidget(own)
    assert verified.verification_label() == "Verified: Pemerintah Kota Pekanbaru\nCode 042 917"
    assert untrusted.verification_label() == "Not verified\nCode 550 113"
    assert intercepted.verification_label() == "Not verified: connection intercepted\nCode 771 204"
    assert checking.verification_label() == "Checking identity…"
    assert own.verification_label() == ""
    # The badge is painted: green for verified, red for intercepted (with a red frame round
    # the whole tile), brown for not verified.
    images = {
        n: t.grab().toImage() for n, t in (("v", verified), ("u", untrusted), ("i", intercepted))
    }
    badge = {n: _pixel(img, 10, 10) for n, img in images.items()}
    assert badge["v"].green() > 100 and badge["v"].red() < 80
    assert badge["i"].red() > 170 and badge["i"].green() < 80
    assert badge["u"].red() > badge["u"].blue() and badge["u"].green() < 100
    frame_i = _pixel(images["i"], intercepted.width() // 2, intercepted.height() - 4)
    frame_v = _pixel(images["v"], verified.width() // 2, 4)
    assert frame_i.red() > 170 and frame_i.green() < 80
    assert frame_v.red() < 60  # no frame on a verified tile: the dark background
    assert intercepted.toolTip().startswith("Not verified: connection intercepted")


def test_participant_rows_carry_identity_and_reason(qtbot) -> None:
    rows = ParticipantList()
    qtbot.addWidget(rows)
    rows.set_self("Pemerintah Kota Bandung")
    rows.add_participant("p1", PEKANBARU)
    rows.add_participant("p3", PALANGKA)
    assert rows.verification_line("p1") == "Checking identity…"
    rows.set_verification("p1", VERIFIED)
    rows.set_verification("p3", INTERCEPTED)
    assert rows.verification_line("p1") == "Verified: Pemerintah Kota Pekanbaru · Code 042 917"
    texts = [rows.item(i).text() for i in range(rows.count())]
    assert texts[1].endswith("Verified: Pemerintah Kota Pekanbaru · Code 042 917")
    assert "connection intercepted" in texts[2]
    assert rows.item(2).foreground().color().name() == "#c62828"
    assert "Someone may be listening in" in rows.item(2).toolTip()
    assert "office certificate you trust" in rows.item(1).toolTip()
    assert rows.offices() == [PEKANBARU, PALANGKA]


def test_the_verified_notice_offers_a_code_only_when_there_is_one() -> None:
    from ui.vicon.verification import verified_notice

    assert verified_notice(PEKANBARU, VERIFIED) == (
        "Pemerintah Kota Pekanbaru is verified. "
        "Read the code 042 917 aloud: the other office must see the same code."
    )
    # Through Janus: verified by the signed publish binding, no short code.
    through_sfu = PeerVerification("p1", "verified", VerifyCode.VERIFIED, PEKANBARU, "", 1)
    assert verified_notice(PEKANBARU, through_sfu) == "Pemerintah Kota Pekanbaru is verified."


def test_identity_texts_are_indonesian(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = install_indonesian(tmp_path)
    try:
        verified = _tile(qtbot, "p1", PEKANBARU, VERIFIED)
        intercepted = _tile(qtbot, "p3", PALANGKA, INTERCEPTED)
        assert (
            verified.verification_label()
            == "Terverifikasi: Pemerintah Kota Pekanbaru\nKode 042 917"
        )
        assert intercepted.verification_label().startswith("Tidak terverifikasi: sambungan disadap")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_call_identity_code_has_a_translated_text() -> None:
    """The UI words every verdict code of ``conferencing.call_identity`` (and nothing else)."""
    import xml.etree.ElementTree as ET

    from conferencing.call_identity import VerifyCode as Code
    from ui.vicon.messages import CALL_IDENTITY

    assert set(CALL_IDENTITY.texts) == {c.value for c in Code}
    root = ET.parse(ROOT / "resources/translations/vicon_id.ts").getroot()
    finished = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
        if (t := m.find("translation")) is not None and not t.get("type") and t.text
    }
    for source in CALL_IDENTITY.texts.values():
        assert ("CallIdentity", source) in finished, source


def test_call_window_screenshot_with_three_verdicts(qtbot, screenshots: Path) -> None:
    """The window as an office sees it: one verified, one not, one intercepted (looked at)."""
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController

    office = "Pemerintah Kota Bandung"
    controller = CallController(
        office,
        video_source=SyntheticVideoSource(office, 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    window = CallWindow(controller, title="kb-bandung-pekanbaru")
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        for state, name in ((VERIFIED, PEKANBARU), (UNTRUSTED, "Pemerintah Kota Medan"),
                            (INTERCEPTED, PALANGKA)):  # fmt: skip
            controller._participants[state.peer_id] = name  # what ParticipantJoined records
            window._on_joined(state.peer_id, name)
            controller.sig_verification.emit(state.peer_id, state)
        qtbot.waitUntil(lambda: window.tiles["p3"].verification is not None)
        qtbot.wait(200)
        path = screenshots / "call_identity_tiles.png"
        assert window.grab().save(str(path))
        assert window.tiles["p1"].verification_label().startswith("Verified: Pemerintah Kota")
        assert window.tiles["p3"].verification.status == "mismatch"
        # The office is told, in the chat: read the code aloud / someone may be listening in.
        transcript = window.chat.transcript.toPlainText()
        assert "Pemerintah Kota Pekanbaru is verified. Read the code 042 917 aloud" in transcript
        assert f"Warning: the connection to {PALANGKA} does not end at {PALANGKA}" in transcript
    finally:
        controller.shutdown()


# ----------------------------------------------------------------------------- real call


@pytest.mark.netns
def test_real_call_unverified_until_unlocked_then_verified_with_same_code(
    qtbot, tmp_path: Path, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    from conferencing.hub.embedded import EmbeddedHub
    from mou.ceremony.protocol import CeremonyError
    from mou.office import Role
    from tests.agreements_ui.conftest import (
        PASSWORD,
        act_as,
        create_agreement,
        make_office,
        trust_each_other,
    )
    from ui.agreements.live.link import LiveReviewLink
    from ui.agreements.live.live_panel import LivePanel
    from ui.ceremony.session import UNVERIFIED_CALL, CeremonySession
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite
    from ui.vicon.call_events import CallOpened
    from ui.vicon.identity_bar import counterpart_trust

    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangka", "Palangka Raya")
    trust_each_other(bandung, palangka)
    agreement_id = create_agreement(palangka, "Bandung")
    act_as(palangka, Role.DRAFTER)
    name_a, name_b = bandung.office.display_name, palangka.office.display_name
    room = "kb-bandung-palangkaraya"
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    windows = []
    try:
        for ctx in (bandung, palangka):
            name = ctx.office.display_name
            invite = Invite(hub.url, room, hub.invite(room, name, 600))
            window = open_call(
                name,
                invite,
                synthetic=True,
                identity_path=ctx.identity_path,
                trusted=counterpart_trust(ctx.database),
            )
            qtbot.addWidget(window)
            window.resize(1366, 768)
            windows.append(window)
        win_a, win_b = windows
        assert win_a.identity_bar.isVisible() and win_b.identity_bar.isVisible()
        # Palangka Raya unlocks its identity; Bandung does not (yet).
        assert not win_b.identity_bar.unlock("salah")
        assert "wrong" in win_b.identity_bar.label.text()
        assert win_b.identity_bar.unlock(PASSWORD)
        link = LiveReviewLink(palangka)
        palangka.bridge.post(CallOpened(win_b.controller, room))
        qtbot.waitUntil(lambda: link.controller is win_b.controller, timeout=5000)
        link.attach(agreement_id)
        live_panel = LivePanel(link)
        qtbot.addWidget(live_panel)
        session = CeremonySession(
            win_b.controller,
            data_dir=palangka.data_dir,
            identity_path=palangka.identity_path,
            trusted=[],
            document_provider=None,
        )

        def tile_b_for_a():
            peers = [p for p, o in win_b.controller.participants().items() if o == name_a]
            return win_b.tiles.get(peers[0]) if peers else None

        def tile_a_for_b():
            peers = [p for p, o in win_a.controller.participants().items() if o == name_b]
            return win_a.tiles.get(peers[0]) if peers else None

        qtbot.waitUntil(
            lambda: (
                (t := tile_b_for_a()) is not None
                and t.verification is not None
                and t.verification.status == "unverified"
            ),
            timeout=30000,
        )
        # Bandung (locked) still verifies Palangka Raya, which proved who it is.
        qtbot.waitUntil(
            lambda: (
                (t := tile_a_for_b()) is not None
                and t.verification is not None
                and t.verification.verified
            ),
            timeout=15000,
        )
        assert tile_b_for_a().verification_label().startswith("Not verified")
        assert tile_a_for_b().verification_label().startswith(f"Verified: {name_b}")
        # Over the unverified link, live review and the ceremony refuse (in words for people).
        assert not link.active
        assert link.refusal.startswith("Live review needs every office in the call to be verified.")
        assert name_a in link.refusal
        qtbot.waitUntil(lambda: live_panel.status_label.text() == link.refusal, timeout=5000)
        assert not live_panel.send_button.isEnabled()
        with pytest.raises(CeremonyError) as refused:
            session.sign("x", None)
        assert refused.value.code == UNVERIFIED_CALL
        assert "signing ceremony needs every office" in refused.value.message
        assert win_b.grab().save(str(screenshots / "call_identity_not_verified.png"))
        # Bandung's own window offers to unlock its identity (looked at).
        assert win_a.identity_bar.isVisible()
        assert win_a.grab().save(str(screenshots / "call_identity_unlock_bar.png"))

        # Bandung unlocks mid-call: Palangka Raya's tile turns verified, with the same code.
        assert win_a.identity_bar.unlock(PASSWORD)
        qtbot.waitUntil(lambda: tile_b_for_a().verification.verified, timeout=15000)
        code_b = tile_b_for_a().verification.short_code
        assert code_b and code_b == tile_a_for_b().verification.short_code
        words = tile_b_for_a().verification.short_words
        assert len(words.split()) == 4 and words == tile_a_for_b().verification.short_words
        assert tile_b_for_a().verification_label() == (
            f"Verified: {name_a}\nCode {code_b[:3]} {code_b[3:]} · {words}"
        )
        qtbot.waitUntil(lambda: link.active, timeout=5000)
        qtbot.waitUntil(lambda: live_panel.status_label.text().startswith("Live review in session"))
        assert link.refusal == "" and session.refusal() is None
        assert not win_a.identity_bar.isVisible()
        assert win_b.grab().save(str(screenshots / "call_identity_verified.png"))
    finally:
        for window in windows:
            window.close()
        hub.stop()
