"""Paper, margins and the page templates: footer with "Halaman x dari y" and a QR code per page.

Two page templates: ``page`` for the agreement itself and ``riwayat`` for the Riwayat Dokumen that
follows it. "Halaman x dari y" counts only the agreement's pages; the history pages are numbered
on their own ("Riwayat Dokumen, lembar 1"), as an attachment that is not part of the text signed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from mou.pdf.document import PageMargins, PdfDocument
from mou.pdf.styles import SANS, SANS_BOLD
from mou.pdf.xmp import attach_xmp

# F4 ("folio") as Indonesian regional governments use it: 215 x 330 mm, not US 8.5 x 13 in.
F4 = (215 * mm, 330 * mm)
PAPER_SIZES: dict[str, tuple[float, float]] = {"f4": F4, "a4": A4}

_TOTAL_FORM = "LintasPageTotal"
_QR_FORM = "LintasQr"
QR_SIZE = 17 * mm
FOOTER_ROOM = 30 * mm  # the footer's base line, page number, code line and QR
HISTORY_TEMPLATE = "riwayat"


@dataclass(frozen=True)
class PageGeometry:
    """Page size and the text frame inside the margins, in PDF points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        """Width available to flowables."""
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        """Height available to flowables."""
        return self.height - self.top - self.bottom


def page_geometry(paper: str, margins: PageMargins | None = None) -> PageGeometry:
    """The template's margins (``PageMargins`` explains the defaults); the bottom one keeps room
    for the footer, whatever the template asks."""
    try:
        width, height = PAPER_SIZES[paper.lower()]
    except KeyError:
        raise ValueError(f"Unknown paper {paper!r}; use 'f4' or 'a4'") from None
    m = margins or PageMargins()
    return PageGeometry(
        width,
        height,
        left=m.left * mm,
        right=m.right * mm,
        top=m.top * mm,
        bottom=max(m.bottom * mm, FOOTER_ROOM),
    )


def qr_payload(agreement_id: str, revision_hash: str) -> str:
    """What the QR on every page carries: enough to look the revision up in the app's record."""
    return f"LINTAS-KB;id={agreement_id};rev={revision_hash}"


def footer_line(doc: PdfDocument) -> str:
    """The quiet line under the page number: what a reader needs to find the record, in words."""
    revision = f" · {doc.revision_label}" if doc.revision_label else ""
    return f"Kode dokumen: {doc.agreement_id}{revision} · Hash {doc.revision_hash[:16]}…"


def parse_qr_payload(text: str) -> tuple[str, str]:
    """(agreement id, revision hash) from a scanned page QR; ``ValueError`` if it is not ours.

    A reader scans the printed page and compares the hash with the app's record of the agreement.
    """
    prefix, _, rest = text.strip().partition(";")
    if prefix != "LINTAS-KB":
        raise ValueError("Not a Lintas agreement code")
    fields = dict(part.split("=", 1) for part in rest.split(";") if "=" in part)
    if not fields.get("id") or not fields.get("rev"):
        raise ValueError("The code lacks the agreement id or the revision hash")
    return fields["id"], fields["rev"]


class AgreementDocTemplate(BaseDocTemplate):
    """One page template for every page; the footer is drawn per page, the total filled in at the end.

    The total page count is a form XObject defined after the last page, so one layout pass is
    enough ("Halaman 3 dari 12" without rendering twice). The QR code is one form XObject drawn
    on every page: it is the same payload, so it is encoded and stored only once.
    """

    def __init__(
        self,
        filename: Any,
        *,
        geometry: PageGeometry,
        qr_text: str,
        footer_text: str,
        watermark: str = "",
        **kwargs: Any,
    ) -> None:
        self.geometry = geometry
        self.watermark = watermark
        self.qr_text = qr_text
        self.footer_text = footer_text
        super().__init__(
            filename,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.left,
            rightMargin=geometry.right,
            topMargin=geometry.top,
            bottomMargin=geometry.bottom,
            # Start pages in an embedded font: reportlab otherwise selects unembedded Helvetica
            # at the top of every page, which pdffonts and PDF/A checks report.
            initialFontName=SANS,
            initialFontSize=9,
            initialLeading=11,
            **kwargs,
        )
        frame = Frame(
            geometry.left,
            geometry.bottom,
            geometry.frame_width,
            geometry.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [
                PageTemplate(id="page", frames=[frame], onPage=self._draw_footer),
                PageTemplate(id=HISTORY_TEMPLATE, frames=[frame], onPage=self._draw_history_footer),
            ]
        )
        self._qr_defined = False

    def beforeDocument(self) -> None:
        """Attach the XMP stream (filled from Info when the file is written)."""
        attach_xmp(self.canv)

    def _define_qr(self, canvas: Canvas) -> None:
        # Drawn from the encoder's module matrix, one rectangle per horizontal run of dark
        # modules: smaller than reportlab's widget output and free of its default-font setup.
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(self.qr_text)
        code.make()
        count = code.getModuleCount()
        module = QR_SIZE / count
        canvas.beginForm(_QR_FORM, 0, 0, QR_SIZE, QR_SIZE)
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        for row in range(count):
            column = 0
            while column < count:
                if not code.isDark(row, column):
                    column += 1
                    continue
                start = column
                while column < count and code.isDark(row, column):
                    column += 1
                path.rect(
                    start * module, QR_SIZE - (row + 1) * module, (column - start) * module, module
                )
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm(Resources=_form_resources(canvas))
        self._qr_defined = True

    def _draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Agreement page: centred "Halaman x dari y", the quiet code line and the QR."""
        label = f"Halaman {canvas.getPageNumber()} dari "
        width = canvas.stringWidth(label, SANS, 9) + canvas.stringWidth("00", SANS, 9)
        self._footer(canvas, label, total_form=True, label_width=width)

    def _draw_history_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """History page: numbered on its own, outside the agreement's count."""
        if getattr(canvas, "lintas_agreement_pages", None) is None:
            canvas.lintas_agreement_pages = canvas.getPageNumber() - 1
        sheet = canvas.getPageNumber() - canvas.lintas_agreement_pages
        label = f"Riwayat Dokumen, lembar {sheet} (di luar halaman naskah)"
        self._footer(
            canvas, label, total_form=False, label_width=canvas.stringWidth(label, SANS, 9)
        )

    def _footer(self, canvas: Canvas, label: str, *, total_form: bool, label_width: float) -> None:
        g = self.geometry
        if self.watermark:
            draw_watermark(canvas, g, self.watermark)
        if not self._qr_defined:
            self._define_qr(canvas)
        canvas.saveState()
        base = 10 * mm
        canvas.setStrokeColorRGB(0.7, 0.7, 0.7)
        canvas.setLineWidth(0.4)
        canvas.line(g.left, base + QR_SIZE + 2 * mm, g.width - g.right, base + QR_SIZE + 2 * mm)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(SANS, 9)
        # Centred on the text column, as in printed regulations; the QR keeps to the right.
        x = g.left + (g.frame_width - label_width) / 2
        canvas.drawString(x, base + 10 * mm, label)
        if total_form:
            canvas.saveState()
            canvas.translate(x + canvas.stringWidth(label, SANS, 9), base + 10 * mm)
            canvas.doForm(_TOTAL_FORM)
            canvas.restoreState()
        canvas.setFillColorRGB(0.45, 0.45, 0.45)
        room = g.frame_width - QR_SIZE - 4 * mm  # never run under the QR code
        _fitted_string(canvas, g.left, base + 2 * mm, self.footer_text, SANS, 6.5, room)
        canvas.translate(g.width - g.right - QR_SIZE, base)
        canvas.doForm(_QR_FORM)
        canvas.restoreState()


WATERMARK_GREY = 0.88  # light enough to read the text over it, dark enough to photocopy


def draw_watermark(canvas: Canvas, geometry: PageGeometry, word: str) -> None:
    """``word`` across the page from lower left to upper right, light grey, under the text.

    Page decorations are drawn before the page's flowables, so the text stays on top and
    readable; grey instead of transparency keeps the page free of extra graphics states.
    """
    import math

    angle = math.degrees(math.atan2(geometry.height, geometry.width))
    diagonal = math.hypot(geometry.width, geometry.height)
    # As large as fits along 70 % of the diagonal.
    size = 0.7 * diagonal / max(canvas.stringWidth(word, SANS_BOLD, 1), 1)
    canvas.saveState()
    # A horizontal mark too: readers of a copy (and text extraction, which cannot join
    # diagonal letters into a word) see that this is not the agreed document.
    canvas.setFillColorRGB(0.45, 0.45, 0.45)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawRightString(
        geometry.width - geometry.right, geometry.height - geometry.top / 2,
        f"{word} · belum disepakati",
    )  # fmt: skip
    canvas.setFillColorRGB(WATERMARK_GREY, WATERMARK_GREY, WATERMARK_GREY)
    canvas.translate(geometry.width / 2, geometry.height / 2)
    canvas.rotate(angle)
    canvas.setFont(SANS_BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, word)
    canvas.restoreState()


def _form_resources(canvas: Canvas):
    """Resources naming only the fonts a form really uses (the QR form: none).

    reportlab otherwise gives every form the whole document's font dictionary. Each page draws
    both forms, so a verifier walking the object graph (pyHanko's modification analysis) met
    every font three times per page; this keeps signature verification about twice as fast.
    """
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference, PDFResourceDictionary

    code = "\n".join(str(part) for part in canvas._code)
    names = sorted(set(re.findall(r"/(\S+) [\d.]+ Tf", code)))
    resources = PDFResourceDictionary()
    resources.basicProcs()
    if names:
        # TrueType subsets are registered under their internal names ("F1+0"), so a named
        # reference resolves to the same font object the pages use.
        resources.Font = PDFDictionary({name: PDFObjectReference(name) for name in names})
    return resources


def _fitted_string(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float
) -> None:
    """Draw ``text`` within ``width``: shrink down to 5 pt, then cut with an ellipsis."""
    while size > 5 and canvas.stringWidth(text, font, size) > width:
        size -= 0.25
    if canvas.stringWidth(text, font, size) > width:
        while text and canvas.stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        text += "…"
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


class PageTotalCanvas(Canvas):
    """A canvas that defines the page-total form just before saving, when the count is final."""

    lintas_agreement_pages: int | None = None  # set by the first history page's footer

    def save(self) -> None:
        """Write "y" of "Halaman x dari y" once (the agreement's pages only), then save."""
        pages = self.lintas_agreement_pages
        if pages is None:
            pages = self.getPageNumber() - 1  # the counter already points past the last page
        pages = max(pages, 1)
        self.beginForm(_TOTAL_FORM)
        self.setFont(SANS, 9)
        self.drawString(0, 0, str(pages))
        self.endForm(Resources=_form_resources(self))
        super().save()
