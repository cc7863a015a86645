"""Starting and stopping screen sharing leaves no capture objects behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtMultimedia import QMediaCaptureSession, QScreenCapture, QVideoSink
from pytestqt.qtbot import QtBot

from ui.vicon.screen_source import ScreenGrabber


def _parts(grabber: ScreenGrabber) -> int:
    return sum(
        len(grabber.findChildren(kind))
        for kind in (QScreenCapture, QVideoSink, QMediaCaptureSession)
    )


def test_each_start_replaces_the_last_capture_instead_of_piling_them_up(qtbot: QtBot) -> None:
    grabber = ScreenGrabber()
    for _ in range(4):  # present, stop, present again: as a presenter does in one meeting
        grabber.start()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert _parts(grabber) == 3  # this start's capture, sink and session only
    grabber.stop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _parts(grabber) == 0
    grabber.deleteLater()
