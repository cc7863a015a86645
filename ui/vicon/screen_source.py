"""What an office can present: document pages as images, and the screen or a window.

Documents become still pages (``HxWx3`` RGB arrays) that :class:`conferencing.presenting.
SlideSource` sends at 5 fps:

* an agreement draft, rendered by the final renderer with its KONSEP watermark
  (:func:`mou.publication.draft_document`), then rasterised by PDFium;
* any PDF file (PDFium, form fields and signature appearances drawn);
* the app catalogue: the shipped Bandung catalogue as 1920x1080 pages of a table.

Pages are rendered tall (:data:`PAGE_HEIGHT` pixels), so small print stays readable when the
viewer zooms. :class:`ScreenGrabber` shares the screen or a window through Qt Multimedia
(``QScreenCapture``/``QWindowCapture``); where the platform cannot capture (the offscreen
platform, a Wayland session without the portal) it says so instead of sending nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.vicon.frames import rgb_from_video_frame

PAGE_HEIGHT = 2160  # a portrait page at this height keeps 9-point text legible
MAX_PAGES = 300  # a longer PDF is presented up to here
CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "sample_bandung.json"
APPS_PER_PAGE = 20
CAPTURE_FPS = 5
CAPTURE_WAIT_MS = 3000  # no frame from the capture by then: it is not available here


class DocumentError(Exception):
    """The document cannot be presented (not a PDF, no pages)."""


def pdf_pages(data: bytes, height: int = PAGE_HEIGHT) -> list[np.ndarray]:
    """Every page of the PDF ``data`` as RGB, ``height`` pixels tall (forms drawn)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise DocumentError("not a PDF") from exc
    try:
        pdf.init_forms()
        pages = []
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            try:
                scale = height / page.get_height()
                bitmap = page.render(scale=scale, may_draw_forms=True)
                pages.append(np.ascontiguousarray(bitmap.to_numpy()[:, :, :3][:, :, ::-1]))
                bitmap.close()
            finally:
                page.close()
    finally:
        pdf.close()
    if not pages:
        raise DocumentError("the PDF has no pages")
    return pages


def agreement_titles(database: Any) -> list[tuple[int, str]]:
    """(id, title) of the agreements in ``database``, newest first."""
    from mou import models

    with database.session() as session:
        rows = session.query(models.Agreement).order_by(models.Agreement.id.desc()).all()
        return [(row.id, row.title) for row in rows]


def agreement_draft_pages(database: Any, agreement_id: int) -> list[np.ndarray]:
    """The agreement's working copy as its draft PDF (KONSEP on every page), as pages."""
    from mou.pdf.render import render_pdf_bytes
    from mou.publication import draft_document

    with database.session() as session:
        document = draft_document(session, agreement_id)
    data, _result = render_pdf_bytes(document)
    return pdf_pages(data)


def catalogue_pages(
    path: Path = CATALOGUE, size: tuple[int, int] = (1920, 1080)
) -> list[np.ndarray]:
    """The app catalogue as table pages of :data:`APPS_PER_PAGE` apps each."""
    from PIL import Image, ImageDraw, ImageFont

    data = json.loads(path.read_text(encoding="utf-8"))
    apps = data.get("apps", [])[:2000]
    region = str(data.get("owner_region", ""))[:80]
    width, height = size
    title_font = ImageFont.load_default(size=34)
    head_font = ImageFont.load_default(size=20)
    text_font = ImageFont.load_default(size=18)
    columns = (30, 90, 560, 780, 1360)
    count = max(1, -(-len(apps) // APPS_PER_PAGE))
    pages = []
    for page in range(count):
        image = Image.new("RGB", size, (250, 250, 246))
        draw = ImageDraw.Draw(image)
        draw.rectangle([0, 0, width, 70], fill=(21, 67, 126))
        draw.text(
            (30, 16), f"Katalog Aplikasi Kota {region} ({len(apps)} aplikasi)", font=title_font,
            fill=(255, 255, 255),
        )  # fmt: skip
        draw.text((width - 260, 24), f"Halaman {page + 1} / {count}", font=head_font, fill="white")
        heads = ("No", "Aplikasi", "Dimensi", "Perangkat daerah", "Teknologi")
        for x, text in zip(columns, heads, strict=True):
            draw.text((x, 86), text, font=head_font, fill=(21, 67, 126))
        y = 124
        for offset, app in enumerate(apps[page * APPS_PER_PAGE : (page + 1) * APPS_PER_PAGE]):
            number = page * APPS_PER_PAGE + offset + 1
            if offset % 2 == 0:
                draw.rectangle([20, y - 4, width - 20, y + 42], fill=(236, 241, 248))
            cells = (
                str(number),
                str(app.get("name", ""))[:40],
                f"Smart {str(app.get('dimension', '')).title()}"[:24],
                str(app.get("opd", ""))[:60],
                str(app.get("tech_stack", ""))[:44],
            )
            for x, text in zip(columns, cells, strict=True):
                draw.text((x, y), text, font=text_font, fill=(20, 20, 20))
            description = str(app.get("description", ""))[:110]
            draw.text((columns[1], y + 21), description, font=text_font, fill=(90, 90, 90))
            y += 47
        pages.append(np.asarray(image).copy())
    return pages


class ScreenGrabber(QObject):
    """Shares the primary screen (or a window) at :data:`CAPTURE_FPS` as RGB frames.

    ``sig_frame`` carries each grabbed frame; ``sig_unavailable`` fires once when the platform
    cannot capture (an error, or no frame within :data:`CAPTURE_WAIT_MS`).
    """

    sig_frame = Signal(object)
    sig_unavailable = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: Any = None
        self._sink: Any = None
        self._capture: Any = None
        self._latest: np.ndarray | None = None
        self.target: Any = None
        self.window_taken: Any = None
        self._got_frame = False
        self._pace = QTimer(self)
        self._pace.setInterval(1000 // CAPTURE_FPS)
        self._pace.timeout.connect(self._emit_latest)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(CAPTURE_WAIT_MS)
        self._watchdog.timeout.connect(self._no_frames)

    def start(self, window: Any = None) -> None:
        """Start capturing the primary screen, or ``window`` (a QCapturableWindow the user
        chose, see :mod:`ui.vicon.window_picker`)."""
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtMultimedia import (
            QMediaCaptureSession,
            QScreenCapture,
            QVideoSink,
            QWindowCapture,
        )

        self.stop()
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._session.setVideoSink(self._sink)
        #: What is shared: the chosen QCapturableWindow, or None for the screen.
        self.target = window
        if window is not None:
            self._capture = QWindowCapture(self)
            self._capture.setWindow(window)
            #: The window Qt's capture took (kept after a failed start, to tell why).
            self.window_taken = self._capture.window()
            self._session.setWindowCapture(self._capture)
        else:
            screen = QGuiApplication.primaryScreen()
            self._capture = QScreenCapture(self)
            self._capture.setScreen(screen)
            self._session.setScreenCapture(self._capture)
        self._capture.errorOccurred.connect(lambda *_args: self._no_frames())
        self._got_frame = False
        self._capture.start()
        self._pace.start()
        self._watchdog.start()

    def stop(self) -> None:
        """Stop capturing."""
        self._pace.stop()
        self._watchdog.stop()
        if self._capture is not None:
            self._capture.stop()
        # Parented to us, so dropping the references alone kept every start's capture, sink
        # and session alive until the call window closed.
        for part in (self._capture, self._sink, self._session):
            if part is not None:
                part.deleteLater()
        self._capture = self._sink = self._session = None

    @Slot(object)
    def _on_frame(self, frame: Any) -> None:
        rgb = rgb_from_video_frame(frame)
        if rgb is not None:
            self._latest = rgb
            self._got_frame = True

    @Slot()
    def _emit_latest(self) -> None:
        if self._latest is not None:
            self.sig_frame.emit(self._latest)
            self._latest = None

    @Slot()
    def _no_frames(self) -> None:
        if not self._got_frame and self._capture is not None:
            self.stop()
            self.sig_unavailable.emit()
