"""PDF pages as QImages through PDFium, with form fields drawn (signature appearances included).

QtPdf leaves pyHanko's signature stamps out (they are form widgets), so every on-screen preview and
every print of a signed agreement goes through this one renderer.
"""

from __future__ import annotations

from PySide6.QtGui import QImage


class PdfOpenError(Exception):
    """The bytes are not a PDF PDFium can open."""


class PdfiumPages:
    """An open PDF. ``render(i, dpi)`` gives page ``i`` (0-based) as an RGB QImage."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        try:
            self._pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise PdfOpenError(f"The PDF cannot be opened: {exc}") from exc
        # Forms must be initialised before any page is loaded, or PDFium skips the widgets.
        self._pdf.init_forms()
        self.page_count = len(self._pdf)
        if self.page_count == 0:
            raise PdfOpenError("The PDF has no pages.")
        self._sizes: dict[int, tuple[float, float]] = {}

    def page_size_pt(self, index: int = 0) -> tuple[float, float]:
        """Width and height of page ``index`` in PDF points."""
        if index not in self._sizes:
            page = self._pdf[index]
            try:
                self._sizes[index] = tuple(page.get_size())  # type: ignore[assignment]
            finally:
                page.close()
        return self._sizes[index]

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` at ``dpi`` (signature appearances drawn)."""
        page = self._pdf[index]
        try:
            bitmap = page.render(
                scale=dpi / 72, may_draw_forms=True, rev_byteorder=True, prefer_bgrx=True
            )
            try:
                return QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                ).copy()  # QImage does not own PDFium's buffer
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        """Release PDFium's document."""
        self._pdf.close()
