"""The Gallery/Speaker choice is remembered across calls in the app's settings (settings.ini).

Real call windows on the offscreen platform (no hub needed: the layout is the window's own):
choose Speaker, close the window; the next call window, with settings read afresh from the
same file, opens in Speaker; choosing Gallery there is remembered the same way.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.settings import Settings
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import LocalMedia

BANDUNG = "Pemerintah Kota Bandung"


def _window(qtbot: QtBot, folder: Path) -> CallWindow:
    media = LocalMedia(BANDUNG)
    controller = CallController(
        BANDUNG, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media, title="kb-1", settings=Settings(folder))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_speaker_layout_is_remembered_for_the_next_call(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    first = _window(qtbot, tmp_path)
    try:
        assert first.call_layout.mode == "gallery"  # nothing chosen yet
        first.call_layout.button.click()
        assert first.call_layout.mode == "speaker"
    finally:
        first.close()

    # The file itself says so (another process, the next start of the app, reads it).
    assert "call_layout=speaker" in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    second = _window(qtbot, tmp_path)
    try:
        layout = second.call_layout
        assert layout.mode == "speaker"
        assert layout.button.isChecked() and layout.button.text() == "Gallery view"
        qtbot.waitUntil(lambda: layout.view.isVisible() and layout.view.width() > 600)
        assert not second.gallery.isVisible()
        second.grab().save(str(screenshots / "call_layout_remembered_speaker.png"))
        layout.button.click()  # back to Gallery: remembered too
        assert layout.mode == "gallery" and second.gallery.isVisible()
    finally:
        second.close()
    assert Settings(tmp_path).call_layout == "gallery"


def test_a_hand_edited_layout_falls_back_to_gallery(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.qsettings.setValue("vicon/call_layout", "mosaic")
    settings.sync()
    window = _window(qtbot, tmp_path)
    try:
        assert window.call_layout.mode == "gallery" and window.gallery.isVisible()
    finally:
        window.close()
