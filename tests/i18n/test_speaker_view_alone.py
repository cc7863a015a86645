"""Speaker view with nobody else in the call: the stage says so, and our own picture stays small.

Before, the stage was an empty black area and the self view, whose key is "", was taken for the
large picture ("" also meant "nobody large"): green frame and an 18-point caption on a thumbnail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ui.vicon.speaker_view import SELF_KEY, SpeakerView

ROOT = Path(__file__).resolve().parents[2]
ACTIVE_FRAME = QColor("#2e9d4f")


def _has_active_frame(view: SpeakerView) -> bool:
    image = view.grab().toImage()
    return any(
        image.pixelColor(x, y) == ACTIVE_FRAME
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def _view(qtbot: QtBot) -> SpeakerView:
    view = SpeakerView()
    qtbot.addWidget(view)
    view.resize(1020, 670)  # the stage of a 1366x768 call window
    view.set_office(SELF_KEY, "Pemerintah Kota Bandung")
    picture = QImage(320, 240, QImage.Format.Format_RGB32)
    picture.fill(QColor("#6080a0"))
    view.set_image(SELF_KEY, picture)
    view.show()
    return view


def _check(qtbot: QtBot, words: str, name: str) -> None:
    view = _view(qtbot)
    assert view.waiting_text() == words
    assert not _has_active_frame(view)  # the self view is not painted as the speaker
    shots = ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    assert view.grab().save(str(shots / f"call_speaker_alone_{name}.png"))
    view.set_office("p1", "Pemerintah Kota Pekanbaru")  # someone joins: the stage is theirs
    assert view.waiting_text() == "" and view.large_key() == "p1"
    assert _has_active_frame(view)


def test_speaker_view_alone_in_english(qtbot: QtBot) -> None:
    _check(qtbot, "Waiting for the other offices to join…", "en")


def test_speaker_view_alone_in_indonesian(qtbot: QtBot, indonesian: None) -> None:
    _check(qtbot, "Menunggu kantor lain bergabung…", "id")
