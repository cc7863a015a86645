"""Call window widgets on their own: quality grading, tile painting, participant list, chat."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.vicon.chat_panel import ChatPanel
from ui.vicon.frames import image_from_rgb, rgb_from_image
from ui.vicon.participants import ParticipantList
from ui.vicon.quality import LinkStats, Quality, grade, stats_tooltip
from ui.vicon.video_tile import VideoTile


def test_quality_is_graded_by_the_worst_metric() -> None:
    assert grade(LinkStats()) is Quality.UNKNOWN
    assert grade(LinkStats(rtt_ms=40, loss_pct=0.0, fps=30)) is Quality.GOOD
    assert grade(LinkStats(rtt_ms=40, loss_pct=4.0, fps=30)) is Quality.FAIR
    assert grade(LinkStats(rtt_ms=1200, loss_pct=0.0, fps=30)) is Quality.POOR
    assert grade(LinkStats(fps=5)) is Quality.POOR
    # 15 fps is what small tiles and large sessions are sent at: not a fault of the link.
    assert grade(LinkStats(rtt_ms=40, loss_pct=0.0, fps=15)) is Quality.GOOD
    assert grade(LinkStats(rtt_ms=40, loss_pct=0.0, fps=9)) is Quality.FAIR
    tip = stats_tooltip("Pemerintah Kota Pekanbaru", LinkStats(rtt_ms=42.4, loss_pct=1.25))
    assert "Pekanbaru" in tip and "42 ms" in tip and "1.2 %" in tip and "n/a" in tip


def test_tile_paints_the_frame_and_the_office_name(qtbot: QtBot) -> None:
    tile = VideoTile("p1", "Pemerintah Kota Pekanbaru")
    qtbot.addWidget(tile)
    tile.resize(320, 240)
    tile.show()
    frame = np.zeros((240, 320, 3), np.uint8)
    frame[:, :, 1] = 200  # green
    tile.set_image(image_from_rgb(frame))
    shot = rgb_from_image(tile.grab().toImage())
    assert shot[60, 160, 1] > 150 and shot[60, 160, 0] < 60
    tile.set_video_off(True)
    off = rgb_from_image(tile.grab().toImage())
    assert off[60, 160, 1] < 100  # the green frame is no longer shown
    tile.set_stats(LinkStats(rtt_ms=900))
    assert tile.quality.quality is Quality.POOR
    assert "900 ms" in tile.quality.toolTip()


def test_participant_list_tracks_offices_and_quality(qtbot: QtBot) -> None:
    plist = ParticipantList()
    qtbot.addWidget(plist)
    plist.set_self("Pemerintah Kota Bandung")
    plist.add_participant("p1", "Pemerintah Kota Pekanbaru")
    plist.add_participant("p2", "Pemerintah Kota Palangka Raya")
    assert plist.offices() == ["Pemerintah Kota Pekanbaru", "Pemerintah Kota Palangka Raya"]
    plist.set_stats("p1", LinkStats(rtt_ms=20, loss_pct=0, fps=30))
    assert "Good" in plist.item(1).text()
    assert "20 ms" in plist.item(1).toolTip()
    plist.remove_participant("p1")
    assert plist.offices() == ["Pemerintah Kota Palangka Raya"]
    assert "(you)" in plist.item(0).text()


def test_chat_sends_trimmed_text_and_shows_markup_as_text(qtbot: QtBot) -> None:
    chat = ChatPanel()
    qtbot.addWidget(chat)
    sent: list[str] = []
    chat.sig_send.connect(sent.append)
    qtbot.keyClicks(chat.input, "  Selamat pagi  ")
    qtbot.keyClick(chat.input, Qt.Key.Key_Return)
    assert sent == ["Selamat pagi"]
    assert chat.input.text() == ""
    qtbot.keyClick(chat.input, Qt.Key.Key_Return)  # empty line: nothing sent
    assert sent == ["Selamat pagi"]
    chat.add_message("Pemerintah Kota Pekanbaru", "<b>bold?</b>")
    assert "<b>bold?</b>" in chat.transcript.toPlainText()
