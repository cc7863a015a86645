"""The on-screen PDF view shows signature stamps (PDFium with forms), fits width, zooms."""

from __future__ import annotations

from pathlib import Path

import numpy
from PySide6.QtGui import QImage

from tests.signing.conftest import SignedAgreement
from ui.signing.pdf_view import SignedPdfView

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _ink(image: QImage, box, page_width_pt: float, page_height_pt: float) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    pixels = (
        numpy.frombuffer(rgb.constBits(), dtype=numpy.uint8)
        .reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3]
        .reshape(rgb.height(), rgb.width(), 3)
        .astype(numpy.int16)
    )
    scale = rgb.width() / page_width_pt
    x1, y1, x2, y2 = box
    region = pixels[
        int((page_height_pt - y2) * scale) : int((page_height_pt - y1) * scale),
        int(x1 * scale) : int(x2 * scale),
    ]
    r, g, b = region[..., 0], region[..., 1], region[..., 2]
    return int(numpy.count_nonzero((b > 90) & (r < 90) & (g < 110)))


def test_view_shows_both_signatures_and_zooms(qtbot, signed_agreement: SignedAgreement) -> None:
    view = SignedPdfView()
    qtbot.addWidget(view)
    view.resize(760, 900)
    view.show()
    qtbot.waitExposed(view)
    assert view.set_pdf(signed_agreement.after_both)
    total = view.page_count
    assert total >= 4 and view.page_label.text() == f"Page 1 of {total}"
    qtbot.waitUntil(lambda: view.page_image(0) is not None, timeout=5000)
    assert view.page_image(total - 1) is None  # not rendered before it is seen
    slot = signed_agreement.slots[0]
    view.scroll_to_page(slot.page)
    qtbot.waitUntil(lambda: view.page_image(slot.page) is not None, timeout=5000)
    image = view.page_image(slot.page)
    # Fit width: the page spans the viewport.
    assert (
        abs(image.width() / image.devicePixelRatio() - (view.scroll.viewport().width() - 24)) <= 2
    )
    for each in signed_agreement.slots:
        assert _ink(image, each.box, 609.449, 935.433) > 150, each.field_name
    assert view.page_label.text() == f"Page {slot.page + 1} of {total}"
    SCREENSHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SCREENSHOTS / "signing_pdf_view.png"))

    fitted = view._labels[0].width()
    view.zoom_in_button.click()
    assert not view.fit_button.isChecked()
    view.zoom_in_button.click()
    assert view._labels[0].width() > fitted
    view.fit_width()
    assert view._labels[0].width() == fitted


def test_view_refuses_garbage_with_a_message(qtbot) -> None:
    view = SignedPdfView()
    qtbot.addWidget(view)
    view.show()
    assert not view.set_pdf(b"not a pdf")
    assert view.error.isVisible() and "cannot be shown" in view.error.text()
    assert view.page_count == 0 and view.page_label.text() == "No document"
