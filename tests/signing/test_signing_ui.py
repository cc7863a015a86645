"""Signing UI with real widgets offscreen: signature pad (mouse and tablet), verification dialog."""

from __future__ import annotations

import io
from pathlib import Path

import numpy
import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mou.signing import sign_pdf, verify_pdf
from tests.signing.conftest import SignedAgreement
from ui.signing.signature_pad import SignaturePad, SignaturePadDialog
from ui.signing.verify_dialog import VerificationDialog

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _mouse(
    widget, kind: QEvent.Type, x: float, y: float, buttons=Qt.MouseButton.LeftButton
) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    pos = QPointF(x, y)
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def draw_with_mouse(widget, points: list[tuple[float, float]]) -> None:
    """Press, drag through ``points`` with the left button held, release."""
    _mouse(widget, QEvent.Type.MouseButtonPress, *points[0])
    for x, y in points[1:]:
        _mouse(widget, QEvent.Type.MouseMove, x, y)
    _mouse(widget, QEvent.Type.MouseButtonRelease, *points[-1], buttons=Qt.MouseButton.NoButton)


def _pen() -> QPointingDevice:
    return QPointingDevice(
        "test pen",
        4242,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        2,
    )


def _tablet(widget, device, kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
    pos = QPointF(x, y)
    held = (
        Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
    )
    event = QTabletEvent(
        kind,
        device,
        pos,
        widget.mapToGlobal(pos),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        held,
    )
    QApplication.sendEvent(widget, event)


def _ink_pixels(png: bytes) -> int:
    pixels = numpy.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=numpy.int16)
    return int(
        numpy.count_nonzero((pixels[..., 3] > 128) & (pixels[..., 2] > 90) & (pixels[..., 0] < 90))
    )


def test_mouse_drawing_becomes_a_cropped_transparent_png(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(520, 190)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty and pad.to_png() is None
    with qtbot.waitSignal(pad.changed):
        draw_with_mouse(pad, [(40, 120), (90, 50), (140, 140), (200, 40), (260, 130), (330, 60)])
    assert pad.stroke_count == 1 and not pad.is_empty
    png = pad.to_png()
    image = QImage.fromData(png)
    assert not image.isNull() and image.hasAlphaChannel()
    # Cropped to the ink (290 x 100 px drawn, 2x scale, plus a small margin), not the whole pad.
    assert 560 <= image.width() <= 640 and 190 <= image.height() <= 240
    assert _ink_pixels(png) > 1500
    corner = Image.open(io.BytesIO(png)).convert("RGBA").getpixel((0, image.height() - 1))
    assert corner[3] == 0  # transparent background


def test_tablet_pressure_is_recorded_and_widens_the_line(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(520, 190)
    pad.show()
    qtbot.waitExposed(pad)
    pen = _pen()
    _tablet(pad, pen, QEvent.Type.TabletPress, 40, 100, 0.2)
    for step in range(1, 20):
        _tablet(pad, pen, QEvent.Type.TabletMove, 40 + step * 20, 100, 0.2)
    _tablet(pad, pen, QEvent.Type.TabletRelease, 440, 100, 0.0)
    light = pad.to_png()
    assert pad.pressures() and max(pad.pressures()) == pytest.approx(0.2, abs=0.01)
    pad.clear()
    _tablet(pad, pen, QEvent.Type.TabletPress, 40, 100, 1.0)
    for step in range(1, 20):
        _tablet(pad, pen, QEvent.Type.TabletMove, 40 + step * 20, 100, 1.0)
    _tablet(pad, pen, QEvent.Type.TabletRelease, 440, 100, 0.0)
    heavy = pad.to_png()
    assert pad.stroke_count == 1
    # Same path, harder pressure: visibly more ink.
    assert _ink_pixels(heavy) > 1.8 * _ink_pixels(light)


def test_drawn_signature_is_visible_in_the_signed_pdf(
    qtbot, signed_agreement: SignedAgreement, bandung_identity, tmp_path: Path
) -> None:
    from tests.signing.test_signing import _ink_in_box

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(520, 190)
    draw_with_mouse(pad, [(30, 140), (120, 30), (200, 150), (300, 35), (420, 140), (500, 60)])
    slot = signed_agreement.slots[0]
    signed = sign_pdf(
        signed_agreement.unsigned,
        bandung_identity,
        field_name=slot.field_name,
        signer_name=slot.signer_name,
        signer_title=slot.signer_title,
        signature_png=pad.to_png(),
    )
    assert verify_pdf(signed, [bandung_identity.certificate]).ok
    assert _ink_in_box(signed, slot.page, slot.box, tmp_path, "pad") > 200


def test_pad_dialog_needs_ink_and_refuses_bad_png(qtbot) -> None:
    dialog = SignaturePadDialog("Wali Kota Bandung")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert not dialog.import_png(b"not an image")
    assert dialog.error.isVisible() and "PNG" in dialog.error.text()
    draw_with_mouse(dialog.pad, [(40, 100), (140, 40), (240, 120), (340, 50)])
    assert ok.isEnabled()
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.error.hide()
    dialog.grab().save(str(SCREENSHOTS / "signing_pad_dialog.png"))
    ok.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.signature_png and QImage.fromData(dialog.signature_png).width() > 100


def test_pad_imports_a_png(qtbot, signature_png: bytes) -> None:
    dialog = SignaturePadDialog("Wali Kota Palangkaraya")
    qtbot.addWidget(dialog)
    assert dialog.import_png(signature_png)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.pad.to_png() == signature_png  # imported bytes are used unchanged
    dialog.pad.clear()
    assert dialog.pad.is_empty


def test_verification_dialog_valid_and_tampered(
    qtbot, signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    trusted = [bandung_identity.certificate, palangkaraya_identity.certificate]
    dialog = VerificationDialog(signed_agreement.after_both, trusted, title="KB-2026-0001")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.report.ok and len(dialog.panels) == 2
    assert "All 2 signatures are valid" in dialog.summary.text()
    assert "Wali Kota Bandung" in dialog.panels[0].title()
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_verify_valid.png"))

    data = signed_agreement.after_both
    at = data.index(b"/Creator (Lintas ")
    tampered = data[:at] + b"/Creator (Lintaz " + data[at + 17 :]
    bad = VerificationDialog(tampered, trusted[:1])
    qtbot.addWidget(bad)
    bad.show()
    qtbot.waitExposed(bad)
    assert not bad.report.ok
    assert "2 of 2 signatures failed" in bad.summary.text()
    texts = [bad.verdict_text(c) for c in bad.report.signatures]
    assert all(t.startswith("Tampered") for t in texts)
    bad.grab().save(str(SCREENSHOTS / "signing_verify_tampered.png"))


def test_verification_dialog_untrusted_and_unreadable(
    qtbot, signed_agreement: SignedAgreement, bandung_identity
) -> None:
    dialog = VerificationDialog(signed_agreement.after_first, [])
    qtbot.addWidget(dialog)
    assert dialog.verdict_text(dialog.report.signatures[0]).startswith("Unknown signer")
    junk = VerificationDialog(b"junk", [])
    qtbot.addWidget(junk)
    assert "cannot be read" in junk.summary.text() and not junk.panels
