"""The call window at scale: 16 tiles to a page, paging beyond, visible offices reported.

Real VideoTile widgets painted offscreen, and a real CallWindow with a real CallController (its
engine thread running, not joined): offices "join" through the controller's own Qt signal, as
the engine's events arrive in a call, so the window builds its tiles exactly as it does then.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from conferencing.call_identity import PeerVerification, VerifyCode
from conferencing.media import SyntheticVideoSource
from tests.vicon.conftest import install_indonesian
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import LocalMedia
from ui.vicon.frames import image_from_rgb
from ui.vicon.gallery import PAGE_SIZE, Gallery, grid_columns, page_count
from ui.vicon.video_tile import VideoTile

BANDUNG = "Pemerintah Kota Bandung"
CITIES = [
    "Ambon", "Balikpapan", "Banjarmasin", "Batam", "Bekasi", "Bitung", "Bogor", "Denpasar",
    "Jambi", "Kupang", "Madiun", "Makassar", "Malang", "Manado", "Medan", "Padang", "Palu",
    "Pekanbaru", "Pontianak", "Semarang",
]  # fmt: skip
OFFICES = [f"Pemerintah Kota {c}" for c in CITIES]


def _peer(index: int) -> str:
    return f"peer-{index:02d}"


def _frame(office: str) -> QImage:
    """A real frame of the office's synthetic camera (its name and moving pattern)."""
    track = SyntheticVideoSource(office, 320, 240).track()
    return image_from_rgb(track.render(12, 400).to_ndarray(format="rgb24"))


def _verified(peer_id: str, office: str, code: str) -> PeerVerification:
    return PeerVerification(peer_id, "verified", VerifyCode.VERIFIED, office, code, 1)


def test_page_arithmetic() -> None:
    assert [page_count(n) for n in (0, 1, 16, 17, 32, 33)] == [1, 1, 1, 2, 2, 3]
    assert [grid_columns(n) for n in (1, 2, 4, 5, 6, 9, 16)] == [1, 2, 2, 3, 3, 3, 4]


def test_twenty_tiles_fill_two_pages_and_report_what_is_shown(qtbot: QtBot) -> None:
    gallery = Gallery()
    qtbot.addWidget(gallery)
    gallery.resize(1000, 640)
    gallery.show()
    seen: list[frozenset[str]] = []
    gallery.sig_visible_changed.connect(seen.append)
    tiles = [VideoTile(_peer(i), OFFICES[i], parent=gallery.tile_host) for i in range(20)]
    gallery.set_tiles(tiles)

    assert gallery.pages == 2 and gallery.page == 0
    assert gallery.pager.isVisible() and gallery.page_text() == "Page 1 of 2"
    assert [t.isVisible() for t in tiles] == [True] * PAGE_SIZE + [False] * 4
    assert seen == [frozenset(_peer(i) for i in range(16))]
    assert not gallery.previous_button.isEnabled() and gallery.next_button.isEnabled()
    # 4x4: every tile on the page gets an equal cell inside the gallery.
    widths = {t.width() for t in tiles[:16]}
    assert max(widths) - min(widths) <= 2, widths
    assert all(gallery.tile_host.rect().contains(t.geometry()) for t in tiles[:16])

    gallery.next_button.click()
    assert gallery.page == 1 and gallery.page_text() == "Page 2 of 2"
    assert [t.isVisible() for t in tiles] == [False] * 16 + [True] * 4
    assert seen[-1] == frozenset(_peer(i) for i in range(16, 20))
    # The last page keeps the full page's grid: its four tiles are as small as the others.
    assert abs(tiles[16].width() - max(widths)) <= 2
    gallery.next_page()  # no page 3: nothing changes, nothing is reported
    assert gallery.page == 1 and len(seen) == 2

    # Three leave from page 2, then the last one: the gallery falls back to one page.
    gallery.set_tiles(tiles[:17])
    assert gallery.page == 1 and seen[-1] == frozenset({_peer(16)})
    gallery.set_tiles(tiles[:16])
    assert gallery.pages == 1 and gallery.page == 0
    assert not gallery.pager.isVisible()
    assert seen[-1] == frozenset(_peer(i) for i in range(16))

    # Turning to an office's page (e.g. when it speaks).
    gallery.set_tiles(tiles)
    gallery.show_peer(_peer(18))
    assert gallery.page == 1 and tiles[18].isVisible()


def _open_window(qtbot: QtBot) -> CallWindow:
    media = LocalMedia(BANDUNG)
    controller = CallController(BANDUNG, video_source=media.video_source())
    window = CallWindow(controller, media, title="Rapat Kerja Apeksi")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _join(window: CallWindow, count: int) -> None:
    """Offices join as the engine reports them; each tile gets a frame and a verdict."""
    for i in range(count):
        window.controller.sig_participant_joined.emit(_peer(i), OFFICES[i])
        window.tiles[_peer(i)].set_image(_frame(OFFICES[i]))
        window.controller.sig_verification.emit(
            _peer(i), _verified(_peer(i), OFFICES[i], f"{100000 + 7919 * i:06d}")
        )


def _close(window: CallWindow) -> None:
    window.close()
    window.controller.shutdown()


def test_call_window_pages_twenty_offices_and_tells_the_controller(qtbot: QtBot) -> None:
    window = _open_window(qtbot)
    try:
        controller = window.controller
        _join(window, 20)
        gallery = window.gallery
        # 20 offices: 16 on page 1, 4 on page 2; the self view is a thumbnail on every page.
        assert gallery.pages == 2 and gallery.page_text() == "Page 1 of 2"
        assert window.self_tile.isVisible()
        first_page = frozenset(_peer(i) for i in range(16))
        qtbot.waitUntil(lambda: controller.visible_peers == first_page, timeout=2000)
        hidden = window.tiles[_peer(17)]
        assert not hidden.isVisible()

        qtbot.keyClick(gallery.next_button, " ")  # press the button as a user would
        second_page = frozenset(_peer(i) for i in range(16, 20))
        qtbot.waitUntil(lambda: controller.visible_peers == second_page, timeout=2000)
        assert window.self_tile.isVisible() and hidden.isVisible()
        # The tile keeps its identity badge on page 2, painted green.
        assert hidden.verification_label().startswith(f"Verified: {OFFICES[17]}")
        qtbot.waitUntil(lambda: hidden.width() > 160)
        badge = hidden.grab().toImage().pixelColor(10, 10)
        assert badge.green() > badge.red() + 40, badge.name()

        # Offices on page 2 leave: the window goes back to one page and reports page 1.
        for i in range(16, 20):
            controller.sig_participant_left.emit(_peer(i), OFFICES[i])
        assert gallery.pages == 1 and not gallery.pager.isVisible()
        qtbot.waitUntil(lambda: controller.visible_peers == first_page, timeout=2000)
    finally:
        _close(window)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("offices", [5, 15])
def test_gallery_screenshots(
    qtbot: QtBot, screenshots: Path, tmp_path: Path, language: str, offices: int
) -> None:
    """6 and 16 tiles (self + offices) at 1366x768, English and Indonesian; the names fit."""
    translator = install_indonesian(tmp_path) if language == "id" else None
    window = _open_window(qtbot)
    try:
        _join(window, offices)
        qtbot.wait(200)
        tiles = list(window.tiles.values())
        assert len(tiles) == offices + 1 and all(t.isVisible() for t in tiles)
        assert not window.gallery.pager.isVisible()
        host = window.gallery.tile_host.rect()
        for tile in tiles:
            # Every tile lies inside the gallery, none overlaps another, none is a sliver.
            assert host.contains(tile.geometry()), tile.office
            assert tile.width() >= 160 and tile.height() >= 100, (tile.width(), tile.height())
        # The offices' tiles never overlap; the self view is a smaller thumbnail over the grid.
        rects = [t.geometry() for t in tiles if t is not window.self_tile]
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
        own = window.self_tile.geometry()
        assert own.width() < rects[0].width() and own.height() < rects[0].height()
        image = window.grab().toImage()
        assert image.width() == 1366 and image.height() == 768
        # Real pictures are painted in the tiles (not the dark "waiting" card).
        centre = tiles[-1].mapTo(window, tiles[-1].rect().center())
        assert image.pixelColor(centre) != QColor("#1b1f24")
        assert image.save(str(screenshots / f"gallery_{offices + 1}_{language}.png"))
        if language == "id":
            assert window.tiles[_peer(0)].verification_label().startswith("Terverifikasi")
    finally:
        _close(window)
        if translator is not None:
            QCoreApplication.removeTranslator(translator)


def test_paged_gallery_screenshot_in_indonesian(
    qtbot: QtBot, screenshots: Path, tmp_path: Path
) -> None:
    translator = install_indonesian(tmp_path)
    window = _open_window(qtbot)
    try:
        _join(window, 20)
        window.gallery.next_page()
        qtbot.wait(200)
        assert window.gallery.page_text() == "Halaman 2 dari 2"
        assert window.gallery.next_button.text() == "Berikutnya ▶"
        assert window.grab().save(str(screenshots / "gallery_page2_id.png"))
    finally:
        _close(window)
        QCoreApplication.removeTranslator(translator)
