""" "Share a window" opens a chooser; the chosen window is the one captured.

Real call windows and the real chooser on the offscreen platform. There, Qt lists no
capturable window (QWindowCapture.capturableWindows() is empty), so the first test is the
plain "nothing can be shared" message. The offscreen platform still makes real
QCapturableWindow objects from real windows (not capturable, so without titles): the second
test hands those to the same Present → Share a window path and checks that the one picked is
the one set on the QWindowCapture, and that the failed capture is then said plainly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtMultimedia import QCapturableWindow, QWindowCapture
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import LocalMedia
from ui.vicon.window_picker import WindowPicker

BANDUNG = "Pemerintah Kota Bandung"


def _call_window(qtbot: QtBot) -> CallWindow:
    media = LocalMedia(BANDUNG)
    controller = CallController(
        BANDUNG, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media, title="kb-1")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _when_picker(act: Callable[[WindowPicker], None]) -> None:
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, WindowPicker) or not widget.isVisible():
            QTimer.singleShot(30, poll)
            return
        act(widget)

    QTimer.singleShot(30, poll)


def _shot(window: QWidget, dialog: QWidget, path: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    picture = window.grab()
    painter = QPainter(picture)
    at = QPoint((window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 2)
    painter.drawPixmap(at, dialog.grab())
    painter.end()
    picture.save(str(path))


def test_no_capturable_window_is_said_plainly(qtbot: QtBot, screenshots: Path) -> None:
    assert QWindowCapture.capturableWindows() == []  # the offscreen platform lists none
    window = _call_window(qtbot)
    seen: dict[str, object] = {}
    try:

        def look(picker: WindowPicker) -> None:
            seen["text"] = picker.message.text()
            seen["share"] = picker.share_button.isVisible()
            seen["list"] = picker.list.isVisible()
            seen["close"] = picker.close_button.text()
            _shot(window, picker, screenshots / "call_window_picker_none.png")
            picker.close_button.click()

        _when_picker(look)
        window.presenting.share_screen(window=True)  # what "Share a window" in Present does
        assert seen["text"] == (
            "No window can be shared on this computer right now. Open the window you want to "
            "show and try again, or present a document instead."
        )
        assert seen["share"] is False and seen["list"] is False and seen["close"] == "Close"
        assert window.presenting.grabber._capture is None  # nothing started, nothing sent
    finally:
        window.close()


def test_the_chosen_window_is_the_one_captured(qtbot: QtBot, screenshots: Path) -> None:
    window = _call_window(qtbot)
    others = []
    for title in ("Katalog aplikasi", "Rancangan kesepakatan"):
        other = QWidget()
        other.setWindowTitle(title)
        other.show()
        qtbot.waitExposed(other)
        others.append(other)
    windows = [QCapturableWindow(w.windowHandle()) for w in others]
    try:

        def pick_second(picker: WindowPicker) -> None:
            assert picker.list.count() == 2 and picker.share_button.isVisible()
            # Offscreen windows have no title: named plainly, and told apart.
            names = [picker.list.item(i).text() for i in range(2)]
            assert names == ["Untitled window (1)", "Untitled window (2)"]
            assert picker.chosen() == windows[0]  # the first is preselected
            picker.choose(1)
            _shot(window, picker, screenshots / "call_window_picker.png")
            picker.share_button.click()

        _when_picker(pick_second)
        window.presenting.share_screen(window=True, windows=windows)
        # The real QWindowCapture the grabber made fails at once offscreen and is freed; what
        # its setWindow took is kept. QCapturableWindow compares by identity of Qt's private
        # data, which a copy does not keep, and offscreen windows are invalid: so the check is
        # that the very object chosen went to start() and that setWindow took a window.
        grabber = window.presenting.grabber
        assert grabber.target is windows[1]
        taken = grabber.window_taken
        assert taken is not None and (not taken.isValid() or taken == windows[1])
        # Offscreen, the window cannot really be captured: that is said, not a silent nothing.
        qtbot.waitUntil(
            lambda: "Screen sharing is not available" in window.chat.transcript.toPlainText(),
            timeout=5000,
        )

        # Cancel shares nothing.
        window.presenting.grabber.stop()
        _when_picker(lambda picker: picker.close_button.click())
        window.presenting.share_screen(window=True, windows=windows)
        assert window.presenting.grabber._capture is None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert window.presenting.grabber.findChildren(QWindowCapture) == []  # none made or kept
    finally:
        window.close()
        for other in others:
            other.close()
