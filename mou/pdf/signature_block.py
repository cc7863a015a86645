"""Signature blocks: per party its role, title, a reserved box for the visible signature, name, NIP.

The box is a flowable that, when drawn, records where it landed (page and rectangle in PDF points)
and writes an empty signature field (``/FT /Sig`` widget) exactly there. Signing later fills that
named field, so every office signs at the spot the layout reserved.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from mou.pdf.dates import long_date
from mou.pdf.document import PdfDocument
from mou.pdf.styles import TABLE_FONT, Styles, markup

BOX_WIDTH = 64 * mm
BOX_HEIGHT = 32 * mm
# The e-Meterai area: the stamp duty seal an office affixes (with its issuer's application)
# before signing. Beside the first party's box, which then narrows so both fit the column.
METERAI_SIZE = 22 * mm
METERAI_GAP = 2 * mm
CAPTION = "Ditandatangani secara elektronik"


@dataclass(frozen=True)
class SignatureSlot:
    """Where one party's visible signature goes. ``page`` is 0-based (pyHanko's convention)."""

    field_name: str
    party_index: int
    role_label: str
    signer_name: str
    signer_title: str
    page: int
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom-left


def field_name_for(party_index: int) -> str:
    """The signature field name of the n-th party (0-based): ``TandaTangan1``, ``TandaTangan2``."""
    return f"TandaTangan{party_index + 1}"


class SignatureBox(Flowable):
    """Reserved space for a visible signature; records its page and rectangle when drawn."""

    def __init__(
        self,
        party_index: int,
        sink: dict[int, tuple[int, tuple[float, ...]]],
        width: float = BOX_WIDTH,
    ) -> None:
        super().__init__()
        self.party_index = party_index
        self.field_name = field_name_for(party_index)
        self.sink = sink
        self.width = width
        self.height = BOX_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw light corner marks (the signature appearance covers the box) and record it."""
        canvas = self.canv
        x, y = canvas.absolutePosition(0, 0)
        # Whole points: pyHanko's stamp layout computes aspect ratios with Fraction (ints only).
        box = (round(x), round(y), round(x + self.width), round(y + self.height))
        self.sink[self.party_index] = (canvas.getPageNumber() - 1, box)
        _add_signature_field(canvas, self.field_name, box)
        canvas.saveState()
        canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
        canvas.setLineWidth(0.5)
        tick = 4 * mm
        for cx, cy, dx, dy in (
            (0, 0, 1, 1),
            (self.width, 0, -1, 1),
            (0, self.height, 1, -1),
            (self.width, self.height, -1, -1),
        ):
            canvas.line(cx, cy, cx + dx * tick, cy)
            canvas.line(cx, cy, cx, cy + dy * tick)
        canvas.restoreState()


class MeteraiArea(Flowable):
    """A dashed square marking where the e-Meterai goes; nothing is drawn inside it."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.width = self.height = METERAI_SIZE
        self.font = font

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Dashed outline and a small label, light enough to vanish under the seal."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setFillColorRGB(0.55, 0.55, 0.55)
        canvas.setFont(self.font, 6.5)
        canvas.drawCentredString(self.width / 2, self.height / 2 + 1, "Tempat")
        canvas.drawCentredString(self.width / 2, self.height / 2 - 7, "e-Meterai")
        canvas.restoreState()


def _box_with_meterai(index: int, sink, st: Styles) -> Flowable:
    row = Table(
        [[MeteraiArea(st.cell.fontName), SignatureBox(index, sink, width=_narrow_box_width())]],
        colWidths=[METERAI_SIZE + METERAI_GAP, _narrow_box_width()],
        hAlign="CENTER",
    )
    row.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return row


def _narrow_box_width() -> float:
    # Whole points (pyHanko's stamp layout works in integers); fits a 78 mm column with the seal.
    return round(BOX_WIDTH - METERAI_SIZE / 2)


def _add_signature_field(canvas, name: str, box: tuple[int, int, int, int]) -> None:
    """An empty, printable signature widget on the current page, listed in the AcroForm.

    Written by reportlab itself (no second pass through pyHanko): the rendered file stays a
    single revision and rendering does not import pyHanko at all.
    """
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    form = canvas.acroForm
    form.sigFlags = 1  # SignaturesExist
    widget = PDFDictionary(
        {
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "FT": PDFName("Sig"),
            "T": PDFString(name),
            "Rect": PDFArray(list(box)),
            "F": 4,  # Print: the signature appearance is printed
            "P": canvas._doc.thisPageRef(),
        }
    )
    canvas._addAnnotation(widget)
    form.fields.append(form.getRef(widget))


def signature_blocks(
    doc: PdfDocument,
    st: Styles,
    frame_width: float,
    sink: dict[int, tuple[int, tuple[float, ...]]],
    *,
    lead: list[Flowable] | None = None,
) -> list[Flowable]:
    """Place and date, then one column per party, kept together on one page."""
    cells = []
    for index, party in enumerate(doc.parties):
        column: list[Flowable] = [
            Paragraph(markup(party.role_label), st.sign_bold),
            Paragraph(markup(party.head_title.upper()), st.sign_bold),
            Spacer(1, 2 * mm),
            _box_with_meterai(index, sink, st)
            if doc.meterai_area and index == 0
            else SignatureBox(index, sink),
            # "Ditandatangani secara elektronik" is the first line of each visible signature
            # (mou.signing.sign); printed here as well, it would stand twice under each box.
            Spacer(1, 2 * mm),
            Paragraph(f"<u>{markup(party.head_name)}</u>", st.sign_bold),
        ]
        if party.head_nip:
            column.append(Paragraph(f"NIP. {markup(party.head_nip)}", st.sign))
        cells.append(column)
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    odd = bool(rows) and len(rows[-1]) == 1
    if odd:
        rows[-1].append("")
    table = Table(rows, colWidths=[frame_width / 2] * 2) if rows else Spacer(1, 1)
    if rows:
        table.setStyle(
            TableStyle(
                [
                    TABLE_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    # An odd last party signs centred under the others, as on paper.
                    *([("SPAN", (0, len(rows) - 1), (1, len(rows) - 1))] if odd else []),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm),
                ]
            )
        )
    place = Paragraph(
        f"Ditandatangani di {markup(doc.place)} pada tanggal {long_date(doc.signed_on)}", st.sign
    )
    return [KeepTogether([*(lead or []), Spacer(1, 6 * mm), place, Spacer(1, 4 * mm), table])]


def _caption_style(st: Styles) -> ParagraphStyle:
    return ParagraphStyle(
        "caption", parent=st.sign, fontName=st.body_en.fontName, fontSize=st.body.fontSize - 3,
        leading=st.body.fontSize - 1, textColor="#444444", spaceBefore=1,
    )  # fmt: skip


def annex_signatures(doc: PdfDocument, st: Styles, frame_width: float) -> list[Flowable]:
    """The parties' blocks at the end of the Lampiran: role, title, the electronic-signature
    note and the name. The signatures themselves are on the agreement's signature page; one
    signature covers the whole file, Lampiran included."""
    if not doc.parties:
        return []
    caption = _caption_style(st)
    cells = []
    for party in doc.parties:
        column: list[Flowable] = [
            Paragraph(markup(party.role_label), st.sign_bold),
            Paragraph(markup(party.head_title.upper()), st.sign_bold),
            Spacer(1, 6 * mm),
            Paragraph(CAPTION, caption),
            Spacer(1, 6 * mm),
            Paragraph(f"<u>{markup(party.head_name)}</u>", st.sign_bold),
        ]
        if party.head_nip:
            column.append(Paragraph(f"NIP. {markup(party.head_nip)}", st.sign))
        cells.append(column)
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    odd = len(rows[-1]) == 1
    if odd:
        rows[-1].append("")
    table = Table(rows, colWidths=[frame_width / 2] * 2)
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *([("SPAN", (0, len(rows) - 1), (1, len(rows) - 1))] if odd else []),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 8 * mm), table])]
